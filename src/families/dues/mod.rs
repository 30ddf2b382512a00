//! Dues (党费): the calculator, the per-member monthly ledger, and the rules
//! DUE001–DUE011.

mod calc;
mod ledger;
pub(crate) mod rules;

use crate::kit::RuleMeta;

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = rules::META;
pub(crate) use rules::run;

pub use calc::*;
pub use ledger::*;

//! Dues (党费): the calculator, the per-member monthly ledger, and the rules
//! DUE001–DUE011.

mod calc;
mod ledger;
pub(crate) mod rules;

pub use calc::*;
pub use ledger::*;

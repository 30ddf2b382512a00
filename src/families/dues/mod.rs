//! Dues (党费): the calculator, the per-member monthly ledger, and the rules
//! DUE001–DUE011.

mod ledger;
pub(crate) mod rules;

pub use ledger::*;

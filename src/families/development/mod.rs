//! Member development (发展党员): the 25-step table, a candidate's
//! development file, the planner, and the rules DEV001–DEV022.

mod file;
pub(crate) mod rules;

pub use file::*;

//! Transfers of organisational relations and members away (组织关系接转, 流动党员): the rules REL001–REL006.

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleMeta};

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[];

/// Runs the family's rules over the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let _ = (cx, out);
}

//! Ideology work (意识形态工作责任制): the rule IDE001.

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleMeta};

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[];

/// Runs the family's rules over the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let _ = (cx, out);
}

//! The rule families: one room per family, holding its domain view (the
//! dues ledger, the development file, the attendance roll …) next to its
//! rules. Families read the [`Context`](crate::audit::context::Context) and
//! report violations to the [`Emitter`](crate::audit::Emitter); they never
//! import the report's renderers or the application.

pub mod data;
pub mod development;
pub mod dues;
pub mod ideology;
pub mod life;
pub mod organisation;
pub mod transfers;

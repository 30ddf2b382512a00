//! The rule families: one room per family, holding its domain view (the
//! dues ledger, the development file, the attendance roll …) next to its
//! rules. Families read the [`Context`](crate::families::context::Context) and
//! report violations to the [`Emitter`](crate::kit::Emitter); they never
//! import the report's renderers or the application.

#[cfg(test)]
mod catalogue;
pub(crate) mod context;
pub mod data;
pub mod development;
pub mod dues;
pub mod ideology;
pub mod life;
pub mod organisation;
pub(crate) mod registry;
pub mod transfers;

//! Where records read from a workbook came from.

use std::collections::{BTreeMap, BTreeSet};

/// The workbook cells (`三会一课!F7`) of references the workbook reader
/// could not resolve — a 姓名 no member of the roster has, or that several
/// members share — by table, record index and field as the data-quality
/// rule `DAT001` names them (`meetings`, 3, `chair`).
///
/// Filled only by the workbook reader and never serialized; two bundles that
/// differ only here are equal (`==` ignores it), so a workbook and its JSON
/// twin compare equal.
///
/// It also keeps which ids the reader derived because the workbook had
/// none (a member by name, a meeting by kind and date): their findings say
/// so in evidence (`id_derived: true`).
#[derive(Clone, Debug, Default)]
pub struct Origins(
    BTreeMap<(&'static str, usize, &'static str), Vec<String>>,
    BTreeSet<String>,
);

impl Origins {
    /// Records that the id `id` of a `kind` (`member`, `meeting`,
    /// `candidate`) was derived by the reader, not written in the input.
    pub fn add_derived(&mut self, kind: &'static str, id: &str) {
        self.1.insert(format!("{kind}\u{0}{id}"));
    }

    /// Whether the id `id` of a `kind` was derived by the reader.
    pub fn is_derived(&self, kind: &str, id: &str) -> bool {
        !self.1.is_empty() && self.1.contains(&format!("{kind}\u{0}{id}"))
    }

    /// Whether the reader derived any id.
    pub fn has_derived(&self) -> bool {
        !self.1.is_empty()
    }

    /// Records that `field` of record `record` of `table` came from `cell`.
    pub fn add(&mut self, table: &'static str, record: usize, field: &'static str, cell: String) {
        let v = self.0.entry((table, record, field)).or_default();
        if !v.contains(&cell) {
            v.push(cell);
        }
    }

    /// The cells recorded for `field` of record `record` of `table`.
    pub fn cells(&self, table: &str, record: usize, field: &str) -> &[String] {
        self.0
            .iter()
            .find(|((t, r, f), _)| *t == table && *r == record && *f == field)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// Whether no cell is recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl PartialEq for Origins {
    fn eq(&self, _: &Origins) -> bool {
        true
    }
}

impl Eq for Origins {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_kept_once_and_ignored_by_eq() {
        let mut o = Origins::default();
        assert!(o.is_empty());
        assert!(o.cells("meetings", 3, "chair").is_empty());
        o.add("meetings", 3, "chair", "三会一课!F7".into());
        o.add("meetings", 3, "chair", "三会一课!F7".into());
        o.add("meetings", 3, "chair", "三会一课!F9".into());
        assert!(!o.is_empty());
        assert_eq!(
            o.cells("meetings", 3, "chair"),
            ["三会一课!F7", "三会一课!F9"]
        );
        assert!(o.cells("meetings", 4, "chair").is_empty());
        assert!(o.cells("meetings", 3, "recorder").is_empty());
        assert!(o.cells("talks", 3, "chair").is_empty());
        // A workbook and its JSON twin compare equal.
        assert_eq!(o, Origins::default());
        assert_eq!(Origins::default(), o);
    }
}

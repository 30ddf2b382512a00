//! The empty template (`audit --template`), filled in as a secretary would:
//! every sheet's rows put under the template's own headers, read back to the
//! same bundles and findings as the JSON twin.

#![cfg(feature = "xlsx")]

mod xlsx_common;

use calamine::Data;
use dangjian::Bundle;
use xlsx_common::{Sheets, assert_twins, key, sheets, text, write};

/// The template filled with `bundle`: each template sheet keeps its own
/// header row (and 支部信息 its 项目 / 内容 / 说明 rows), and gets under it
/// the rows the record writer gives for the bundle, column by column under
/// the template's headers. A value the template has no column for fails.
fn fill_template(template: &Sheets, bundle: &Bundle) -> Vec<u8> {
    let mut bytes = Vec::new();
    dangjian::render::xlsx::write_records(std::slice::from_ref(bundle), &mut bytes).unwrap();
    let records = sheets(&bytes);
    let mut out: Sheets = Vec::new();
    for (name, rows) in template {
        let Some((_, data)) = records.iter().find(|(n, _)| n == name) else {
            // 填表说明, and sheets the bundle has no rows for: as they are.
            out.push((name.clone(), rows.clone()));
            continue;
        };
        if name == "支部信息" {
            // 项目 / 内容 rows: each item's value from the record writer's.
            let mut filled = rows.clone();
            for (label, value) in data
                .iter()
                .filter_map(|r| Some((text(r.first()?)?, r.get(1)?)))
            {
                if label == "项目" {
                    continue;
                }
                let at = filled
                    .iter_mut()
                    .find(|r| {
                        r.first()
                            .and_then(text)
                            .is_some_and(|t| key(&t) == key(&label))
                    })
                    .unwrap_or_else(|| panic!("the template's 支部信息 has no item {label}"));
                at[1] = value.clone();
            }
            out.push((name.clone(), filled));
            continue;
        }
        let head: Vec<String> = rows[0]
            .iter()
            .map(|d| text(d).map(|t| key(&t)).unwrap_or_default())
            .collect();
        let from: Vec<String> = data[0]
            .iter()
            .map(|d| text(d).map(|t| key(&t)).unwrap_or_default())
            .collect();
        let mut filled = vec![rows[0].clone()];
        for r in &data[1..] {
            let mut row = vec![Data::Empty; head.len()];
            for (j, d) in r.iter().enumerate() {
                if matches!(d, Data::Empty) {
                    continue;
                }
                let h = &from[j];
                let i = head.iter().position(|x| x == h).unwrap_or_else(|| {
                    panic!("the template's {name} has no column {h} (a value {d:?} would be lost)")
                });
                row[i] = d.clone();
            }
            filled.push(row);
        }
        out.push((name.clone(), filled));
    }
    write(&out)
}

#[test]
fn the_filled_template_reads_back_as_the_json_twin() {
    let mut template = Vec::new();
    dangjian::render::xlsx::write_template(&mut template).unwrap();
    let template = sheets(&template);
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let mut filled_sheets = std::collections::BTreeSet::new();
    for bundle in &json {
        let bytes = fill_template(&template, bundle);
        let wb = xlsx_common::read(&bytes, "台账.xlsx").unwrap_or_else(|e| {
            panic!(
                "the filled template of {} does not read: {e}",
                bundle.branch.id
            )
        });
        assert_twins(&wb.bundles, std::slice::from_ref(bundle));
        // Nothing unknown in our own template: only the sample's planted
        // unknown member (DAT001) may be said.
        let odd: Vec<String> = wb
            .warnings
            .iter()
            .filter(|w| w.kind != dangjian::load::xlsx::WarningKind::UnresolvedName)
            .map(|w| w.to_string())
            .collect();
        assert!(odd.is_empty(), "{}: {odd:#?}", bundle.branch.id);
        for (name, rows) in sheets(&bytes) {
            if rows.len() > 1 {
                filled_sheets.insert(name);
            }
        }
    }
    // The sample fills every sheet of the template but 填表说明.
    let all: std::collections::BTreeSet<String> = template
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| n != "填表说明")
        .collect();
    let missing: Vec<&String> = all.difference(&filled_sheets).collect();
    assert!(
        missing.is_empty(),
        "sheets the sample left empty: {missing:?}"
    );
}

#[test]
fn every_required_column_is_in_the_template() {
    let mut template = Vec::new();
    dangjian::render::xlsx::write_template(&mut template).unwrap();
    let template = sheets(&template);
    let heads = |name: &str| -> Vec<String> {
        let (_, rows) = template.iter().find(|(n, _)| n == name).unwrap();
        rows[0].iter().filter_map(text).collect()
    };
    // 党费公开's 年度 is required: the template marks it so.
    assert_eq!(heads("党费公开"), ["公开日期*", "年度*"]);
    // The grid form's 年度 of 党费收缴 is optional and left out.
    assert!(!heads("党费收缴").iter().any(|h| h.starts_with("年度")));
}

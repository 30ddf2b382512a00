//! The JSON report rendered finding by finding (the command streams it).

use crate::report::{Finding, Report};

/// One finding as it stands in the pretty-printed JSON report: an element of
/// the `findings` array, indented by four spaces (no trailing comma or newline).
pub(crate) fn json_finding(f: &Finding) -> String {
    // Pretty-print at depth 0, then indent every line by four spaces (JSON
    // strings never hold a raw newline, so every newline is a line break).
    let mut raw = Vec::with_capacity(1024);
    if serde_json::to_writer_pretty(&mut raw, f).is_err() {
        return String::new();
    }
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 8 + 8);
    out.extend_from_slice(b"    ");
    for &b in &raw {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(b"    ");
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The pretty JSON report split around its findings: `(head, tail)` such that
/// `head + findings joined by ",\n" + tail` is [`Report::to_json`] (the
/// findings of `report` are ignored; `empty` says there are none).
pub(crate) fn json_frame(report: &Report, empty: bool) -> (String, String) {
    let mut shell = report.clone();
    shell.findings.clear();
    let text = shell.to_json();
    // The findings are the only field named `findings` at the top level.
    const KEY: &str = "\n  \"findings\": ";
    let cut = text.find(KEY).map_or(text.len(), |i| i + KEY.len());
    let (head, tail) = text.split_at(cut);
    let tail = tail.strip_prefix("[]").unwrap_or(tail);
    if empty {
        (format!("{head}[]"), tail.to_owned())
    } else {
        (format!("{head}[\n"), format!("\n  ]{tail}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streamed pieces put together are the report's own JSON, with
    /// findings and without.
    #[test]
    fn the_frame_and_the_findings_make_the_report() {
        let bundles = crate::testing::sample();
        let report = crate::Auditor::new(crate::testing::d("2025-12-31")).audit(&bundles);
        assert!(report.findings.len() > 1);
        let (head, tail) = json_frame(&report, false);
        let items: Vec<String> = report.findings.iter().map(json_finding).collect();
        assert_eq!(
            format!("{head}{}{tail}", items.join(",\n")),
            report.to_json()
        );
        let mut empty = report.clone();
        empty.findings.clear();
        let (head, tail) = json_frame(&empty, true);
        assert_eq!(format!("{head}{tail}"), empty.to_json());
    }
}

//! The CSV report: UTF-8 with BOM, one finding a row (RFC 4180 quoting,
//! formula-looking cells defused).

use std::io::{self, Write as _};

use crate::report::{Citation, Finding, Lang, Report};

/// Writes the report as CSV (see [`csv`]) to `w`.
///
/// # Errors
/// When writing fails.
pub fn write_csv(report: &Report, lang: Lang, w: impl io::Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(w);
    w.write_all(CSV_HEADER.as_bytes())?;
    for f in &report.findings {
        w.write_all(csv_row(f, lang).as_bytes())?;
    }
    w.flush()
}

/// The report as CSV, UTF-8 with a byte-order mark (Excel needs it to read
/// Chinese), one finding a row, messages in `lang`.
pub fn csv(report: &Report, lang: Lang) -> String {
    let mut out = String::from(CSV_HEADER);
    for f in &report.findings {
        out.push_str(&csv_row(f, lang));
    }
    out
}

/// The first line of the CSV report, with the byte-order mark.
pub(crate) const CSV_HEADER: &str = "\u{feff}rule,name,severity,branch,subject_kind,subject_id,period_from,period_to,message,evidence,citations\r\n";

/// One finding as a CSV row (with its line end).
pub(crate) fn csv_row(f: &Finding, lang: Lang) -> String {
    let (from, to) = f
        .period
        .map(|p| (p.from.to_string(), p.to.to_string()))
        .unwrap_or_default();
    let evidence = serde_json::to_string(&f.evidence).unwrap_or_default();
    let cites: Vec<String> = f.citations.iter().map(Citation::display).collect();
    let row = [
        f.rule.as_str(),
        f.name(),
        f.severity.as_str(),
        f.branch.as_str(),
        f.subject.kind.as_str(),
        f.subject.id.as_str(),
        &from,
        &to,
        f.message.get(lang),
        &evidence,
        &cites.join("; "),
    ];
    let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
    let mut line = cells.join(",");
    line.push_str("\r\n");
    line
}

fn csv_cell(s: &str) -> String {
    // Quote when needed (RFC 4180); a leading = + - @ is prefixed with ' so
    // that a spreadsheet never takes a cell for a formula.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("plain"), "plain");
    }
}

//! Rendering a report as text (Chinese by default, grouped by branch) and as
//! CSV (UTF-8 with BOM, so that Excel opens it). JSON is [`Report::to_json`].
//!
//! Text is built one branch at a time ([`TextReport::add_branch`]), so a
//! streaming audit keeps only the rendered text, not the bundles.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::audit::context::Context;

#[cfg(feature = "xlsx")]
pub mod xlsx;
use crate::report::{Citation, Finding, Lang, Report, Severity, Summary, period_label};

/// A text report being built branch by branch.
#[derive(Debug, Default)]
pub struct TextReport {
    lang: Lang,
    // (branch id, arrival) -> rendered section: sorted by branch id like the
    // findings; two bundles with the same branch id both stay, in input order.
    sections: BTreeMap<(String, usize), String>,
}

impl TextReport {
    /// An empty text report in `lang`.
    pub fn new(lang: Lang) -> TextReport {
        TextReport {
            lang,
            sections: BTreeMap::new(),
        }
    }

    /// Renders one branch (its findings and the per-branch sections) and adds it.
    pub fn add_branch(&mut self, cx: &Context<'_>, findings: &[Finding]) {
        let seq = self.sections.len();
        let text = branch_section(cx, findings, self.lang);
        self.add_section(seq, cx.bundle.branch.id.as_str(), text);
    }

    /// Adds a branch section rendered by [`branch_section`]; `seq` is the
    /// bundle's position in the input, which orders branches with equal ids.
    pub fn add_section(&mut self, seq: usize, branch: &str, text: String) {
        self.sections.insert((branch.to_owned(), seq), text);
    }

    /// The whole text: header, the branches in id order, the summary.
    pub fn finish(self, report: &Report) -> String {
        let mut out = text_head(report, self.lang);
        for s in self.sections.values() {
            out.push_str(s);
        }
        out.push_str(&text_summary(report, self.lang));
        out
    }
}

/// The text of one branch: its findings and the per-branch sections.
pub fn branch_section(cx: &Context<'_>, findings: &[Finding], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let b = &cx.bundle.branch;
    let mut s = String::new();
    let _ = writeln!(s, "== {} {} ==", b.id, b.name);
    let mut sum = Summary::default();
    sum.add_findings(findings);
    let sev = severity_counts(&sum, lang);
    let members = cx.bundle.members.len();
    let _ = if zh {
        writeln!(s, "党员 {members} 名，问题 {} 条（{sev}）", findings.len())
    } else {
        writeln!(s, "{members} members, {} findings ({sev})", findings.len())
    };
    s.push('\n');
    for f in findings {
        let sev = if zh {
            f.severity.zh()
        } else {
            f.severity.as_str()
        };
        let kind = if zh {
            f.subject.kind.zh()
        } else {
            f.subject.kind.as_str()
        };
        let period = f.period.as_ref().map(period_label).unwrap_or_default();
        let _ = writeln!(
            s,
            "[{sev}] {} {}  {kind} {}  {period}",
            f.rule, f.name, f.subject.id
        );
        let _ = writeln!(s, "    {}", f.message.get(lang));
        let cites: Vec<String> = f.citations.iter().map(Citation::display).collect();
        if !cites.is_empty() {
            let label = if zh { "依据：" } else { "Source: " };
            let _ = writeln!(s, "    {label}{}", cites.join("；"));
        }
    }
    if findings.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            if zh {
                "（未发现问题）"
            } else {
                "(no findings)"
            }
        );
    }
    for (title, body) in branch_sections(cx, lang) {
        if body.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n-- {title} --");
        s.push_str(&body);
    }
    s.push('\n');
    s
}

/// The head of the text report: title, reference date, period, totals.
pub fn text_head(report: &Report, lang: Lang) -> String {
    let sum = &report.summary;
    let sev = severity_counts(sum, lang);
    let (p, b, m, n) = (&report.period, sum.branches, sum.members, sum.findings);
    if lang == Lang::Zh {
        format!(
            "党支部台账审计报告\n基准日 {}，审计期间 {} 至 {}，规则配置 {}\n\
             支部 {b} 个，党员 {m} 名，问题 {n} 条（{sev}）\n\n",
            report.as_of, p.from, p.to, report.profile.name
        )
    } else {
        format!(
            "Party branch records audit\nas of {}, period {} to {}, profile {}\n\
             {b} branches, {m} members, {n} findings ({sev})\n\n",
            report.as_of, p.from, p.to, report.profile.name
        )
    }
}

/// The tail of the text report: totals by severity and by rule.
pub fn text_summary(report: &Report, lang: Lang) -> String {
    let sum = &report.summary;
    let sev = severity_counts(sum, lang);
    let mut out = if lang == Lang::Zh {
        format!("== 汇总 ==\n按严重程度：{sev}\n按规则：\n")
    } else {
        format!("== Summary ==\nBy severity: {sev}\nBy rule:\n")
    };
    for (code, n) in &sum.by_rule {
        let name = code.name();
        let _ = writeln!(out, "  {code} {name:<36} {n:>5}");
    }
    out
}

/// `错误 3，警告 2，提示 1` / `3 errors, 2 warnings, 1 info`.
fn severity_counts(sum: &Summary, lang: Lang) -> String {
    let by = |s: Severity| sum.by_severity.get(&s).copied().unwrap_or(0);
    let (e, w, i) = (
        by(Severity::Error),
        by(Severity::Warning),
        by(Severity::Info),
    );
    match lang {
        Lang::Zh => format!("错误 {e}，警告 {w}，提示 {i}"),
        Lang::En => format!("{e} errors, {w} warnings, {i} info"),
    }
}

/// Extra per-branch sections of the text report (title, body), from the rule
/// families that have something to show beyond findings.
fn branch_sections(cx: &Context<'_>, lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let title = match lang {
        Lang::Zh => "发展党员进度",
        Lang::En => "Member development: progress and next steps",
    };
    out.push((
        title.to_owned(),
        crate::development::progress_section(cx, lang),
    ));
    out.extend(crate::life::standing::summary_section(cx, lang));
    out
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
pub const CSV_HEADER: &str = "\u{feff}rule,name,severity,branch,subject_kind,subject_id,period_from,period_to,message,evidence,citations\r\n";

/// One finding as a CSV row (with its line end).
pub fn csv_row(f: &Finding, lang: Lang) -> String {
    let (from, to) = f
        .period
        .map(|p| (p.from.to_string(), p.to.to_string()))
        .unwrap_or_default();
    let evidence = serde_json::to_string(&f.evidence).unwrap_or_default();
    let cites: Vec<String> = f.citations.iter().map(Citation::display).collect();
    let row = [
        f.rule.as_str(),
        f.name,
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

/// One finding as it stands in the pretty-printed JSON report: an element of
/// the `findings` array, indented by four spaces (no trailing comma or newline).
pub fn json_finding(f: &Finding) -> String {
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
pub fn json_frame(report: &Report, empty: bool) -> (String, String) {
    let mut shell = report.clone();
    shell.findings.clear();
    let text = shell.to_json();
    let cut = text.rfind("[]").unwrap_or(text.len());
    let (head, tail) = text.split_at(cut);
    let tail = tail.strip_prefix("[]").unwrap_or(tail);
    if empty {
        (format!("{head}[]"), tail.to_owned())
    } else {
        (format!("{head}[\n"), format!("\n  ]{tail}"))
    }
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

//! The text report: head, one section per branch, summary.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write as _};

use crate::families::context::Context;
use crate::report::{
    BaselineStatus, Citation, Finding, Lang, Report, Severity, Summary, period_label,
};

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
        self.sections
            .insert((cx.bundle.branch.id.as_str().to_owned(), seq), text);
    }

    /// Writes the whole text (see [`TextReport::finish`]) to `w`.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write(self, report: &Report, w: impl io::Write) -> io::Result<()> {
        let mut w = io::BufWriter::new(w);
        w.write_all(text_head(report, self.lang).as_bytes())?;
        for s in self.sections.values() {
            w.write_all(s.as_bytes())?;
        }
        w.write_all(text_summary(report, self.lang).as_bytes())?;
        w.flush()
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
pub(crate) fn branch_section(cx: &Context<'_>, findings: &[Finding], lang: Lang) -> String {
    let mut sum = Summary::default();
    sum.add_findings(findings);
    let mut s = branch_head(cx, &sum, findings.len(), lang);
    s.push_str(&finding_block(cx, findings, lang));
    s.push_str(&branch_tail(cx, findings.len(), lang));
    s
}

/// The head of a branch's text: its name, members and the counts of its
/// `n` findings (`sum`).
pub(crate) fn branch_head(cx: &Context<'_>, sum: &Summary, n: usize, lang: Lang) -> String {
    let b = &cx.bundle.branch;
    let mut s = String::new();
    let _ = writeln!(s, "== {} {} ==", b.id, b.name);
    let sev = severity_counts(sum, lang);
    let members = cx.bundle.members.len();
    let _ = if lang == Lang::Zh {
        writeln!(s, "党员 {members} 名，问题 {n} 条（{sev}）")
    } else {
        writeln!(s, "{members} members, {n} findings ({sev})")
    };
    s.push('\n');
    s
}

/// The entries of `findings` (sorted, one family's or all of a branch's),
/// a member's consecutive unpaid months joined into one.
pub(crate) fn finding_block(cx: &Context<'_>, findings: &[Finding], lang: Lang) -> String {
    let mut s = String::new();
    let mut i = 0;
    while let Some(f) = findings.get(i) {
        let run = unpaid_run(findings, i);
        match run.len() {
            0 | 1 => finding_lines(&mut s, f, None, lang),
            _ => {
                let text = run_message(cx, &run, lang);
                finding_lines(&mut s, f, Some((&run, text)), lang);
            }
        }
        i += run.len().max(1);
    }
    s
}

/// The tail of a branch's text (of `n` findings): the per-branch sections.
pub(crate) fn branch_tail(cx: &Context<'_>, n: usize, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = String::new();
    if n == 0 {
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

/// The lines of one finding; `run` joins a member's consecutive unpaid
/// months (DUE001 findings) into one entry with its own message.
fn finding_lines(s: &mut String, f: &Finding, run: Option<(&[&Finding], String)>, lang: Lang) {
    let zh = lang == Lang::Zh;
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
    let (period, message) = match &run {
        Some((run, text)) => {
            let first = run.first().and_then(|f| f.period);
            let last = run.last().and_then(|f| f.period);
            let label = match (first, last) {
                (Some(a), Some(b)) => format!("{}..{}", period_label(&a), period_label(&b)),
                _ => String::new(),
            };
            (label, text.clone())
        }
        None => (
            f.period.as_ref().map(period_label).unwrap_or_default(),
            f.message.get(lang).to_owned(),
        ),
    };
    let status = match (f.baseline, zh) {
        (Some(BaselineStatus::New), true) => "  新发现".to_owned(),
        (Some(BaselineStatus::New), false) => "  new".to_owned(),
        (Some(BaselineStatus::Unchanged), true) => {
            format!("  未整改（首次发现 {}）", first_seen(f))
        }
        (Some(BaselineStatus::Unchanged), false) => format!("  open since {}", first_seen(f)),
        (Some(BaselineStatus::Updated), true) => format!("  有变化（首次发现 {}）", first_seen(f)),
        (Some(BaselineStatus::Updated), false) => {
            format!("  changed, open since {}", first_seen(f))
        }
        (Some(BaselineStatus::Recurring), true) => {
            format!("  重复出现（首次发现 {}）", first_seen(f))
        }
        (Some(BaselineStatus::Recurring), false) => {
            format!("  recurring, first seen {}", first_seen(f))
        }
        _ => String::new(),
    };
    let _ = writeln!(
        s,
        "[{sev}] {} {}  {kind} {}  {period}{status}",
        f.rule,
        f.name(),
        f.subject.id
    );
    let _ = writeln!(s, "    {message}");
    if let Some(a) = &f.accepted {
        let _ = if zh {
            writeln!(
                s,
                "    已批准例外：{}（{}，有效期至{}）",
                a.reason, a.approval, a.expires
            )
        } else {
            writeln!(
                s,
                "    Accepted exception: {} ({}, until {})",
                a.reason, a.approval, a.expires
            )
        };
    }
    let cites: Vec<String> = f.citations.iter().map(Citation::display).collect();
    if !cites.is_empty() {
        let label = if zh { "依据：" } else { "Source: " };
        let _ = writeln!(s, "    {label}{}", cites.join("；"));
    }
}

fn first_seen(f: &Finding) -> String {
    f.first_seen.map(|d| d.to_string()).unwrap_or_default()
}

/// The DUE001 findings from `i` on that are one member's consecutive unpaid
/// months (same severity and acceptance); empty unless `findings[i]` is a DUE001.
fn unpaid_run(findings: &[Finding], i: usize) -> Vec<&Finding> {
    let mut run: Vec<&Finding> = Vec::new();
    for f in findings.get(i..).unwrap_or(&[]) {
        if f.rule != crate::vocab::RuleCode::DUE001 {
            break;
        }
        let Some(p) = f.period else { break };
        if let Some(prev) = run.last() {
            let follows = prev.period.is_some_and(|q| q.to.succ_opt() == Some(p.from));
            if prev.subject != f.subject
                || !follows
                || prev.severity != f.severity
                || prev.accepted != f.accepted
                || prev.baseline != f.baseline
            {
                break;
            }
        }
        run.push(f);
    }
    run
}

/// "黄静（M08）2025年6月至2025年12月共7个月党费未交纳（应交合计280.00元）".
fn run_message(cx: &Context<'_>, run: &[&Finding], lang: Lang) -> String {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return String::new();
    };
    let id = first.subject.id.as_str();
    let name = cx.member(id).map_or("", |m| m.name.as_str());
    let months = |f: &Finding| f.period.map(|p| crate::model::YearMonth::of(p.from));
    let (Some(a), Some(b)) = (months(first), months(last)) else {
        return first.message.get(lang).to_owned();
    };
    let expected: Option<Vec<crate::model::Money>> = run
        .iter()
        .map(|f| {
            f.evidence
                .get("expected")
                .and_then(|v| v.as_str())
                .and_then(|s| s.parse().ok())
        })
        .collect();
    let total = expected.map(|v| {
        v.into_iter().fold(
            crate::model::Money::ZERO,
            crate::model::Money::saturating_add,
        )
    });
    let n = run.len();
    match lang {
        Lang::En => {
            let amount = total
                .map(|t| format!(" (expected {t} yuan in all)"))
                .unwrap_or_default();
            format!("dues unpaid by {name} ({id}) for {n} months, {a}..{b}{amount}")
        }
        _ => {
            let amount = total
                .map(|t| format!("（应交合计{t}元）"))
                .unwrap_or_default();
            format!(
                "{name}（{id}）{}共{n}个月党费未交纳{amount}",
                crate::period::months_zh(a, b)
            )
        }
    }
}

/// The head of the text report: title, reference date, period, totals.
pub(crate) fn text_head(report: &Report, lang: Lang) -> String {
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
pub(crate) fn text_summary(report: &Report, lang: Lang) -> String {
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
    let zh = lang == Lang::Zh;
    if sum.accepted > 0 {
        let _ = if zh {
            writeln!(out, "已批准例外（不计入严重程度）：{}", sum.accepted)
        } else {
            writeln!(
                out,
                "Accepted exceptions (not counted by severity): {}",
                sum.accepted
            )
        };
    }
    if !report.indicators.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                "== 各支部指标 =="
            } else {
                "== How each branch stands =="
            }
        );
        for i in &report.indicators {
            let prev = report
                .previous_indicators
                .iter()
                .find(|p| p.branch == i.branch);
            out.push_str(&indicator_lines(i, prev, lang));
        }
    }
    if let Some(t) = &report.todo {
        let _ = if zh {
            writeln!(out, "\n== 待办（{}天内，至{}）==", t.days, t.until)
        } else {
            writeln!(
                out,
                "\n== Falls due within {} days (to {}) ==",
                t.days, t.until
            )
        };
        if t.items.is_empty() {
            let _ = writeln!(out, "  {}", if zh { "（无）" } else { "(nothing)" });
        }
        for i in &t.items {
            let _ = writeln!(out, "  {} {}  {}", i.branch, i.due, i.message.get(lang));
        }
    }
    if !report.scorecards.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                "== 评星定级 =="
            } else {
                "== Branch ratings =="
            }
        );
        for c in &report.scorecards {
            let items: Vec<String> = c
                .items
                .iter()
                .map(|i| {
                    let rules = i.rules.join("/");
                    if zh {
                        format!(
                            "{rules} {}条扣{}分{}",
                            i.findings,
                            i.points,
                            if i.capped { "（封顶）" } else { "" }
                        )
                    } else {
                        format!(
                            "{rules} {} × {} = {}{}",
                            i.findings,
                            i.per_finding,
                            i.points,
                            if i.capped { " (capped)" } else { "" }
                        )
                    }
                })
                .collect();
            let _ = if zh {
                writeln!(
                    out,
                    "  {} {}（{}分，{}）{}",
                    c.branch,
                    c.level,
                    c.score,
                    c.scheme,
                    if items.is_empty() {
                        String::new()
                    } else {
                        format!("：{}", items.join("；"))
                    }
                )
            } else {
                writeln!(
                    out,
                    "  {} {} ({} points, {}){}",
                    c.branch,
                    c.level,
                    c.score,
                    c.scheme,
                    if items.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", items.join("; "))
                    }
                )
            };
            if let Some(v) = &c.veto {
                let _ = if zh {
                    writeln!(
                        out,
                        "    一票否决：{}（按分数为{}，封顶{}）",
                        v.why, v.level_by_score, v.cap
                    )
                } else {
                    writeln!(
                        out,
                        "    veto: {} (by score {}, capped at {})",
                        v.why, v.level_by_score, v.cap
                    )
                };
            }
        }
    }
    for a in &report.expired_accepts {
        let who = a
            .subject
            .as_ref()
            .map(|s| format!("/{s}"))
            .unwrap_or_default();
        let _ = if zh {
            writeln!(
                out,
                "例外已过期：{} {}{who}（有效期至{}），相关问题照常列出",
                a.rule, a.branch, a.expires
            )
        } else {
            writeln!(
                out,
                "Exception expired: {} {}{who} (until {}); its findings are listed as usual",
                a.rule, a.branch, a.expires
            )
        };
    }
    for a in &report.unmatched_accepts {
        let who = a
            .subject
            .as_ref()
            .map(|s| format!("/{s}"))
            .unwrap_or_default();
        let _ = if zh {
            writeln!(
                out,
                "例外未匹配任何问题：{} {}{who}（{}）",
                a.rule, a.branch, a.reason
            )
        } else {
            writeln!(
                out,
                "Exception matched no finding: {} {}{who} ({})",
                a.rule, a.branch, a.reason
            )
        };
    }
    if let (Some(b), Some(c)) = (&report.baseline, &sum.baseline) {
        let file = b.file.as_deref().unwrap_or("");
        let rate = c
            .rectification_rate
            .map(|r| {
                format!(
                    "{}%",
                    (r * rust_decimal::Decimal::ONE_HUNDRED)
                        .round_dp(1)
                        .normalize()
                )
            })
            .unwrap_or_else(|| "—".to_owned());
        let open = c.unchanged + c.updated + c.recurring;
        let (zh_again, en_again) = if c.recurring > 0 {
            (
                format!("，重复出现 {}", c.recurring),
                format!(", {} recurring", c.recurring),
            )
        } else {
            (String::new(), String::new())
        };
        let _ = if zh {
            writeln!(
                out,
                "\n== 与上次检查比较 ==\n基准 {file}（基准日 {}）：新发现 {}，未整改 {open}（其中有变化 {}{zh_again}），已整改 {}，整改率 {rate}",
                b.as_of, c.new, c.updated, c.resolved
            )
        } else {
            writeln!(
                out,
                "\n== Compared with the baseline ==\nbaseline {file} (as of {}): {} new, {open} still open ({} changed{en_again}), {} resolved; rectification rate {rate}",
                b.as_of, c.new, c.updated, c.resolved
            )
        };
        if !report.resolved.is_empty() {
            let _ = writeln!(out, "{}", if zh { "已整改：" } else { "Resolved:" });
            for r in &report.resolved {
                let _ = writeln!(out, "  {}  {}", r.id, r.message.as_deref().unwrap_or(""));
            }
        }
    }
    if !report.unreadable.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                "== 无法读取（未审计）=="
            } else {
                "== Unreadable (not audited) =="
            }
        );
        for u in &report.unreadable {
            let _ = writeln!(out, "  {}", u.message);
        }
    }
    if !report.assumptions.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                "== 读取时的假定（表中没有的列）=="
            } else {
                "== Assumed in reading (columns the input lacks) =="
            }
        );
        for a in &report.assumptions {
            let _ = writeln!(out, "  {a}");
        }
    }
    out
}

use super::percent as pct;

/// The change of a rate against the baseline's, in percentage points:
/// `（上次 90.1%，+5.7）` / ` (before 90.1%, +5.7)`.
fn change(
    now: Option<rust_decimal::Decimal>,
    before: Option<rust_decimal::Decimal>,
    zh: bool,
) -> String {
    let (Some(n), Some(b)) = (now, before) else {
        return String::new();
    };
    let d = ((n - b) * rust_decimal::Decimal::ONE_HUNDRED)
        .round_dp(1)
        .normalize();
    let sign = if d.is_sign_negative() { "" } else { "+" };
    if zh {
        format!("（上次 {}，{sign}{d}）", pct(Some(b)))
    } else {
        format!(" (before {}, {sign}{d})", pct(Some(b)))
    }
}

/// One branch's indicators, with the baseline's beside them.
fn indicator_lines(
    i: &crate::report::Indicators,
    prev: Option<&crate::report::Indicators>,
    lang: Lang,
) -> String {
    let zh = lang == Lang::Zh;
    let d = &i.dues;
    let a = &i.attendance;
    let t = &i.training;
    let v = &i.development;
    let dues_change = change(d.on_time_rate, prev.and_then(|p| p.dues.on_time_rate), zh);
    let att_change = change(a.rate, prev.and_then(|p| p.attendance.rate), zh);
    let meetings: Vec<String> = i
        .meetings
        .iter()
        .map(|m| {
            let name = if zh {
                crate::families::life::meetings::kind_zh(m.kind).to_owned()
            } else {
                m.kind.as_str().replace('_', " ")
            };
            format!("{name} {}/{}", m.held, m.required)
        })
        .collect();
    let mean = t
        .mean_hours
        .map(|h| h.to_string())
        .unwrap_or_else(|| "—".to_owned());
    if zh {
        format!(
            "  {} {}至{}\n    党费：按期足额交纳 {}（{}/{}个月）{dues_change}，应交 {} 元，实收 {} 元\n    会议（已开/应开）：{}\n    出勤率 {}{att_change}（应到 {}，出席 {}，请假 {}，缺席 {}）\n    学习培训：{} 学时，人均 {}，未达标 {} 人\n    发展党员：申请人 {}，积极分子 {}，发展对象 {}，预备党员 {}；本期接收 {}，转正 {}\n",
            i.branch,
            i.period.from,
            i.period.to,
            pct(d.on_time_rate),
            d.on_time_months,
            d.owed_months,
            d.expected,
            d.collected,
            meetings.join("，"),
            pct(a.rate),
            a.expected,
            a.present,
            a.excused,
            a.absent,
            t.hours,
            mean,
            t.below_minimum,
            v.applicants,
            v.activists,
            v.candidates,
            v.probationary,
            v.admitted,
            v.converted
        )
    } else {
        format!(
            "  {} {}..{}\n    dues paid in full on time {} ({}/{} months){dues_change}, expected {}, collected {}\n    meetings (held/required): {}\n    attendance {}{att_change} (expected {}, present {}, excused {}, absent {})\n    training {} hours, {} a member, {} short of the minimum\n    development: {} applicants, {} activists, {} candidates, {} probationary; {} admitted, {} converted\n",
            i.branch,
            i.period.from,
            i.period.to,
            pct(d.on_time_rate),
            d.on_time_months,
            d.owed_months,
            d.expected,
            d.collected,
            meetings.join(", "),
            pct(a.rate),
            a.expected,
            a.present,
            a.excused,
            a.absent,
            t.hours,
            mean,
            t.below_minimum,
            v.applicants,
            v.activists,
            v.candidates,
            v.probationary,
            v.admitted,
            v.converted
        )
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Auditor;

    /// The text report of the bundled sample, in both languages, and its CSV:
    /// every section (findings, runs of unpaid months, members' life and
    /// study, development progress) as a reader sees it.
    #[test]
    fn the_sample_report_reads_as_its_snapshot() {
        let bundles = crate::testing::sample();
        let auditor = Auditor::new(crate::testing::d("2025-12-31")).with_indicators(true);
        let report = auditor.audit(&bundles);
        let mut text = String::new();
        for lang in [Lang::Zh, Lang::En] {
            let mut t = TextReport::new(lang);
            for b in &bundles {
                let cx = auditor.context(b);
                let findings = auditor.check_context(&cx);
                t.add_branch(&cx, &findings);
            }
            text.push_str(&t.finish(&report));
        }
        crate::testing::snapshot("tests/snapshots/sample-report.txt", &text);
        crate::testing::snapshot(
            "tests/snapshots/sample-report.csv",
            &crate::render::csv(&report, Lang::En),
        );
    }

    /// One member's unpaid months, with M1 at a new base since the baseline
    /// (3000.00 then: its findings are `updated`), M2 as before (`unchanged`)
    /// and what fell due after the baseline (`new`); M1's May paid since
    /// (`resolved`); M2's August accepted by the profile.
    const BUNDLE: &str = r#"{
        "branch": {"id": "B1", "name": "一支部", "kind": "organ"},
        "members": [
            {"id": "M1", "name": "甲", "status": "full", "admitted_on": "2010-06-01", "dues_category": "salaried"},
            {"id": "M2", "name": "乙", "status": "full", "admitted_on": "2010-06-01", "dues_category": "salaried"}
        ],
        "dues_bases": [
            {"member": "M1", "from": "2024-01", "base": "BASE"},
            {"member": "M2", "from": "2024-01", "base": "4000.00"}
        ],
        "dues_payments": [
            {"member": "M1", "month": "2025-01", "through": "2025-02", "amount": "AMT", "paid_on": "2025-01-05"},
            MAY
            {"member": "M1", "month": "2025-08", "through": "2025-12", "amount": "200.00", "paid_on": "2025-08-05"},
            {"member": "M2", "month": "2025-01", "through": "2025-06", "amount": "240.00", "paid_on": "2025-01-05"}
        ]
    }"#;
    const PROFILE: &str = r#"
        format = "dangjian-profile/1"
        name = "test"
        extends = "central"
        [[accept]]
        rule = "DUE001"
        branch = "B1"
        subject = "M2"
        period = "2025-08"
        reason = "挂职期间在当地交纳"
        approval = "党委〔2025〕1号"
        expires = "2026-06-30"
    "#;

    fn auditor(as_of: &str) -> Auditor {
        let profile = crate::Profile::from_toml_str(PROFILE).unwrap();
        Auditor::new(crate::testing::d(as_of))
            .profile(profile)
            .select("DUE001".parse().unwrap())
            .with_indicators(true)
    }

    /// A gap, a new member, a change of acceptance or of the comparison
    /// with the baseline (or of severity, for findings a caller made) each
    /// start a new run of unpaid months; every comparison mark is written
    /// with its first-seen day; the summary counts the accepted ones and
    /// compares with the baseline. `write` and `write_csv` give what
    /// `finish` and `csv` do.
    #[test]
    fn a_compared_report_reads_as_its_snapshot() {
        let before = BUNDLE
            .replace("BASE", "3000.00")
            .replace("AMT", "60.00")
            .replace("MAY", "");
        let now = BUNDLE.replace("BASE", "4000.00").replace("AMT", "80.00").replace(
            "MAY",
            r#"{"member": "M1", "month": "2025-05", "amount": "40.00", "paid_on": "2025-11-05"},"#,
        );
        let before = [crate::load::bundle_from_json(&before).unwrap()];
        // B2 has paid every month: a branch without findings.
        let b2 = r#"{"branch": {"id": "B2", "name": "二支部", "kind": "organ"},
            "members": [{"id": "M9", "name": "丙", "status": "full", "admitted_on": "2010-06-01", "dues_category": "salaried"}],
            "dues_bases": [{"member": "M9", "from": "2024-01", "base": "4000.00"}],
            "dues_payments": [{"member": "M9", "month": "2025-01", "through": "2025-12", "amount": "480.00", "paid_on": "2025-01-05"}]}"#;
        let now = [
            crate::load::bundle_from_json(&now).unwrap(),
            crate::load::bundle_from_json(b2).unwrap(),
        ];
        let baseline = crate::report::Baseline::from_report(
            &auditor("2025-08-31").audit(&before),
            Some("2025-08.json"),
        );
        let auditor = auditor("2025-12-31");
        let mut report = auditor.audit(&now);
        report.compare(&baseline);
        // A caller's own finding of another severity ends a run too.
        let mut findings = report.findings.clone();
        if let Some(f) = findings
            .iter_mut()
            .find(|f| f.id.as_str() == "DUE001/B1/member:M2/2025-11")
        {
            f.severity = Severity::Warning;
        }
        let mut text = Vec::new();
        for lang in [Lang::Zh, Lang::En] {
            let render = || {
                let mut t = TextReport::new(lang);
                t.add_branch(&auditor.context(&now[0]), &findings);
                t.add_branch(&auditor.context(&now[1]), &[]);
                t
            };
            let mut bytes = Vec::new();
            render().write(&report, &mut bytes).unwrap();
            assert_eq!(
                String::from_utf8(bytes.clone()).unwrap(),
                render().finish(&report)
            );
            text.extend(bytes);
        }
        crate::testing::snapshot(
            "tests/snapshots/compared-report.txt",
            &String::from_utf8(text).unwrap(),
        );
        let mut csv = Vec::new();
        crate::render::write_csv(&report, Lang::Zh, &mut csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            crate::render::csv(&report, Lang::Zh)
        );
    }
}

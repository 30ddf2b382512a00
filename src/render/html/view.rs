//! What the templates see: the report and the branches, as plain data with
//! every number and date already written out in the report's language.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::grid::{CellStyle, DUES_CELLS, LIFE_CELLS};
use super::labels::{label, labels};
use super::part::{Part, TimelineView};
use crate::report::{
    BaselineStatus, Citation, Finding, Indicators, Lang, Report, Severity, period_label,
};
use crate::vocab::Family;

/// Rows of the findings table written as markup; the others are in
/// `<noscript>` chunks of [`CHUNK_ROWS`] that the browser reads as text (the
/// script builds the rows a filter shows, at most 1,000 at a time).
pub(crate) const FIRST_ROWS: usize = 300;
/// Rows of a chunk.
pub(crate) const CHUNK_ROWS: usize = 1000;

/// The whole page.
#[derive(Serialize)]
pub(crate) struct PageView {
    pub lang: &'static str,
    pub t: BTreeMap<&'static str, &'static str>,
    pub head: HeadView,
    pub legend: BTreeMap<&'static str, Vec<LegendItem>>,
    pub branches: Vec<BranchView>,
    pub rows: Vec<RowView>,
    /// Rows written as markup; the others in chunks of `chunk_rows`.
    pub first_rows: usize,
    pub chunk_rows: usize,
    pub filters: Filters,
    pub has_baseline: bool,
    pub todo: Option<TodoView>,
    pub resolved: Vec<ResolvedView>,
    pub unmatched_accepts: Vec<String>,
    pub expired_accepts: Vec<String>,
    pub unreadable: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct HeadView {
    pub as_of: String,
    pub period_from: String,
    pub period_to: String,
    pub profile: String,
    pub extends: String,
    pub edition: String,
    pub sha256: Option<String>,
    pub sha_short: Option<String>,
    pub baseline_file: Option<String>,
    pub baseline_as_of: Option<String>,
    pub branches: usize,
    pub members: usize,
    pub findings: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub accepted: usize,
    pub new: Option<usize>,
    pub open: Option<usize>,
    pub updated: Option<usize>,
    pub recurring: Option<usize>,
    pub resolved: Option<usize>,
    pub rate: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct LegendItem {
    pub key: &'static str,
    pub letter: char,
    pub fill: &'static str,
    pub label: &'static str,
}

fn legend(cells: &'static [CellStyle], lang: Lang) -> Vec<LegendItem> {
    cells
        .iter()
        .map(|c| LegendItem {
            key: c.key,
            letter: c.letter,
            fill: c.fill,
            label: c.label(lang),
        })
        .collect()
}

#[derive(Serialize)]
pub(crate) struct BranchView {
    pub id: String,
    pub name: String,
    pub anchor: String,
    pub open: bool,
    pub members: usize,
    pub candidates: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub accepted: usize,
    pub findings: usize,
    pub worst: &'static str,
    pub score: Option<ScoreView>,
    pub indicators: Vec<IndicatorRow>,
    pub has_previous: bool,
    pub new: Option<usize>,
    pub unchanged: Option<usize>,
    pub updated: Option<usize>,
    pub recurring: Option<usize>,
    pub resolved: Vec<ResolvedView>,
    pub todo: Vec<TodoRow>,
    pub dues_svg: Option<String>,
    pub life_svg: Option<String>,
    pub timelines: Vec<TimelineView>,
}

#[derive(Serialize)]
pub(crate) struct ScoreView {
    pub scheme: String,
    pub score: String,
    pub base: String,
    pub level: String,
    pub items: Vec<String>,
    pub veto: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct IndicatorRow {
    pub label: String,
    pub now: String,
    pub before: String,
}

#[derive(Serialize)]
pub(crate) struct RowView {
    pub b: String,
    pub fam: &'static str,
    pub sev: &'static str,
    pub sev_label: String,
    pub st: &'static str,
    pub st_label: String,
    pub id: String,
    pub rule: String,
    pub name: String,
    pub subject: String,
    pub period: String,
    pub message: String,
    pub evidence: Vec<(String, String)>,
    pub citations: Vec<String>,
    pub accepted: Option<String>,
    pub remediation: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct Filters {
    pub branches: Vec<(String, String)>,
    pub families: Vec<(&'static str, &'static str)>,
    pub severities: Vec<(&'static str, &'static str)>,
    pub statuses: Vec<(&'static str, &'static str)>,
}

#[derive(Serialize)]
pub(crate) struct TodoView {
    /// `待办（60天内，至2026-03-01）`.
    pub title: String,
    pub days: u32,
    pub until: String,
    pub items: Vec<TodoRow>,
}

#[derive(Serialize)]
pub(crate) struct TodoRow {
    pub branch: String,
    pub due: String,
    pub message: String,
}

#[derive(Clone, Serialize)]
pub(crate) struct ResolvedView {
    pub id: String,
    pub branch: String,
    pub first_seen: String,
    pub message: String,
}

use crate::render::percent as pct;

/// The severity's CSS and filter key (`other` for one a newer version wrote).
fn sev_key(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
        _ => "other",
    }
}

fn sev_label(s: Severity, lang: Lang) -> String {
    if lang == Lang::En { s.as_str() } else { s.zh() }.to_owned()
}

fn status_key(s: Option<BaselineStatus>) -> &'static str {
    match s {
        Some(BaselineStatus::New) => "new",
        Some(BaselineStatus::Unchanged) => "unchanged",
        Some(BaselineStatus::Updated) => "updated",
        Some(BaselineStatus::Recurring) => "recurring",
        _ => "",
    }
}

fn evidence_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "—".to_owned(),
        Value::Array(a) if a.is_empty() => "—".to_owned(),
        other => other.to_string(),
    }
}

/// The indicator rows of a branch, with the baseline's beside them.
fn indicator_rows(i: &Indicators, prev: Option<&Indicators>, lang: Lang) -> Vec<IndicatorRow> {
    let zh = lang != Lang::En;
    let mut rows = Vec::new();
    let mut push = |label: String, f: &dyn Fn(&Indicators) -> String| {
        rows.push(IndicatorRow {
            label,
            now: f(i),
            before: prev.map(f).unwrap_or_default(),
        });
    };
    let l = |zh_s: &str, en_s: &str| if zh { zh_s.to_owned() } else { en_s.to_owned() };
    push(
        l("党费按期足额交纳率", "Dues paid in full on time"),
        &|x| {
            format!(
                "{} ({}/{})",
                pct(x.dues.on_time_rate),
                x.dues.on_time_months,
                x.dues.owed_months
            )
        },
    );
    push(
        l("党费应交 / 实收（元）", "Dues expected / collected"),
        &|x| format!("{} / {}", x.dues.expected, x.dues.collected),
    );
    for m in &i.meetings {
        let kind = m.kind;
        let name = if zh {
            crate::families::life::meetings::kind_zh(kind).to_owned()
        } else {
            kind.as_str().replace('_', " ")
        };
        let label = if zh {
            format!("{name}（已开/应开）")
        } else {
            format!("{name} (held/required)")
        };
        push(label, &move |x: &Indicators| {
            x.meetings
                .iter()
                .find(|m| m.kind == kind)
                .map_or_else(|| "—".to_owned(), |m| format!("{}/{}", m.held, m.required))
        });
    }
    push(l("出勤率", "Attendance"), &|x| {
        let a = &x.attendance;
        format!(
            "{} ({}/{}, {} {}, {} {})",
            pct(a.rate),
            a.present,
            a.expected,
            if zh { "请假" } else { "excused" },
            a.excused,
            if zh { "缺席" } else { "absent" },
            a.absent
        )
    });
    push(
        l(
            "学习培训：学时 / 人均 / 未达标",
            "Training: hours / mean / short",
        ),
        &|x| {
            let t = &x.training;
            format!(
                "{} / {} / {}",
                t.hours,
                t.mean_hours.map_or("—".to_owned(), |h| h.to_string()),
                t.below_minimum
            )
        },
    );
    push(
        l(
            "发展党员：申请人 / 积极分子 / 发展对象 / 预备党员",
            "Development: applicants / activists / candidates / probationary",
        ),
        &|x| {
            let v = &x.development;
            format!(
                "{} / {} / {} / {}",
                v.applicants, v.activists, v.candidates, v.probationary
            )
        },
    );
    push(
        l("本期接收 / 转正", "Admitted / converted in the period"),
        &|x| format!("{} / {}", x.development.admitted, x.development.converted),
    );
    rows
}

fn score_view(c: &crate::report::Scorecard, lang: Lang) -> ScoreView {
    let zh = lang != Lang::En;
    let items = c
        .items
        .iter()
        .map(|i| {
            let rules = i.rules.join("/");
            let capped = match (i.capped, zh) {
                (true, true) => "（封顶）",
                (true, false) => " (capped)",
                _ => "",
            };
            if zh {
                format!("{rules} {}条扣{}分{capped}", i.findings, i.points)
            } else {
                format!(
                    "{rules} {} × {} = {}{capped}",
                    i.findings, i.per_finding, i.points
                )
            }
        })
        .collect();
    let veto = c.veto.as_ref().map(|v| {
        if zh {
            format!(
                "一票否决：{}（按分数为{}，封顶{}）",
                v.why, v.level_by_score, v.cap
            )
        } else {
            format!(
                "veto: {} (by score {}, capped at {})",
                v.why, v.level_by_score, v.cap
            )
        }
    });
    ScoreView {
        scheme: c.scheme.clone(),
        score: c.score.normalize().to_string(),
        base: c.base.normalize().to_string(),
        level: c.level.clone(),
        items,
        veto,
    }
}

fn row(f: &Finding, subject: &str, lang: Lang) -> RowView {
    let zh = lang != Lang::En;
    let st = status_key(f.baseline);
    let first = f.first_seen.map(|d| d.to_string()).unwrap_or_default();
    let st_label = match f.baseline {
        Some(BaselineStatus::New) => label(lang, "new").to_owned(),
        Some(
            s @ (BaselineStatus::Unchanged | BaselineStatus::Updated | BaselineStatus::Recurring),
        ) => {
            let k = status_key(Some(s));
            if zh {
                format!("{}（首次发现 {first}）", label(lang, k))
            } else {
                format!("{} (first seen {first})", label(lang, k))
            }
        }
        _ => String::new(),
    };
    let accepted = f.accepted.as_ref().map(|a| {
        if zh {
            format!(
                "已批准例外：{}（{}，有效期至{}）",
                a.reason, a.approval, a.expires
            )
        } else {
            format!(
                "Accepted exception: {} ({}, until {})",
                a.reason, a.approval, a.expires
            )
        }
    });
    let remediation = f.remediation.as_ref().filter(|r| !r.is_empty()).map(|r| {
        let names: [(&str, &str, &Option<String>); 5] = [
            ("整改措施", "measures", &r.measures),
            ("责任人", "owner", &r.owner),
            ("整改时限", "deadline", &r.deadline),
            ("完成情况", "progress", &r.progress),
            ("佐证材料", "proof", &r.proof),
        ];
        names
            .iter()
            .filter_map(|(z, e, v)| {
                v.as_ref().map(|v| {
                    format!(
                        "{}{}{v}",
                        if zh { z } else { e },
                        if zh { "：" } else { ": " }
                    )
                })
            })
            .collect::<Vec<_>>()
            .join(if zh { "；" } else { "; " })
    });
    RowView {
        b: f.branch.to_string(),
        fam: f.rule.family().map_or("", |x| x.prefix()),
        sev: sev_key(f.severity),
        sev_label: sev_label(f.severity, lang),
        st,
        st_label,
        id: f.id.clone(),
        rule: f.rule.as_str().to_owned(),
        name: f.name().to_owned(),
        subject: subject.to_owned(),
        // A line may break after the `..` of a range.
        period: f
            .period
            .as_ref()
            .map(|p| period_label(p).replace("..", "..\u{200b}"))
            .unwrap_or_default(),
        message: f.message.get(lang).to_owned(),
        evidence: f
            .evidence
            .iter()
            .map(|(k, v)| (k.to_owned(), evidence_value(v)))
            .collect(),
        citations: f.citations.iter().map(Citation::display).collect(),
        accepted,
        remediation,
    }
}

/// Takes the baseline status, first sighting, acceptance and remediation of
/// each finding from the report's finding of the same id (the report may
/// have been compared after the branch was added).
fn refresh(findings: &mut [Finding], by_id: &BTreeMap<&str, &Finding>) {
    for f in findings {
        if let Some(r) = by_id.get(f.id.as_str()) {
            f.baseline = r.baseline;
            f.first_seen = r.first_seen;
            f.accepted = r.accepted.clone();
            f.remediation = r.remediation.clone();
        }
    }
}

/// The page of `report` with the branches `parts` (in order).
pub(crate) fn page(
    report: &Report,
    mut parts: Vec<Part>,
    lang: Lang,
    open_up_to: usize,
) -> PageView {
    let zh = lang != Lang::En;
    // Branches the report knows and no part renders: from the report alone.
    let known: BTreeSet<String> = parts.iter().map(|p| p.id.clone()).collect();
    let mut extra: BTreeSet<&str> = report.audited.iter().map(|b| b.as_str()).collect();
    extra.extend(report.findings.iter().map(|f| f.branch.as_str()));
    for id in extra {
        if !known.contains(id) {
            parts.push(Part::from_report(id, report, lang));
        }
    }
    parts.sort_by(|a, b| a.id.cmp(&b.id));
    let by_id: BTreeMap<&str, &Finding> =
        report.findings.iter().map(|f| (f.id.as_str(), f)).collect();
    for p in &mut parts {
        refresh(&mut p.findings, &by_id);
    }
    let has_baseline = report.baseline.is_some();
    let open = parts.len() <= open_up_to;
    let mut rows = Vec::new();
    let mut families = BTreeSet::new();
    let mut branches = Vec::new();
    for (n, p) in parts.into_iter().enumerate() {
        let count = |s: Severity| {
            p.findings
                .iter()
                .filter(|f| f.severity == s && !f.is_accepted())
                .count()
        };
        let status = |s: BaselineStatus| {
            has_baseline.then(|| p.findings.iter().filter(|f| f.baseline == Some(s)).count())
        };
        let worst = p
            .findings
            .iter()
            .filter(|f| !f.is_accepted())
            .map(|f| f.severity)
            .max()
            .map_or("none", sev_key);
        let indicators = report.indicators.iter().find(|i| i.branch == p.id.as_str());
        let prev = report
            .previous_indicators
            .iter()
            .find(|i| i.branch == p.id.as_str());
        let resolved: Vec<ResolvedView> = report
            .resolved
            .iter()
            .filter(|r| r.branch == p.id.as_str())
            .map(|r| ResolvedView {
                id: r.id.clone(),
                branch: r.branch.to_string(),
                first_seen: r.first_seen.to_string(),
                message: r.message.clone().unwrap_or_default(),
            })
            .collect();
        let todo = report.todo.as_ref().map_or_else(Vec::new, |t| {
            t.items
                .iter()
                .filter(|i| i.branch == p.id.as_str())
                .map(|i| todo_row(i, lang))
                .collect()
        });
        for (f, s) in p.findings.iter().zip(&p.subjects) {
            families.extend(f.rule.family());
            rows.push(row(f, s, lang));
        }
        branches.push(BranchView {
            anchor: format!("b{}", n + 1),
            open,
            members: p.members,
            candidates: p.candidates,
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            info: count(Severity::Info),
            accepted: p.findings.iter().filter(|f| f.is_accepted()).count(),
            findings: p.findings.len(),
            worst,
            score: report
                .scorecards
                .iter()
                .find(|c| c.branch == p.id.as_str())
                .map(|c| score_view(c, lang)),
            indicators: indicators.map_or_else(Vec::new, |i| indicator_rows(i, prev, lang)),
            has_previous: prev.is_some(),
            new: status(BaselineStatus::New),
            unchanged: status(BaselineStatus::Unchanged),
            updated: status(BaselineStatus::Updated),
            recurring: status(BaselineStatus::Recurring),
            resolved,
            todo,
            id: p.id,
            name: p.name,
            dues_svg: p.dues_svg,
            life_svg: p.life_svg,
            timelines: p.timelines,
        });
    }
    let sum = &report.summary;
    let by = |s: Severity| sum.by_severity.get(&s).copied().unwrap_or(0);
    let counts = sum.baseline.as_ref();
    let head = HeadView {
        as_of: report.as_of.to_string(),
        period_from: report.period.from.to_string(),
        period_to: report.period.to.to_string(),
        profile: report.profile.name.clone(),
        extends: report.profile.extends.join(" → "),
        edition: report.profile.edition.clone(),
        sha_short: report
            .profile
            .sha256
            .as_ref()
            .map(|s| s.chars().take(12).collect()),
        sha256: report.profile.sha256.clone(),
        baseline_file: report.baseline.as_ref().and_then(|b| b.file.clone()),
        baseline_as_of: report.baseline.as_ref().map(|b| b.as_of.to_string()),
        branches: sum.branches.max(branches.len()),
        members: sum.members,
        findings: sum.findings,
        error: by(Severity::Error),
        warning: by(Severity::Warning),
        info: by(Severity::Info),
        accepted: sum.accepted,
        new: counts.map(|c| c.new),
        open: counts.map(|c| c.unchanged + c.updated + c.recurring),
        updated: counts.map(|c| c.updated),
        recurring: counts.map(|c| c.recurring),
        resolved: counts.map(|c| c.resolved),
        rate: counts.map(|c| pct(c.rectification_rate)),
    };
    let filters = Filters {
        branches: branches
            .iter()
            .filter(|b| b.findings > 0)
            .map(|b| (b.id.clone(), b.name.clone()))
            .collect(),
        families: families
            .iter()
            .map(|f: &Family| {
                let (z, e) = f.title();
                (f.prefix(), if zh { z } else { e })
            })
            .collect(),
        severities: [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .map(|s| {
                let zh = match s {
                    Severity::Info => "提示",
                    Severity::Warning => "警告",
                    _ => "错误",
                };
                (sev_key(s), if lang == Lang::En { sev_key(s) } else { zh })
            })
            .collect(),
        statuses: if has_baseline {
            ["new", "unchanged", "updated"]
                .into_iter()
                .map(|k| (k, label(lang, k)))
                .collect()
        } else {
            Vec::new()
        },
    };
    let legend = [
        ("dues", legend(&DUES_CELLS, lang)),
        ("life", legend(&LIFE_CELLS, lang)),
    ]
    .into_iter()
    .collect();
    PageView {
        lang: if zh { "zh-CN" } else { "en" },
        t: labels(lang),
        head,
        legend,
        branches,
        rows,
        first_rows: FIRST_ROWS,
        chunk_rows: CHUNK_ROWS,
        filters,
        has_baseline,
        todo: report.todo.as_ref().map(|t| TodoView {
            title: if zh {
                format!("待办（{}天内，至{}）", t.days, t.until)
            } else {
                format!("Falls due within {} days (to {})", t.days, t.until)
            },
            days: t.days,
            until: t.until.to_string(),
            items: t.items.iter().map(|i| todo_row(i, lang)).collect(),
        }),
        resolved: report
            .resolved
            .iter()
            .map(|r| ResolvedView {
                id: r.id.clone(),
                branch: r.branch.to_string(),
                first_seen: r.first_seen.to_string(),
                message: r.message.clone().unwrap_or_default(),
            })
            .collect(),
        unmatched_accepts: report
            .unmatched_accepts
            .iter()
            .map(|a| {
                let who = a
                    .subject
                    .as_ref()
                    .map(|s| format!("/{s}"))
                    .unwrap_or_default();
                format!("{} {}{who}：{}", a.rule, a.branch, a.reason)
            })
            .collect(),
        expired_accepts: report
            .expired_accepts
            .iter()
            .map(|a| {
                let who = a
                    .subject
                    .as_ref()
                    .map(|s| format!("/{s}"))
                    .unwrap_or_default();
                if zh {
                    format!("{} {}{who}（有效期至{}）", a.rule, a.branch, a.expires)
                } else {
                    format!("{} {}{who} (until {})", a.rule, a.branch, a.expires)
                }
            })
            .collect(),
        unreadable: report
            .unreadable
            .iter()
            .map(|u| u.message.clone())
            .collect(),
    }
}

fn todo_row(i: &crate::report::TodoItem, lang: Lang) -> TodoRow {
    TodoRow {
        branch: i.branch.to_string(),
        due: i.due.to_string(),
        message: i.message.get(lang).to_owned(),
    }
}

//! A branch as `add_branch` renders it: its grids and timelines as SVG, its
//! findings with their subjects written out.

use serde::Serialize;

use super::timeline::{Timeline, action_name};
use crate::development::step_info;
use crate::families::context::Context;
use crate::report::{Finding, Lang, Report, SubjectKind};

/// A branch as rendered by `add_branch`, kept until `finish`.
#[derive(Debug)]
pub(crate) struct Part {
    pub id: String,
    pub name: String,
    pub members: usize,
    pub candidates: usize,
    pub findings: Vec<Finding>,
    /// The subject of each finding, written out (`党员 M08 黄静`).
    pub subjects: Vec<String>,
    pub dues_svg: Option<String>,
    pub life_svg: Option<String>,
    pub timelines: Vec<TimelineView>,
}

impl Part {
    pub fn new(cx: &Context<'_>, findings: &[Finding], lang: Lang) -> Part {
        let b = &cx.bundle.branch;
        let members = cx.bundle.members.len();
        let (dues_svg, life_svg) = {
            let dues = super::Grid::new(cx, super::GridKind::Dues);
            if dues.rows.is_empty() {
                (None, None)
            } else {
                let life = super::Grid::new(cx, super::GridKind::Life);
                (Some(dues.svg(lang)), Some(life.svg(lang)))
            }
        };
        let timelines = Timeline::of_branch(cx)
            .iter()
            .map(|t| TimelineView::new(t, lang))
            .collect();
        Part {
            id: b.id.to_string(),
            name: b.name.clone(),
            members,
            candidates: cx.bundle.candidates.len(),
            subjects: findings.iter().map(|f| subject(cx, f, lang)).collect(),
            findings: findings.to_vec(),
            dues_svg,
            life_svg,
            timelines,
        }
    }

    /// A branch known only from a report (no bundle): findings, no grids.
    pub fn from_report(id: &str, report: &Report, lang: Lang) -> Part {
        let findings: Vec<Finding> = report
            .findings
            .iter()
            .filter(|f| f.branch == id)
            .cloned()
            .collect();
        Part {
            id: id.to_owned(),
            name: String::new(),
            members: 0,
            candidates: 0,
            subjects: findings
                .iter()
                .map(|f| format!("{} {}", kind_label(f.subject.kind, lang), f.subject.id))
                .collect(),
            findings,
            dues_svg: None,
            life_svg: None,
            timelines: Vec::new(),
        }
    }
}

fn kind_label(k: SubjectKind, lang: Lang) -> &'static str {
    if lang == Lang::En { k.as_str() } else { k.zh() }
}

fn subject(cx: &Context<'_>, f: &Finding, lang: Lang) -> String {
    let id = f.subject.id.as_str();
    let name = match f.subject.kind {
        SubjectKind::Member => cx.member(id).map(|m| m.name.as_str()),
        SubjectKind::Candidate => cx.candidate(id).map(|c| c.name.as_str()),
        SubjectKind::Group => cx.group(id).and_then(|g| g.name.as_deref()),
        SubjectKind::Branch => Some(cx.bundle.branch.name.as_str()),
        _ => None,
    };
    let kind = kind_label(f.subject.kind, lang);
    match name {
        Some(n) if !n.is_empty() => format!("{kind} {id} {n}"),
        _ => format!("{kind} {id}"),
    }
}

/// One line of a list, with a class (`late`, `early`, `overdue`, ``).
#[derive(Debug, Serialize)]
pub(crate) struct Item {
    pub text: String,
    pub class: &'static str,
}

/// A candidate's timeline for the templates.
#[derive(Debug, Serialize)]
pub(crate) struct TimelineView {
    pub id: String,
    pub name: String,
    pub status: &'static str,
    pub svg: String,
    pub done: Vec<Item>,
    pub next: Vec<Item>,
    pub missing: String,
}

impl TimelineView {
    fn new(t: &Timeline, lang: Lang) -> TimelineView {
        let zh = lang != Lang::En;
        let done = t
            .done
            .iter()
            .map(|d| {
                let name = if zh { d.zh } else { step_info(d.step).en };
                let mut text = format!("{} {name} {}", d.number, d.date);
                let mut class = "";
                if let Some(dl) = d.late {
                    text.push_str(&if zh {
                        format!("（逾期：应于{dl}前）")
                    } else {
                        format!(" (late: due by {dl})")
                    });
                    class = "late";
                } else if let Some(e) = d.early {
                    text.push_str(&if zh {
                        format!("（过早：最早{e}）")
                    } else {
                        format!(" (early: not before {e})")
                    });
                    class = "early";
                }
                Item { text, class }
            })
            .collect();
        let next = t
            .next
            .iter()
            .map(|n| {
                let mut parts = Vec::new();
                if let Some(e) = n.earliest {
                    parts.push(if zh {
                        format!("最早 {e}")
                    } else {
                        format!("from {e}")
                    });
                }
                if let Some(d) = n.deadline {
                    parts.push(if zh {
                        format!("最迟 {d}")
                    } else {
                        format!("by {d}")
                    });
                }
                if n.overdue {
                    parts.push(if zh { "已逾期" } else { "overdue" }.to_owned());
                }
                let name = action_name(n.action, lang);
                let text = if parts.is_empty() {
                    name
                } else if zh {
                    format!("{name}（{}）", parts.join("，"))
                } else {
                    format!("{name} ({})", parts.join(", "))
                };
                Item {
                    text,
                    class: if n.overdue { "overdue" } else { "" },
                }
            })
            .collect();
        let missing: Vec<String> = t
            .missing
            .iter()
            .map(|m| {
                if zh {
                    format!("{} {}", m.number(), m.zh())
                } else {
                    format!("{} {}", m.number(), step_info(*m).en)
                }
            })
            .collect();
        TimelineView {
            id: t.id.clone(),
            name: t.name.clone(),
            status: if zh { t.status.zh() } else { t.status.en() },
            svg: t.svg(lang),
            done,
            next,
            missing: missing.join(if zh { "、" } else { ", " }),
        }
    }
}

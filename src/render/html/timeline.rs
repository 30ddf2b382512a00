//! The development timeline of a candidate: the steps recorded with their
//! dates on a time axis, the step(s) due next with their deadlines (the
//! planner's, [`crate::development::plan`]), late steps marked.
//!
//! A recorded step is **late** when the planner, asked the day before it,
//! gave it a deadline that had passed on its date (the talk more than a
//! month after the application, an approval more than three months after
//! its meeting, an assessment more than six months after the last one…);
//! **early** when the planner gave an earliest day after it (a candidate
//! confirmed before a year as an activist, a conversion before the end of
//! probation). The planner is the one the rules and the 待办 use, so the
//! marks follow the profile and the edition of the 细则 in force.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::grid::esc;
use crate::development::{Action, DevelopmentFile, Status, step_info};
use crate::families::context::Context;
use crate::model::{Candidate, DevelopmentRecord, Publicity, Step};
use crate::report::Lang;

/// A recorded step on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoneStep {
    /// The step.
    pub step: Step,
    /// Its number in the edition in force on its date.
    pub number: u8,
    /// Its name in that edition.
    pub zh: &'static str,
    /// Its date.
    pub date: NaiveDate,
    /// The deadline it missed, when late.
    pub late: Option<NaiveDate>,
    /// The earliest day it came before, when early.
    pub early: Option<NaiveDate>,
}

/// A step due next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextMark {
    /// What to do.
    pub action: Action,
    /// Not before this day.
    pub earliest: Option<NaiveDate>,
    /// Due by this day.
    pub deadline: Option<NaiveDate>,
    /// Whether the deadline has passed on the timeline's date.
    pub overdue: bool,
}

/// One candidate's timeline.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// The candidate's id.
    pub id: String,
    /// The candidate's name.
    pub name: String,
    /// Where the candidate stands.
    pub status: Status,
    /// The date it is seen from (the audit's `as_of`).
    pub on: NaiveDate,
    /// The steps recorded, by date.
    pub done: Vec<DoneStep>,
    /// The next step(s), in the planner's order.
    pub next: Vec<NextMark>,
    /// Required steps before the furthest one that are not recorded.
    pub missing: Vec<Step>,
}

impl Timeline {
    /// The timeline of `candidate` from its records, as of the context's `as_of`.
    pub fn new(
        cx: &Context<'_>,
        candidate: &Candidate,
        steps: &[&DevelopmentRecord],
        publicity: &[&Publicity],
    ) -> Timeline {
        let p = &cx.profile.development;
        let file_on = |on: NaiveDate| {
            DevelopmentFile::new(
                candidate,
                steps.iter().copied(),
                publicity.iter().copied(),
                on,
            )
            .with_edition(&p.edition)
        };
        let file = file_on(cx.as_of);
        let plan = file.plan(p);
        let mut done = Vec::new();
        for r in file.records() {
            let ed = file.edition_on(r.date);
            let info = step_info(r.step);
            let (mut late, mut early) = (None, None);
            if let Some(before) = r.date.pred_opt() {
                let prior = file_on(before).plan(p);
                for n in &prior.next {
                    if n.action != Action::Step(r.step) {
                        continue;
                    }
                    late = late.or(n.deadline.filter(|d| r.date > *d));
                    early = early.or(n.earliest.filter(|d| r.date < *d));
                }
            }
            done.push(DoneStep {
                step: r.step,
                number: info.number_in(ed),
                zh: info.zh_in(ed),
                date: r.date,
                late,
                early,
            });
        }
        let next = plan
            .next
            .iter()
            .map(|n| NextMark {
                action: n.action,
                earliest: n.earliest,
                deadline: n.deadline,
                overdue: n.is_overdue(cx.as_of),
            })
            .collect();
        Timeline {
            id: candidate.id.to_string(),
            name: candidate.name.clone(),
            status: plan.status,
            on: cx.as_of,
            done,
            next,
            missing: plan.missing,
        }
    }

    /// The timelines of the context's candidates, in the bundle's order
    /// (the first record of a duplicated id).
    pub fn of_branch(cx: &Context<'_>) -> Vec<Timeline> {
        let mut out = Vec::new();
        for (pos, c) in cx.bundle.candidates.iter().enumerate() {
            if cx.index.candidate_pos(c.id.as_str()) != Some(pos) {
                continue;
            }
            let recs = cx.index.candidate_records(pos);
            out.push(Timeline::new(cx, c, &recs.steps, &recs.publicity));
        }
        out
    }

    /// The timeline as inline SVG (see [`svg`]).
    pub fn svg(&self, lang: Lang) -> String {
        svg(self, lang)
    }
}

/// The colours of the marks.
pub mod colours {
    /// A step recorded on time.
    pub const DONE: &str = "#2f9e44";
    /// A step recorded late, or a next step overdue.
    pub const LATE: &str = "#c92a2a";
    /// A step recorded before its earliest day.
    pub const EARLY: &str = "#e67700";
    /// A next step not yet due.
    pub const NEXT: &str = "#1c7ed6";
}

const W: f64 = 720.0;
const X0: f64 = 16.0;
const X1: f64 = 16.0;
const AXIS: f64 = 74.0;
const H: f64 = 124.0;

/// The label of an action: the step's number, `P` for a publicity.
fn action_label(a: Action) -> String {
    match a {
        Action::Step(s) => s.number().to_string(),
        Action::Publicity(_) => "P".to_owned(),
    }
}

/// The action's name in `lang`.
pub fn action_name(a: Action, lang: Lang) -> String {
    match (lang, a) {
        (Lang::En, Action::Step(s)) => format!("{} {}", s.number(), step_info(s).en),
        (Lang::En, a) => a.en(),
        (_, a) => a.zh(),
    }
}

/// Places labels on levels so that two on one level are at least `gap` apart.
fn levels(xs: &[f64], gap: f64, max: usize) -> Vec<usize> {
    let mut last: Vec<f64> = Vec::new();
    xs.iter()
        .map(|&x| {
            let l = last
                .iter()
                .position(|&lx| x - lx >= gap)
                .unwrap_or(last.len())
                .min(max.saturating_sub(1));
            match last.get_mut(l) {
                Some(v) => *v = x,
                None => last.push(x),
            }
            l
        })
        .collect()
}

/// The timeline as an `<svg>`: a time axis with the years, the audit's date
/// (dashed), each recorded step a dot with its number above (green on time,
/// red late with `!`, orange early), each next step a diamond at its deadline
/// (or earliest day) with its number below (blue, red when overdue), the
/// window from the earliest day to the deadline as a bar.
pub fn svg(t: &Timeline, lang: Lang) -> String {
    let zh = lang != Lang::En;
    let mut dates: Vec<NaiveDate> = t.done.iter().map(|d| d.date).collect();
    dates.push(t.on);
    for n in &t.next {
        dates.extend(n.earliest);
        dates.extend(n.deadline);
    }
    let lo = dates.iter().min().copied().unwrap_or(t.on);
    let hi = dates.iter().max().copied().unwrap_or(t.on);
    let span = (hi - lo).num_days().max(60) as f64;
    let pad = span * 0.03;
    let t0 = lo.num_days_from_ce() as f64 - pad;
    let t1 = t0 + span + 2.0 * pad;
    let x = |d: NaiveDate| X0 + (d.num_days_from_ce() as f64 - t0) / (t1 - t0) * (W - X0 - X1);
    let mut s = String::with_capacity(2048);
    let title = if zh {
        format!("{}（{}）发展进度", t.name, t.id)
    } else {
        format!("Development of {} ({})", t.name, t.id)
    };
    let _ = write!(
        s,
        "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\">\
         <title>{}</title><path class=\"axis\" stroke=\"#868e96\" d=\"M{X0} {AXIS}H{}\"/>",
        esc(&title),
        W - X1
    );
    // Years.
    for y in lo.year()..=hi.year() + 1 {
        let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) else {
            continue;
        };
        let xd = x(d);
        if !(X0..=W - X1).contains(&xd) {
            continue;
        }
        let _ = write!(
            s,
            "<path stroke=\"#adb5bd\" d=\"M{xd:.1} {}V{}\"/><text class=\"yr\" x=\"{:.1}\" y=\"{}\">{y}</text>",
            AXIS - 4.0,
            AXIS + 4.0,
            xd + 2.0,
            AXIS + 14.0
        );
    }
    // The audit's date.
    let xo = x(t.on);
    let _ = write!(
        s,
        "<path class=\"asof\" stroke=\"#495057\" stroke-dasharray=\"3 3\" d=\"M{xo:.1} 8V{}\"/>\
         <text class=\"yr\" x=\"{:.1}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        H - 4.0,
        xo - 3.0,
        H - 6.0,
        if zh { "基准日" } else { "as of" }
    );
    // Windows of the next steps.
    for n in &t.next {
        if let (Some(e), Some(d)) = (n.earliest, n.deadline) {
            let _ = write!(
                s,
                "<path stroke=\"{}\" stroke-opacity=\".35\" stroke-width=\"6\" d=\"M{:.1} {AXIS}H{:.1}\"/>",
                colours::NEXT,
                x(e),
                x(d)
            );
        }
    }
    // Recorded steps: the colour on the group, the number above the dot.
    s.push_str("<g class=\"done\" text-anchor=\"middle\">");
    let xs: Vec<f64> = t.done.iter().map(|d| x(d.date)).collect();
    let lv = levels(&xs, 16.0, 5);
    for ((d, &xd), &l) in t.done.iter().zip(&xs).zip(&lv) {
        let (fill, mark) = if d.late.is_some() {
            (colours::LATE, "!")
        } else if d.early.is_some() {
            (colours::EARLY, "!")
        } else {
            (colours::DONE, "")
        };
        let ly = AXIS - 12.0 - 12.0 * l as f64;
        let _ = write!(
            s,
            "<g fill=\"{fill}\"><circle cx=\"{xd:.1}\" cy=\"{AXIS}\" r=\"5\"/><text x=\"{xd:.1}\" y=\"{ly}\">{}{mark}</text></g>",
            d.number
        );
    }
    s.push_str("</g>");
    // Next steps: a diamond at the deadline (or the earliest day), the
    // number below, the dates in the tooltip.
    let nx: Vec<f64> = t
        .next
        .iter()
        .map(|n| x(n.deadline.or(n.earliest).unwrap_or(t.on)))
        .collect();
    let lv = levels(&nx, 16.0, 3);
    s.push_str("<g class=\"next\" text-anchor=\"middle\">");
    for ((n, &xn), &l) in t.next.iter().zip(&nx).zip(&lv) {
        let colour = if n.overdue {
            colours::LATE
        } else {
            colours::NEXT
        };
        let mut tip = action_name(n.action, lang);
        if let Some(e) = n.earliest {
            let _ = if zh {
                write!(tip, "，最早{e}")
            } else {
                write!(tip, ", from {e}")
            };
        }
        if let Some(d) = n.deadline {
            let _ = if zh {
                write!(tip, "，最迟{d}")
            } else {
                write!(tip, ", by {d}")
            };
        }
        if n.overdue {
            tip.push_str(if zh { "，已逾期" } else { ", overdue" });
        }
        let ly = AXIS + 28.0 + 11.0 * l as f64;
        let _ = write!(
            s,
            "<g fill=\"{colour}\"><title>{}</title><path fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\" \
             d=\"M{xn:.1} {}l6 6l-6 6l-6 -6z\"/><text x=\"{xn:.1}\" y=\"{ly}\">{}{}</text></g>",
            esc(&tip),
            AXIS - 6.0,
            action_label(n.action),
            if n.overdue { "!" } else { "" }
        );
    }
    s.push_str("</g>");
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_go_up_a_level_when_close() {
        assert_eq!(
            levels(&[0.0, 5.0, 10.0, 40.0, 41.0], 16.0, 4),
            [0, 1, 2, 0, 1]
        );
        assert_eq!(levels(&[0.0, 1.0, 2.0], 16.0, 2), [0, 1, 1]);
    }
}

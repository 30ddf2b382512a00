//! The report of an audit, assembled from the findings of each bundle: the
//! summary, the accepts matched, the indicators and the scorecards. Methods
//! of [`Auditor`], here in the inspection cycle because the report is built
//! over the auditor's findings (the auditor itself knows no report).

use crate::Auditor;
use crate::families::context::Context;
use crate::model::{Bundle, Id};
use crate::vocab::{Finding, sort_findings};

use super::{Indicators, Report, Scorecard, TodoItem};

impl Auditor {
    /// The indicators of the context's bundle (see
    /// [`Indicators`](crate::report::Indicators)), given its findings.
    pub fn indicators(&self, cx: &Context<'_>, findings: &[Finding]) -> Indicators {
        Indicators::compute(cx, findings)
    }

    /// What falls due in the `days` after `as_of` for the context's bundle
    /// (see [`Todo`](crate::report::Todo)).
    pub fn todo(&self, cx: &Context<'_>, days: u32) -> Vec<TodoItem> {
        super::todo_items(cx, days)
    }

    /// Audits `bundles` into a report.
    pub fn audit<'b>(&self, bundles: impl IntoIterator<Item = &'b Bundle>) -> Report {
        let mut report = self.empty_report();
        for b in bundles {
            let cx = self.context(b);
            let findings = self.check_context(&cx);
            if self.wants_indicators() {
                report.indicators.push(self.indicators(&cx, &findings));
            }
            self.add(&mut report, b, findings);
        }
        self.finish(report)
    }

    /// A report with no bundle yet (for streaming: [`Auditor::add`] then
    /// [`Auditor::finish`]). It lists the profile's expired accepts, and its
    /// live ones as unmatched until a bundle's findings match them.
    pub fn empty_report(&self) -> Report {
        let mut r = Report::new(
            self.as_of(),
            self.audit_period(),
            self.profile_ref().header(),
        );
        for a in &self.profile_ref().accepts {
            if a.is_live(self.as_of()) {
                r.unmatched_accepts.push(a.unmatched());
            } else {
                r.expired_accepts.push(a.expired());
            }
        }
        r
    }

    /// Strikes from `report.unmatched_accepts` the accepts that cover one of
    /// `findings` (done by [`Auditor::add`]; for callers that count findings
    /// themselves with [`Summary::tally`](crate::report::Summary::tally)).
    pub fn note_accepts(&self, report: &mut Report, findings: &[Finding]) {
        crate::profile::accept::note_matches(
            &self.profile_ref().accepts,
            self.as_of(),
            findings,
            &mut report.unmatched_accepts,
        );
    }

    /// Adds one bundle's findings to `report`.
    pub fn add(&self, report: &mut Report, bundle: &Bundle, findings: Vec<Finding>) {
        self.add_findings(report, &bundle.branch.id, bundle.members.len(), findings);
    }

    /// Adds the findings of one bundle — branch `branch`, `members` members —
    /// to `report` (for callers that no longer hold the bundle).
    pub fn add_findings(
        &self,
        report: &mut Report,
        branch: &Id,
        members: usize,
        findings: Vec<Finding>,
    ) {
        report.summary.branches += 1;
        report.summary.members += members;
        report.audited.push(branch.clone());
        report.summary.add_findings(&findings);
        self.note_accepts(report, &findings);
        if let Some(card) = self.scorecard(branch, &findings) {
            report.scorecards.push(card);
        }
        report.findings.extend(findings);
    }

    /// The 评星定级 scorecard of `branch` from its `findings`, when the
    /// profile has a `[scoring]` scheme.
    pub fn scorecard(&self, branch: &Id, findings: &[Finding]) -> Option<Scorecard> {
        self.profile_ref()
            .scoring
            .as_ref()
            .map(|s| Scorecard::compute(s, branch, findings))
    }

    /// Sorts the findings (and the audited branch ids) of `report`.
    pub fn finish(&self, mut report: Report) -> Report {
        sort_findings(&mut report.findings);
        report.audited.sort();
        report.audited.dedup();
        report.scorecards.sort_by(|a, b| a.branch.cmp(&b.branch));
        report.indicators.sort_by(|a, b| a.branch.cmp(&b.branch));
        report
    }
}

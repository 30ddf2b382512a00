//! The report workbook (`--format xlsx --out 报告.xlsx`): 概况, 问题清单,
//! 整改台账, 党费, 出勤, 发展进度 and (when scoring is set) 评星.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Workbook, XlsxError};

use super::grids::{self, GridRow, GridSheet, Tone};
use super::{Styles, Val, finish_table, fit_rows, print_layout, put, widths};
use crate::error::{Error, Result};
use crate::families::context::Context;
use crate::model::YearMonth;
use crate::report::{
    BaselineStatus, Citation, Finding, Report, Severity, SubjectKind, period_label,
};

/// One branch's 评星 result, for the 评星 sheet (filled when the report has
/// scorecards).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScoreRow {
    /// The branch id.
    pub branch: String,
    /// The scoring scheme.
    pub scheme: String,
    /// The score, as text (`86.5`).
    pub score: String,
    /// The level (`四星`).
    pub level: String,
}

impl ScoreRow {
    /// A row.
    pub fn new(
        branch: impl Into<String>,
        scheme: impl Into<String>,
        score: impl Into<String>,
        level: impl Into<String>,
    ) -> ScoreRow {
        ScoreRow {
            branch: branch.into(),
            scheme: scheme.into(),
            score: score.into(),
            level: level.into(),
        }
    }
}

/// What is kept of one branch: its name, size, grids and candidates.
struct BranchPart {
    id: String,
    name: String,
    members: usize,
    dues: Vec<GridRow>,
    life: Vec<GridRow>,
    development: Vec<(Vec<Val>, bool)>,
}

/// One branch's part of a [`ReportWorkbook`]: its grids, its candidates'
/// progress and the names of the subjects of its findings, rendered from its
/// [`Context`] so that only these rows are kept. `Send`, so it can be built
/// on the thread that audited the branch.
pub struct XlsxBranch {
    part: BranchPart,
    months: Vec<YearMonth>,
    names: Vec<((String, SubjectKind, String), String)>,
}

impl std::fmt::Debug for XlsxBranch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxBranch")
            .field("branch", &self.part.id)
            .finish_non_exhaustive()
    }
}

impl XlsxBranch {
    /// The part of the branch of `cx`, whose findings are `findings`.
    pub fn new(cx: &Context<'_>, findings: &[Finding]) -> XlsxBranch {
        // Every branch of an audit has the same period, so the same months.
        let months = grids::months_of(cx);
        let (dues, life) = grids::grids(cx, &months);
        let branch = cx.bundle.branch.id.as_str().to_owned();
        let wanted: std::collections::HashSet<(SubjectKind, &str)> = findings
            .iter()
            .map(|f| (f.subject.kind, f.subject.id.as_str()))
            .collect();
        let mut names = Vec::new();
        for m in &cx.bundle.members {
            if wanted.contains(&(SubjectKind::Member, m.id.as_str())) {
                names.push((
                    (
                        branch.clone(),
                        SubjectKind::Member,
                        m.id.as_str().to_owned(),
                    ),
                    m.name.clone(),
                ));
            }
        }
        for c in &cx.bundle.candidates {
            if wanted.contains(&(SubjectKind::Candidate, c.id.as_str())) {
                names.push((
                    (
                        branch.clone(),
                        SubjectKind::Candidate,
                        c.id.as_str().to_owned(),
                    ),
                    c.name.clone(),
                ));
            }
        }
        XlsxBranch {
            part: BranchPart {
                id: branch,
                name: cx.bundle.branch.name.clone(),
                members: cx.bundle.members.len(),
                dues,
                life,
                development: grids::development_rows(cx),
            },
            months,
            names,
        }
    }
}

/// The report workbook, built one branch at a time: [`add_branch`] renders
/// the branch's grids and progress rows from its [`Context`] (so a
/// streaming audit keeps only those rows, not the bundles), [`finish`]
/// writes the workbook with the findings of the [`Report`].
///
/// ```
/// use dangjian::render::xlsx::ReportWorkbook;
/// use dangjian::{Auditor, NaiveDate};
/// let bundles = dangjian::load::read_path("examples/data/sample.json")?;
/// let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
/// let mut report = auditor.empty_report();
/// let mut wb = ReportWorkbook::new();
/// for b in &bundles {
///     let cx = auditor.context(b);
///     let findings = auditor.check_context(&cx);
///     wb.add_branch(&cx, &findings);
///     auditor.add(&mut report, b, findings);
/// }
/// let report = auditor.finish(report);
/// let mut bytes = Vec::new();
/// wb.finish(&report, &mut bytes)?;
/// assert!(bytes.starts_with(b"PK"));
/// # Ok::<(), dangjian::Error>(())
/// ```
///
/// [`add_branch`]: ReportWorkbook::add_branch
/// [`finish`]: ReportWorkbook::finish
#[derive(Default)]
pub struct ReportWorkbook {
    // (branch id, arrival) → part: sorted like the findings.
    branches: BTreeMap<(String, usize), BranchPart>,
    months: Vec<YearMonth>,
    names: HashMap<(String, SubjectKind, String), String>,
    scorecards: Vec<ScoreRow>,
    notes: Vec<String>,
    resolved: Option<usize>,
}

impl std::fmt::Debug for ReportWorkbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportWorkbook")
            .field("branches", &self.branches.len())
            .finish()
    }
}

impl ReportWorkbook {
    /// An empty workbook.
    pub fn new() -> ReportWorkbook {
        ReportWorkbook::default()
    }

    /// Adds one branch: its dues and attendance grids over the audit
    /// period, its candidates' progress, and the names of its members and
    /// candidates for the 对象 column. `findings` are the branch's (only
    /// the report's findings are listed; these name the subjects).
    pub fn add_branch(&mut self, cx: &Context<'_>, findings: &[Finding]) {
        self.push(XlsxBranch::new(cx, findings));
    }

    /// Adds a branch built with [`XlsxBranch::new`] (where its context was,
    /// e.g. on a worker thread of a streaming audit).
    pub fn push(&mut self, branch: XlsxBranch) {
        if self.months.is_empty() {
            self.months = branch.months;
        }
        for (k, v) in branch.names {
            self.names.entry(k).or_insert(v);
        }
        let seq = self.branches.len();
        self.branches
            .insert((branch.part.id.clone(), seq), branch.part);
    }

    /// The 评星 rows (the hook for scoring: written as the 评星 sheet when
    /// there are any).
    pub fn add_scorecards(&mut self, rows: impl IntoIterator<Item = ScoreRow>) {
        self.scorecards.extend(rows);
    }

    /// A note for 概况 (e.g. the reader's warning that a grid 党费 sheet has
    /// no payment dates, so DUE005 could not be checked).
    pub fn add_note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// The number of findings of the baseline that are resolved (已整改), for
    /// 概况's 整改率 (the hook for baselines).
    pub fn set_resolved(&mut self, resolved: usize) {
        self.resolved = Some(resolved);
    }

    /// Writes the workbook to `out`.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(self, report: &Report, out: impl Write + Send) -> Result<()> {
        let mut wb = Workbook::new();
        wb.set_properties(&super::properties("党建审计报告", report.as_of));
        self.build(&mut wb, report)
            .map_err(|e| super::xerr(None, e))?;
        super::save(&mut wb, out)
    }

    /// Writes the workbook to the file `path`.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn finish_to_path(self, report: &Report, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let file =
            std::fs::File::create(path).map_err(|e| Error::io(Some(path.to_path_buf()), e))?;
        let mut w = std::io::BufWriter::new(file);
        self.finish(report, &mut w).map_err(|e| {
            Error::io(
                Some(path.to_path_buf()),
                std::io::Error::other(e.message().to_owned()),
            )
        })?;
        w.flush()
            .map_err(|e| Error::io(Some(path.to_path_buf()), e))
    }

    fn build(&self, wb: &mut Workbook, report: &Report) -> Result<(), XlsxError> {
        let st = Styles::new();
        self.overview(wb, &st, report)?;
        self.findings(wb, &st, report)?;
        self.rectification(wb, &st, report)?;
        let period = format!("{} 至 {}", report.period.from, report.period.to);
        let dues: Vec<GridRow> = self
            .branches
            .values()
            .flat_map(|b| b.dues.clone())
            .collect();
        grids::write_grid(
            wb,
            &st,
            &GridSheet {
                name: "党费",
                title: format!("党费缴纳情况（{period}）"),
                bad: "未交",
                legend: &[
                    ("已交", Tone::Good),
                    ("少交", Tone::Warn),
                    ("未交", Tone::Bad),
                    ("免交", Tone::Grey),
                    ("不在册", Tone::Grey),
                    ("未到期", Tone::Plain),
                ],
            },
            &self.months,
            &dues,
        )?;
        let life: Vec<GridRow> = self
            .branches
            .values()
            .flat_map(|b| b.life.clone())
            .collect();
        grids::write_grid(
            wb,
            &st,
            &GridSheet {
                name: "出勤",
                title: format!("参加组织生活情况（{period}）"),
                bad: "缺席",
                legend: &[
                    ("出席", Tone::Good),
                    ("请假", Tone::Warn),
                    ("缺席", Tone::Bad),
                    ("免除", Tone::Grey),
                    ("不在册", Tone::Grey),
                    ("无会议", Tone::Plain),
                ],
            },
            &self.months,
            &life,
        )?;
        self.development(wb, &st)?;
        if !self.scorecards.is_empty() || !report.scorecards.is_empty() {
            self.stars(wb, &st, report)?;
        }
        if !report.indicators.is_empty() {
            self.indicators(wb, &st, report)?;
        }
        if let Some(t) = &report.todo {
            self.todo(wb, &st, t)?;
        }
        Ok(())
    }

    fn overview(&self, wb: &mut Workbook, st: &Styles, report: &Report) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("概况")?;
        ws.merge_range(0, 0, 0, 6, "党支部工作审计报告", &st.title)?;
        ws.set_row_height(0, 26)?;
        let sum = &report.summary;
        let sev = |s: Severity| sum.by_severity.get(&s).copied().unwrap_or(0);
        let profile = if report.profile.edition.is_empty() {
            report.profile.name.clone()
        } else {
            format!("{}（{}）", report.profile.name, report.profile.edition)
        };
        let mut facts: Vec<(&str, Val)> = vec![
            ("审计基准日", Val::Date(report.as_of)),
            (
                "审计期间",
                Val::text(format!("{} 至 {}", report.period.from, report.period.to)),
            ),
            ("规则配置", Val::text(profile)),
            ("支部数", Val::Int(sum.branches as u64)),
            ("党员数", Val::Int(sum.members as u64)),
            ("问题总数", Val::Int(sum.findings as u64)),
            ("其中：错误", Val::Int(sev(Severity::Error) as u64)),
            ("　　　警告", Val::Int(sev(Severity::Warning) as u64)),
            ("　　　提示", Val::Int(sev(Severity::Info) as u64)),
        ];
        if sum.accepted > 0 {
            facts.push(("已说明（经批准的例外）", Val::Int(sum.accepted as u64)));
        }
        let with_baseline = self.resolved.is_some()
            || report.summary.baseline.is_some()
            || report.findings.iter().any(|f| f.baseline.is_some());
        if with_baseline {
            let count = |b: &[BaselineStatus]| {
                report
                    .findings
                    .iter()
                    .filter(|f| !f.is_accepted() && f.baseline.is_some_and(|x| b.contains(&x)))
                    .count()
            };
            let new = count(&[BaselineStatus::New]);
            let open = count(&[
                BaselineStatus::Unchanged,
                BaselineStatus::Updated,
                BaselineStatus::Recurring,
            ]);
            let accepted = report.findings.iter().filter(|f| f.is_accepted()).count();
            facts.push(("新发现", Val::Int(new as u64)));
            facts.push(("未整改", Val::Int(open as u64)));
            let resolved = self
                .resolved
                .or_else(|| report.summary.baseline.as_ref().map(|b| b.resolved));
            match resolved {
                Some(done) => {
                    facts.push(("已整改", Val::Int(done as u64)));
                    let base = done + open;
                    let rate = if base == 0 {
                        "—".to_owned()
                    } else {
                        format!("{:.1}%", 100.0 * done as f64 / base as f64)
                    };
                    facts.push(("整改率", Val::text(rate)));
                }
                None => facts.push(("已整改", Val::text("—"))),
            }
            facts.push(("已说明", Val::Int(accepted as u64)));
        }
        let mut r = 2u32;
        for (k, v) in &facts {
            ws.write_string_with_format(r, 0, *k, &st.header)?;
            put(ws, r, 1, v, st, false)?;
            r += 1;
        }
        for n in &self.notes {
            ws.merge_range(r, 0, r, 6, &format!("说明：{n}"), &st.wrap)?;
            ws.set_row_height(r, 32)?;
            r += 1;
        }
        // By branch × severity.
        r += 1;
        let head = r;
        let headers = [
            "支部编号",
            "支部名称",
            "党员数",
            "错误",
            "警告",
            "提示",
            "合计",
        ];
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(r, i as u16, *h, &st.header)?;
        }
        r += 1;
        let mut by_branch: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
        for f in &report.findings {
            let e = by_branch.entry(f.branch.as_str()).or_default();
            match f.severity {
                Severity::Error => e[0] += 1,
                Severity::Warning => e[1] += 1,
                _ => e[2] += 1,
            }
        }
        let mut rows: Vec<Vec<Val>> = Vec::new();
        let mut listed = std::collections::HashSet::new();
        for b in self.branches.values() {
            if !listed.insert(b.id.as_str()) {
                continue;
            }
            let c = by_branch.get(b.id.as_str()).copied().unwrap_or_default();
            rows.push(vec![
                Val::text(&b.id),
                Val::text(&b.name),
                Val::Int(b.members as u64),
                Val::Int(c[0] as u64),
                Val::Int(c[1] as u64),
                Val::Int(c[2] as u64),
                Val::Int((c[0] + c[1] + c[2]) as u64),
            ]);
        }
        for (id, c) in &by_branch {
            if !listed.contains(id) {
                rows.push(vec![
                    Val::text(*id),
                    Val::Empty,
                    Val::Empty,
                    Val::Int(c[0] as u64),
                    Val::Int(c[1] as u64),
                    Val::Int(c[2] as u64),
                    Val::Int((c[0] + c[1] + c[2]) as u64),
                ]);
            }
        }
        for row in &rows {
            for (c, v) in row.iter().enumerate() {
                put(ws, r, c as u16, v, st, false)?;
            }
            r += 1;
        }
        // By rule.
        r += 1;
        for (i, h) in ["规则", "规则名称", "严重程度", "数量"].iter().enumerate() {
            ws.write_string_with_format(r, i as u16, *h, &st.header)?;
        }
        r += 1;
        for (code, n) in &sum.by_rule {
            let sev = report
                .findings
                .iter()
                .find(|f| f.rule == *code)
                .map_or("", |f| f.severity.zh());
            put(ws, r, 0, &Val::text(code.as_str()), st, false)?;
            put(ws, r, 1, &Val::text(code.name()), st, false)?;
            put(ws, r, 2, &Val::text(sev), st, false)?;
            put(ws, r, 3, &Val::Int(*n as u64), st, false)?;
            r += 1;
        }
        let w = widths(&headers, &rows, 8.0, 44.0);
        for (i, x) in w.iter().enumerate() {
            ws.set_column_width(i as u16, if i == 0 { x.max(24.0) } else { *x })?;
        }
        ws.set_column_width(1, w.get(1).copied().unwrap_or(20.0).max(28.0))?;
        ws.autofilter(head, 0, head + rows.len().max(1) as u32, 6)?;
        print_layout(ws, 0, false)?;
        Ok(())
    }

    /// Branch id → name, for the sheets that list branches.
    fn branch_names(&self) -> HashMap<&str, &str> {
        self.branches
            .values()
            .map(|b| (b.id.as_str(), b.name.as_str()))
            .collect()
    }

    fn subject(&self, f: &Finding) -> String {
        let key = (
            f.branch.as_str().to_owned(),
            f.subject.kind,
            f.subject.id.as_str().to_owned(),
        );
        match self.names.get(&key) {
            Some(name) => format!("{} {}（{name}）", f.subject.kind.zh(), f.subject.id),
            None => format!("{} {}", f.subject.kind.zh(), f.subject.id),
        }
    }

    fn findings(&self, wb: &mut Workbook, st: &Styles, report: &Report) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("问题清单")?;
        let headers = [
            "序号",
            "问题编号",
            "支部",
            "规则",
            "规则名称",
            "严重程度",
            "对象",
            "期间",
            "问题描述",
            "依据",
            "状态",
        ];
        title(ws, st, "问题清单", headers.len())?;
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, i as u16, *h, &st.header)?;
        }
        let sev_fmt = severity_formats();
        let mut rows = Vec::new();
        for (i, f) in report.findings.iter().enumerate() {
            rows.push(vec![
                Val::Int(i as u64 + 1),
                Val::text(&f.id),
                Val::text(f.branch.as_str()),
                Val::text(f.rule.as_str()),
                Val::text(f.name()),
                Val::text(f.severity.zh()),
                Val::text(self.subject(f)),
                Val::text(f.period.as_ref().map(period_label).unwrap_or_default()),
                Val::text(&f.message.zh),
                Val::text(citations(&f.citations)),
                Val::text(status(f)),
            ]);
        }
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 2;
            for (c, v) in row.iter().enumerate() {
                let c16 = c as u16;
                if c == 5 {
                    let f = &report.findings[r as usize - 2];
                    ws.write_string_with_format(
                        r,
                        c16,
                        f.severity.zh(),
                        severity_format(&sev_fmt, f.severity),
                    )?;
                } else {
                    put(ws, r, c16, v, st, matches!(c, 1 | 4 | 6 | 8 | 9))?;
                }
            }
        }
        let mut w = widths(&headers, &rows, 5.0, 30.0);
        w[1] = w[1].min(24.0);
        w[4] = w[4].min(18.0);
        w[6] = w[6].min(18.0);
        w[8] = 50.0;
        w[9] = 30.0;
        fit_rows(ws, 2, &rows, &w, &[1, 4, 6, 8, 9])?;
        finish_table(ws, 1, &w, rows.len() as u32, true)
    }

    fn rectification(
        &self,
        wb: &mut Workbook,
        st: &Styles,
        report: &Report,
    ) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("整改台账")?;
        let headers = crate::render::xlsx::RECTIFICATION_HEADERS;
        title(ws, st, "整改台账", headers.len())?;
        let fill = st
            .text
            .clone()
            .set_background_color(rust_xlsxwriter::Color::RGB(0xFFF2CC));
        let fill_wrap = st
            .wrap
            .clone()
            .set_background_color(rust_xlsxwriter::Color::RGB(0xFFF2CC));
        let fill_date = st
            .date
            .clone()
            .set_background_color(rust_xlsxwriter::Color::RGB(0xFFF2CC));
        for (i, h) in headers.iter().enumerate() {
            let f = if i >= 7 {
                st.header
                    .clone()
                    .set_background_color(rust_xlsxwriter::Color::RGB(0xFFD966))
            } else {
                st.header.clone()
            };
            ws.write_string_with_format(1, i as u16, *h, &f)?;
        }
        let open: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| !f.is_accepted())
            .collect();
        let mut rows = Vec::new();
        for (i, f) in open.iter().enumerate() {
            rows.push(vec![
                Val::Int(i as u64 + 1),
                Val::text(&f.id),
                Val::text(f.branch.as_str()),
                Val::text(&f.message.zh),
                Val::text(citations(&f.citations)),
                Val::Date(f.first_seen.unwrap_or(report.as_of)),
                Val::text(status(f)),
            ]);
        }
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 2;
            for (c, v) in row.iter().enumerate() {
                put(ws, r, c as u16, v, st, matches!(c, 1 | 3 | 4))?;
            }
            // The columns the branch fills, carried forward from the
            // baseline's 整改台账 by finding id.
            let rem = open[r as usize - 2].remediation.as_ref();
            let cells = [
                (7, rem.and_then(|m| m.measures.as_deref()), &fill_wrap),
                (8, rem.and_then(|m| m.owner.as_deref()), &fill),
                (9, rem.and_then(|m| m.deadline.as_deref()), &fill_date),
                (10, rem.and_then(|m| m.progress.as_deref()), &fill),
                (11, rem.and_then(|m| m.proof.as_deref()), &fill_wrap),
            ];
            for (c, text, format) in cells {
                match text {
                    Some(t) => match (
                        c,
                        crate::model::parse_date(t).ok().and_then(super::excel_date),
                    ) {
                        (9, Some(d)) => {
                            ws.write_date_with_format(r, c, &d, format)?;
                        }
                        _ => {
                            ws.write_string_with_format(r, c, t, format)?;
                        }
                    },
                    None => {
                        ws.write_blank(r, c, format)?;
                    }
                }
            }
        }
        let last = 1 + rows.len().max(1) as u32;
        let done = DataValidation::new()
            .allow_list_strings(&["已完成", "整改中", "未整改"])?
            .set_error_style(DataValidationErrorStyle::Information)
            .set_input_title("完成情况")?
            .set_input_message("可选：已完成 / 整改中 / 未整改，也可写具体情况")?;
        ws.add_data_validation(2, 10, last, 10, &done)?;
        let mut w = widths(&headers, &rows, 5.0, 30.0);
        w[1] = w[1].min(24.0);
        w[3] = 44.0;
        w[4] = 26.0;
        for x in w.iter_mut().skip(7) {
            *x = 12.0;
        }
        w[7] = 26.0;
        w[11] = 16.0;
        fit_rows(ws, 2, &rows, &w, &[1, 3, 4])?;
        finish_table(ws, 1, &w, rows.len() as u32, true)
    }

    fn development(&self, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("发展进度")?;
        let headers = [
            "支部",
            "编号",
            "姓名",
            "阶段",
            "最近步骤",
            "日期",
            "待补步骤",
            "下一步",
            "最早日期",
            "截止日期",
            "提醒",
        ];
        title(ws, st, "发展党员进度", headers.len())?;
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, i as u16, *h, &st.header)?;
        }
        let bad = severity_formats().0;
        let rows: Vec<&(Vec<Val>, bool)> = self
            .branches
            .values()
            .flat_map(|b| &b.development)
            .collect();
        for (r, (row, overdue)) in rows.iter().enumerate() {
            let r = r as u32 + 2;
            for (c, v) in row.iter().enumerate() {
                if c == 10 && *overdue {
                    ws.write_string_with_format(r, 10, "已逾期", &bad)?;
                } else {
                    put(ws, r, c as u16, v, st, matches!(c, 4 | 6 | 7))?;
                }
            }
        }
        let plain: Vec<Vec<Val>> = rows.iter().map(|(r, _)| r.clone()).collect();
        let mut w = widths(&headers, &plain, 6.0, 30.0);
        w[4] = w[4].min(20.0);
        w[6] = w[6].clamp(10.0, 20.0);
        w[7] = 30.0;
        fit_rows(ws, 2, &plain, &w, &[4, 6, 7])?;
        finish_table(ws, 1, &w, rows.len() as u32, true)
    }

    fn stars(&self, wb: &mut Workbook, st: &Styles, report: &Report) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("评星")?;
        let headers = [
            "支部",
            "支部名称",
            "评分方案",
            "得分",
            "星级",
            "扣分项",
            "否决",
        ];
        title(ws, st, "支部评星", headers.len())?;
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, i as u16, *h, &st.header)?;
        }
        let name_of = self.branch_names();
        let name = |b: &str| Val::text(name_of.get(b).copied().unwrap_or(""));
        let mut rows: Vec<Vec<Val>> = self
            .scorecards
            .iter()
            .map(|s| {
                vec![
                    Val::text(&s.branch),
                    name(&s.branch),
                    Val::text(&s.scheme),
                    Val::text(&s.score),
                    Val::text(&s.level),
                    Val::Empty,
                    Val::Empty,
                ]
            })
            .collect();
        for c in &report.scorecards {
            let items = c
                .items
                .iter()
                .filter(|i| i.findings > 0)
                .map(|i| {
                    format!(
                        "{}：{} 项，扣 {}{}",
                        i.rules.join("、"),
                        i.findings,
                        i.points,
                        if i.capped { "（封顶）" } else { "" }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let veto = c
                .veto
                .as_ref()
                .map(|v| {
                    format!(
                        "{}（{}）：{} → {}",
                        v.why,
                        v.findings.join("、"),
                        v.level_by_score,
                        v.cap
                    )
                })
                .unwrap_or_default();
            rows.push(vec![
                Val::text(c.branch.as_str()),
                name(c.branch.as_str()),
                Val::text(&c.scheme),
                Val::text(c.score.to_string()),
                Val::text(&c.level),
                Val::text(items),
                Val::text(veto),
            ]);
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, r as u32 + 2, c as u16, v, st, matches!(c, 5 | 6))?;
            }
        }
        let mut w = widths(&headers, &rows, 8.0, 40.0);
        w[5] = 40.0;
        w[6] = 30.0;
        fit_rows(ws, 2, &rows, &w, &[5, 6])?;
        // One deduction item per line: a little more room than fit_rows
        // gives, or the first line is clipped in print.
        for (r, row) in rows.iter().enumerate() {
            let lines = row.get(5).map_or(1, |v| v.shown().lines().count()).max(1);
            if lines > 1 {
                ws.set_row_height(r as u32 + 2, 16.0 * lines as f64 + 4.0)?;
            }
        }
        finish_table(ws, 1, &w, rows.len() as u32, true)
    }

    /// 指标: how each branch stands (the report's indicators).
    fn indicators(&self, wb: &mut Workbook, st: &Styles, report: &Report) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("指标")?;
        let mut headers = vec![
            "支部",
            "支部名称",
            "应缴月数",
            "按时缴纳月数",
            "按时缴纳率",
            "应缴金额",
            "实缴金额",
            "应开会议",
            "已开会议",
            "应到人次",
            "出席",
            "请假",
            "缺席",
            "出席率",
            "培训人数",
            "人均学时",
            "未达学时人数",
            "入党申请人",
            "积极分子",
            "发展对象",
            "预备党员",
        ];
        // Year over year: with a baseline that has indicators, its rates
        // beside this audit's.
        let previous: HashMap<&str, &crate::report::Indicators> = report
            .previous_indicators
            .iter()
            .map(|i| (i.branch.as_str(), i))
            .collect();
        if !previous.is_empty() {
            headers.extend(["上期按时缴纳率", "上期出席率"]);
        }
        title(ws, st, "支部工作指标", headers.len())?;
        // 21 columns: narrow ones under wrapped headers, so the sheet prints
        // on one landscape page width.
        let head = st.header.clone().set_text_wrap();
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, i as u16, *h, &head)?;
        }
        ws.set_row_height(1, 30)?;
        let name_of = self.branch_names();
        let pct = |d| Val::text(crate::render::percent(d));
        let int = |n: u32| Val::Int(u64::from(n));
        let rows: Vec<Vec<Val>> = report
            .indicators
            .iter()
            .map(|i| {
                let required: u32 = i.meetings.iter().map(|m| m.required).sum();
                let held: u32 = i.meetings.iter().map(|m| m.held.min(m.required)).sum();
                let dev = &i.development;
                let mut row = vec![
                    Val::text(i.branch.as_str()),
                    Val::text(name_of.get(i.branch.as_str()).copied().unwrap_or("")),
                    int(i.dues.owed_months),
                    int(i.dues.on_time_months),
                    pct(i.dues.on_time_rate),
                    Val::Money(i.dues.expected),
                    Val::Money(i.dues.collected),
                    int(required),
                    int(held),
                    int(i.attendance.expected),
                    int(i.attendance.present),
                    int(i.attendance.excused),
                    int(i.attendance.absent),
                    pct(i.attendance.rate),
                    int(i.training.members),
                    Val::text(
                        i.training
                            .mean_hours
                            .map_or("—".to_owned(), |h| h.round_dp(1).to_string()),
                    ),
                    int(i.training.below_minimum),
                    int(dev.applicants),
                    int(dev.activists),
                    int(dev.candidates),
                    int(dev.probationary),
                ];
                if !previous.is_empty() {
                    let p = previous.get(i.branch.as_str());
                    row.push(pct(p.and_then(|p| p.dues.on_time_rate)));
                    row.push(pct(p.and_then(|p| p.attendance.rate)));
                }
                row
            })
            .collect();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, r as u32 + 2, c as u16, v, st, false)?;
            }
        }
        let mut w: Vec<f64> = widths(&headers, &rows, 7.0, 30.0)
            .into_iter()
            .map(|x| x.min(10.0))
            .collect();
        w[0] = 8.0;
        w[1] = widths(&headers, &rows, 8.0, 30.0)[1];
        finish_table(ws, 1, &w, rows.len() as u32, true)
    }

    /// 待办: what falls due in the window after as_of (with --todo).
    fn todo(
        &self,
        wb: &mut Workbook,
        st: &Styles,
        todo: &crate::report::Todo,
    ) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name("待办")?;
        let headers = ["支部", "到期日", "事项", "对象", "内容"];
        title(
            ws,
            st,
            &format!("待办事项（{} 天内，至 {}）", todo.days, todo.until),
            headers.len(),
        )?;
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, i as u16, *h, &st.header)?;
        }
        let rows: Vec<Vec<Val>> = todo
            .items
            .iter()
            .map(|t| {
                vec![
                    Val::text(t.branch.as_str()),
                    Val::Date(t.due),
                    Val::text(t.kind.zh()),
                    Val::text(format!("{} {}", t.subject.kind.zh(), t.subject.id)),
                    Val::text(&t.message.zh),
                ]
            })
            .collect();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, r as u32 + 2, c as u16, v, st, c == 4)?;
            }
        }
        let mut w = widths(&headers, &rows, 8.0, 30.0);
        w[4] = 50.0;
        fit_rows(ws, 2, &rows, &w, &[4])?;
        finish_table(ws, 1, &w, rows.len() as u32, true)
    }
}

fn title(
    ws: &mut rust_xlsxwriter::Worksheet,
    st: &Styles,
    text: &str,
    ncols: usize,
) -> Result<(), XlsxError> {
    ws.merge_range(0, 0, 0, ncols.saturating_sub(1) as u16, text, &st.title)?;
    ws.set_row_height(0, 24)?;
    Ok(())
}

fn citations(c: &[Citation]) -> String {
    c.iter()
        .map(Citation::display)
        .collect::<Vec<_>>()
        .join("；")
}

/// The 状态 of a finding: 已说明 (accepted), 新发现 / 未整改 (with a
/// baseline), else 待整改.
fn status(f: &Finding) -> &'static str {
    if f.is_accepted() {
        return "已说明";
    }
    match f.baseline {
        Some(BaselineStatus::New) => "新发现",
        Some(BaselineStatus::Unchanged) => "未整改",
        Some(BaselineStatus::Updated) => "未整改（有变化）",
        Some(BaselineStatus::Recurring) => "重复出现",
        None => "待整改",
    }
}

fn severity_formats() -> (
    rust_xlsxwriter::Format,
    rust_xlsxwriter::Format,
    rust_xlsxwriter::Format,
) {
    use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};
    let base = Format::new()
        .set_font_name(super::FONT)
        .set_font_size(10.5)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    (
        base.clone()
            .set_bold()
            .set_background_color(Color::RGB(0xFFC7CE))
            .set_font_color(Color::RGB(0x9C0006)),
        base.clone()
            .set_background_color(Color::RGB(0xFFEB9C))
            .set_font_color(Color::RGB(0x9C5700)),
        base,
    )
}

fn severity_format(
    f: &(
        rust_xlsxwriter::Format,
        rust_xlsxwriter::Format,
        rust_xlsxwriter::Format,
    ),
    s: Severity,
) -> &rust_xlsxwriter::Format {
    match s {
        Severity::Error => &f.0,
        Severity::Warning => &f.1,
        _ => &f.2,
    }
}

//! The bundled sample (`examples/data/sample.json`, written by
//! `examples/data/make_sample.py`) yields exactly the organisational-life,
//! education and organisation findings of the faults planted in it, and the
//! text report shows each member's attendance and study.

mod common;
use common::{auditor, keys, sample};

use dangjian::life::standing::{LifeStatus, Standing};
use dangjian::render::TextReport;
use dangjian::{Lang, Severity, YearMonth};

#[test]
fn sample_meetings_education_and_organisation_findings() {
    let expected = [
        // B01: M09 has 16 + 15.5 = 31.5 training hours, short of 32
        // (党员教育管理工作条例 第二十条).
        "B01 EDU001 M09 2025-01-01",
        // B01: group G2 skipped its July meeting (支部工作条例 第十三条).
        "B01 MTG003 G2 2025-07-01",
        // B01: M13 stayed away without leave from the February, June and October
        // theme days: three unexcused absences (practice).
        "B01 MTG009 M13 2025-01-01",
        // B01: the Q2 general meeting voted with 8 of 16 voting members present:
        // exactly half, which is a quorum under 支部工作条例 第十一条 "半数以上…到会"
        // (以上 includes half; v1 read it strictly): no MTG011 (B02's Q4 below has one).
        // B01: the May theme day was recorded without a topic.
        "B01 MTG012 B01-theme_day-05 2025-05-25",
        // B01: the 2024 组织生活会's item "三会一课记录不够规范" was due on
        // 2025-06-30 and is still open (支部工作条例 第十七条).
        "B01 MTG015 B01-life_meeting-2024 2025-06-30",
        // B01: the committee elected 2023-06-15 for 3 years ends its term on
        // 2026-06-15, within 6 months of as_of: notice (info).
        "B01 ORG003 B01 2026-06-15",
        // B02: no committee meeting in August (支部工作条例 第十二条).
        "B02 MTG002 B02 2025-08-01",
        // B02: nobody talked with M30 in 2025 (支部工作条例 第十九条).
        "B02 MTG008 M30 2025-01-01",
        // B02: M21, absent from every meeting from March to September, has 21
        // unexcused absences in the year (the same fault as the lapse below).
        "B02 MTG009 M21 2025-01-01",
        // B02: M21 took no part in organisational life from March to September:
        // seven months, a 自行脱党 case (党章 第九条).
        "B02 MTG010 M21 2025-03-01",
        // B02: the Q4 general meeting voted with 6 of 13 voting members present,
        // fewer than half (支部工作条例 第十一条).
        "B02 MTG011 B02-general_meeting-Q4 2025-12-20",
        // B02: the secretary M17, a leading cadre, was away at the 2025 组织生活会
        // (党员教育管理工作条例 第十六条).
        "B02 MTG013 M17 2025-01-01",
        // B02: the committee elected 2020-05-20 for 3 years expired on
        // 2023-05-20 and was never re-elected (党章 第三十一条).
        "B02 ORG003 B02 2023-05-20",
        // B03: no party lecture in the third quarter (quarterly: practice).
        "B03 MTG004 B03 2025-07-01",
        // B03: the August study session has no attendance record. (Every member
        // counts as absent from it once, which tips nobody into MTG009.)
        "B03 MTG012 B03-study-08 2025-08-14",
        // B03: 9 full members and only a secretary: a committee is required
        // (支部工作条例 第六章).
        "B03 ORG001 B03 -",
    ];
    let report = auditor("MTG,EDU,ORG").audit(&sample());
    assert_eq!(keys(&report), expected);

    let sev = |rule: &str, branch: &str| {
        report
            .findings
            .iter()
            .find(|f| f.rule == rule && f.branch.as_str() == branch)
            .map(|f| f.severity)
    };
    assert_eq!(sev("ORG003", "B01"), Some(Severity::Info));
    assert_eq!(sev("ORG003", "B02"), Some(Severity::Error));
    assert_eq!(sev("MTG010", "B02"), Some(Severity::Error));

    let lapse = report
        .findings
        .iter()
        .find(|f| f.rule == "MTG010")
        .expect("MTG010");
    assert_eq!(lapse.evidence["months"], 7);
    assert_eq!(lapse.evidence["last"], "2025-09");
}

#[test]
fn sample_standing_of_m21_and_m36() {
    let bundles = sample();
    let a = auditor("all");
    let months = |branch: usize, id: &str| {
        let b = &bundles[branch];
        let cx = a.context(b);
        let standing = Standing::new(&cx);
        let m = standing.member(id).expect("member");
        m.months(
            "2025-01".parse::<YearMonth>().unwrap(),
            "2025-12".parse().unwrap(),
        )
    };
    // M21 (B02): dues unpaid and organisational life missed from March to September.
    let m21 = months(1, "M21");
    let absent: Vec<u32> = m21
        .iter()
        .filter(|m| m.life == LifeStatus::Absent)
        .map(|m| m.month.month())
        .collect();
    assert_eq!(absent, [3, 4, 5, 6, 7, 8, 9]);
    let unpaid: Vec<u32> = m21
        .iter()
        .filter(|m| m.dues == dangjian::dues::DuesStatus::Unpaid)
        .map(|m| m.month.month())
        .collect();
    assert_eq!(unpaid, absent);
    // M36 (B03): ill from February to July, exempt, and no lapse.
    let m36 = months(2, "M36");
    let exempt: Vec<u32> = m36
        .iter()
        .filter(|m| m.life == LifeStatus::Exempt)
        .map(|m| m.month.month())
        .collect();
    assert_eq!(exempt, [2, 3, 4, 5, 6, 7]);
}

#[test]
fn text_report_has_the_member_summary() {
    let bundles = sample();
    let a = auditor("all");
    for (lang, title, m09) in [
        (
            Lang::Zh,
            "-- 党员组织生活与学习情况 --",
            "学时31.5（应32）  ←不足",
        ),
        (
            Lang::En,
            "-- Members' organisational life and study --",
            "training 31.5 h (required 32)  <- short",
        ),
    ] {
        let mut text = TextReport::new(lang);
        let mut report = a.empty_report();
        for b in &bundles {
            let cx = a.context(b);
            let findings = a.check_context(&cx);
            text.add_branch(&cx, &findings);
            a.add(&mut report, b, findings);
        }
        let out = text.finish(&a.finish(report));
        assert_eq!(out.matches(title).count(), 3, "{out}");
        let line = out
            .lines()
            .find(|l| l.starts_with("M09 "))
            .expect("a line for M09");
        assert!(line.contains(m09), "{line}");
        let line = out
            .lines()
            .find(|l| l.starts_with("M21 "))
            .expect("a line for M21");
        assert!(line.contains("21"), "{line}");
    }
}

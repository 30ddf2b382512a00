//! The built-in profiles: `central` and `central-2026`.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    Bracket, DevelopmentProfile, DuesProfile, EducationProfile, IdeologyProfile, MeetingsProfile,
    OrganisationProfile, Origin, Param, ParamValue, PeriodKind, Profile, Rounding,
    TransfersProfile, XizeEdition,
};
use crate::model::{Money, PublicityStage};
use crate::vocab::Citation;
use crate::vocab::sources::{
    DANGZHANG, DUES_RULES, JIAOYU, PRACTICE, RENQI, XIZE, XUANJU, ZHIBU, citation,
};

fn p<T: ParamValue>(value: T, source: Citation) -> Param<T> {
    Param::central(value, source)
}

fn money(fen: u64) -> Money {
    Money::from_fen(fen)
}

fn rate(permille_tenths: i64) -> Decimal {
    // 5 -> 0.005 (0.5%)
    Decimal::new(permille_tenths, 3)
}

/// A citation of the 2026 edition of the 细则.
fn xize_2026(article: &'static str) -> Citation {
    let mut c = citation(XIZE, article);
    c.edition = Some(Cow::Borrowed("2026"));
    c
}

/// A citation of the 2014 edition of the 细则.
fn xize_2014(article: &'static str) -> Citation {
    let mut c = citation(XIZE, article);
    c.edition = Some(Cow::Borrowed("2014"));
    c
}

/// The day the reported 2026 revision of the 细则 was issued and took effect.
pub(crate) fn xize_2026_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 11).unwrap_or(NaiveDate::MAX)
}

/// The day from which committees are elected for the terms of the 任期意见
/// (`ORG005`): RULES.md v1.1 dates the 意见 "2018-07". The 意见 itself says
/// "本意见自发布之日起施行" and a reprint gives 颁布日期 2018-07-12; item 一
/// adds "本意见印发前已换届的党的基层组织，原则上从本届任期届满后，开始执行上述
/// 规定", so a committee elected before the 意见 keeps its 党章 term of 3–5
/// years. The contract's 2018-07-01 is used.
pub(crate) fn renqi_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 7, 1).unwrap_or(NaiveDate::MIN)
}

pub(super) fn central() -> Profile {
    let art = |a| citation(DUES_RULES, a);
    Profile {
        name: "central".to_owned(),
        dues: DuesProfile {
            income_rates: p(
                vec![
                    Bracket::new(Some(money(300_000)), rate(5)),
                    Bracket::new(Some(money(500_000)), rate(10)),
                    Bracket::new(Some(money(1_000_000)), rate(15)),
                    Bracket::new(None, rate(20)),
                ],
                art("第二条至第四条"),
            ),
            retired_rates: p(
                vec![
                    Bracket::new(Some(money(500_000)), rate(5)),
                    Bracket::new(None, rate(10)),
                ],
                art("第五条"),
            ),
            farmer_min: p(money(20), art("第六条")),
            farmer_max: p(money(100), art("第六条")),
            fixed_amount: p(money(20), art("第六条")),
            rounding: p(Rounding::Fen, art("第二条")),
            arrears_min_months: p(3, citation(PRACTICE, "连续三个月未交党费提醒谈话")),
            lapse_months: p(6, citation(DANGZHANG, "第九条")),
            backpay_max_months: p(6, art("第十二条")),
            // 组电明字〔2017〕5号 part 一(1): "基层党组织年初核定党员月交纳党费
            // 数额，年内一般不变动" — a notice, not the 2008 规定 (whose art. 10
            // takes the new base from the month it changes), so off by default.
            annual_base_fixed: p(
                false,
                citation(DUES_RULES, "第十条（工资变化当月起按新基数）"),
            ),
            // The 2008 规定 puts remittance duties on 党委 (arts. 15–16); no
            // article found requires a branch's 足额上缴: practice.
            remittance_cycle: p(
                PeriodKind::Quarter,
                citation(PRACTICE, "党费按季度足额上缴"),
            ),
            remittance_grace_months: p(1, citation(PRACTICE, "季度结束后一个月内上缴")),
            receipt_required: p(false, citation(PRACTICE, "开具党员缴纳党费收据")),
            publication_required: p(false, citation(PRACTICE, "党费收缴使用情况每年公布1次")),
            publication_grace_months: p(0, citation(PRACTICE, "党费收缴使用情况每年公布1次")),
        },
        development: DevelopmentProfile {
            edition: p(XizeEdition::Y2014, xize_2014("2014年5月28日起施行")),
            min_age_years: p(18, citation(DANGZHANG, "第一条")),
            talk_within_months: p(1, xize_2014("第七条")),
            activist_min_months: p(12, xize_2014("第十三条")),
            assessment_interval_months: p(6, xize_2014("第十一条")),
            contacts: p((1, 2), xize_2014("第九条")),
            introducers: p(2, xize_2014("第十四条")),
            training_min_days: p(3, xize_2014("第十七条")),
            training_min_hours: p(24, xize_2014("第十七条")),
            // The 2014 细则 has no publicity article: practice (its art. 13
            // asks for "党小组、培养联系人、党员和群众意见"); the 2026 art. 13 makes
            // the candidate publicity central (see central_2026).
            publicity_stages: p(
                vec![PublicityStage::Candidate, PublicityStage::Conversion],
                citation(PRACTICE, "公示"),
            ),
            publicity_min_working_days: p(5, citation(PRACTICE, "公示不少于5个工作日")),
            // 细则 (2014) art. 25: "应当在三个月内审批……但不得超过六个月" (admission);
            // art. 34: "应当在三个月内审批" (conversion).
            approval_within_months: p(3, xize_2014("第二十五条、第三十四条")),
            approval_error_months: p(6, xize_2014("第二十五条")),
            probation_months: p(12, citation(DANGZHANG, "第七条")),
            // 细则 (2014) art. 32: "延长时间不能少于半年，最长不超过一年";
            // 党章 art. 7 gives only the most ("不能超过一年").
            extension_months: p((6, 12), xize_2014("第三十二条")),
            conversion_grace_months: p(
                1,
                citation(
                    PRACTICE,
                    "预备期满一个月内讨论转正（细则第三十二条：及时讨论）",
                ),
            ),
            // 细则 (2014) art. 36: "可推迟讨论其转正问题，推迟时间不超过六个月".
            transfer_deferral_months: p(6, xize_2014("第三十六条")),
            archive_grace_months: p(
                1,
                citation(PRACTICE, "转正后一个月内归档（细则第三十七条：及时归档）"),
            ),
            // 2026 only (DEV021, DEV022 apply under the 2026 edition alone).
            admission_within_months: p(1, xize_2026("第十九条")),
            oath_within_months: p(1, xize_2026("第二十九条")),
        },
        meetings: MeetingsProfile {
            general_meeting_period: p(PeriodKind::Quarter, citation(ZHIBU, "第十一条")),
            committee_meeting_period: p(PeriodKind::Month, citation(ZHIBU, "第十二条")),
            group_meeting_period: p(PeriodKind::Month, citation(ZHIBU, "第十三条")),
            party_lecture_period: p(
                PeriodKind::Quarter,
                citation(PRACTICE, "党课每季度至少1次（支部条例第十五条未定次数）"),
            ),
            theme_day_period: p(PeriodKind::Month, citation(ZHIBU, "第十六条")),
            absence_threshold: p(3, citation(PRACTICE, "无故缺席")),
            lapse_months: p(6, citation(DANGZHANG, "第九条")),
            // 支部条例 art. 11: "表决必须有半数以上有表决权的党员到会方可进行"
            // — 以上 includes the number itself.
            quorum_inclusive: p(true, citation(ZHIBU, "第十一条、第十二条（半数以上）")),
        },
        education: EducationProfile {
            member_hours: p(32, citation(JIAOYU, "第二十条")),
            cadre_hours: p(
                56,
                citation(
                    PRACTICE,
                    "基层党组织书记和班子成员每年不少于56学时（全国党员教育培训工作规划；所出规划未经核实）",
                ),
            ),
        },
        organisation: OrganisationProfile {
            committee_required_from: p(7, citation(ZHIBU, "第六章")),
            committee_size: p((3, 7), citation(ZHIBU, "第六章")),
            // 任期意见 item 三: "上级党组织要……及时提醒督促按期换届" — the six months'
            // notice is practice.
            term_notice_months: p(
                6,
                citation(
                    PRACTICE,
                    "任期届满前六个月提醒换届（任期意见三：及时提醒督促按期换届）",
                ),
            ),
            // 选举条例 art. 3: "延长或者提前期限一般不超过1年".
            postponement_max_months: p(12, citation(XUANJU, "第三条")),
            term_years: p(3, citation(RENQI, "一（支部委员会每届任期一般为3年）")),
            term_years_village: p(5, citation(RENQI, "一（村、社区党组织每届任期5年）")),
            // 支部条例 art. 4: "……凡是有正式党员3人以上的，都应当成立党支部。党支部党员
            // 人数一般不超过50人。" (both in art. 4; v1 also cited art. 5).
            branch_min_full: p(3, citation(ZHIBU, "第四条")),
            branch_max_members: p(50, citation(ZHIBU, "第四条")),
        },
        ideology: IdeologyProfile {
            // The central 2015 办法 is framed for 党委（党组）; "每半年至少专题研究
            // 一次" is found only in local implementing rules: practice.
            period: p(
                PeriodKind::HalfYear,
                citation(PRACTICE, "每半年至少专题研究一次意识形态工作"),
            ),
            required: p(false, citation(PRACTICE, "意识形态工作责任制")),
        },
        transfers: TransfersProfile {
            receipt_grace_months: p(1, citation(PRACTICE, "介绍信回执一个月内退回")),
            // 教育条例 art. 25 requires the transfer ("应当转移组织关系") but sets no
            // time; the one month around leaving is practice.
            record_window_months: p(1, citation(PRACTICE, "离开前后一个月内开具组织关系介绍信")),
            mobile_months: p(6, citation(JIAOYU, "第二十五条")),
            lost_contact_months: p(6, citation(JIAOYU, "第二十四条")),
            abroad_contact_period: p(PeriodKind::HalfYear, citation(JIAOYU, "第三十四条")),
        },
        rules: Vec::new(),
        accepts: Vec::new(),
        scoring: None,
        origin: Origin {
            chain: Vec::new(),
            sha256: None,
        },
    }
}

/// `central`, with the reported 2026 revision of the 细则 in force for
/// records dated on or after 2026-05-11.
pub(super) fn central_2026() -> Profile {
    let mut p = central();
    p.name = "central-2026".to_owned();
    let from = xize_2026_from();
    let set_in = || Cow::Borrowed("central-2026");
    let d = &mut p.development;
    d.edition.set_in(
        XizeEdition::Y2026,
        Some(xize_2026(
            "2026年5月11日起施行（公开文本，未经官方发布核对）",
        )),
        set_in(),
        Some(from),
    );
    // The same values under the 2026 text, cited by its numbering (articles
    // 7, 9, 11, 13, 14, 17 and 25 keep their numbers; 32 → 31, 34 → 33,
    // 36 → 35, 37 → 36).
    macro_rules! same {
        ($($field:ident: $article:literal,)+) => {
            $(
                let v = d.$field.value().clone();
                d.$field.set_in(v, Some(xize_2026($article)), set_in(), Some(from));
            )+
        };
    }
    same! {
        talk_within_months: "第七条",
        activist_min_months: "第十三条",
        assessment_interval_months: "第十一条",
        contacts: "第九条",
        introducers: "第十四条",
        training_min_days: "第十七条",
        training_min_hours: "第十七条",
        // 细则 (2026) art. 13: the candidate publicity of at least five
        // working days becomes central text.
        publicity_stages: "第十三条",
        publicity_min_working_days: "第十三条",
        approval_within_months: "第二十五条、第三十三条",
        approval_error_months: "第二十五条",
        extension_months: "第三十一条",
        transfer_deferral_months: "第三十五条",
    }
    d.conversion_grace_months.set_in(
        1,
        Some(citation(
            PRACTICE,
            "预备期满一个月内讨论转正（细则2026第三十一条：及时讨论）",
        )),
        set_in(),
        Some(from),
    );
    d.archive_grace_months.set_in(
        1,
        Some(citation(
            PRACTICE,
            "转正后一个月内归档（细则2026第三十六条：及时归档）",
        )),
        set_in(),
        Some(from),
    );
    p
}

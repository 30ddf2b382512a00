//! Synthetic branch records: a deterministic generator of realistic bundles,
//! clean or with faults planted at a chosen rate.
//!
//! This is the generator behind `examples/generate.rs` and the benches. Bundle
//! `index` of a data set is a pure function of the options and the index
//! ([`bundle`]), so bundles can be generated in any order, in parallel, or
//! streamed one at a time without holding the others.
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::Auditor;
//! use dangjian::synth::{self, SynthOptions};
//!
//! let opts = SynthOptions { branches: 3, seed: 7, ..SynthOptions::default() };
//! let b = synth::bundle(&opts, 2);
//! assert_eq!(b, synth::bundle(&opts, 2)); // deterministic
//! let year_end = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
//! assert_eq!(b.latest_event_date(), Some(year_end));
//! // No faults: a clean bundle, no finding with every rule on.
//! assert!(Auditor::new(year_end).check(&b).is_empty());
//!
//! // Faults planted at a rate of 5% per opportunity.
//! let faulty = SynthOptions { faults: 0.05, ..opts.clone() };
//! let findings: usize = faulty.bundles().map(|b| Auditor::new(year_end).check(&b).len()).sum();
//! assert!(findings > 0);
//! ```
//!
//! # What a bundle holds
//!
//! One branch (党支部) and its records (台账) of the year [`SynthOptions::year`]:
//!
//! * **The branch**: a kind (organ, enterprise, school, hospital, village,
//!   community) with a fitting Chinese name, founded years ago; 3–50 members
//!   (mean about 25); a committee (支委会, 3, 5 or 7 seats with a secretary,
//!   elected within its three-year term) when it has 7 or more full members,
//!   a secretary otherwise; party groups (党小组) from 15 members.
//! * **Members**: Chinese names, ages and dues categories that fit the kind
//!   (mostly salaried; retired, farmers, students, the unemployed, relief and
//!   low-income members where they belong), some leading cadres, now and then
//!   a member transferred in or out during the year.
//! * **Dues**: a base for every base-rated member (a raise in July now and
//!   then), a year of payments of exactly the amount the dues calculator
//!   expects ([`crate::dues::expected_monthly`]), collected on the branch's
//!   collection day each month (a member admitted or transferred in that
//!   month pays after arriving); some retired members and farmers pay by
//!   quarter; approved waivers and reductions for members in difficulty;
//!   approved exemptions (illness, abroad, …), whose months are sometimes
//!   paid in one payment on return.
//! * **Organisational life**: every meeting the rules require, each with a
//!   topic, chair, recorder, hours and attendance (present, or excused with a
//!   reason; absent while exempt): a 支部党员大会 every quarter (sometimes with a
//!   vote), a 支委会 and a 党小组会 of every group every month, a 党课 every quarter,
//!   a 主题党日 every month, the year's 民主评议党员 and 组织生活会 in December (and
//!   the previous year's in January, counting for that year), a few study
//!   sessions; a talk (谈心谈话) of every member with a committee member or the
//!   secretary, and of every two committee members; training hours (32 a year,
//!   56 for cadres, pro rata for part of a year).
//! * **Development**: a few candidates per branch at every stage (applicant,
//!   activist, candidate for development, probationary, converted), each with
//!   a compliant file: the 25 steps in order with the required intervals,
//!   contacts and introducers who are full members, a qualified political
//!   review, three days of training, publicities of 5–7 PRC working days
//!   ([`crate::calendar::Prc`]) before their gate steps (all four stages, not
//!   only those the central profile requires), quorate votes carried by a
//!   majority, and now and then a probation extended once by 6–12 months.
//!   Those admitted are members of the branch (probationary, or full once
//!   converted).
//!
//! The latest event date of every bundle is 31 December of the year (the
//! secretary's December dues), so the audit command's default `as_of` is the
//! year end. Everything else happens on or before it.
//!
//! With [`SynthOptions::faults`] = 0 the bundle is clean: auditing it with
//! every rule on, `as_of` = the year end and the period = the year yields no
//! finding at all.
//!
//! # Faults
//!
//! With `faults` = *p*, each opportunity below is taken with probability *p*
//! (where the table says *p*/2, with half that), so a data set has faults
//! of every family. Faults are drawn from a random stream of their own, so
//! most of a faulty data set is the same as the clean one of the same seed:
//! the records a fault touches differ, and sometimes some that follow them.
//!
//! | opportunity | fault | finding |
//! |---|---|---|
//! | each owed month (quarter) of a member | payment skipped | DUE001 (DUE003 in runs) |
//! | each owed month | half the amount paid | DUE002 |
//! | each owed month of January–May (*p*/2) | paid in December | DUE005 |
//! | each member | no payment for the last 3–8 months | DUE001, DUE003 / DUE004 |
//! | each base-rated member (*p*/2) | no dues base, a guessed amount paid | DUE007 |
//! | each waiver | no higher approval | DUE006, DUE001 |
//! | each member transferred in | a settled month paid again | DUE008 |
//! | each required meeting | not held | MTG001–MTG007 |
//! | each meeting held | no topic (and, one time in five, no chair) | MTG012 |
//! | each attendance entry | absent without excuse | MTG009 (at 3 a year) |
//! | each member (*p*/2) | 6–8 months absent from everything, and unpaid | MTG010, DUE004 |
//! | each vote taken at a 支部党员大会 | no quorum | MTG011 |
//! | each member; each two committee members | no talk | MTG008 |
//! | each member | too few training hours | EDU001 / EDU002 |
//! | each candidate, for each of 21 kinds | under age; late talk; a step missing; three contacts; an activist assessment skipped; short activist period; one introducer; no political review; short training; no or short candidate publicity; no quorum; passed without a majority; late approval; higher talk after the approval; no oath; early conversion; probation extended by 3–5 months; conversion meeting never held; no conversion publicity; not archived | DEV001–DEV020 (each once the step concerned is reached by the year end) |
//! | the committee | term expired; 2 seats; none for ≥ 7 full members (*p*/2) | ORG003; ORG002; ORG001 |
//! | the bundle (*p*/2 each) | a payment for an unknown member; a duplicate meeting id; `full_on` before `admitted_on` | DAT001; DAT002; DAT003 |
//!
//! Faults never move an event past the year end, so `as_of` stays the year end.
//!
//! # Determinism
//!
//! Randomness comes from [`SplitMix64`], written out here rather than taken
//! from a crate: its output for a seed is fixed forever, so a `(seed, index)`
//! names the same bundle in every version of this crate's generator that does
//! not change the generation itself (unlike `rand`, whose streams may change
//! between versions). The generator never panics, whatever the options: the
//! year is clamped to [`MIN_YEAR`]`..=`[`MAX_YEAR`] and the fault rate to
//! `0.0..=1.0`.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::{Prc, WorkCalendar};
use crate::dues::{expected_monthly, is_base_rated};
use crate::model::{
    Attendance, AttendanceStatus, Branch, BranchKind, Bundle, Candidate, Committee, CommitteeRole,
    CommitteeSeat, ConversionOutcome, DevelopmentRecord, DuesBase, DuesCategory, DuesPayment,
    DuesWaiver, Exemption, Gender, Group, Hours, Id, Meeting, MeetingKind, Member, MemberStatus,
    Money, PaymentCycle, PeriodSpec, Publicity, PublicityStage, ReviewConclusion, Step, Talk,
    Training, Votes, WaiverKind, YearMonth, add_months, sub_months,
};
use crate::profile::Profile;

/// The earliest year the generator writes (earlier years are clamped to it).
pub const MIN_YEAR: i32 = 1990;
/// The latest year the generator writes (later years are clamped to it).
pub const MAX_YEAR: i32 = 9000;

static PROFILE: LazyLock<Profile> = LazyLock::new(Profile::central);

// ---------------------------------------------------------------------------
// Options

/// What to generate: how many bundles, from which seed, with which fault
/// rate, for which year.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthOptions {
    /// Number of bundles of the data set (used by [`SynthOptions::bundles`];
    /// [`bundle`] accepts any index).
    pub branches: usize,
    /// The seed: the same seed gives the same data set.
    pub seed: u64,
    /// Probability of planting a fault at each opportunity, `0.0..=1.0`
    /// (clamped; NaN is 0). 0 gives a clean data set.
    pub faults: f64,
    /// The year of the records (default 2025), clamped to
    /// [`MIN_YEAR`]`..=`[`MAX_YEAR`].
    pub year: i32,
}

impl Default for SynthOptions {
    /// 1,000 clean bundles of 2025 from seed 0.
    fn default() -> Self {
        SynthOptions {
            branches: 1000,
            seed: 0,
            faults: 0.0,
            year: 2025,
        }
    }
}

impl SynthOptions {
    /// `branches` clean bundles of 2025 from `seed`.
    pub fn new(branches: usize, seed: u64) -> SynthOptions {
        SynthOptions {
            branches,
            seed,
            ..SynthOptions::default()
        }
    }

    /// The bundles `0..branches`, generated one at a time as iterated.
    pub fn bundles(&self) -> impl Iterator<Item = Bundle> + '_ {
        (0..self.branches).map(move |i| bundle(self, i))
    }

    /// The fault rate actually used: clamped to `0.0..=1.0`, NaN as 0.
    pub fn fault_rate(&self) -> f64 {
        if self.faults.is_nan() {
            0.0
        } else {
            self.faults.clamp(0.0, 1.0)
        }
    }

    /// The year actually used: clamped to [`MIN_YEAR`]`..=`[`MAX_YEAR`].
    pub fn effective_year(&self) -> i32 {
        self.year.clamp(MIN_YEAR, MAX_YEAR)
    }
}

/// Bundle number `index` of the data set `opts` describes.
///
/// A pure function of `opts.seed`, `opts.faults`, `opts.year` and `index`
/// (not of `opts.branches`): bundles can be generated in any order or in
/// parallel. The branch id is `B` and the index, zero-padded to six digits.
pub fn bundle(opts: &SynthOptions, index: usize) -> Bundle {
    Gen::new(opts, index).build(index)
}

// ---------------------------------------------------------------------------
// The PRNG

/// SplitMix64 (Steele, Lea and Flood, 2014), the generator of the data.
///
/// Small, fast, statistically good for this purpose, and written out here so
/// that its output for a seed is fixed forever (see the module docs).
///
/// ```
/// use dangjian::synth::SplitMix64;
/// let mut r = SplitMix64::new(1);
/// assert_eq!(r.next_u64(), 0x910a_2dec_8902_5cc1);
/// assert!(r.below(10) < 10);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function (a bijective mixer of 64 bits).
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub const fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix64(self.state)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi` (`lo` when `hi <= lo`).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        match (hi - lo).checked_add(1) {
            Some(n) => lo + self.below(n),
            None => self.next_u64(),
        }
    }

    /// `true` with probability `p` (never for `p <= 0`, always for `p >= 1`).
    pub fn chance(&mut self, p: f64) -> bool {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        ((self.next_u64() >> 11) as f64) * SCALE < p
    }
}

// ---------------------------------------------------------------------------
// Dates and small helpers

/// Day `d` of month `m` of year `y`, the day and month clamped into range.
fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
        return day;
    }
    let m = m.clamp(1, 12);
    match NaiveDate::from_ymd_opt(y, m, 1) {
        Some(first) => {
            let last = YearMonth::of(first).last_day().day();
            NaiveDate::from_ymd_opt(y, m, d.clamp(1, last)).unwrap_or(first)
        }
        None => NaiveDate::MIN,
    }
}

fn ym(y: i32, m: u32) -> YearMonth {
    YearMonth::of(date(y, m, 1))
}

fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

fn minus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(d)
}

fn days_between(a: NaiveDate, b: NaiveDate) -> u64 {
    u64::try_from((b - a).num_days()).unwrap_or(0)
}

fn gen_id(s: String) -> Id {
    Id::generated(s)
}

fn member_id(pos: usize) -> Id {
    gen_id(format!("M{:02}", pos + 1))
}

fn hours(h: u32) -> Hours {
    Hours::new(Decimal::from(h)).unwrap_or(Hours::ZERO)
}

fn hours_tenths(h: i64) -> Hours {
    Hours::new(Decimal::new(h, 1)).unwrap_or(Hours::ZERO)
}

fn some_str(s: &str) -> Option<String> {
    Some(s.to_owned())
}

/// The first working day on or after `d` (PRC calendar).
fn workday_from(d: NaiveDate) -> NaiveDate {
    let mut day = d;
    for _ in 0..40 {
        if Prc.is_workday(day) {
            return day;
        }
        day = plus(day, 1);
    }
    d
}

/// A publicity window starting on the first working day after `after`, of
/// `n` working days: `(start, end)`, `end` being its `n`-th working day.
fn window(after: NaiveDate, n: u64) -> (NaiveDate, NaiveDate) {
    let start = workday_from(plus(after, 1));
    let mut end = start;
    let mut count = 0u64;
    let mut day = start;
    for _ in 0..90 {
        if Prc.is_workday(day) {
            count += 1;
            end = day;
            if count >= n {
                break;
            }
        }
        day = plus(day, 1);
    }
    (start, end)
}

// ---------------------------------------------------------------------------
// Vocabulary

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔",
];

const MALE_NAMES: &[&str] = &[
    "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "阳", "建国",
    "志强", "海涛", "建华", "国庆", "文博", "子轩", "浩然", "宇航", "志明", "晓东", "振宇", "国华",
    "德胜", "永刚", "俊杰", "天佑", "一鸣", "思远", "立新", "卫东", "红军", "家豪", "明辉",
];

const FEMALE_NAMES: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "颖", "倩", "洁",
    "萍", "红", "梅", "莉", "丹", "晶", "慧", "佳", "悦", "秀英", "丽娟", "红梅", "晓燕", "淑芬",
    "玉兰", "婷婷", "雨桐", "欣怡", "梓涵", "思琪", "晓琳", "静怡", "美玲", "春燕", "秀兰", "丽华",
    "雅琴", "诗涵", "梦瑶", "桂英", "海燕", "晓红",
];

const CITIES: &[&str] = &[
    "江城", "临川", "青州", "云阳", "安平", "清河", "东川", "南岭", "北塘", "凤城", "长宁", "新安",
];

const ORGANS: &[&str] = &[
    "财政局",
    "教育局",
    "卫生健康委员会",
    "发展和改革委员会",
    "自然资源局",
    "交通运输局",
    "市场监督管理局",
    "民政局",
    "人力资源和社会保障局",
    "生态环境局",
    "住房和城乡建设局",
    "农业农村局",
    "文化和旅游局",
    "审计局",
    "统计局",
    "司法局",
];

const ORDINALS: &[&str] = &["一", "二", "三", "四", "五", "六"];

const COMPANIES: &[&str] = &[
    "华信", "宏达", "东方", "长江", "恒通", "新华", "中兴", "鑫源", "金桥", "远航", "天成", "瑞丰",
];
const TRADES: &[&str] = &[
    "科技", "建设", "物流", "制造", "能源", "电力", "商贸", "水务",
];
const DEPARTMENTS: &[&str] = &[
    "生产",
    "销售",
    "技术研发",
    "财务",
    "综合管理",
    "工程",
    "质量安全",
    "运营",
];
const SCHOOLS: &[&str] = &[
    "第一中学",
    "第二中学",
    "第三中学",
    "实验小学",
    "实验中学",
    "职业技术学院",
    "师范学院",
];
const HOSPITALS: &[&str] = &["人民医院", "中医院", "妇幼保健院", "第二人民医院"];
const WARDS: &[&str] = &["内科", "外科", "护理", "医技", "行政后勤", "儿科", "急诊"];
const TOWNS: &[&str] = &[
    "青山", "河东", "柳林", "石桥", "李家", "王庄", "新民", "东风", "红旗", "永安", "白马", "双溪",
];
const VILLAGES: &[&str] = &[
    "桃园", "杨柳", "双河", "前进", "联合", "三合", "大王", "小李", "新村", "龙泉", "上塘", "高坡",
];
const STREETS: &[&str] = &[
    "解放路",
    "人民路",
    "中山路",
    "建设路",
    "和平",
    "文化路",
    "朝阳",
];
const COMMUNITIES: &[&str] = &[
    "幸福里",
    "阳光",
    "花园",
    "锦绣",
    "翠苑",
    "长青",
    "东湖",
    "西苑",
    "春晖",
    "金桂",
];

const EXCUSES: &[&str] = &["出差", "病假", "事假", "外出培训", "值班", "公务外出"];

const TRAINING_TITLES: &[&str] = &[
    "网络党校专题培训",
    "党纪学习教育专题班",
    "支部集中学习",
    "党员冬训",
    "学习强国专题学习",
    "党性教育专题培训",
];

fn topics(kind: MeetingKind) -> &'static [&'static str] {
    match kind {
        MeetingKind::GeneralMeeting => &[
            "学习贯彻党的二十届三中全会精神，研究部署支部重点工作",
            "通报支部工作情况，讨论发展党员工作",
            "学习《中国共产党纪律处分条例》，开展党纪学习教育",
            "传达上级党委会议精神，研究季度工作安排",
        ],
        MeetingKind::CommitteeMeeting => &[
            "研究本月党建工作安排",
            "讨论党员发展和教育管理工作",
            "研究党费收缴和使用情况",
            "研究主题党日活动方案",
        ],
        MeetingKind::GroupMeeting => &[
            "党小组集中学习",
            "学习习近平新时代中国特色社会主义思想专题",
            "交流学习心得体会",
            "学习党章党规",
        ],
        MeetingKind::PartyLecture => &[
            "书记讲党课：弘扬伟大建党精神",
            "专题党课：加强作风建设",
            "党课：以学铸魂、以学增智",
            "专题党课：深入学习党的创新理论",
        ],
        MeetingKind::ThemeDay => &[
            "主题党日：重温入党誓词",
            "主题党日：走进红色教育基地",
            "主题党日：志愿服务进社区",
            "主题党日：学习先进典型事迹",
            "主题党日：开展党员承诺践诺",
        ],
        MeetingKind::LifeMeeting => &["年度组织生活会，开展批评和自我批评"],
        MeetingKind::DemocraticReview => &["年度民主评议党员"],
        MeetingKind::Study => &[
            "专题学习：习近平文化思想",
            "专题学习：党的创新理论",
            "专题学习：党史学习教育",
        ],
    }
}

fn kind_code(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::GeneralMeeting => "GM",
        MeetingKind::CommitteeMeeting => "CM",
        MeetingKind::GroupMeeting => "GR",
        MeetingKind::PartyLecture => "PL",
        MeetingKind::ThemeDay => "TD",
        MeetingKind::LifeMeeting => "LM",
        MeetingKind::DemocraticReview => "DR",
        MeetingKind::Study => "ST",
    }
}

const KINDS: &[(BranchKind, u32)] = &[
    (BranchKind::Organ, 20),
    (BranchKind::Enterprise, 25),
    (BranchKind::School, 12),
    (BranchKind::Hospital, 8),
    (BranchKind::Village, 20),
    (BranchKind::Community, 15),
];

/// Dues categories of ordinary members, by kind of branch (weights).
fn categories(kind: BranchKind) -> &'static [(DuesCategory, u32)] {
    use DuesCategory::*;
    match kind {
        BranchKind::Organ => &[(Salaried, 88), (AnnualSalary, 2), (Retired, 10)],
        BranchKind::Enterprise => &[
            (Salaried, 70),
            (AnnualSalary, 12),
            (IrregularIncome, 8),
            (Retired, 8),
            (Unemployed, 2),
        ],
        BranchKind::School => &[(Salaried, 85), (Retired, 10), (Student, 5)],
        BranchKind::Hospital => &[(Salaried, 92), (Retired, 8)],
        BranchKind::Village => &[
            (Farmer, 70),
            (Retired, 8),
            (LowIncome, 6),
            (Relief, 4),
            (Unemployed, 4),
            (Salaried, 6),
            (IrregularIncome, 2),
        ],
        BranchKind::Community | BranchKind::Other => &[
            (Retired, 55),
            (Salaried, 20),
            (Unemployed, 8),
            (LowIncome, 7),
            (Relief, 4),
            (IrregularIncome, 6),
        ],
    }
}

/// Ages (at the year) of members of a category.
fn ages(cat: DuesCategory) -> (u64, u64) {
    match cat {
        DuesCategory::Retired => (60, 86),
        DuesCategory::Student => (22, 26),
        DuesCategory::Farmer => (28, 75),
        DuesCategory::Unemployed => (30, 58),
        DuesCategory::Relief | DuesCategory::LowIncome => (40, 80),
        _ => (24, 59),
    }
}

/// A monthly base in yuan for a base-rated category in a kind of branch.
fn base_range(kind: BranchKind, cat: DuesCategory) -> (u64, u64) {
    match (cat, kind) {
        (DuesCategory::Retired, _) => (2500, 8500),
        (DuesCategory::AnnualSalary, _) => (15_000, 40_000),
        (DuesCategory::IrregularIncome, _) => (2000, 9000),
        (_, BranchKind::Organ) => (4500, 14_000),
        (_, BranchKind::Enterprise) => (3000, 20_000),
        (_, BranchKind::School) => (4000, 12_000),
        (_, BranchKind::Hospital) => (5000, 18_000),
        (_, BranchKind::Village) => (2500, 5000),
        (_, _) => (2800, 6500),
    }
}

// ---------------------------------------------------------------------------
// The generator's state

struct Gen {
    /// Content.
    rng: SplitMix64,
    /// Faults: a stream of their own, so the clean content does not depend on them.
    frng: SplitMix64,
    rate: f64,
    year: i32,
    y0: NaiveDate,
    y1: NaiveDate,
}

/// A member being generated, with what the generator needs to know about them.
struct Person {
    m: Member,
    /// First and last day in the branch (`to` = `NaiveDate::MAX` while open).
    from: NaiveDate,
    to: NaiveDate,
    /// In the branch and a full member all year, from before any development
    /// file started: committee members, contacts, introducers.
    stable: bool,
    /// Base in fen (base-rated categories), from `base_from`.
    base: u64,
    base_from: YearMonth,
    raise: Option<(YearMonth, u64)>,
    /// The monthly amounts of `base` and of the raise, once computed.
    rated: Option<(Money, Money)>,
    /// Farmers' chosen monthly amount, in fen.
    farmer_fen: u64,
    quarterly: bool,
    exempt: Option<(NaiveDate, NaiveDate)>,
    /// Pays the exempt months in one payment after the exemption.
    lump: bool,
    waiver: Option<PersonWaiver>,
    /// Fault: months (1–12) absent from everything and unpaid.
    lapse: Option<(u32, u32)>,
    /// Fault: nothing paid from this month (1–12) on.
    arrears_from: Option<u32>,
    /// Fault: no base recorded.
    no_base: bool,
    cadre: bool,
}

#[derive(Clone, Copy)]
struct PersonWaiver {
    from: YearMonth,
    to: YearMonth,
    kind: WaiverKind,
    amount_fen: u64,
    approved: bool,
}

impl Person {
    fn in_branch(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    fn exempt_on(&self, d: NaiveDate) -> bool {
        self.exempt.is_some_and(|(a, b)| a <= d && d <= b)
    }

    fn lapsed(&self, month: u32) -> bool {
        self.lapse.is_some_and(|(a, b)| a <= month && month <= b)
    }

    fn full_on(&self, d: NaiveDate) -> bool {
        self.m.admitted_on <= d
            && match self.m.full_on {
                Some(f) => f <= d,
                None => self.m.status == MemberStatus::Full,
            }
    }

    /// Whether month `m` is owed here (mirrors [`crate::dues::MemberDues::owes`]).
    fn owes(&self, m: YearMonth) -> bool {
        let day1 = m.first_day();
        let admitted = self.m.admitted_on;
        if admitted <= day1 && self.in_branch(day1) {
            return true;
        }
        if YearMonth::of(admitted) == m && self.in_branch(admitted) {
            return true;
        }
        if let (Some(from), Some(paid)) = (self.m.in_branch_from, self.m.dues_paid_until) {
            if YearMonth::of(from) == m && paid < m && self.in_branch(from) && admitted <= from {
                return true;
            }
        }
        false
    }

    /// Computes the monthly amounts of the base and the raise (the dues
    /// calculator, [`expected_monthly`]), once.
    fn rate(&mut self) {
        let cat = self.m.dues_category;
        if !is_base_rated(cat) {
            return;
        }
        let amount = |fen| {
            expected_monthly(&PROFILE.dues, cat, Some(Money::from_fen(fen)))
                .amount()
                .unwrap_or(Money::ZERO)
        };
        let base = amount(self.base);
        let raised = self.raise.map_or(base, |(_, fen)| amount(fen));
        self.rated = Some((base, raised));
    }

    /// The amount on the base in effect in `m` (`None`: no base).
    fn rated_in(&self, m: YearMonth) -> Option<Money> {
        if self.no_base || m < self.base_from {
            return None;
        }
        let (base, raised) = self.rated?;
        Some(match self.raise {
            Some((from, _)) if m >= from => raised,
            _ => base,
        })
    }

    /// What the member pays for month `m`: `None` if nothing is owed
    /// (not owed, settled, waived).
    fn amount(&self, m: YearMonth) -> Option<Money> {
        if !self.owes(m) || self.m.dues_paid_until.is_some_and(|p| m <= p) {
            return None;
        }
        if let Some(w) = self
            .waiver
            .filter(|w| w.approved && w.from <= m && m <= w.to)
        {
            return match w.kind {
                WaiverKind::Waive => None,
                WaiverKind::Reduce => Some(Money::from_fen(w.amount_fen)),
            };
        }
        let cat = self.m.dues_category;
        if is_base_rated(cat) {
            // No base on file: a guessed amount.
            return Some(self.rated_in(m).unwrap_or(Money::from_fen(5000)));
        }
        Some(match cat {
            DuesCategory::Farmer => Money::from_fen(self.farmer_fen),
            _ => *PROFILE.dues.fixed_amount.value(),
        })
    }
}

/// Who leads the branch: the committee (positions in `people`) or the secretary.
struct Org {
    committee: Vec<usize>,
    secretary: usize,
    recorder: usize,
    /// (id, member positions, leader position)
    groups: Vec<(Id, Vec<usize>, usize)>,
}

impl Org {
    fn leaders(&self) -> &[usize] {
        if self.committee.is_empty() {
            std::slice::from_ref(&self.secretary)
        } else {
            &self.committee
        }
    }
}

impl Gen {
    fn new(opts: &SynthOptions, index: usize) -> Gen {
        let year = opts.effective_year();
        let seed = mix64(opts.seed.wrapping_add(GOLDEN))
            ^ mix64((index as u64).wrapping_add(1).wrapping_mul(GOLDEN));
        Gen {
            rng: SplitMix64::new(seed),
            frng: SplitMix64::new(mix64(seed ^ 0xFA17_5EED_FA17_5EED)),
            rate: opts.fault_rate(),
            year,
            y0: date(year, 1, 1),
            y1: date(year, 12, 31),
        }
    }

    // -- randomness --

    fn below(&mut self, n: u64) -> u64 {
        self.rng.below(n)
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        self.rng.range(lo, hi)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.chance(p)
    }

    fn pick<T: Copy>(&mut self, items: &[T], default: T) -> T {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or(default)
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)], default: T) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            let w = u64::from(*w);
            if x < w {
                return *item;
            }
            x -= w;
        }
        default
    }

    fn between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        if to <= from {
            return from;
        }
        plus(from, self.below(days_between(from, to) + 1))
    }

    /// A fault at the full rate.
    fn fault(&mut self) -> bool {
        self.fault_at(1.0)
    }

    /// A fault at `scale` times the rate.
    fn fault_at(&mut self, scale: f64) -> bool {
        self.rate > 0.0 && self.frng.chance(self.rate * scale)
    }

    fn name(&mut self, gender: Gender) -> String {
        let surname = self.pick(SURNAMES, "王");
        let given = match gender {
            Gender::Male => self.pick(MALE_NAMES, "伟"),
            Gender::Female => self.pick(FEMALE_NAMES, "芳"),
        };
        let mut s = String::with_capacity(surname.len() + given.len());
        s.push_str(surname);
        s.push_str(given);
        s
    }

    fn gender(&mut self) -> Gender {
        if self.chance(0.5) {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    fn branch_name(&mut self, kind: BranchKind) -> String {
        let city = self.pick(CITIES, "江城");
        let nth = self.pick(ORDINALS, "一");
        match kind {
            BranchKind::Organ => {
                let organ = self.pick(ORGANS, "财政局");
                format!("{city}市{organ}机关第{nth}党支部")
            }
            BranchKind::Enterprise => {
                let c = self.pick(COMPANIES, "华信");
                let t = self.pick(TRADES, "科技");
                let d = self.pick(DEPARTMENTS, "生产");
                format!("{city}{c}{t}有限公司{d}部党支部")
            }
            BranchKind::School => {
                let s = self.pick(SCHOOLS, "第一中学");
                format!("{city}市{s}教职工第{nth}党支部")
            }
            BranchKind::Hospital => {
                let h = self.pick(HOSPITALS, "人民医院");
                let w = self.pick(WARDS, "内科");
                format!("{city}市{h}{w}党支部")
            }
            BranchKind::Village => {
                let t = self.pick(TOWNS, "青山");
                let v = self.pick(VILLAGES, "桃园");
                format!("{city}县{t}镇{v}村党支部")
            }
            BranchKind::Community | BranchKind::Other => {
                let s = self.pick(STREETS, "解放路");
                let c = self.pick(COMMUNITIES, "幸福里");
                format!("{city}市{s}街道{c}社区党支部")
            }
        }
    }

    // -- the bundle --

    fn build(&mut self, index: usize) -> Bundle {
        let kind = self.weighted(KINDS, BranchKind::Organ);
        let planned = ((1 + self.below(25) + self.below(26)) as usize).max(3);
        let founded = date(
            self.year - 8 - self.below(22) as i32,
            1 + self.below(12) as u32,
            1 + self.below(28) as u32,
        );
        let branch_name = self.branch_name(kind);

        // Development files first: those admitted become members, and the
        // contacts and introducers are the first (stable) members.
        let n_cand = 1 + self.below(2 + planned as u64 / 8) as usize;
        let seniors: u8 = if planned >= n_cand + 5 { 5 } else { 3 };
        let voters = planned.saturating_sub(n_cand).max(3) as u32;
        let mut cands = Vec::with_capacity(n_cand);
        for k in 0..n_cand {
            cands.push(self.candidate(k, seniors, voters));
        }
        let dev_members = cands.iter().filter(|c| c.admitted.is_some()).count();
        let core = planned.saturating_sub(dev_members).max(3);
        let stable = core.min(7);

        // Members.
        let mut people: Vec<Person> = Vec::with_capacity(core + dev_members);
        for i in 0..core {
            let p = self.core_member(i, i < stable, kind, founded);
            people.push(p);
        }
        for c in &cands {
            if let Some((admitted, full_on)) = c.admitted {
                let pos = people.len();
                let p = self.dev_member(pos, &c.candidate, admitted, full_on, kind);
                people.push(p);
            }
        }
        self.transfers(&mut people, stable, core);
        self.circumstances(&mut people, stable);
        for p in &mut people {
            p.rate();
        }

        // Committee or secretary, and groups.
        let full_at_end = people
            .iter()
            .filter(|p| p.in_branch(self.y1) && p.full_on(self.y1))
            .count();
        let (committee, org) = self.organisation(&people, full_at_end);
        for &c in org.leaders() {
            if let Some(p) = people.get_mut(c) {
                p.cadre = true;
            }
        }
        let mut groups = Vec::with_capacity(org.groups.len());
        for (gi, (gid, members, leader)) in org.groups.iter().enumerate() {
            groups.push(Group {
                id: gid.clone(),
                name: Some(format!(
                    "第{}党小组",
                    ORDINALS.get(gi).copied().unwrap_or("一")
                )),
                leader: Some(member_id(*leader)),
                members: members.iter().map(|&i| member_id(i)).collect(),
            });
        }

        let branch = Branch {
            id: gen_id(format!("B{index:06}")),
            name: branch_name,
            kind,
            founded_on: Some(founded),
            dissolved_on: None,
            committee,
            secretary: org.committee.is_empty().then(|| member_id(org.secretary)),
            groups,
        };
        let mut b = Bundle::new(branch);

        self.dues(&people, &mut b);
        self.meetings(&people, &org, &mut b.meetings);
        self.talks(&people, &org, &mut b.talks);
        self.trainings(&people, &mut b.trainings);

        for c in cands {
            b.candidates.push(c.candidate);
            b.development.extend(c.records);
            b.publicity.extend(c.publicity);
        }

        // Data-quality faults.
        if self.fault_at(0.5) {
            b.dues_payments.push(DuesPayment {
                collector: None,
                receipt_no: None,
                member: gen_id("M99".to_owned()),
                month: ym(self.year, 3),
                through: None,
                amount: Money::from_fen(2000),
                paid_on: date(self.year, 3, 10),
            });
        }
        if self.fault_at(0.5) {
            let n = b.meetings.len() as u64;
            let (i, j) = (self.frng.below(n) as usize, self.frng.below(n) as usize);
            if i != j {
                if let Some(id) = b.meetings.get(i).map(|m| m.id.clone()) {
                    if let Some(m) = b.meetings.get_mut(j) {
                        m.id = id;
                    }
                }
            }
        }
        if self.fault_at(0.5) {
            let i = stable + self.frng.below(people.len().saturating_sub(stable) as u64) as usize;
            if let Some(p) = people.get_mut(i) {
                p.m.full_on = Some(sub_months(p.m.admitted_on, 12));
            }
        }

        b.members = people.into_iter().map(|p| p.m).collect();
        b
    }

    // -- members --

    fn core_member(
        &mut self,
        i: usize,
        stable: bool,
        kind: BranchKind,
        founded: NaiveDate,
    ) -> Person {
        let senior = i < 3;
        let cat = if senior {
            match kind {
                BranchKind::Village if self.chance(0.6) => DuesCategory::Farmer,
                _ => DuesCategory::Salaried,
            }
        } else {
            self.weighted(categories(kind), DuesCategory::Salaried)
        };
        let (lo, hi) = if stable && cat != DuesCategory::Retired {
            (38, 58)
        } else {
            ages(cat)
        };
        let age = self.range(lo, hi);
        let born = date(
            self.year - age as i32,
            1 + self.below(12) as u32,
            1 + self.below(28) as u32,
        );
        // Admitted at 18–35 (students at 18–20), at the latest two years ago
        // (so a full member all year); stable members at least nine years ago.
        let admit_age = if cat == DuesCategory::Student {
            self.range(18, 20)
        } else {
            self.range(20, 35)
        };
        let latest = if stable {
            date(self.year - 10, 12, 31)
        } else {
            date(self.year - 2, 12, 31)
        };
        let mut admitted = plus(add_months(born, admit_age as u32 * 12), self.below(365));
        if admitted > latest {
            admitted = minus(latest, self.below(180));
        }
        let floor = plus(add_months(born, 18 * 12), 1);
        if admitted < floor {
            admitted = floor;
        }
        let gender = self.gender();
        let name = self.name(gender);
        let leading = matches!(
            kind,
            BranchKind::Organ | BranchKind::Enterprise | BranchKind::School | BranchKind::Hospital
        ) && cat != DuesCategory::Retired
            && self.chance(if i == 0 { 0.6 } else { 0.04 });
        let (blo, bhi) = base_range(kind, cat);
        let base = self.base(blo, bhi);
        let raise = self
            .chance(0.25)
            .then(|| (ym(self.year, 7), base + base * self.range(3, 8) / 100));
        let farmer_fen = self.pick(&[20u64, 50, 50, 100, 100], 50);
        let base_from = ym(self.year - 1, 1 + self.below(12) as u32);
        let from = founded.max(admitted);
        Person {
            m: Member {
                left_reason: None,
                id: member_id(i),
                name,
                gender: Some(gender),
                born_on: Some(born),
                status: MemberStatus::Full,
                admitted_on: admitted,
                full_on: Some(add_months(admitted, 12)),
                in_branch_from: None,
                in_branch_to: None,
                dues_category: cat,
                payment_cycle: None,
                dues_paid_until: None,
                rights_suspended: false,
                leading_cadre: leading,
            },
            from,
            to: NaiveDate::MAX,
            stable,
            base,
            base_from,
            raise,
            rated: None,
            farmer_fen,
            quarterly: false,
            exempt: None,
            lump: false,
            waiver: None,
            lapse: None,
            arrears_from: None,
            no_base: false,
            cadre: leading,
        }
    }

    /// A monthly base in fen between `lo` and `hi` yuan: whole tens of yuan,
    /// or (half the time) with jiao and fen as after-tax pay has.
    fn base(&mut self, lo: u64, hi: u64) -> u64 {
        let yuan = self.range(lo / 10, hi / 10) * 10;
        let fen = if self.chance(0.5) {
            self.below(1000)
        } else {
            0
        };
        yuan * 100 + fen
    }

    fn dev_member(
        &mut self,
        pos: usize,
        c: &Candidate,
        admitted: NaiveDate,
        full_on: Option<NaiveDate>,
        kind: BranchKind,
    ) -> Person {
        let cat = match kind {
            BranchKind::Village if self.chance(0.7) => DuesCategory::Farmer,
            BranchKind::School if self.chance(0.3) => DuesCategory::Student,
            _ => DuesCategory::Salaried,
        };
        let (blo, bhi) = base_range(kind, cat);
        let base = self.base(blo, bhi);
        let farmer_fen = self.pick(&[20u64, 50, 100], 50);
        Person {
            m: Member {
                left_reason: None,
                id: member_id(pos),
                name: c.name.clone(),
                gender: c.gender,
                born_on: c.born_on,
                status: if full_on.is_some() {
                    MemberStatus::Full
                } else {
                    MemberStatus::Probationary
                },
                admitted_on: admitted,
                full_on,
                in_branch_from: None,
                in_branch_to: None,
                dues_category: cat,
                payment_cycle: None,
                dues_paid_until: None,
                rights_suspended: false,
                leading_cadre: false,
            },
            from: admitted,
            to: NaiveDate::MAX,
            stable: false,
            base,
            base_from: YearMonth::of(admitted),
            raise: None,
            rated: None,
            farmer_fen,
            quarterly: false,
            exempt: None,
            lump: false,
            waiver: None,
            lapse: None,
            arrears_from: None,
            no_base: false,
            cadre: false,
        }
    }

    /// Now and then a member transferred out, and one transferred in.
    fn transfers(&mut self, people: &mut [Person], stable: usize, core: usize) {
        if core < 8 {
            return;
        }
        let span = (core - stable) as u64;
        let out = self.chance(0.3).then(|| stable + self.below(span) as usize);
        let inn = self.chance(0.3).then(|| stable + self.below(span) as usize);
        let window = (date(self.year, 2, 1), date(self.year, 11, 30));
        if let Some(p) = out.and_then(|i| people.get_mut(i)) {
            let to = self.between(window.0, window.1);
            p.m.in_branch_to = Some(to);
            p.to = to;
        }
        if let Some(p) = inn
            .filter(|i| Some(*i) != out)
            .and_then(|i| people.get_mut(i))
        {
            let from = self.between(window.0, window.1);
            p.m.in_branch_from = Some(from);
            // The transfer letter: dues settled up to the month of the move,
            // or to the month before (then that month is owed here).
            p.m.dues_paid_until = Some(if self.chance(0.7) {
                YearMonth::of(from)
            } else {
                YearMonth::of(from).pred()
            });
            p.from = from;
            p.base_from = p.base_from.min(YearMonth::of(from));
        }
    }

    /// Payment cycles, exemptions, waivers, and the member-level faults.
    fn circumstances(&mut self, people: &mut [Person], stable: usize) {
        let year = self.year;
        for (i, p) in people.iter_mut().enumerate() {
            let moved = p.m.in_branch_from.is_some() || p.m.in_branch_to.is_some();
            let newly = p.m.status == MemberStatus::Probationary || p.m.admitted_on >= self.y0;
            let settled_in = !moved && !newly && i >= stable;
            let cat = p.m.dues_category;
            if settled_in && self.chance(0.04) {
                // An approved exemption (正当理由).
                let start = 2 + self.below(8) as u32;
                if self.chance(0.25) {
                    // A long illness into the next year.
                    let from = date(year, 9 + self.below(3) as u32, 1 + self.below(28) as u32);
                    p.exempt = Some((from, date(year + 1, 2, 28)));
                } else {
                    let len = 1 + self.below(3) as u32;
                    let from = date(year, start, 1 + self.below(10) as u32);
                    let to = ym(year, start + len - 1).last_day();
                    p.exempt = Some((from, to));
                    p.lump = self.chance(0.5);
                }
            } else if settled_in
                && matches!(cat, DuesCategory::Retired | DuesCategory::Farmer)
                && self.chance(0.25)
            {
                p.quarterly = true;
                p.m.payment_cycle = Some(PaymentCycle::Quarterly);
            } else if settled_in
                && matches!(
                    cat,
                    DuesCategory::Relief | DuesCategory::LowIncome | DuesCategory::Unemployed
                )
                && self.chance(0.35)
            {
                p.waiver = Some(PersonWaiver {
                    from: ym(year, 1),
                    to: ym(year, 12),
                    kind: WaiverKind::Waive,
                    amount_fen: 0,
                    approved: true,
                });
            } else if settled_in && cat == DuesCategory::Retired && self.chance(0.05) {
                p.waiver = Some(PersonWaiver {
                    from: ym(year, 1 + self.below(6) as u32),
                    to: ym(year, 12),
                    kind: WaiverKind::Reduce,
                    amount_fen: 100,
                    approved: true,
                });
            } else if self.chance(0.02) && settled_in {
                p.m.payment_cycle = Some(PaymentCycle::Monthly);
            }

            // Faults.
            if let Some(w) = p.waiver.as_mut() {
                if self.rate > 0.0 && self.frng.chance(self.rate) {
                    w.approved = false;
                }
            }
            if i == 0 {
                continue; // the secretary's December payment is the year-end anchor
            }
            if settled_in && !p.quarterly && p.exempt.is_none() && self.fault_at(0.5) {
                let len = 6 + self.frng.below(3) as u32;
                let first = 1 + self.frng.below(u64::from(13 - len)) as u32;
                p.lapse = Some((first, first + len - 1));
            }
            if self.fault() {
                p.arrears_from = Some(13 - (3 + self.frng.below(6) as u32));
            }
            if is_base_rated(cat) && self.fault_at(0.5) {
                p.no_base = true;
            }
        }
    }

    fn organisation(&mut self, people: &[Person], full_at_end: usize) -> (Option<Committee>, Org) {
        let year = self.year;
        let with_committee = full_at_end >= 7 && !self.fault_at(0.5);
        let mut org = Org {
            committee: Vec::new(),
            secretary: 0,
            recorder: 1,
            groups: Vec::new(),
        };
        let committee = if with_committee {
            let mut seats: usize = if full_at_end < 15 {
                3
            } else if full_at_end < 30 {
                if self.chance(0.3) { 3 } else { 5 }
            } else if self.chance(0.4) {
                5
            } else {
                7
            };
            if self.fault() {
                seats = 2;
            }
            let roles: &[CommitteeRole] = match seats {
                2 => &[CommitteeRole::Secretary, CommitteeRole::Organization],
                3 => &[
                    CommitteeRole::Secretary,
                    CommitteeRole::Organization,
                    CommitteeRole::Propaganda,
                ],
                5 => &[
                    CommitteeRole::Secretary,
                    CommitteeRole::DeputySecretary,
                    CommitteeRole::Organization,
                    CommitteeRole::Propaganda,
                    CommitteeRole::Discipline,
                ],
                _ => &[
                    CommitteeRole::Secretary,
                    CommitteeRole::DeputySecretary,
                    CommitteeRole::Organization,
                    CommitteeRole::Propaganda,
                    CommitteeRole::Discipline,
                    CommitteeRole::Member,
                    CommitteeRole::Member,
                ],
            };
            // Elected within the three-year term, more than six months
            // before it ends; one branch in five held its election this year.
            let elected_on = if self.fault() {
                self.between(date(year - 4, 1, 1), date(year - 3, 6, 30))
            } else if self.chance(0.2) {
                self.between(date(year, 1, 5), date(year, 11, 30))
            } else {
                self.between(date(year - 2, 7, 15), date(year - 1, 12, 20))
            };
            org.committee = (0..roles.len()).collect();
            org.recorder = if roles.len() > 2 { 2 } else { 1 };
            Some(Committee {
                postponement: None,
                elected_on,
                term_years: 3,
                members: roles
                    .iter()
                    .enumerate()
                    .map(|(i, &role)| CommitteeSeat {
                        member: member_id(i),
                        role,
                    })
                    .collect(),
            })
        } else {
            None
        };
        // Groups of bigger branches: members dealt round-robin, so that each
        // group has a stable member to lead it.
        let n = people.len();
        if n >= 15 {
            let k = if n < 28 {
                2
            } else if n < 40 {
                3
            } else {
                4
            };
            for g in 0..k {
                let members: Vec<usize> = (g..n).step_by(k).collect();
                let leader = if g == 0 { g + k } else { g };
                org.groups
                    .push((gen_id(format!("G{}", g + 1)), members, leader));
            }
        }
        (committee, org)
    }

    // -- dues --

    fn dues(&mut self, people: &[Person], b: &mut Bundle) {
        let year = self.year;
        let collect_day = 5 + self.below(11) as u32;
        b.dues_bases.reserve(people.len() + 4);
        b.dues_payments.reserve(people.len() * 12);
        for (i, p) in people.iter().enumerate() {
            let id = &p.m.id;
            if is_base_rated(p.m.dues_category) && !p.no_base {
                b.dues_bases.push(DuesBase {
                    member: id.clone(),
                    from: p.base_from,
                    base: Money::from_fen(p.base),
                });
                if let Some((from, base)) = p.raise {
                    b.dues_bases.push(DuesBase {
                        member: id.clone(),
                        from,
                        base: Money::from_fen(base),
                    });
                }
            }
            if let Some(w) = p.waiver {
                b.dues_waivers.push(DuesWaiver {
                    member: id.clone(),
                    from: w.from,
                    to: w.to,
                    kind: w.kind,
                    amount: (w.kind == WaiverKind::Reduce).then(|| Money::from_fen(w.amount_fen)),
                    branch_decided_on: Some(minus(w.from.first_day(), self.range(5, 20))),
                    higher_approved_on: w
                        .approved
                        .then(|| minus(w.from.first_day(), self.range(0, 4))),
                });
            }
            if p.quarterly {
                for q in 0..4u32 {
                    let first = ym(year, 3 * q + 1);
                    let last = first.offset(2);
                    let mut total = Money::ZERO;
                    let mut owed = false;
                    for m in first.iter_to(last) {
                        if let Some(a) = p.amount(m) {
                            total = total.saturating_add(a);
                            owed = true;
                        }
                    }
                    let paid_on = if q == 3 {
                        date(year, 12, 20 + self.below(12) as u32)
                    } else {
                        date(year, 3 * q + 3, 15 + self.below(14) as u32)
                    };
                    if !owed || self.fault() {
                        continue;
                    }
                    b.dues_payments.push(DuesPayment {
                        collector: None,
                        receipt_no: None,
                        member: id.clone(),
                        month: first,
                        through: Some(last),
                        amount: total,
                        paid_on,
                    });
                }
                continue;
            }
            let lump = p
                .exempt
                .filter(|_| p.lump)
                .map(|(a, z)| (YearMonth::of(a), YearMonth::of(z)));
            let mut lump_total = Money::ZERO;
            let jitter = self.below(6) as u32;
            for mo in 1..=12u32 {
                let m = ym(year, mo);
                let Some(mut amount) = p.amount(m) else {
                    continue;
                };
                let mut paid_on = if i == 0 && mo == 12 {
                    self.y1
                } else {
                    date(year, mo, collect_day + jitter)
                };
                if YearMonth::of(p.m.admitted_on) == m {
                    paid_on = paid_on.max(p.m.admitted_on);
                }
                if p.from > m.first_day() && YearMonth::of(p.from) == m {
                    paid_on = paid_on.max(p.from);
                }
                if p.lapsed(mo) || p.arrears_from.is_some_and(|a| mo >= a) {
                    continue;
                }
                if let Some((a, z)) = lump.filter(|(a, z)| *a <= m && m <= *z) {
                    lump_total = lump_total.saturating_add(amount);
                    if m == z {
                        b.dues_payments.push(DuesPayment {
                            collector: None,
                            receipt_no: None,
                            member: id.clone(),
                            month: a,
                            through: Some(z),
                            amount: lump_total,
                            paid_on: date(year, mo + 1, collect_day + jitter),
                        });
                    }
                    continue;
                }
                let anchor = i == 0 && mo == 12;
                if !anchor && self.fault() {
                    continue; // skipped
                }
                if self.fault() {
                    amount = Money::new((amount.decimal() / Decimal::TWO).round_dp(2))
                        .unwrap_or(Money::ZERO);
                }
                if mo <= 5 && !anchor && self.fault_at(0.5) {
                    paid_on = date(year, 12, 1 + self.frng.below(28) as u32);
                }
                b.dues_payments.push(DuesPayment {
                    collector: None,
                    receipt_no: None,
                    member: id.clone(),
                    month: m,
                    through: None,
                    amount,
                    paid_on,
                });
            }
            // A transfer letter's settled month paid again here.
            if let (Some(from), Some(paid)) = (p.m.in_branch_from, p.m.dues_paid_until) {
                if paid == YearMonth::of(from) && self.fault() {
                    b.dues_payments.push(DuesPayment {
                        collector: None,
                        receipt_no: None,
                        member: id.clone(),
                        month: paid,
                        through: None,
                        amount: p.amount(paid.succ()).unwrap_or(Money::from_fen(20)),
                        paid_on: from,
                    });
                }
            }
        }
        // Exemptions.
        for p in people {
            if let Some((from, to)) = p.exempt {
                let reason = self.pick(&["illness", "abroad", "mobile", "other"], "illness");
                b.exemptions.push(Exemption {
                    member: p.m.id.clone(),
                    from,
                    to,
                    reason: some_str(reason),
                });
            }
        }
    }

    // -- organisational life --

    fn meetings(&mut self, people: &[Person], org: &Org, out: &mut Vec<Meeting>) {
        let year = self.year;
        out.reserve(48 + 12 * org.groups.len());
        let chair = org.secretary;
        let recorder = org.recorder;
        let all: Vec<usize> = (0..people.len()).collect();
        let plan = |kind, date, id: String| MeetingPlan {
            id,
            kind,
            date,
            for_period: None,
            group: None,
            expected: &all,
            chair,
            recorder,
        };

        // Last year's annual items, held in January and counting for last year.
        for (kind, day) in [
            (MeetingKind::DemocraticReview, 8 + self.below(5) as u32),
            (MeetingKind::LifeMeeting, 14 + self.below(7) as u32),
        ] {
            let mut p = plan(
                kind,
                date(year, 1, day),
                format!("{}-{}", year - 1, kind_code(kind)),
            );
            p.for_period = Some(PeriodSpec::Year(year - 1));
            let m = self.meeting(people, p);
            out.push(m);
        }
        let study_months = [3 + self.below(3) as u32, 8 + self.below(3) as u32];
        let committee_day = 3 + self.below(5) as u32;
        let group_day = 10 + self.below(6) as u32;
        let theme_day = 20 + self.below(8) as u32;
        for mo in 1..=12u32 {
            let mm = format!("{year}-{mo:02}");
            let day = date(year, mo, committee_day + self.below(3) as u32);
            if !org.committee.is_empty() && !self.fault() {
                let mut p = plan(MeetingKind::CommitteeMeeting, day, format!("{mm}-CM"));
                p.expected = &org.committee;
                let m = self.meeting(people, p);
                out.push(m);
            }
            for (gid, members, leader) in &org.groups {
                let day = date(year, mo, group_day + self.below(4) as u32);
                if self.fault() {
                    continue;
                }
                let mut p = plan(MeetingKind::GroupMeeting, day, format!("{mm}-{gid}"));
                p.group = Some(gid);
                p.expected = members;
                p.chair = *leader;
                p.recorder = members
                    .iter()
                    .copied()
                    .find(|&x| x != *leader && people.get(x).is_some_and(|q| q.stable))
                    .unwrap_or(*leader);
                let m = self.meeting(people, p);
                out.push(m);
            }
            let day = date(year, mo, 12 + self.below(10) as u32);
            if mo % 3 == 2 && !self.fault() {
                let p = plan(
                    MeetingKind::PartyLecture,
                    day,
                    format!("{year}-Q{}-PL", mo / 3 + 1),
                );
                let m = self.meeting(people, p);
                out.push(m);
            }
            if study_months.contains(&mo) {
                let p = plan(
                    MeetingKind::Study,
                    date(year, mo, 8 + self.below(5) as u32),
                    format!("{mm}-ST"),
                );
                let m = self.meeting(people, p);
                out.push(m);
            }
            let day = date(year, mo, 12 + self.below(8) as u32);
            let with_vote = self.chance(0.4);
            if mo % 3 == 0 && !self.fault() {
                let p = plan(
                    MeetingKind::GeneralMeeting,
                    day,
                    format!("{year}-Q{}-GM", mo / 3),
                );
                let mut m = self.meeting(people, p);
                if with_vote {
                    m.votes = self.vote(people, &m);
                }
                out.push(m);
            }
            if mo == 12 {
                for (kind, day) in [
                    (MeetingKind::DemocraticReview, 5 + self.below(8) as u32),
                    (MeetingKind::LifeMeeting, 16 + self.below(10) as u32),
                ] {
                    if self.fault() {
                        continue;
                    }
                    let p = plan(
                        kind,
                        date(year, 12, day),
                        format!("{year}-{}", kind_code(kind)),
                    );
                    let m = self.meeting(people, p);
                    out.push(m);
                }
            }
            if !self.fault() {
                let p = plan(
                    MeetingKind::ThemeDay,
                    date(year, mo, theme_day),
                    format!("{mm}-TD"),
                );
                let m = self.meeting(people, p);
                out.push(m);
            }
        }
    }

    fn meeting(&mut self, people: &[Person], p: MeetingPlan<'_>) -> Meeting {
        let mut attendance = Vec::with_capacity(p.expected.len());
        for &i in p.expected {
            let Some(person) = people.get(i) else {
                continue;
            };
            if !person.in_branch(p.date) {
                continue;
            }
            if let Some(a) = self.attend(person, p.date) {
                attendance.push(a);
            }
        }
        let topic = self.pick(topics(p.kind), "");
        let no_topic = self.fault();
        let no_chair = no_topic && self.frng.chance(0.2);
        let hours = match p.kind {
            MeetingKind::ThemeDay | MeetingKind::LifeMeeting => hours(3),
            MeetingKind::CommitteeMeeting | MeetingKind::GroupMeeting => hours_tenths(15),
            _ => hours(2),
        };
        Meeting {
            rectifications: Vec::new(),
            tags: Vec::new(),
            id: gen_id(p.id),
            kind: p.kind,
            date: p.date,
            for_period: p.for_period,
            group: p.group.cloned(),
            topic: (!no_topic).then(|| topic.to_owned()),
            chair: (!no_chair).then(|| member_id(p.chair)),
            recorder: Some(member_id(p.recorder)),
            hours: Some(hours),
            expected: None,
            attendance,
            votes: None,
        }
    }

    /// One member's attendance entry (`None`: not recorded, i.e. absent).
    fn attend(&mut self, p: &Person, d: NaiveDate) -> Option<Attendance> {
        let entry = |status, reason: Option<&str>| {
            Some(Attendance {
                member: p.m.id.clone(),
                status,
                reason: reason.map(str::to_owned),
            })
        };
        if p.lapsed(d.month()) {
            return entry(AttendanceStatus::Absent, None);
        }
        if p.exempt_on(d) {
            return entry(AttendanceStatus::Absent, Some("正当理由（已批准）"));
        }
        let excused = self.chance(0.06).then(|| self.pick(EXCUSES, "事假"));
        if self.fault() {
            return if self.frng.chance(0.5) {
                None
            } else {
                entry(AttendanceStatus::Absent, None)
            };
        }
        match excused {
            Some(why) => entry(AttendanceStatus::Excused, Some(why)),
            None => entry(AttendanceStatus::Present, None),
        }
    }

    /// A decision of the 支部党员大会: voting members in the branch, those
    /// present, and the vote (quorate, or not as a fault).
    fn vote(&mut self, people: &[Person], m: &Meeting) -> Option<Votes> {
        let mut expected = 0u32;
        let mut present = 0u32;
        for p in people {
            if p.in_branch(m.date) && p.full_on(m.date) && !p.m.rights_suspended {
                expected += 1;
                let here = m
                    .attendance
                    .iter()
                    .any(|a| a.member == p.m.id && a.status == AttendanceStatus::Present);
                if here {
                    present += 1;
                }
            }
        }
        if self.fault() {
            present = present.min(expected / 2);
        } else if 2 * present <= expected {
            return None;
        }
        let no = u32::from(present > 6 && self.chance(0.3));
        Some(Votes {
            expected_voting: expected,
            present_voting: present,
            yes: present - no,
            no,
            abstain: 0,
            written_yes: 0,
            passed: 2 * (present - no) > expected,
        })
    }

    fn talks(&mut self, people: &[Person], org: &Org, out: &mut Vec<Talk>) {
        let leaders = org.leaders();
        out.reserve(people.len() + 21);
        for (i, p) in people.iter().enumerate() {
            if leaders.contains(&i) {
                // The secretary alone has nobody to talk with (MTG008 does not
                // ask it); committee members talk with each other below.
                continue;
            }
            let leader = if self.chance(0.6) {
                org.secretary
            } else {
                self.pick(leaders, org.secretary)
            };
            let from = p.from.max(self.y0);
            let to = p.to.min(self.y1);
            let mut day = self.between(from, to);
            if let Some((a, z)) = p.exempt.filter(|_| p.exempt_on(day)) {
                day = if z < minus(to, 10) {
                    plus(z, 5)
                } else {
                    minus(a, 5).max(from)
                };
            }
            if self.fault() {
                continue;
            }
            out.push(Talk {
                date: day,
                members: vec![member_id(leader), p.m.id.clone()],
            });
        }
        for (k, &a) in org.committee.iter().enumerate() {
            for &c in org.committee.iter().skip(k + 1) {
                let day = self.between(self.y0, self.y1);
                if self.fault() {
                    continue;
                }
                out.push(Talk {
                    date: day,
                    members: vec![member_id(a), member_id(c)],
                });
            }
        }
        out.sort_by_key(|t| t.date);
    }

    fn trainings(&mut self, people: &[Person], out: &mut Vec<Training>) {
        let year_days = days_between(self.y0, self.y1) + 1;
        out.reserve(people.len() * 5);
        for p in people {
            let from = p.from.max(self.y0);
            let to = p.to.min(self.y1);
            if to < from {
                continue;
            }
            let need: u64 = if p.cadre { 56 } else { 32 };
            let days = days_between(from, to) + 1;
            // Pro rata for part of the year, rounded up, plus a little more.
            let required = (need * days).div_ceil(year_days);
            let mut total = required + self.range(0, 12);
            if self.fault() {
                // 40–85% of what is required.
                total = required * self.frng.range(40, 85) / 100;
            }
            let cadre_course = p.cadre && total >= 24;
            if cadre_course {
                out.push(Training {
                    channel: None,
                    member: p.m.id.clone(),
                    date: self.between(from, to),
                    hours: hours(24),
                    title: some_str("基层党组织书记和委员培训班"),
                });
                total -= 24;
            }
            while total > 0 {
                let chunk = self.pick(&[4u64, 6, 8, 8, 12, 16], 8).min(total);
                let title = self.pick(TRAINING_TITLES, "网络党校专题培训");
                out.push(Training {
                    channel: None,
                    member: p.m.id.clone(),
                    date: self.between(from, to),
                    hours: hours(chunk as u32),
                    title: some_str(title),
                });
                total -= chunk;
            }
        }
    }

    // -- development --

    fn dev_faults(&mut self) -> DevFaults {
        let mut f = DevFaults::default();
        for flag in [
            &mut f.under_age,
            &mut f.late_talk,
            &mut f.three_contacts,
            &mut f.short_activist,
            &mut f.one_introducer,
            &mut f.no_review,
            &mut f.short_training,
            &mut f.skip_candidate_pub,
            &mut f.short_candidate_pub,
            &mut f.no_quorum,
            &mut f.late_approval,
            &mut f.out_of_order,
            &mut f.no_oath,
            &mut f.early_conversion,
            &mut f.skip_conversion_pub,
            &mut f.not_archived,
            &mut f.assessment_gap,
            &mut f.weak_vote,
            &mut f.no_conversion,
            &mut f.bad_extension,
        ] {
            *flag = self.rate > 0.0 && self.frng.chance(self.rate);
        }
        if self.fault() {
            const DROPPABLE: &[Step] = &[
                Step::ActivistFiled,
                Step::CandidateFiled,
                Step::CommitteeReview,
                Step::ApplicationForm,
                Step::HigherTalk,
                Step::AdmissionFiled,
                Step::Placed,
                Step::ConversionApplied,
            ];
            let i = self.frng.below(DROPPABLE.len() as u64) as usize;
            f.drop = DROPPABLE.get(i).copied();
        }
        f
    }

    fn candidate(&mut self, k: usize, seniors: u8, voters: u32) -> CandOut {
        let stage = self.pick(
            &[
                Stage::Applicant,
                Stage::Activist,
                Stage::Candidate,
                Stage::Probationary,
                Stage::Full,
            ],
            Stage::Activist,
        );
        let f = self.dev_faults();
        let sub = self.rng.next_u64();
        let mut evs = Vec::with_capacity(32);
        let mut pubs = Vec::with_capacity(4);
        // A first run from a reference date tells how long each stage lasts;
        // the application date is then chosen so that the year end falls in
        // the stage wanted, and the file is generated again from it with the
        // same draws.
        let a0 = date(self.year - 5, 1, 1);
        let ms = simulate(
            &mut SplitMix64::new(sub),
            a0,
            &f,
            seniors,
            voters,
            &mut evs,
            &mut pubs,
        );
        let day = |d: NaiveDate| days_between(a0, d);
        let (lo, hi) = match stage {
            Stage::Applicant => (0, day(ms.ac).saturating_sub(1)),
            Stage::Activist => (day(ms.ac), day(ms.cc).saturating_sub(1)),
            Stage::Candidate => (day(ms.cc), day(ms.aa).saturating_sub(1)),
            Stage::Probationary => (day(ms.aa), day(ms.ca).saturating_sub(1)),
            Stage::Full => (day(ms.ca), day(ms.ca) + 300),
        };
        let applied = minus(self.y1, self.range(lo, hi));
        let ms = simulate(
            &mut SplitMix64::new(sub),
            applied,
            &f,
            seniors,
            voters,
            &mut evs,
            &mut pubs,
        );
        if let Some(s) = f.drop {
            if let Some(i) = evs.iter().position(|e| e.step == s) {
                evs.remove(i);
            }
        }

        let gender = self.gender();
        let name = self.name(gender);
        let (extra_years, extra_days) = (self.below(15) as u32, self.below(300));
        let born = if f.under_age {
            // 17 and some months on the day of the application.
            minus(sub_months(applied, 17 * 12), extra_days)
        } else {
            minus(sub_months(applied, (18 + extra_years) * 12), extra_days)
        };
        let id = gen_id(format!("A{:02}", k + 1));
        let y1 = self.y1;
        let records = evs
            .iter()
            .filter(|e| e.date <= y1)
            .map(|e| e.record(&id))
            .collect();
        let publicity = pubs
            .iter()
            .filter(|p| p.1 <= y1)
            .map(|&(stage, start, end)| Publicity {
                candidate: id.clone(),
                stage,
                start,
                end,
            })
            .collect();
        CandOut {
            candidate: Candidate {
                member: None,
                id,
                name,
                born_on: Some(born),
                gender: Some(gender),
            },
            records,
            publicity,
            admitted: (ms.aa <= y1)
                .then_some((ms.am, (ms.converted && ms.ca <= y1).then_some(ms.end))),
        }
    }
}

struct MeetingPlan<'a> {
    id: String,
    kind: MeetingKind,
    date: NaiveDate,
    for_period: Option<PeriodSpec>,
    group: Option<&'a Id>,
    expected: &'a [usize],
    chair: usize,
    recorder: usize,
}

// ---------------------------------------------------------------------------
// Development files

#[derive(Clone, Copy)]
enum Stage {
    Applicant,
    Activist,
    Candidate,
    Probationary,
    Full,
}

#[derive(Clone, Copy, Default)]
struct DevFaults {
    under_age: bool,
    late_talk: bool,
    three_contacts: bool,
    short_activist: bool,
    one_introducer: bool,
    no_review: bool,
    short_training: bool,
    skip_candidate_pub: bool,
    short_candidate_pub: bool,
    no_quorum: bool,
    late_approval: bool,
    out_of_order: bool,
    no_oath: bool,
    early_conversion: bool,
    skip_conversion_pub: bool,
    not_archived: bool,
    assessment_gap: bool,
    weak_vote: bool,
    no_conversion: bool,
    bad_extension: bool,
    drop: Option<Step>,
}

struct CandOut {
    candidate: Candidate,
    records: Vec<DevelopmentRecord>,
    publicity: Vec<Publicity>,
    /// Admitted (the admission approved by the year end): the date of the
    /// admission meeting, and the end of probation if converted by the year end.
    admitted: Option<(NaiveDate, Option<NaiveDate>)>,
}

/// The dates that bound the stages of a file.
struct Milestones {
    ac: NaiveDate,
    cc: NaiveDate,
    am: NaiveDate,
    aa: NaiveDate,
    /// The final approval of the conversion (for a file that never gets
    /// there, a date after the end of probation, to bound the stages).
    ca: NaiveDate,
    /// The end of probation, extension included.
    end: NaiveDate,
    converted: bool,
}

enum Detail {
    None,
    /// Positions of members (contacts, introducers).
    People(u8, [u8; 3]),
    Review,
    Training {
        days: u32,
        hours: u32,
    },
    Vote(Votes),
    Conversion(Votes),
    Extension(Votes, u32),
}

struct Ev {
    step: Step,
    date: NaiveDate,
    detail: Detail,
}

impl Ev {
    fn record(&self, candidate: &Id) -> DevelopmentRecord {
        let mut r = DevelopmentRecord::new(candidate.clone(), self.step, self.date);
        match &self.detail {
            Detail::None => {}
            Detail::People(n, who) => {
                r.members = Some(
                    who.iter()
                        .take(usize::from(*n))
                        .map(|&i| member_id(usize::from(i)))
                        .collect(),
                );
            }
            Detail::Review => r.conclusion = Some(ReviewConclusion::Qualified),
            Detail::Training { days, hours: h } => {
                r.days = Some(*days);
                r.hours = Some(hours(*h));
            }
            Detail::Vote(v) => r.votes = Some(v.clone()),
            Detail::Conversion(v) => {
                r.votes = Some(v.clone());
                r.outcome = Some(ConversionOutcome::Convert);
            }
            Detail::Extension(v, months) => {
                r.votes = Some(v.clone());
                r.outcome = Some(ConversionOutcome::Extend);
                r.extend_months = Some(*months);
            }
        }
        r
    }
}

/// Two or three distinct positions among the first `seniors` members.
fn pick_members(rng: &mut SplitMix64, n: u8, seniors: u8) -> Detail {
    let seniors = seniors.max(3);
    let a = rng.below(u64::from(seniors)) as u8;
    let b = (a + 1 + rng.below(u64::from(seniors - 1)) as u8) % seniors;
    let mut c = (a + 1) % seniors;
    if c == b {
        c = (b + 1) % seniors;
    }
    Detail::People(n.min(3), [a, b, c])
}

/// The vote of a deciding 支部党员大会: quorate and carried, unless `quorate`
/// is false (half present) or `weak` (passed with half the votes).
fn votes(rng: &mut SplitMix64, voters: u32, quorate: bool, weak: bool) -> Votes {
    let e = voters.max(3);
    let cut = rng.below(u64::from(e / 5) + 1) as u32;
    let present = if quorate { e - cut } else { e / 2 };
    let mut no = u32::from(present > 4 && rng.chance(0.2));
    let mut abstain = u32::from(present > 4 && rng.chance(0.2));
    if 2 * (present - no - abstain) <= e {
        no = 0;
        abstain = 0;
    }
    if weak {
        no = present - (e / 2).min(present);
        abstain = 0;
    }
    let written_yes = if quorate || weak {
        0
    } else {
        (e - present).min(2)
    };
    Votes {
        expected_voting: e,
        present_voting: present,
        yes: present - no - abstain,
        no,
        abstain,
        written_yes,
        passed: true,
    }
}

/// The whole file of a candidate who applied on `a`, as if nothing stopped
/// it: the 25 steps with compliant intervals (unless `f` says otherwise),
/// and the four publicities. Returns the stage boundaries.
fn simulate(
    rng: &mut SplitMix64,
    a: NaiveDate,
    f: &DevFaults,
    seniors: u8,
    voters: u32,
    evs: &mut Vec<Ev>,
    pubs: &mut Vec<(PublicityStage, NaiveDate, NaiveDate)>,
) -> Milestones {
    evs.clear();
    pubs.clear();
    let mut push = |step, date, detail| evs.push(Ev { step, date, detail });
    let after = |rng: &mut SplitMix64, d: NaiveDate, lo: u64, hi: u64| plus(d, rng.range(lo, hi));

    push(Step::Applied, a, Detail::None);
    // The talk within a month of the application (细则 art. 7).
    let talked = if f.late_talk {
        after(rng, a, 35, 75)
    } else {
        after(rng, a, 7, 25)
    };
    push(Step::Talked, talked, Detail::None);
    let ac = after(rng, talked, 60, 200);
    push(Step::ActivistConfirmed, ac, Detail::None);
    let n = rng.range(5, 7);
    let (ps, pe) = window(ac, n);
    pubs.push((PublicityStage::Activist, ps, pe));
    let filed = after(rng, pe, 1, 7);
    push(Step::ActivistFiled, filed, Detail::None);
    let contacts = after(rng, filed, 0, 10);
    let n_contacts = if f.three_contacts {
        3
    } else {
        1 + rng.below(2) as u8
    };
    push(
        Step::ContactsAssigned,
        contacts,
        pick_members(rng, n_contacts, seniors),
    );
    // Assessed at most six months apart (细则 art. 11); a candidate for
    // development no earlier than a year after becoming an activist (art. 13).
    let cc = if f.short_activist {
        after(rng, ac, 250, 330)
    } else {
        after(rng, add_months(ac, 12), 0, 60)
    };
    let mut t = ac;
    let mut first = true;
    loop {
        let next = after(rng, t, 130, 170);
        if next >= cc {
            break;
        }
        // Fault: the first assessment skipped, a gap of more than six months.
        if !(first && f.assessment_gap) {
            push(Step::ActivistAssessed, next, Detail::None);
        }
        first = false;
        t = next;
    }
    push(Step::CandidateConfirmed, cc, Detail::None);
    let cf = after(rng, cc, 3, 15);
    push(Step::CandidateFiled, cf, Detail::None);
    let ia = after(rng, cf, 0, 15);
    let n_intro = if f.one_introducer { 1 } else { 2 };
    push(
        Step::IntroducersAssigned,
        ia,
        pick_members(rng, n_intro, seniors),
    );
    let pr = after(rng, ia, 20, 60);
    if !f.no_review {
        push(Step::PoliticalReview, pr, Detail::Review);
    }
    let tr = after(rng, pr, 5, 40);
    let training = if f.short_training {
        Detail::Training { days: 2, hours: 16 }
    } else {
        Detail::Training { days: 3, hours: 24 }
    };
    push(Step::Training, tr, training);
    let cr = after(rng, tr, 10, 60);
    push(Step::CommitteeReview, cr, Detail::None);
    let n = if f.short_candidate_pub {
        rng.range(2, 4)
    } else {
        rng.range(5, 7)
    };
    let (ps, pe) = window(cr, n);
    if !f.skip_candidate_pub {
        pubs.push((PublicityStage::Candidate, ps, pe));
    }
    let pre = after(rng, pe, 3, 20);
    push(Step::PreReview, pre, Detail::None);
    let form = after(rng, pre, 5, 15);
    push(Step::ApplicationForm, form, Detail::None);
    let n = rng.range(5, 7);
    let (ps, pe) = window(form, n);
    pubs.push((PublicityStage::Admission, ps, pe));
    let am = after(rng, form, 10, 40).max(plus(pe, 1));
    let v = votes(rng, voters, !f.no_quorum, f.weak_vote);
    push(Step::AdmissionMeeting, am, Detail::Vote(v));
    let ht = after(rng, am, 5, 25);
    let aa = if f.late_approval {
        after(rng, am, 100, 150)
    } else {
        after(rng, ht, 5, 30)
    };
    let ht = if f.out_of_order {
        after(rng, aa, 3, 10)
    } else {
        ht
    };
    if f.out_of_order {
        push(Step::AdmissionApproved, aa, Detail::None);
        push(Step::HigherTalk, ht, Detail::None);
    } else {
        push(Step::HigherTalk, ht, Detail::None);
        push(Step::AdmissionApproved, aa, Detail::None);
    }
    let afl = after(rng, aa.max(ht), 3, 15);
    push(Step::AdmissionFiled, afl, Detail::None);
    let placed = after(rng, afl, 0, 10);
    push(Step::Placed, placed, Detail::None);
    let oath = after(rng, placed, 0, 60);
    if !f.no_oath {
        push(Step::Oath, oath, Detail::None);
    }
    // Probation: a year from the admission meeting (党章 art. 7), now and
    // then extended once by 6–12 months (a fault: 3–5).
    let extension = rng.chance(0.04);
    let ext_months = if f.bad_extension {
        rng.range(3, 5)
    } else {
        rng.range(6, 12)
    } as u32;
    let extension = extension || f.bad_extension;
    let mut end = add_months(am, 12);
    let mut t = oath;
    let mut early = f.early_conversion;
    let mut round = 0;
    loop {
        let (capp, cm) = if early {
            let cm = minus(end, rng.range(5, 20));
            (minus(cm, rng.range(1, 5)), cm)
        } else {
            (minus(end, rng.range(5, 25)), after(rng, end, 0, 20))
        };
        early = false;
        loop {
            let next = after(rng, t, 100, 160);
            if next >= capp {
                break;
            }
            push(Step::ProbationAssessed, next, Detail::None);
            t = next;
        }
        push(Step::ConversionApplied, capp, Detail::None);
        if f.no_conversion {
            // Fault: the conversion meeting never held.
            return Milestones {
                ac,
                cc,
                am,
                aa,
                ca: plus(end, 60),
                end,
                converted: false,
            };
        }
        let v = votes(rng, voters, true, false);
        if extension && round == 0 {
            push(
                Step::ConversionMeeting,
                cm,
                Detail::Extension(v, ext_months),
            );
            // The extension approved; a new round of probation to its end.
            let approved = after(rng, cm, 10, 40);
            push(Step::ConversionApproved, approved, Detail::None);
            end = add_months(am, 12 + ext_months);
            t = approved;
            round += 1;
            continue;
        }
        push(Step::ConversionMeeting, cm, Detail::Conversion(v));
        let n = rng.range(5, 7);
        let (ps, pe) = window(cm, n);
        if !f.skip_conversion_pub {
            pubs.push((PublicityStage::Conversion, ps, pe));
        }
        let ca = after(rng, cm, 15, 60).max(plus(pe, 1));
        push(Step::ConversionApproved, ca, Detail::None);
        let archived = after(rng, ca, 3, 25);
        if !f.not_archived {
            push(Step::Archived, archived, Detail::None);
        }
        return Milestones {
            ac,
            cc,
            am,
            aa,
            ca,
            end,
            converted: true,
        };
    }
}

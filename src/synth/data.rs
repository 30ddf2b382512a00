//! Tables and small helpers of the generator: names, places, topics, dates.

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::{Prc, WorkCalendar};
use crate::model::{BranchKind, DuesCategory, Hours, Id, MeetingKind, YearMonth};

// ---------------------------------------------------------------------------
// Dates and small helpers

/// Day `d` of month `m` of year `y`, the day and month clamped into range.
pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
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

pub(super) fn ym(y: i32, m: u32) -> YearMonth {
    YearMonth::of(date(y, m, 1))
}

pub(super) fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

pub(super) fn minus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(d)
}

pub(super) fn days_between(a: NaiveDate, b: NaiveDate) -> u64 {
    u64::try_from((b - a).num_days()).unwrap_or(0)
}

pub(super) fn gen_id(s: String) -> Id {
    Id::generated(s)
}

pub(super) fn member_id(pos: usize) -> Id {
    gen_id(format!("M{:02}", pos + 1))
}

/// The position of a generated member id (`M01` is 0); `None` for others.
pub(super) fn member_pos(id: &Id) -> Option<usize> {
    id.as_str()
        .strip_prefix('M')?
        .parse::<usize>()
        .ok()?
        .checked_sub(1)
}

pub(super) fn hours(h: u32) -> Hours {
    Hours::new(Decimal::from(h)).unwrap_or(Hours::ZERO)
}

pub(super) fn hours_tenths(h: i64) -> Hours {
    Hours::new(Decimal::new(h, 1)).unwrap_or(Hours::ZERO)
}

pub(super) fn some_str(s: &str) -> Option<String> {
    Some(s.to_owned())
}

/// The first working day on or after `d` (PRC calendar).
pub(super) fn workday_from(d: NaiveDate) -> NaiveDate {
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
pub(super) fn window(after: NaiveDate, n: u64) -> (NaiveDate, NaiveDate) {
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

pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔",
];

pub(super) const MALE_NAMES: &[&str] = &[
    "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "阳", "建国",
    "志强", "海涛", "建华", "国庆", "文博", "子轩", "浩然", "宇航", "志明", "晓东", "振宇", "国华",
    "德胜", "永刚", "俊杰", "天佑", "一鸣", "思远", "立新", "卫东", "红军", "家豪", "明辉",
];

pub(super) const FEMALE_NAMES: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "颖", "倩", "洁",
    "萍", "红", "梅", "莉", "丹", "晶", "慧", "佳", "悦", "秀英", "丽娟", "红梅", "晓燕", "淑芬",
    "玉兰", "婷婷", "雨桐", "欣怡", "梓涵", "思琪", "晓琳", "静怡", "美玲", "春燕", "秀兰", "丽华",
    "雅琴", "诗涵", "梦瑶", "桂英", "海燕", "晓红",
];

pub(super) const CITIES: &[&str] = &[
    "江城", "临川", "青州", "云阳", "安平", "清河", "东川", "南岭", "北塘", "凤城", "长宁", "新安",
];

pub(super) const ORGANS: &[&str] = &[
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

pub(super) const ORDINALS: &[&str] = &["一", "二", "三", "四", "五", "六"];

pub(super) const COMPANIES: &[&str] = &[
    "华信", "宏达", "东方", "长江", "恒通", "新华", "中兴", "鑫源", "金桥", "远航", "天成", "瑞丰",
];
pub(super) const TRADES: &[&str] = &[
    "科技", "建设", "物流", "制造", "能源", "电力", "商贸", "水务",
];
pub(super) const DEPARTMENTS: &[&str] = &[
    "生产",
    "销售",
    "技术研发",
    "财务",
    "综合管理",
    "工程",
    "质量安全",
    "运营",
];
pub(super) const SCHOOLS: &[&str] = &[
    "第一中学",
    "第二中学",
    "第三中学",
    "实验小学",
    "实验中学",
    "职业技术学院",
    "师范学院",
];
pub(super) const HOSPITALS: &[&str] = &["人民医院", "中医院", "妇幼保健院", "第二人民医院"];
pub(super) const WARDS: &[&str] = &["内科", "外科", "护理", "医技", "行政后勤", "儿科", "急诊"];
pub(super) const TOWNS: &[&str] = &[
    "青山", "河东", "柳林", "石桥", "李家", "王庄", "新民", "东风", "红旗", "永安", "白马", "双溪",
];
pub(super) const VILLAGES: &[&str] = &[
    "桃园", "杨柳", "双河", "前进", "联合", "三合", "大王", "小李", "新村", "龙泉", "上塘", "高坡",
];
pub(super) const STREETS: &[&str] = &[
    "解放路",
    "人民路",
    "中山路",
    "建设路",
    "和平",
    "文化路",
    "朝阳",
];
pub(super) const COMMUNITIES: &[&str] = &[
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

/// Fixed places members go to work (外出务工经商).
pub(super) const PLACES_WORK: &[&str] = &[
    "深圳", "广州", "东莞", "杭州", "苏州", "上海", "宁波", "厦门", "北京", "成都", "武汉", "南京",
];

/// Where members go to study or serve a secondment (外出学习、挂职).
pub(super) const PLACES_STUDY: &[&str] = &[
    "省委党校（脱产学习）",
    "中国浦东干部学院",
    "省会（挂职锻炼）",
    "对口帮扶县（驻村）",
    "省行业主管部门（跟班学习）",
];

/// Members working at changing places (地点不固定).
pub(super) const PLACES_ROAMING: &[&str] = &[
    "广东、福建等地（建筑工地）",
    "长三角各地（货运）",
    "全国各地（工程项目）",
    "珠三角各地（务工）",
];

/// Abroad (出国（境）学习、研修、探亲).
pub(super) const PLACES_ABROAD: &[&str] = &[
    "英国伦敦",
    "德国柏林",
    "日本东京",
    "新加坡",
    "澳大利亚悉尼",
    "美国波士顿",
    "加拿大多伦多",
];

/// Abroad at work (出国（境）务工).
pub(super) const PLACES_ABROAD_WORK: &[&str] = &[
    "日本（技能实习）",
    "新加坡（务工）",
    "阿联酋迪拜（务工）",
    "韩国（务工）",
];

/// Items to rectify found at a 组织生活会 (查摆问题).
pub(super) const RECTIFY_ITEMS: &[&str] = &[
    "理论学习不够系统深入",
    "“三会一课”记录不够规范",
    "党费收缴不够及时",
    "联系服务群众不够经常",
    "批评和自我批评不够深入",
    "党员先锋模范作用发挥不够",
    "党员教育管理存在薄弱环节",
    "落实意识形态工作责任制不够到位",
    "主题党日活动形式单一",
    "谈心谈话开展不够经常",
];

pub(super) const EXCUSES: &[&str] = &["出差", "病假", "事假", "外出培训", "值班", "公务外出"];

pub(super) const TRAINING_TITLES: &[&str] = &[
    "网络党校专题培训",
    "党纪学习教育专题班",
    "支部集中学习",
    "党员冬训",
    "学习强国专题学习",
    "党性教育专题培训",
];

pub(super) fn topics(kind: MeetingKind) -> &'static [&'static str] {
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

pub(super) fn kind_code(kind: MeetingKind) -> &'static str {
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

pub(super) const KINDS: &[(BranchKind, u32)] = &[
    (BranchKind::Organ, 20),
    (BranchKind::Enterprise, 25),
    (BranchKind::School, 12),
    (BranchKind::Hospital, 8),
    (BranchKind::Village, 20),
    (BranchKind::Community, 15),
];

/// Dues categories of ordinary members, by kind of branch (weights).
pub(super) fn categories(kind: BranchKind) -> &'static [(DuesCategory, u32)] {
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
pub(super) fn ages(cat: DuesCategory) -> (u64, u64) {
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
pub(super) fn base_range(kind: BranchKind, cat: DuesCategory) -> (u64, u64) {
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

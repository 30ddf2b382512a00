//! The sheets and columns of the 台账 workbook (XLSX.md "Reading"): one
//! table read by the workbook reader (headers and their aliases), written by
//! the record writer and the empty template (headers, drop-down lists, notes).

use super::cells::Choices;
use crate::model::Step;

/// What a column holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// Free text.
    Text,
    /// An id (member, meeting, candidate, group, branch).
    Id,
    /// A member: 党员编号 or a unique 姓名.
    Person,
    /// Members, separated by 、，, (ids or unique names).
    People,
    Date,
    Month,
    Period,
    Money,
    Hours,
    Minutes,
    Count,
    YesNo,
    Choice(&'static Choices),
    /// A development step's date (the 发展党员 sheet).
    Step(Step),
}

/// A column of a sheet.
#[derive(Debug)]
pub(crate) struct Col {
    /// The field it fills (the record format's name where there is one);
    /// accepted as a header too.
    pub key: &'static str,
    /// The header the template writes.
    pub header: &'static str,
    /// Other headers real ledgers use.
    pub aliases: &'static [&'static str],
    pub kind: Kind,
    /// A row without it is an input error.
    pub required: bool,
    /// For 填表说明.
    pub note: &'static str,
}

/// Which sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum SheetId {
    Branch,
    Committee,
    Groups,
    Members,
    Bases,
    Payments,
    Waivers,
    Remittances,
    Publications,
    Exemptions,
    Meetings,
    Absences,
    Votes,
    Rectifications,
    Talks,
    Trainings,
    Development,
    Assessments,
    Publicity,
    Transfers,
    Mobility,
}

/// A sheet of the workbook.
#[derive(Debug)]
pub(crate) struct SheetDef {
    pub id: SheetId,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// The record-format table it fills (for error locations).
    pub table: &'static str,
    pub cols: &'static [Col],
    pub note: &'static str,
}

impl SheetDef {
    /// The column whose header (or alias, or key) is `header`.
    pub(crate) fn col(&self, header: &str) -> Option<&'static Col> {
        let n = super::cells::norm(header);
        if n.is_empty() {
            return None;
        }
        self.cols.iter().find(|c| {
            super::cells::norm(c.header) == n
                || c.key == n
                || c.aliases.iter().any(|a| super::cells::norm(a) == n)
        })
    }

    /// The column with this key.
    pub(crate) fn by_key(&self, key: &str) -> Option<&'static Col> {
        self.cols.iter().find(|c| c.key == key)
    }
}

macro_rules! col {
    ($key:literal, $header:literal, [$($alias:literal),*], $kind:expr, $req:literal, $note:literal) => {
        Col { key: $key, header: $header, aliases: &[$($alias),*], kind: $kind, required: $req, note: $note }
    };
    ($key:literal, $header:literal, [$($alias:literal),*], $kind:expr, $req:literal) => {
        col!($key, $header, [$($alias),*], $kind, $req, "")
    };
}

macro_rules! choices {
    ($name:ident, $shown:literal, [$(($l:literal, $c:literal)),+ $(,)?]) => {
        pub(crate) static $name: Choices = Choices { items: &[$(($l, $c)),+], shown: $shown };
    };
}

choices!(
    BRANCH_KIND,
    7,
    [
        ("机关", "organ"),
        ("企业", "enterprise"),
        ("学校", "school"),
        ("医院", "hospital"),
        ("村", "village"),
        ("社区", "community"),
        ("其他", "other"),
        ("机关单位", "organ"),
        ("高校", "school"),
        ("农村", "village")
    ]
);
choices!(
    ROLE,
    6,
    [
        ("书记", "secretary"),
        ("副书记", "deputy_secretary"),
        ("组织委员", "organization"),
        ("宣传委员", "propaganda"),
        ("纪检委员", "discipline"),
        ("委员", "member"),
        ("支部书记", "secretary"),
        ("支部副书记", "deputy_secretary"),
        ("纪律检查委员", "discipline"),
        ("支委", "member")
    ]
);
choices!(
    GENDER,
    2,
    [
        ("男", "male"),
        ("女", "female"),
        ("男性", "male"),
        ("女性", "female")
    ]
);
choices!(
    STATUS,
    2,
    [
        ("正式党员", "full"),
        ("预备党员", "probationary"),
        ("正式", "full"),
        ("预备", "probationary")
    ]
);
choices!(
    LEFT_REASON,
    4,
    [
        ("转出", "transferred"),
        ("去世", "died"),
        ("除名", "removed"),
        ("其他", "other"),
        ("组织关系转出", "transferred"),
        ("死亡", "died"),
        ("病故", "died"),
        ("开除", "removed"),
        ("出党", "removed"),
        ("开除党籍", "removed")
    ]
);
choices!(
    DUES_CATEGORY,
    9,
    [
        ("在职", "salaried"),
        ("年薪制", "annual_salary"),
        ("不固定收入", "irregular_income"),
        ("离退休", "retired"),
        ("农民", "farmer"),
        ("学生", "student"),
        ("下岗失业", "unemployed"),
        ("低保", "relief"),
        ("困难", "low_income"),
        ("在职职工", "salaried"),
        ("退休", "retired"),
        ("离休", "retired"),
        ("失业", "unemployed"),
        ("生活困难", "low_income")
    ]
);
choices!(
    CYCLE,
    2,
    [
        ("按月", "monthly"),
        ("按季", "quarterly"),
        ("月", "monthly"),
        ("季", "quarterly"),
        ("按季度", "quarterly")
    ]
);
choices!(
    WAIVER_KIND,
    2,
    [
        ("减交", "reduce"),
        ("免交", "waive"),
        ("减缴", "reduce"),
        ("免缴", "waive")
    ]
);
choices!(
    MEETING_KIND,
    8,
    [
        ("支部党员大会", "general_meeting"),
        ("支委会", "committee_meeting"),
        ("党小组会", "group_meeting"),
        ("党课", "party_lecture"),
        ("主题党日", "theme_day"),
        ("组织生活会", "life_meeting"),
        ("民主评议党员", "democratic_review"),
        ("集中学习", "study"),
        ("党员大会", "general_meeting"),
        ("支部委员会", "committee_meeting"),
        ("支部委员会会议", "committee_meeting"),
        ("党小组会议", "group_meeting"),
        ("主题党日活动", "theme_day"),
        ("民主评议", "democratic_review"),
        ("学习", "study")
    ]
);
choices!(
    PRESENCE,
    3,
    [
        ("请假", "excused"),
        ("缺席", "absent"),
        ("出席", "present"),
        ("因事请假", "excused"),
        ("因病请假", "excused"),
        ("无故缺席", "absent"),
        ("到会", "present")
    ]
);
choices!(
    CHANNEL,
    4,
    [
        ("线下", "offline"),
        ("网络党校", "online_school"),
        ("学习强国", "xuexi"),
        ("其他", "other"),
        ("现场", "offline"),
        ("线上", "online_school")
    ]
);
choices!(
    CONCLUSION,
    2,
    [("合格", "qualified"), ("不合格", "unqualified")]
);
choices!(
    OUTCOME,
    3,
    [
        ("按期转正", "convert"),
        ("延长预备期", "extend"),
        ("取消资格", "cancel"),
        ("转正", "convert"),
        ("取消预备党员资格", "cancel")
    ]
);
choices!(
    ASSESSMENT,
    2,
    [
        ("积极分子考察", "activist_assessed"),
        ("预备党员考察", "probation_assessed"),
        ("培养教育考察", "activist_assessed"),
        ("继续教育考察", "probation_assessed")
    ]
);
choices!(
    STAGE,
    4,
    [
        ("积极分子", "activist"),
        ("发展对象", "candidate"),
        ("拟接收预备党员", "admission"),
        ("拟转正", "conversion"),
        ("入党积极分子", "activist"),
        ("预备党员转正", "conversion"),
        ("拟转为正式党员", "conversion")
    ]
);
choices!(DIRECTION, 2, [("转出", "out"), ("转入", "in")]);
choices!(
    MOBILITY,
    5,
    [
        ("外出务工", "work"),
        ("外出学习", "study"),
        ("外出居住", "life"),
        ("出国出境", "abroad"),
        ("失联", "lost_contact"),
        ("务工", "work"),
        ("学习", "study"),
        ("居住", "life"),
        ("出国", "abroad"),
        ("失去联系", "lost_contact")
    ]
);
choices!(
    MATTER,
    2,
    [
        ("接收", "admission_meeting"),
        ("转正", "conversion_meeting"),
        ("接收预备党员", "admission_meeting"),
        ("预备党员转正", "conversion_meeting")
    ]
);

use Kind::*;

const BRANCH: Col = col!(
    "branch",
    "支部编号",
    ["党支部编号"],
    Id,
    false,
    "多个支部合在一个工作簿时每张表都填；只有一个支部时可不填"
);
const MEMBER: Col = col!(
    "member",
    "党员编号",
    ["学工号", "工号", "党员"],
    Person,
    false,
    "党员编号，或在花名册中唯一的姓名"
);
const NAME: Col = col!(
    "name",
    "姓名",
    ["党员姓名"],
    Text,
    false,
    "没有党员编号时按姓名查找"
);

/// The 支部信息 sheet: rows 项目 / 内容, or (several branches) one row per branch.
pub(crate) static BRANCH_SHEET: SheetDef = SheetDef {
    id: SheetId::Branch,
    name: "支部信息",
    aliases: &["党支部信息", "支部基本信息", "基本信息"],
    table: "branch",
    cols: &[
        col!("id", "支部编号", ["党支部编号", "编号"], Id, true),
        col!("name", "支部名称", ["党支部名称", "名称"], Text, true),
        col!(
            "kind",
            "支部类型",
            ["类型", "党组织类型"],
            Choice(&BRANCH_KIND),
            true
        ),
        col!("founded_on", "成立日期", ["成立时间"], Date, false),
        col!("dissolved_on", "撤销日期", ["撤销时间"], Date, false),
        col!(
            "secretary",
            "书记",
            ["支部书记"],
            Person,
            false,
            "没有支委会的支部填书记"
        ),
        col!(
            "elected_on",
            "支委会选举日期",
            ["选举日期", "换届选举日期", "换届时间"],
            Date,
            false
        ),
        col!(
            "term_years",
            "任期（年）",
            ["任期"],
            Count,
            false,
            "有支委会时必填"
        ),
        col!(
            "postponement_approved_on",
            "延期批准日期",
            ["延期换届批准日期"],
            Date,
            false
        ),
        col!("postponement_until", "延期至", ["延期换届至"], Date, false),
    ],
    note: "两列：项目、内容（每行一项）；一个工作簿有多个支部时改为每个支部一行",
};

pub(crate) static SHEETS: &[SheetDef] = &[
    SheetDef {
        id: SheetId::Committee,
        name: "支委会",
        aliases: &["支部委员会", "支委会成员", "支委"],
        table: "branch.committee.members",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("role", "职务", ["职位"], Choice(&ROLE), true),
        ],
        note: "每名支委一行",
    },
    SheetDef {
        id: SheetId::Groups,
        name: "党小组",
        aliases: &["党小组信息"],
        table: "branch.groups",
        cols: &[
            BRANCH,
            col!("id", "党小组编号", ["编号", "小组编号"], Id, true),
            col!("name", "党小组名称", ["名称", "小组名称"], Text, false),
            col!("leader", "组长", ["党小组组长"], Person, false),
            col!(
                "members",
                "成员",
                ["党小组成员", "组员"],
                People,
                false,
                "编号或姓名，以、，, 分隔"
            ),
        ],
        note: "每个党小组一行",
    },
    SheetDef {
        id: SheetId::Members,
        name: "党员花名册",
        aliases: &["花名册", "党员名册", "党员信息", "党员基本信息"],
        table: "members",
        cols: &[
            BRANCH,
            col!("id", "党员编号", ["学工号", "工号", "编号"], Id, true),
            col!("name", "姓名", ["党员姓名"], Text, true),
            col!("gender", "性别", [], Choice(&GENDER), false),
            col!("born_on", "出生日期", ["出生年月日"], Date, false),
            col!(
                "status",
                "党籍状态",
                ["党员状态", "党员类别", "人员类别"],
                Choice(&STATUS),
                true
            ),
            col!(
                "admitted_on",
                "入党时间",
                ["接收预备党员时间", "入党日期"],
                Date,
                true
            ),
            col!("full_on", "转正时间", ["转正日期"], Date, false),
            col!(
                "in_branch_from",
                "转入本支部时间",
                ["组织关系转入时间", "转入时间"],
                Date,
                false
            ),
            col!(
                "in_branch_to",
                "转出时间",
                ["组织关系转出时间"],
                Date,
                false
            ),
            col!(
                "left_reason",
                "转出原因",
                ["离开原因"],
                Choice(&LEFT_REASON),
                false
            ),
            col!(
                "dues_category",
                "党费类别",
                ["缴费类别", "党费缴纳类别"],
                Choice(&DUES_CATEGORY),
                true
            ),
            col!(
                "payment_cycle",
                "缴费方式",
                ["缴纳方式"],
                Choice(&CYCLE),
                false
            ),
            col!(
                "dues_paid_until",
                "党费缴纳至年月",
                ["党费交至", "党费缴至"],
                Month,
                false,
                "转入时介绍信上注明的党费交至月份"
            ),
            col!(
                "leading_cadre",
                "领导干部",
                ["是否领导干部", "党员领导干部"],
                YesNo,
                false
            ),
            col!(
                "rights_suspended",
                "留党察看",
                ["是否留党察看"],
                YesNo,
                false
            ),
        ],
        note: "每名党员一行；党员编号须稳定不变",
    },
    SheetDef {
        id: SheetId::Bases,
        name: "党费基数",
        aliases: &["缴费基数"],
        table: "dues_bases",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("from", "起始月份", ["起始年月", "开始月份"], Month, true),
            col!(
                "base",
                "月基数",
                ["缴纳基数", "缴费基数", "基数"],
                Money,
                true
            ),
        ],
        note: "基数自起始月份起适用，直到同一党员的下一条记录",
    },
    SheetDef {
        id: SheetId::Payments,
        name: "党费收缴",
        aliases: &["党费缴纳", "党费收缴台账", "党费", "党费缴纳记录"],
        table: "dues_payments",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("month", "缴纳月份", ["所属月份", "党费月份"], Month, true),
            col!(
                "through",
                "截止月份",
                ["缴至月份"],
                Month,
                false,
                "一次交多个月时填最后一个月"
            ),
            col!(
                "amount",
                "实缴金额",
                ["缴纳金额", "金额", "实交金额"],
                Money,
                true
            ),
            col!("paid_on", "缴纳日期", ["缴纳时间", "交费日期"], Date, true),
            col!(
                "receipt_no",
                "收据编号",
                ["票据编号", "收据号"],
                Text,
                false
            ),
            col!("collector", "收缴人", ["经手人"], Person, false),
            col!(
                "year",
                "年度",
                ["年份"],
                Count,
                false,
                "表格式（1月…12月）时填年度"
            ),
        ],
        note: "逐笔填写；或表格式：党员编号/姓名、1月…12月（格内为当月实缴金额），年度填在表头上方（年度：2025）或年度列",
    },
    SheetDef {
        id: SheetId::Waivers,
        name: "党费减免",
        aliases: &["减免党费", "党费减免审批"],
        table: "dues_waivers",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("from", "起始月份", ["开始月份"], Month, true),
            col!("to", "截止月份", ["结束月份"], Month, true),
            col!("kind", "类型", ["减免类型"], Choice(&WAIVER_KIND), true),
            col!("amount", "减交后金额", ["减交金额"], Money, false),
            col!(
                "branch_decided_on",
                "支部研究日期",
                ["支部决定日期"],
                Date,
                false
            ),
            col!(
                "higher_approved_on",
                "上级批准日期",
                ["上级审批日期"],
                Date,
                false
            ),
        ],
        note: "减交须填减交后每月金额",
    },
    SheetDef {
        id: SheetId::Remittances,
        name: "党费上缴",
        aliases: &["上缴党费"],
        table: "dues_remittances",
        cols: &[
            BRANCH,
            col!(
                "period",
                "期间",
                ["上缴期间", "所属期间"],
                Period,
                true,
                "2025-03 或 2025年第1季度"
            ),
            col!("amount", "上缴金额", ["金额"], Money, true),
            col!("remitted_on", "上缴日期", ["上缴时间"], Date, true),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Publications,
        name: "党费公开",
        aliases: &["党费公示", "党费收缴使用情况公开"],
        table: "dues_publications",
        cols: &[
            BRANCH,
            col!("date", "公开日期", ["公示日期", "公布日期"], Date, true),
            col!("year", "年度", ["公开年度"], Count, true),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Exemptions,
        name: "正当理由",
        aliases: &["请假审批", "正当理由审批"],
        table: "exemptions",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("from", "起始日期", ["开始日期"], Date, true),
            col!("to", "截止日期", ["结束日期"], Date, true),
            col!("reason", "原因", ["理由"], Text, false),
        ],
        note: "经批准的正当理由（患病、出国等），期间免于组织生活和党费断交的认定",
    },
    SheetDef {
        id: SheetId::Meetings,
        name: "三会一课",
        aliases: &["会议记录", "组织生活", "三会一课记录", "会议"],
        table: "meetings",
        cols: &[
            BRANCH,
            col!("id", "会议编号", ["编号", "活动编号"], Id, true),
            col!(
                "kind",
                "会议类型",
                ["类型", "活动类型"],
                Choice(&MEETING_KIND),
                true
            ),
            col!(
                "date",
                "会议日期",
                ["实际会议时间", "会议时间", "日期", "活动日期"],
                Date,
                true
            ),
            col!(
                "for_period",
                "所属期间",
                ["所属年度", "所属季度"],
                Period,
                false,
                "补开的会议填它所属的期间（如 2024）"
            ),
            col!("group", "党小组", ["党小组编号"], Id, false, "党小组会必填"),
            col!(
                "topic",
                "会议主题",
                ["会议议题", "活动主题", "主题"],
                Text,
                false
            ),
            col!("chair", "主持人", [], Person, false),
            col!("recorder", "记录人", [], Person, false),
            col!("hours", "时长（小时）", ["时长", "学时"], Hours, false),
            col!("minutes", "时长（分钟）", [], Minutes, false),
            col!("expected_count", "应到人数", [], Count, false),
            col!("present_count", "实到人数", [], Count, false),
            col!("excused_count", "请假人数", [], Count, false),
            col!(
                "expected",
                "应到党员",
                ["参会范围"],
                People,
                false,
                "只在应到人员不是默认范围时填写"
            ),
            col!(
                "attendance_recorded",
                "考勤记录",
                ["有无考勤"],
                YesNo,
                false,
                "填“无”表示本次会议没有考勤记录；默认为有"
            ),
            col!(
                "tags",
                "标签",
                ["专题"],
                Text,
                false,
                "如 意识形态；多个以、分隔"
            ),
        ],
        note: "缺席、请假的党员填在“缺席请假”表；应到而未列出的党员视为出席",
    },
    SheetDef {
        id: SheetId::Absences,
        name: "缺席请假",
        aliases: &["请假缺席", "缺勤", "考勤"],
        table: "meetings.attendance",
        cols: &[
            BRANCH,
            col!("meeting", "会议编号", [], Id, true),
            MEMBER,
            NAME,
            col!(
                "status",
                "情况",
                ["出勤情况", "状态"],
                Choice(&PRESENCE),
                true
            ),
            col!("reason", "原因", ["请假原因", "缺席原因"], Text, false),
        ],
        note: "只列请假和缺席的党员",
    },
    SheetDef {
        id: SheetId::Votes,
        name: "表决",
        aliases: &["表决情况", "投票"],
        table: "meetings.votes",
        cols: &[
            BRANCH,
            col!("meeting", "会议编号", [], Id, false),
            col!(
                "candidate",
                "发展对象编号",
                [],
                Id,
                false,
                "发展党员的表决：填发展对象编号和事项，不填会议编号"
            ),
            col!("matter", "事项", [], Choice(&MATTER), false),
            col!(
                "step_date",
                "日期",
                ["讨论日期"],
                Date,
                false,
                "发展党员的表决：该次支部大会讨论的日期（同一事项讨论过两次时必填）"
            ),
            col!(
                "expected_voting",
                "应到有表决权",
                ["应到有表决权人数"],
                Count,
                true
            ),
            col!(
                "present_voting",
                "实到有表决权",
                ["实到有表决权人数"],
                Count,
                true
            ),
            col!("yes", "赞成", ["赞成票"], Count, true),
            col!("no", "反对", ["反对票"], Count, false),
            col!("abstain", "弃权", ["弃权票"], Count, false),
            col!("written_yes", "书面赞成", ["书面表示赞成"], Count, false),
            col!("passed", "是否通过", ["通过"], YesNo, true),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Rectifications,
        name: "整改事项",
        aliases: &["整改清单"],
        table: "meetings.rectifications",
        cols: &[
            BRANCH,
            col!("meeting", "会议编号", [], Id, true),
            col!("item", "问题", ["整改问题", "问题描述"], Text, true),
            col!("owner", "责任人", [], Person, false),
            col!("due", "整改时限", ["完成时限"], Date, true),
            col!("done_on", "完成日期", ["完成时间"], Date, false),
        ],
        note: "组织生活会、民主评议查摆的问题",
    },
    SheetDef {
        id: SheetId::Talks,
        name: "谈心谈话",
        aliases: &["谈心谈话记录"],
        table: "talks",
        cols: &[
            BRANCH,
            col!("date", "谈话日期", ["日期"], Date, true),
            col!("member1", "党员一", ["谈话人"], Person, true),
            col!("member2", "党员二", ["谈话对象"], Person, true),
            col!("others", "其他党员", ["其他参加人"], People, false),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Trainings,
        name: "学习培训",
        aliases: &["培训记录", "学习记录", "教育培训"],
        table: "trainings",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("date", "日期", ["培训日期", "学习日期"], Date, true),
            col!("hours", "学时", ["时长"], Hours, true),
            col!("title", "内容", ["培训内容", "学习内容"], Text, false),
            col!(
                "channel",
                "形式",
                ["培训形式", "学习形式"],
                Choice(&CHANNEL),
                false
            ),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Development,
        name: "发展党员",
        aliases: &["发展党员纪实", "发展党员工作纪实", "发展党员台账"],
        table: "development",
        cols: &[
            BRANCH,
            col!("id", "编号", ["发展对象编号"], Id, true),
            col!("name", "姓名", [], Text, true),
            col!("gender", "性别", [], Choice(&GENDER), false),
            col!("born_on", "出生日期", [], Date, false),
            col!(
                "member",
                "党员编号",
                [],
                Id,
                false,
                "入党后的党员编号（与编号不同时填）"
            ),
            col!(
                "s1",
                "递交入党申请书",
                ["入党申请书"],
                Step(Step::Applied),
                false
            ),
            col!("s2", "派人谈话", [], Step(Step::Talked), false),
            col!(
                "s3",
                "确定入党积极分子",
                [],
                Step(Step::ActivistConfirmed),
                false
            ),
            col!(
                "s4",
                "报上级党委备案（积极分子）",
                [],
                Step(Step::ActivistFiled),
                false
            ),
            col!(
                "s5",
                "指定培养联系人",
                [],
                Step(Step::ContactsAssigned),
                false
            ),
            col!(
                "s6",
                "培养教育考察",
                [],
                Step(Step::ActivistAssessed),
                false,
                "第一次考察；以后的考察填在“考察记录”表"
            ),
            col!(
                "s7",
                "确定发展对象",
                [],
                Step(Step::CandidateConfirmed),
                false
            ),
            col!(
                "s8",
                "报上级党委备案（发展对象）",
                [],
                Step(Step::CandidateFiled),
                false
            ),
            col!(
                "s9",
                "确定入党介绍人",
                [],
                Step(Step::IntroducersAssigned),
                false
            ),
            col!("s10", "政治审查", [], Step(Step::PoliticalReview), false),
            col!("s11", "集中培训", [], Step(Step::Training), false),
            col!(
                "s12",
                "支部委员会审查",
                [],
                Step(Step::CommitteeReview),
                false
            ),
            col!("s13", "上级党委预审", [], Step(Step::PreReview), false),
            col!(
                "s14",
                "填写入党志愿书",
                [],
                Step(Step::ApplicationForm),
                false
            ),
            col!(
                "s15",
                "支部大会讨论（接收）",
                [],
                Step(Step::AdmissionMeeting),
                false
            ),
            col!("s16", "上级党委派人谈话", [], Step(Step::HigherTalk), false),
            col!(
                "s17",
                "上级党委审批（接收）",
                [],
                Step(Step::AdmissionApproved),
                false
            ),
            col!(
                "s18",
                "再上一级党委组织部门备案",
                [],
                Step(Step::AdmissionFiled),
                false
            ),
            col!("s19", "编入党支部和党小组", [], Step(Step::Placed), false),
            col!("s20", "入党宣誓", [], Step(Step::Oath), false),
            col!(
                "s21",
                "继续教育考察",
                [],
                Step(Step::ProbationAssessed),
                false,
                "第一次考察；以后的考察填在“考察记录”表"
            ),
            col!(
                "s22",
                "提出转正申请",
                [],
                Step(Step::ConversionApplied),
                false
            ),
            col!(
                "s23",
                "支部大会讨论（转正）",
                [],
                Step(Step::ConversionMeeting),
                false
            ),
            col!(
                "s24",
                "上级党委审批（转正）",
                [],
                Step(Step::ConversionApproved),
                false
            ),
            col!("s25", "材料归档", [], Step(Step::Archived), false),
            col!("contacts", "培养联系人", [], People, false),
            col!("introducers", "入党介绍人", [], People, false),
            col!("conclusion", "政审结论", [], Choice(&CONCLUSION), false),
            col!("days", "培训天数", [], Count, false),
            col!("training_hours", "培训学时", [], Hours, false),
            col!(
                "admission_meeting",
                "会议编号（接收）",
                [],
                Id,
                false,
                "讨论接收的支部党员大会（其表决）"
            ),
            col!("conversion_meeting", "会议编号（转正）", [], Id, false),
            col!("outcome", "转正结论", [], Choice(&OUTCOME), false),
            col!(
                "extend_months",
                "延长预备期（月）",
                ["延长预备期"],
                Count,
                false
            ),
        ],
        note: "每名入党申请人一行（纪实表），每一步填日期",
    },
    SheetDef {
        id: SheetId::Assessments,
        name: "考察记录",
        aliases: &["培养考察记录"],
        table: "development",
        cols: &[
            BRANCH,
            col!("candidate", "编号", ["发展对象编号"], Id, true),
            col!(
                "kind",
                "类型",
                ["考察类型", "步骤"],
                Choice(&ASSESSMENT),
                true,
                "积极分子考察、预备党员考察；也可填“发展党员”表的任一步骤名（重复的步骤）"
            ),
            col!("date", "日期", ["考察日期"], Date, true),
            col!(
                "members",
                "人员",
                [],
                People,
                false,
                "重新指定的培养联系人或入党介绍人"
            ),
            col!(
                "result",
                "结论",
                [],
                Text,
                false,
                "政治审查：合格/不合格；支部大会讨论（转正）：按期转正/延长预备期/取消资格"
            ),
            col!(
                "extend_months",
                "延长预备期（月）",
                ["延长预备期"],
                Count,
                false
            ),
            col!("meeting", "会议编号", [], Id, false),
            col!("days", "培训天数", [], Count, false),
            col!("training_hours", "培训学时", [], Hours, false),
        ],
        note: "每半年一次的考察，以及重复的步骤（如延长预备期后再次讨论转正）",
    },
    SheetDef {
        id: SheetId::Publicity,
        name: "公示",
        aliases: &["公示记录"],
        table: "publicity",
        cols: &[
            BRANCH,
            col!("candidate", "编号", ["发展对象编号"], Id, true),
            col!(
                "stage",
                "阶段",
                ["公示阶段", "公示类型"],
                Choice(&STAGE),
                true
            ),
            col!("start", "开始日期", ["公示开始日期"], Date, true),
            col!("end", "结束日期", ["公示结束日期"], Date, true),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Transfers,
        name: "组织关系接转",
        aliases: &["组织关系转接", "组织关系转移"],
        table: "transfers",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("direction", "方向", ["转接类型"], Choice(&DIRECTION), true),
            col!("issued_on", "开具日期", ["介绍信开具日期"], Date, true),
            col!("valid_until", "有效期至", [], Date, false),
            col!(
                "org",
                "对方党组织",
                ["转往党组织", "转出党组织"],
                Text,
                false
            ),
            col!("reported_on", "报到日期", [], Date, false),
            col!("receipt_on", "回执日期", ["回执退回日期"], Date, false),
            col!("cross_system", "跨系统", ["是否跨系统"], YesNo, false),
        ],
        note: "",
    },
    SheetDef {
        id: SheetId::Mobility,
        name: "流动外出",
        aliases: &["流动党员", "外出党员"],
        table: "mobility",
        cols: &[
            BRANCH,
            MEMBER,
            NAME,
            col!("kind", "类型", ["外出类型"], Choice(&MOBILITY), true),
            col!("from", "起始日期", ["外出日期"], Date, true),
            col!("to", "截止日期", ["返回日期"], Date, false),
            col!("place", "地点", ["外出地点"], Text, false),
            col!("place_fixed", "地点固定", ["地点是否固定"], YesNo, false),
            col!("suspended_on", "停止党籍日期", [], Date, false),
        ],
        note: "",
    },
];

/// Sheets that are part of the template but hold no records.
pub(crate) const IGNORED_SHEETS: &[&str] = &["填表说明", "说明", "使用说明"];

/// The sheet definition whose name (or alias) is `name`.
pub(crate) fn sheet(name: &str) -> Option<&'static SheetDef> {
    let n = super::cells::norm(name);
    std::iter::once(&BRANCH_SHEET).chain(SHEETS).find(|s| {
        super::cells::norm(s.name) == n || s.aliases.iter().any(|a| super::cells::norm(a) == n)
    })
}

/// The definition of a sheet by id.
pub(crate) fn def(id: SheetId) -> &'static SheetDef {
    if id == SheetId::Branch {
        return &BRANCH_SHEET;
    }
    SHEETS.iter().find(|s| s.id == id).unwrap_or(&BRANCH_SHEET)
}

/// The step column of `step` on the 发展党员 sheet.
pub(crate) fn step_col(step: Step) -> Option<&'static Col> {
    def(SheetId::Development)
        .cols
        .iter()
        .find(|c| matches!(c.kind, Kind::Step(s) if s == step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_column_and_names_are_unique() {
        for s in Step::ALL {
            assert!(step_col(*s).is_some(), "{s}");
        }
        for d in std::iter::once(&BRANCH_SHEET).chain(SHEETS) {
            let mut seen = std::collections::BTreeSet::new();
            for c in d.cols {
                for h in std::iter::once(c.header).chain(c.aliases.iter().copied()) {
                    // Every header finds its own column first.
                    assert_eq!(d.col(h).map(|x| x.key), Some(c.key), "{} {h}", d.name);
                }
                assert!(seen.insert(c.key), "{} {}", d.name, c.key);
            }
            assert_eq!(sheet(d.name).map(|x| x.id), Some(d.id));
        }
    }
}

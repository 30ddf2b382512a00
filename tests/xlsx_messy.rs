//! Messy hand-kept workbooks, built here, each read as exactly its JSON twin
//! and audited the same: title rows, serial dates, `2025/3/12`,
//! `2025年3月12日`, numeric money, names instead of ids, absentee lists, the
//! grid form of 党费, the wide 发展党员 sheet, several branches, every v1.1
//! sheet.
#![cfg(feature = "xlsx")]

mod xlsx_common;

use dangjian::load::xlsx::WarningKind;
use serde_json::json;
use xlsx_common::*;

fn branch_kv() -> Vec<Vec<C>> {
    rows(
        "第一党支部基本信息
         ~
         项目|内容
         支部编号|B1
         支部名称|测试第一党支部
         支部类型|机关
         成立日期|2010/1/1
         书记|王一",
    )
}

/// The notes of skipped rows (as text), and the other warnings.
fn notes_aside(
    wb: &dangjian::load::xlsx::Workbook,
) -> (Vec<String>, Vec<&dangjian::load::xlsx::Warning>) {
    let (notes, other): (Vec<_>, Vec<_>) = wb
        .warnings
        .iter()
        .partition(|w| w.kind == WarningKind::SkippedRows);
    (notes.iter().map(|w| w.to_string()).collect(), other)
}

fn roster() -> Vec<Vec<C>> {
    rows(
        "2025年党员花名册
         序号|学工号|姓名|性别|出生日期|党员状态|接收预备党员时间|转正日期|党费类别|领导干部|备注
         1|M1|王一|男|@1980-05-02|正式党员|2005年7月1日|2006.7.1|在职|是|
         2|M2|李二|女|1985/3/12|正式|#38898|2007-06-01|在职||
         ~
         3|M3|张三|男||预备党员|2025-02-10||学生||新党员
         注意事项：党员编号不可更改
         1. 日期可以填 2025/3/12",
    )
}

fn members_json() -> serde_json::Value {
    json!([
        {"id": "M1", "name": "王一", "gender": "male", "born_on": "1980-05-02", "status": "full",
         "admitted_on": "2005-07-01", "full_on": "2006-07-01", "dues_category": "salaried", "leading_cadre": true},
        {"id": "M2", "name": "李二", "gender": "female", "born_on": "1985-03-12", "status": "full",
         "admitted_on": "2006-06-30", "full_on": "2007-06-01", "dues_category": "salaried"},
        {"id": "M3", "name": "张三", "gender": "male", "status": "probationary",
         "admitted_on": "2025-02-10", "dues_category": "student"}
    ])
}

fn branch_json() -> serde_json::Value {
    json!({"id": "B1", "name": "测试第一党支部", "kind": "organ", "founded_on": "2010-01-01", "secretary": "M1"})
}

#[test]
fn a_hand_kept_ledger_reads_as_its_twin() {
    let bytes = workbook(&[
        ("支部信息", branch_kv()),
        ("党员花名册", roster()),
        (
            "党费基数",
            rows(
                "姓名|起始月份|缴纳基数
                 王一|2025年1月|#8500
                 李二|2025/1|6000.5",
            ),
        ),
        (
            "党费收缴",
            rows(
                "党费收缴台账（2025年）
                 党员|姓名|缴纳月份|实缴金额|缴纳时间
                 |王一|2025-01|#170|2025年1月10日
                 M2||2025/1|#60.01|@2025-01-10
                 M3|张三|2025年3月|0.2|2025.3.5",
            ),
        ),
        (
            "三会一课",
            rows(
                "会议编号|活动类型|实际会议时间|会议议题|主持人|记录人|时长（分钟）|应到人数|实到人数
                 MT1|支部党员大会|2025年3月28日|学习党章|王一|李二|#90|#3|#2
                 MT2|主题党日|@2025-04-25|主题党日|M1||#120||",
            ),
        ),
        (
            "缺席请假",
            rows(
                "会议编号|姓名|情况|请假原因
                 MT1|张三|请假|出差",
            ),
        ),
        ("联系方式", rows("姓名|电话\n王一|123")),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let twin = bundle(json!({
        "branch": branch_json(),
        "members": members_json(),
        "dues_bases": [
            {"member": "M1", "from": "2025-01", "base": "8500.00"},
            {"member": "M2", "from": "2025-01", "base": "6000.50"}
        ],
        "dues_payments": [
            {"member": "M1", "month": "2025-01", "amount": "170.00", "paid_on": "2025-01-10"},
            {"member": "M2", "month": "2025-01", "amount": "60.01", "paid_on": "2025-01-10"},
            {"member": "M3", "month": "2025-03", "amount": "0.20", "paid_on": "2025-03-05"}
        ],
        "meetings": [
            {"id": "MT1", "kind": "general_meeting", "date": "2025-03-28", "topic": "学习党章",
             "chair": "M1", "recorder": "M2", "hours": "1.5", "expected_count": 3, "present_count": 2,
             "attendance": [{"member": "M1", "status": "present"}, {"member": "M2", "status": "present"},
                            {"member": "M3", "status": "excused", "reason": "出差"}]},
            {"id": "MT2", "kind": "theme_day", "date": "2025-04-25", "topic": "主题党日", "chair": "M1",
             "hours": "2",
             "attendance": [{"member": "M1", "status": "present"}, {"member": "M2", "status": "present"},
                            {"member": "M3", "status": "present"}]}
        ]
    }));
    assert_twins(&wb.bundles, &[twin]);
    // The unknown sheet is named, once; 序号 and 备注 are not unknown columns;
    // the notes under the roster are skipped with a note.
    let (notes, other) = notes_aside(&wb);
    assert_eq!(
        notes,
        [
            "台账.xlsx: 党员花名册!A7, table members: 跳过第7–8行（表下的说明文字） / rows 7–8 skipped (notes under the table)"
        ]
    );
    let w: Vec<String> = other.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(other[0].kind, WarningKind::UnknownSheet);
    assert!(w[0].contains("联系方式"), "{w:?}");
}

#[test]
fn an_unknown_column_is_a_warning_with_its_cell() {
    let mut r = roster();
    r[1].push(s("联系电话"));
    let bytes = workbook(&[("支部信息", branch_kv()), ("党员花名册", r)]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let (_, other) = notes_aside(&wb);
    let w: Vec<String> = other.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(other[0].kind, WarningKind::UnknownColumn);
    assert!(
        w[0].starts_with("台账.xlsx: 党员花名册!L2, column 联系电话"),
        "{w:?}"
    );
    assert_eq!(wb.bundles[0].members.len(), 3);
}

#[test]
fn a_grid_of_dues_reads_as_payments_on_the_first_of_each_month() {
    let bytes = workbook(&[
        ("支部信息", branch_kv()),
        ("党员花名册", roster()),
        (
            "党费收缴",
            rows(
                "2025年度党费收缴登记表
                 年度：2025
                 党员编号|姓名|1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月
                 M1|王一|#170|#170|免||||||||||
                 |李二|60|60.01|-|||||||||#60
                 M3|张三|||0.20|0.2|||||||||",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let p = |m: &str, month: &str, amount: &str| json!({"member": m, "month": month, "amount": amount, "paid_on": format!("{month}-01")});
    let twin = bundle(json!({
        "branch": branch_json(),
        "members": members_json(),
        "dues_payments": [
            p("M1", "2025-01", "170.00"), p("M1", "2025-02", "170.00"),
            p("M2", "2025-01", "60.00"), p("M2", "2025-02", "60.01"), p("M2", "2025-12", "60.00"),
            p("M3", "2025-03", "0.20"), p("M3", "2025-04", "0.20")
        ]
    }));
    assert_twins(&wb.bundles, &[twin]);
    let grid: Vec<_> = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::NoPaymentDates)
        .collect();
    assert_eq!(grid.len(), 1, "{:?}", wb.warnings);
    assert!(grid[0].message.contains("DUE005"), "{}", grid[0]);
    assert_eq!(grid[0].location.sheet.as_deref(), Some("党费收缴"));
}

#[test]
fn the_wide_development_sheet_reads_as_steps() {
    let bytes = workbook(&[
        ("支部信息", branch_kv()),
        ("党员花名册", roster()),
        (
            "发展党员",
            rows(
                "发展党员工作纪实表
                 编号|姓名|出生日期|递交入党申请书|派人谈话|确定入党积极分子|报上级党委备案（积极分子）|指定培养联系人|培养联系人|培养教育考察|确定发展对象|报上级党委备案（发展对象）|确定入党介绍人|入党介绍人|政治审查|政审结论|集中培训|培训天数|培训学时
                 A1|陈某|1999/1/3|2023年3月1日|2023-03-20|2023.6.10|2023-06-20|2023-06-25|王一、李二|2023-12-10|2024-06-28|2024-07-05|2024-07-10|M1，M2|2024-08-15|合格|2024-09-04|#3|#24
                 A2|刘某||2025-05-06|||||||||||||",
            ),
        ),
        (
            "考察记录",
            rows(
                "编号|类型|日期
                 A1|积极分子考察|2024-06-10
                 A1|培养教育考察|2023-12-10",
            ),
        ),
        (
            "公示",
            rows(
                "编号|阶段|开始日期|结束日期
                 A1|发展对象|2024-09-21|2024-09-27",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert!(notes_aside(&wb).1.is_empty(), "{:?}", wb.warnings);
    let st = |step: &str, date: &str| json!({"candidate": "A1", "step": step, "date": date});
    let mut contacts = st("contacts_assigned", "2023-06-25");
    contacts["members"] = json!(["M1", "M2"]);
    let mut intro = st("introducers_assigned", "2024-07-10");
    intro["members"] = json!(["M1", "M2"]);
    let mut review = st("political_review", "2024-08-15");
    review["conclusion"] = json!("qualified");
    let mut training = st("training", "2024-09-04");
    training["days"] = json!(3);
    training["hours"] = json!("24");
    let twin = bundle(json!({
        "branch": branch_json(),
        "members": members_json(),
        "candidates": [{"id": "A1", "name": "陈某", "born_on": "1999-01-03"}, {"id": "A2", "name": "刘某"}],
        "development": [
            st("applied", "2023-03-01"), st("talked", "2023-03-20"), st("activist_confirmed", "2023-06-10"),
            st("activist_filed", "2023-06-20"), contacts, st("activist_assessed", "2023-12-10"),
            st("activist_assessed", "2024-06-10"), st("candidate_confirmed", "2024-06-28"),
            st("candidate_filed", "2024-07-05"), intro, review, training,
            {"candidate": "A2", "step": "applied", "date": "2025-05-06"}
        ],
        "publicity": [{"candidate": "A1", "stage": "candidate", "start": "2024-09-21", "end": "2024-09-27"}]
    }));
    assert_twins(&wb.bundles, &[twin]);
}

#[test]
fn several_branches_with_a_branch_column() {
    let bytes = workbook(&[
        (
            "支部信息",
            rows(
                "支部编号|支部名称|支部类型|成立日期
                 B1|第一支部|机关|2010-01-01
                 B2|第二支部|社区|",
            ),
        ),
        (
            "党员花名册",
            rows(
                "支部编号|党员编号|姓名|党籍状态|入党时间|党费类别
                 B1|M1|王一|正式党员|2005-07-01|离退休
                 B2|M2|王一|正式党员|2006-07-01|农民
                 B2|M3|李二|正式党员|2006-07-01|农民",
            ),
        ),
        (
            "三会一课",
            rows(
                "支部编号|会议编号|会议类型|会议日期|会议主题|主持人
                 B1|X1|党课|2025-05-10|党课|王一
                 B2|X1|党课|2025-05-12|党课|王一",
            ),
        ),
        (
            "缺席请假",
            rows(
                "支部编号|会议编号|党员编号|情况
                 B2|X1|M3|缺席",
            ),
        ),
    ]);
    let wb = read(&bytes, "县.xlsx").unwrap();
    let m = |id: &str, name: &str, admitted: &str, cat: &str| json!({"id": id, "name": name, "status": "full", "admitted_on": admitted, "dues_category": cat});
    let b1 = bundle(json!({
        "branch": {"id": "B1", "name": "第一支部", "kind": "organ", "founded_on": "2010-01-01"},
        "members": [m("M1", "王一", "2005-07-01", "retired")],
        "meetings": [{"id": "X1", "kind": "party_lecture", "date": "2025-05-10", "topic": "党课", "chair": "M1",
                      "attendance": [{"member": "M1", "status": "present"}]}]
    }));
    // In B2 王一 is M2: names are looked up in the row's own branch.
    let b2 = bundle(json!({
        "branch": {"id": "B2", "name": "第二支部", "kind": "community"},
        "members": [m("M2", "王一", "2006-07-01", "farmer"), m("M3", "李二", "2006-07-01", "farmer")],
        "meetings": [{"id": "X1", "kind": "party_lecture", "date": "2025-05-12", "topic": "党课", "chair": "M2",
                      "attendance": [{"member": "M2", "status": "present"}, {"member": "M3", "status": "absent"}]}]
    }));
    assert_twins(&wb.bundles, &[b1, b2]);
}

#[test]
fn unknown_and_ambiguous_names_stay_as_written_and_name_their_cells() {
    let mut r = roster();
    r.insert(
        6,
        rows("4|M4|王一|男||正式党员|2010-01-01||在职||").remove(0),
    );
    let bytes = workbook(&[
        (
            "支部信息",
            rows("支部编号|B1\n支部名称|测试第一党支部\n支部类型|机关\n成立日期|2010-01-01"),
        ),
        ("党员花名册", r),
        (
            "三会一课",
            rows(
                "会议编号|会议类型|会议日期|会议主题|主持人|记录人
                 MT1|主题党日|2025-03-28|学习|王一|赵六",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let names: Vec<String> = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::UnresolvedName)
        .map(|w| w.to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:#?}");
    assert!(
        names[0].starts_with("台账.xlsx: 三会一课!E2, column 主持人"),
        "{names:?}"
    );
    assert!(names[0].contains("M1、M4"), "{names:?}");
    assert!(
        names[1].starts_with("台账.xlsx: 三会一课!F2, column 记录人"),
        "{names:?}"
    );

    let mut members = members_json();
    members.as_array_mut().unwrap().push(
        json!({"id": "M4", "name": "王一", "gender": "male", "status": "full", "admitted_on": "2010-01-01", "dues_category": "salaried"}),
    );
    let twin = bundle(json!({
        "branch": {"id": "B1", "name": "测试第一党支部", "kind": "organ", "founded_on": "2010-01-01"},
        "members": members,
        "meetings": [{"id": "MT1", "kind": "theme_day", "date": "2025-03-28", "topic": "学习",
                      "chair": "王一", "recorder": "赵六",
                      "attendance": [{"member": "M1", "status": "present"}, {"member": "M2", "status": "present"},
                                     {"member": "M3", "status": "present"}, {"member": "M4", "status": "present"}]}]
    }));
    assert_twins(&wb.bundles, std::slice::from_ref(&twin));
    // DAT001 fires for both, and names the cells.
    let findings = dangjian::Auditor::new(as_of()).check(&wb.bundles[0]);
    let dat001: Vec<_> = findings
        .iter()
        .filter(|f| f.rule.as_str() == "DAT001")
        .collect();
    assert_eq!(dat001.len(), 2);
    let chair = dat001.iter().find(|f| f.subject.id == "王一").unwrap();
    assert_eq!(chair.evidence["cells"], json!(["三会一课!E2"]));
    assert!(
        chair.message.zh.ends_with("（单元格 三会一课!E2）"),
        "{}",
        chair.message.zh
    );
    let recorder = dat001.iter().find(|f| f.subject.id == "赵六").unwrap();
    assert_eq!(recorder.evidence["cells"], json!(["三会一课!F2"]));
    // The twin's findings carry no cells.
    let plain = dangjian::Auditor::new(as_of()).check(&twin);
    assert!(plain.iter().all(|f| f.evidence.get("cells").is_none()));
}

#[test]
fn every_v1_1_sheet() {
    let bytes = workbook(&[
        ("支部信息", branch_kv()),
        ("党员花名册", roster()),
        (
            "三会一课",
            rows(
                "会议编号|会议类型|会议日期|会议主题|主持人|标签|实到人数|考勤记录
                 L1|组织生活会|2025-12-20|年度组织生活会|M1|意识形态、年度|#2|
                 L2|集中学习|2025-12-22|学习|M1||#0|无",
            ),
        ),
        ("缺席请假", rows("会议编号|党员编号|情况|原因\nL1|M3|缺席|")),
        (
            "整改事项",
            rows(
                "会议编号|问题|责任人|整改时限|完成日期
                 L1|党费收缴不及时|李二|2026-03-31|",
            ),
        ),
        (
            "党费上缴",
            rows(
                "期间|上缴金额|上缴日期
                 2025年第1季度|#1520.5|2025-04-08
                 2025-Q2|1,000.00|2025/7/6",
            ),
        ),
        ("党费公开", rows("公开日期|年度\n2026年1月15日|#2025")),
        (
            "组织关系接转",
            rows(
                "党员编号|方向|开具日期|有效期至|对方党组织|报到日期|回执日期|跨系统
                 M2|转出|2025-03-01|2025-04-01|某县委组织部||2025-03-20|否",
            ),
        ),
        (
            "流动外出",
            rows(
                "姓名|类型|起始日期|截止日期|地点|地点固定|停止党籍日期
                 张三|外出务工|2025-05-01||深圳|是|",
            ),
        ),
        (
            "正当理由",
            rows("党员编号|起始日期|截止日期|原因\nM3|2025-06-01|2025-06-30|illness"),
        ),
        (
            "学习培训",
            rows("党员编号|日期|学时|内容|形式\nM1|2025-04-10|#8|网络党校专题|网络党校"),
        ),
        (
            "谈心谈话",
            rows("谈话日期|党员一|党员二\n2025-05-06|王一|张三"),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert!(notes_aside(&wb).1.is_empty(), "{:?}", wb.warnings);
    let twin = bundle(json!({
        "branch": branch_json(),
        "members": members_json(),
        "meetings": [
            {"id": "L1", "kind": "life_meeting", "date": "2025-12-20", "topic": "年度组织生活会", "chair": "M1",
             "tags": ["ideology", "年度"], "present_count": 2,
             "attendance": [{"member": "M1", "status": "present"}, {"member": "M2", "status": "present"},
                            {"member": "M3", "status": "absent"}],
             "rectifications": [{"item": "党费收缴不及时", "owner": "M2", "due": "2026-03-31"}]},
            {"id": "L2", "kind": "study", "date": "2025-12-22", "topic": "学习", "chair": "M1", "present_count": 0}
        ],
        "dues_remittances": [
            {"period": "2025-Q1", "amount": "1520.50", "remitted_on": "2025-04-08"},
            {"period": "2025-Q2", "amount": "1000.00", "remitted_on": "2025-07-06"}
        ],
        "dues_publications": [{"date": "2026-01-15", "year": 2025}],
        "transfers": [{"member": "M2", "direction": "out", "issued_on": "2025-03-01", "valid_until": "2025-04-01",
                       "org": "某县委组织部", "receipt_on": "2025-03-20"}],
        "mobility": [{"member": "M3", "kind": "work", "from": "2025-05-01", "place": "深圳", "place_fixed": true}],
        "exemptions": [{"member": "M3", "from": "2025-06-01", "to": "2025-06-30", "reason": "illness"}],
        "trainings": [{"member": "M1", "date": "2025-04-10", "hours": "8", "title": "网络党校专题", "channel": "online_school"}],
        "talks": [{"date": "2025-05-06", "members": ["M1", "M3"]}]
    }));
    assert_twins(&wb.bundles, &[twin]);
}

#[test]
fn a_wrong_head_count_is_dat004_not_an_error() {
    let bytes = workbook(&[
        ("支部信息", branch_kv()),
        ("党员花名册", roster()),
        (
            "三会一课",
            rows(
                "会议编号|会议类型|会议日期|会议主题|主持人|应到人数|实到人数|请假人数
                 MT1|支部党员大会|2025-03-28|学习|M1|#3|#3|#0",
            ),
        ),
        ("缺席请假", rows("会议编号|姓名|情况\nMT1|张三|请假")),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let findings = dangjian::Auditor::new(as_of()).check(&wb.bundles[0]);
    let dat004: Vec<_> = findings
        .iter()
        .filter(|f| f.rule.as_str() == "DAT004")
        .collect();
    assert_eq!(dat004.len(), 1, "{findings:#?}");
    assert_eq!(
        dat004[0].evidence["mismatches"],
        json!([{"count": "present_count", "stated": 3, "recorded": 2},
               {"count": "excused_count", "stated": 0, "recorded": 1}])
    );
}

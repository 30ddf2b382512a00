//! A corpus of ledgers in the layouts branches keep (issue 24): no
//! 党员编号, 会议编号 or 编号 anywhere, the headers of real forms, a sheet
//! per month or per kind of meeting or per transfer direction. Each
//! workbook is built here (not by hand), read, compared with its JSON twin
//! (whose ids are the ones the reader derives, as docs/format.md says) and
//! audited to the findings it must give.

#![cfg(feature = "xlsx")]

mod xlsx_common;

use dangjian::load::xlsx::WarningKind;
use dangjian::{Auditor, Bundle};
use serde_json::json;
use xlsx_common::{C, as_of, assert_twins, bundle, read, rows, workbook};

fn branch() -> Vec<Vec<C>> {
    rows("支部编号|B1\n支部名称|第一党支部\n支部类型|机关")
}

fn branch_json() -> serde_json::Value {
    json!({"id": "B1", "name": "第一党支部", "kind": "organ"})
}

/// The rules and subjects of a bundle's findings, sorted: `DUE001 王一 2025-03`.
fn findings(b: &Bundle) -> Vec<String> {
    let mut v: Vec<String> = Auditor::new(as_of())
        .check(b)
        .iter()
        .map(|f| format!("{} {}", f.rule, f.subject.id))
        .collect();
    v.sort();
    v
}

fn count(found: &[String], what: &str) -> usize {
    found.iter().filter(|f| f.as_str() == what).count()
}

/// A roster as an owip-style export: title, 序号, 身份证号, 出生年月, a
/// 入党时间 with its note, 政治面貌 for the standing, no 党员编号 or 党费类别,
/// and a 月工资 column for the dues base.
#[test]
fn an_exported_roster_without_ids_or_categories() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员信息",
            rows(
                "第一党支部党员信息一览表
                 序号|姓 名|性别|民族|出生年月|身份证号|政治面貌|入党时间（预备）|转正时间|月工资（元）
                 1|王一|男|汉族|1980.05|110101198005011234|中共党员|2005-07-01|2006-07-01|#8000
                 2|李二|女|汉族|1990.03|110101199003021235|中共预备党员|2025-03-01||#5000",
            ),
        ),
        (
            "党费",
            rows(
                "姓名|缴费年月|实缴金额（元）|缴费日期
                 王一|2025-01|#160|2025-01-10",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let twin = bundle(json!({
        "branch": branch_json(),
        "members": [
            {"id": "王一", "name": "王一", "gender": "male", "born_on": "1980-05-01", "status": "full",
             "admitted_on": "2005-07-01", "full_on": "2006-07-01", "dues_category": "salaried"},
            {"id": "李二", "name": "李二", "gender": "female", "born_on": "1990-03-01", "status": "probationary",
             "admitted_on": "2025-03-01", "dues_category": "salaried"}
        ],
        "dues_bases": [
            {"member": "王一", "from": "2005-07", "base": "8000"},
            {"member": "李二", "from": "2025-03", "base": "5000"}
        ],
        "dues_payments": [{"member": "王一", "month": "2025-01", "amount": "160", "paid_on": "2025-01-10"}]
    }));
    assert_twins(&wb.bundles, &[twin]);
    // The defaults are said, each once.
    let assumed: Vec<String> = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Assumed)
        .map(|w| w.to_string())
        .collect();
    assert_eq!(assumed.len(), 2, "{assumed:?}");
    assert!(
        assumed[0]
            .contains("没有“党籍状态”列：按正式党员读取（“政治面貌”为中共预备党员的按预备党员）"),
        "{assumed:?}"
    );
    assert!(
        assumed[1].contains("没有“党费类别”列：按在职党员"),
        "{assumed:?}"
    );
    // 王一 paid January only; 李二 from March nothing.
    let f = findings(&wb.bundles[0]);
    assert_eq!(count(&f, "DUE001 王一"), 11, "{f:#?}");
    assert_eq!(count(&f, "DUE001 李二"), 10, "{f:#?}");
}

/// Two members of one name: told apart by the last digits of the id card;
/// without one, an error naming both rows.
#[test]
fn equal_names_are_told_apart_by_id_card_or_refused() {
    let roster = |card: bool| {
        rows(&format!(
            "姓名|{}入党日期
             张伟|{}2001-07-01
             张伟|{}2010-07-01",
            if card { "公民身份号码|" } else { "" },
            if card { "110101197001011111|" } else { "" },
            if card { "11010119800101222X|" } else { "" },
        ))
    };
    let wb = read(
        &workbook(&[("支部信息", branch()), ("花名册", roster(true))]),
        "台账.xlsx",
    )
    .unwrap();
    let ids: Vec<&str> = wb.bundles[0]
        .members
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, ["张伟（1111）", "张伟（222X）"]);
    let e = read(
        &workbook(&[("支部信息", branch()), ("花名册", roster(false))]),
        "台账.xlsx",
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("台账.xlsx: 花名册!A2, column 姓名"), "{e}");
    assert!(
        e.contains("花名册中有2行都是“张伟”（花名册!A2、花名册!A3）"),
        "{e}"
    );
}

/// A wide dues sheet: one row per member, a column per month, amounts or ✓
/// (the month's dues in full by the central rates on the base).
#[test]
fn a_wide_dues_sheet_with_ticks() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "姓名|入党时间|缴费基数
                 王一|2005-07-01|#3000
                 李二|2006-07-01|#8000",
            ),
        ),
        (
            "党费收缴",
            rows(
                "2025年度党费收缴登记表
                 年度：2025
                 姓名|1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月
                 王一|✓|√|15|✓|✓|✓|✓|✓|✓|✓|✓|✓
                 李二|#120|#120|#120|#120|#120|#120|#120|#120|#120|#120|#120|",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    // 3000 a month at 0.5% is 15.00 (党费规定: up to 3000 yuan, 0.5%);
    // 8000 at 1.5% is 120.00.
    let wang: Vec<String> = b
        .dues_payments
        .iter()
        .filter(|p| p.member.as_str() == "王一")
        .map(|p| p.amount.to_string())
        .collect();
    assert_eq!(wang.len(), 12);
    assert!(wang.iter().all(|a| a == "15.00" || a == "15"), "{wang:?}");
    let f = findings(b);
    assert_eq!(count(&f, "DUE001 王一"), 0, "{f:#?}");
    assert_eq!(count(&f, "DUE001 李二"), 1, "{f:#?}");
    // A tick with no base to compute from is an error at its cell.
    let bytes = workbook(&[
        ("支部信息", branch()),
        ("党员花名册", rows("姓名|入党时间\n王一|2005-07-01")),
        ("党费收缴", rows("年度：2025\n姓名|1月|2月\n王一|✓|")),
    ]);
    let e = read(&bytes, "台账.xlsx").unwrap_err().to_string();
    assert!(e.starts_with("台账.xlsx: 党费收缴!B3, column 1月"), "{e}");
}

/// A sheet per month (`2025年1月` … or `3月` under a 年度 line), no 缴纳日期.
#[test]
fn a_dues_sheet_per_month() {
    let month = |m: u32| {
        rows(&format!(
            "姓名|金额\n王一|#50\n李二|#{}",
            if m == 2 { 0 } else { 30 }
        ))
    };
    let mut sheets: Vec<(String, Vec<Vec<C>>)> = vec![
        ("支部信息".into(), branch()),
        (
            "党员花名册".into(),
            rows("姓名|入党时间|月基数\n王一|2005-07-01|#5000\n李二|2006-07-01|#3000"),
        ),
    ];
    for m in 1..=6 {
        sheets.push((format!("2025年{m}月"), month(m)));
    }
    let mut late = rows("年度：2025\n姓名|金额|缴费日期\n王一|#50|2025-07-05\n李二|#30|2025-07-05");
    late.insert(0, Vec::new());
    sheets.push(("7月份党费".into(), late));
    let named: Vec<(&str, Vec<Vec<C>>)> = sheets
        .iter()
        .map(|(n, r)| (n.as_str(), r.clone()))
        .collect();
    let wb = read(&workbook(&named), "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    assert_eq!(b.dues_payments.len(), 14);
    let july: Vec<String> = b
        .dues_payments
        .iter()
        .filter(|p| p.month.to_string() == "2025-07")
        .map(|p| p.paid_on.to_string())
        .collect();
    assert_eq!(july, ["2025-07-05", "2025-07-05"]);
    let jan = &b.dues_payments[0];
    assert_eq!(
        (jan.month.to_string(), jan.paid_on.to_string()),
        ("2025-01".into(), "2025-01-01".into())
    );
    // No dates on 1月–6月: said once a sheet.
    let undated = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::NoPaymentDates)
        .count();
    assert_eq!(undated, 6);
    let f = findings(b);
    // 李二 paid 0 in February; both nothing from August.
    assert_eq!(count(&f, "DUE001 王一"), 5, "{f:#?}");
    assert!(count(&f, "DUE001 李二") >= 5, "{f:#?}");
}

/// Meetings kept on a sheet per kind (支部党员大会记录, 党课记录), with 请假人员
/// and 缺席人员 on the meeting's row; ids from kind and date.
#[test]
fn a_sheet_per_kind_of_meeting() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows("姓名|入党时间\n王一|2005-07-01\n李二|2006-07-01\n张三|2007-07-01"),
        ),
        (
            "支部党员大会记录",
            rows(
                "会议时间|会议主题|主持人|记录人|请假人员|缺席人员
                 2025-03-15|学习党章|王一|李二|张三|
                 2025-06-20|半年工作|王一|李二||张三",
            ),
        ),
        (
            "党课记录",
            rows("会议时间|会议主题|主持人\n2025-04-10|党史|王一"),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    let ids: Vec<&str> = b.meetings.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "B1-支部党员大会-2025-03-15",
            "B1-支部党员大会-2025-06-20",
            "B1-党课-2025-04-10"
        ]
    );
    let att: Vec<String> = b.meetings[0]
        .attendance
        .iter()
        .map(|a| format!("{} {:?}", a.member, a.status))
        .collect();
    assert_eq!(att, ["王一 Present", "李二 Present", "张三 Excused"]);
    assert_eq!(
        format!("{:?}", b.meetings[1].attendance[2].status),
        "Absent"
    );
    let f = findings(b);
    // Two general meetings in the year where one a quarter is due.
    assert!(f.iter().any(|x| x.starts_with("MTG001 B1")), "{f:#?}");
}

/// A workbook of a branch of two members, each the one member of a
/// group, with `meetings` and `absences`.
fn two_groups(meetings: &str, absences: &str) -> Vec<u8> {
    workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows("姓名|入党时间\n王一|2005-07-01\n李二|2006-07-01"),
        ),
        (
            "党小组",
            rows("党小组名称|组长|成员\n第一党小组|王一|王一\n第二党小组|李二|李二"),
        ),
        ("三会一课", rows(meetings)),
        ("缺席请假", rows(absences)),
    ])
}

/// 缺席请假 by the meeting's date and kind (and group, for 党小组会 held the
/// same day), no 会议编号.
#[test]
fn absences_by_meeting_date_kind_and_group() {
    let bytes = two_groups(
        "会议类型|会议日期|党小组|会议主题
         党小组会|2025-03-12|第一党小组|学习
         党小组会|2025-03-12|第二党小组|学习
         支委会|2025-03-20||工作",
        "会议日期|会议类型|会议党小组|姓名|情况|原因
         2025-03-12|党小组会|第二党小组|李二|请假|出差",
    );
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    assert_eq!(b.branch.groups[0].id.as_str(), "第一党小组");
    assert_eq!(
        b.meetings[1].id.as_str(),
        "B1-党小组会-第二党小组-2025-03-12"
    );
    assert_eq!(b.meetings[1].attendance[0].reason.as_deref(), Some("出差"));
    assert!(
        b.meetings[0]
            .attendance
            .iter()
            .all(|a| a.member.as_str() == "王一")
    );
    // Without the group the date names two meetings: an error saying so.
    let bytes = two_groups(
        "会议类型|会议日期|党小组
         党小组会|2025-03-12|第一党小组
         党小组会|2025-03-12|第二党小组",
        "会议日期|姓名|情况\n2025-03-12|李二|请假",
    );
    let e = read(&bytes, "台账.xlsx").unwrap_err().to_string();
    assert!(e.starts_with("台账.xlsx: 缺席请假!A2"), "{e}");
    assert!(e.contains("2025-03-12有2次会议"), "{e}");
}

/// Transfers on a sheet per direction (组织关系转入 / 组织关系转出), no 方向.
#[test]
fn transfers_on_a_sheet_per_direction() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "姓名|入党时间|转入本支部时间|转出时间|转出原因
                 王一|2005-07-01||2025-06-30|转出
                 李二|2006-07-01|2025-03-01||",
            ),
        ),
        (
            "组织关系转出",
            rows(
                "姓名|介绍信开具日期|有效期至|转往党组织\n王一|2025-06-25|2025-09-25|某局机关党委",
            ),
        ),
        (
            "党员转入登记",
            rows("姓名|开具日期|对方党组织|报到日期\n李二|2025-02-20|某区委|2025-03-01"),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let twin = bundle(json!({
        "branch": branch_json(),
        "members": [
            {"id": "王一", "name": "王一", "status": "full", "admitted_on": "2005-07-01",
             "in_branch_to": "2025-06-30", "left_reason": "transferred", "dues_category": "salaried"},
            {"id": "李二", "name": "李二", "status": "full", "admitted_on": "2006-07-01",
             "in_branch_from": "2025-03-01", "dues_category": "salaried"}
        ],
        "transfers": [
            {"member": "李二", "direction": "in", "issued_on": "2025-02-20", "org": "某区委", "reported_on": "2025-03-01"},
            {"member": "王一", "direction": "out", "issued_on": "2025-06-25", "valid_until": "2025-09-25", "org": "某局机关党委"}
        ]
    }));
    // Sheets are read in the order of XLSX.md, and both are 组织关系接转.
    let mut read_b = wb.bundles.clone();
    read_b[0].transfers.sort_by_key(|t| t.issued_on);
    assert_twins(&read_b, &[twin]);
}

/// 发展党员 without 编号: candidates by name, 公示 and 考察记录 naming them.
#[test]
fn development_by_name() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        ("党员花名册", rows("姓名|入党时间\n王一|2005-07-01\n李二|2006-07-01")),
        (
            "发展党员",
            rows(
                "姓名|性别|出生日期|递交入党申请书|派人谈话|确定入党积极分子|指定培养联系人|培养联系人
                 赵六|女|2000-01-01|2025-03-01|2025-03-20|2025-06-01|2025-06-05|王一、李二",
            ),
        ),
        ("考察记录", rows("姓名|类型|日期\n赵六|积极分子考察|2025-12-01")),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    assert_eq!(b.candidates[0].id.as_str(), "赵六");
    let steps: Vec<String> = b
        .development
        .iter()
        .map(|d| format!("{} {}", d.candidate, d.step))
        .collect();
    assert!(
        steps.contains(&"赵六 activist_assessed".to_owned()),
        "{steps:?}"
    );
    let f = findings(b);
    // The DEV rules speak of 赵六 by name (no 报上级党委备案 of the activist).
    assert!(f.iter().all(|x| !x.contains("A0")), "{f:#?}");
    assert!(f.iter().any(|x| x.ends_with(" 赵六")), "{f:#?}");
}

/// Headers as people type them: spaces inside, full-width letters and
/// parentheses, a unit in parentheses, a line break; a committee on a
/// sheet of its own with 职  务.
#[test]
fn headers_as_typed() {
    let mut roster = rows("~\n王一|2005-07-01|正式党员|在职|是\n李二|2006-07-01|预备党员|学生|否");
    roster[0] = [
        "姓　名",
        "入党\n时间",
        "党籍状态(正式/预备)",
        "党费类别",
        "是否领导干部",
    ]
    .iter()
    .map(|h| xlsx_common::s(h))
    .collect();
    let bytes = workbook(&[
        (
            "支部信息",
            rows(
                "支部编号|B1\n支部名称|第一党支部\n支部类型|机关\n支委会选举日期|2024-01-10\n任期（年）|5",
            ),
        ),
        ("党员花名册", roster),
        ("支委", rows("姓名|职  务\n王一|党支部书记\n李二|组织委员")),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    assert!(b.members[0].leading_cadre);
    assert_eq!(format!("{:?}", b.members[1].status), "Probationary");
    let seats: Vec<String> = b
        .branch
        .committee
        .as_ref()
        .unwrap()
        .members
        .iter()
        .map(|s| format!("{} {:?}", s.member, s.role))
        .collect();
    assert_eq!(seats, ["王一 Secretary", "李二 Organization"]);
    assert!(wb.warnings.is_empty(), "{:?}", wb.warnings);
}

/// A roster of probationary members on its own sheet (预备党员名册), and the
/// full members on 正式党员名单 read as the roster by its headers.
#[test]
fn a_probationary_roster_of_its_own() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        ("预备党员名册", rows("姓名|入党时间\n李二|2025-03-01")),
        (
            "Sheet1",
            rows("姓名|入党时间|转正时间\n王一|2005-07-01|2006-07-01"),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    let who: Vec<String> = b
        .members
        .iter()
        .map(|m| format!("{} {:?}", m.name, m.status))
        .collect();
    assert_eq!(
        who,
        ["李二 Probationary"],
        "Sheet1 beside a roster with rows is not taken"
    );
    assert!(
        wb.warnings
            .iter()
            .any(|w| w.kind == WarningKind::UnknownSheet)
    );
    // Alone, the same Sheet1 is the roster.
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "Sheet1",
            rows("姓名|入党时间|转正时间\n王一|2005-07-01|2006-07-01"),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members[0].id.as_str(), "王一");
    assert!(
        wb.warnings
            .iter()
            .any(|w| w.kind == WarningKind::GuessedSheet)
    );
}

/// Ids derived from names and dates are the same whatever the row order.
#[test]
fn derived_ids_do_not_depend_on_row_order() {
    let make = |order: &[usize]| {
        let members = ["王一|2005-07-01", "李二|2006-07-01", "张三|2007-07-01"];
        let meetings = [
            "支委会|2025-03-20",
            "支部党员大会|2025-03-15",
            "党课|2025-03-15",
        ];
        let m: Vec<&str> = order.iter().map(|&i| members[i]).collect();
        let g: Vec<&str> = order.iter().map(|&i| meetings[i]).collect();
        let bytes = workbook(&[
            ("支部信息", branch()),
            (
                "党员花名册",
                rows(&format!("姓名|入党时间\n{}", m.join("\n"))),
            ),
            (
                "三会一课",
                rows(&format!("会议类型|会议日期\n{}", g.join("\n"))),
            ),
        ]);
        let b = read(&bytes, "台账.xlsx").unwrap().bundles.remove(0);
        let mut ids: Vec<String> = b
            .members
            .iter()
            .map(|m| format!("{}={}", m.name, m.id))
            .chain(
                b.meetings
                    .iter()
                    .map(|m| format!("{}/{}={}", m.kind, m.date, m.id)),
            )
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(make(&[0, 1, 2]), make(&[2, 0, 1]));
    assert!(
        make(&[0, 1, 2])
            .contains(&"general_meeting/2025-03-15=B1-支部党员大会-2025-03-15".to_owned())
    );
}

/// Cells as people type them: dates in every form (`20250315` as text or
/// a number, full-width digits), amounts with 元 and thousands separators,
/// a two-character name padded with a space.
#[test]
fn cells_as_typed() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "姓名|入党时间|月基数
                 张 三|20050701|3,000.00元
                 李　四|#20060701|#8000
                 王五|２００７－０７－０１|５０００",
            ),
        ),
        (
            "党费收缴",
            rows(
                "姓名|缴纳月份|实缴金额|缴纳日期
                 张三|2025-3|15元|2025.03.05
                 李四|2025年3月|１２０．００|2025/3/5
                 王五|202503|75|2025年3月5日",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    let m: Vec<String> = b
        .members
        .iter()
        .map(|m| format!("{}={} {}", m.id, m.name, m.admitted_on))
        .collect();
    assert_eq!(
        m,
        [
            "张三=张三 2005-07-01",
            "李四=李四 2006-07-01",
            "王五=王五 2007-07-01"
        ]
    );
    let p: Vec<String> = b
        .dues_payments
        .iter()
        .map(|p| format!("{} {} {} {}", p.member, p.month, p.amount, p.paid_on))
        .collect();
    assert_eq!(
        p,
        [
            "张三 2025-03 15.00 2025-03-05",
            "李四 2025-03 120.00 2025-03-05",
            "王五 2025-03 75.00 2025-03-05"
        ]
    );
    assert!(
        wb.warnings
            .iter()
            .all(|w| w.kind != WarningKind::UnresolvedName),
        "{:?}",
        wb.warnings
    );
}

/// Headers of two rows: a group label merged over its columns (人数 over
/// 应到/实到/请假; 阶段一 申请入党 over the steps), and a hidden sheet read
/// and said so.
#[test]
fn headers_of_two_rows_and_a_hidden_sheet() {
    let mut bytes_sheets = vec![
        ("支部信息", branch()),
        (
            "党员花名册",
            rows("姓名|入党时间\n王一|2005-07-01\n李二|2006-07-01"),
        ),
        (
            "三会一课",
            rows(
                "2025年“三会一课”登记表
                 会议类型|会议日期|会议主题|人数||
                 |||应到|实到|请假
                 支部党员大会|2025-03-15|学习党章|#2|#2|#0",
            ),
        ),
        (
            "发展党员",
            rows(
                "|阶段一 申请入党||阶段二 积极分子
                 姓名|递交入党申请书|派人谈话|确定入党积极分子
                 赵六|2025-03-01|2025-03-20|2025-06-01",
            ),
        ),
    ];
    let bytes = workbook(&bytes_sheets);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let b = &wb.bundles[0];
    let m = &b.meetings[0];
    assert_eq!(
        (m.expected_count, m.present_count, m.excused_count),
        (Some(2), Some(2), Some(0))
    );
    assert_eq!(b.candidates[0].name, "赵六");
    assert_eq!(b.development.len(), 3);
    assert!(
        wb.warnings
            .iter()
            .all(|w| w.kind != WarningKind::UnknownColumn),
        "{:?}",
        wb.warnings
    );
    // A hidden roster is read, and said so.
    bytes_sheets.truncate(2);
    let mut wbk = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &bytes_sheets {
        let ws = wbk.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let C::S(x) = cell {
                    ws.write_string(r as u32, c as u16, x).unwrap();
                }
            }
        }
        if *name == "党员花名册" {
            ws.set_hidden(true);
        }
    }
    let bytes = wbk.save_to_buffer().unwrap();
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members.len(), 2);
    let w: Vec<String> = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::HiddenSheet)
        .map(|w| w.to_string())
        .collect();
    assert_eq!(
        w,
        [
            "台账.xlsx: sheet 党员花名册: 工作表“党员花名册”是隐藏的，已读取 / sheet 党员花名册 is hidden; it was read"
        ]
    );
}

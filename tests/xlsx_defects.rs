//! The workbook reader's defects a new user met filling workbooks by hand
//! (issue 25): a roster on a sheet of another name, an alias shadowing a
//! field, one missing column per run, hint and note rows read as data.

#![cfg(feature = "xlsx")]

mod xlsx_common;

use dangjian::load::xlsx::WarningKind;
use xlsx_common::{read, read_keep_going, rows, workbook};

fn branch() -> Vec<Vec<xlsx_common::C>> {
    rows("支部编号|B1\n支部名称|一支部\n支部类型|机关")
}

/// Runs the audit command: its status, stdout and stderr.
fn audit(args: &[&str]) -> (i32, String, String) {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let args = std::iter::once("audit").chain(args.iter().copied());
    let status = dangjian::cli::run(args, dangjian::cli::Env::new(&mut stdout, &mut stderr));
    (
        status,
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

const ROSTER: &str = "党员编号|姓名|党籍状态|入党时间|党费类别
     M1|王一|正式党员|2005-07-01|在职
     M2|李二|预备党员|2025-02-10|学生";

#[test]
fn a_roster_on_sheet1_is_read_as_the_roster_and_said_so() {
    let bytes = workbook(&[("支部信息", branch()), ("Sheet1", rows(ROSTER))]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members.len(), 2);
    let w: Vec<_> = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::GuessedSheet)
        .collect();
    assert_eq!(w.len(), 1, "{:?}", wb.warnings);
    let text = w[0].to_string();
    assert!(text.starts_with("台账.xlsx: sheet Sheet1: "), "{text}");
    assert!(text.contains("作为“党员花名册”读取"), "{text}");
    assert!(
        text.contains("党员编号、党籍状态、入党时间、党费类别"),
        "{text}"
    );
}

#[test]
fn an_empty_roster_beside_a_roster_like_sheet_takes_that_sheet() {
    // The template's empty 党员花名册 left as it was, the roster pasted on a
    // sheet of its own.
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows("党员编号|姓名|党籍状态|入党时间|党费类别"),
        ),
        ("我的名单", rows(ROSTER)),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members.len(), 2);
}

#[test]
fn a_sheet_that_matches_nothing_and_no_roster_stops_naming_the_sheet() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        ("Sheet1", rows("序号|名字|手机\n1|王一|138")),
    ]);
    let e = read(&bytes, "台账.xlsx").unwrap_err();
    let m = e.to_string();
    assert!(m.starts_with("台账.xlsx: sheet Sheet1: "), "{m}");
    assert!(m.contains("工作簿没有“党员花名册”表"), "{m}");
    assert!(m.contains("“Sheet1”（第1行：序号、名字、手机）"), "{m}");
    // With the roster there, the same sheet is only named.
    let bytes = workbook(&[
        ("支部信息", branch()),
        ("党员花名册", rows(ROSTER)),
        ("Sheet1", rows("序号|名字|手机\n1|王一|138")),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.warnings.len(), 1, "{:?}", wb.warnings);
    assert_eq!(wb.warnings[0].kind, WarningKind::UnknownSheet);
}

#[test]
fn a_roster_like_sheet_beside_the_roster_is_named_not_read() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        ("党员花名册", rows(ROSTER)),
        ("2024年名单", rows(ROSTER)),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members.len(), 2);
    let w = wb.warnings[0].to_string();
    assert!(
        w.contains("表头像“党员花名册”，而工作簿已有“党员花名册”表"),
        "{w}"
    );
}

#[test]
fn a_person_category_is_not_the_party_standing() {
    // 人员类别 is who a person is (在职教职工, 硕士研究生): an unknown
    // column, and the real 党籍状态 beside it is read.
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "党员编号|姓名|人员类别|党籍状态|入党时间|党费类别
                 M1|王一|在职教职工|正式党员|2005-07-01|在职
                 M2|李二|硕士研究生|预备党员|2025-02-10|学生",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    let m = &wb.bundles[0].members;
    assert_eq!(m[1].status, dangjian::model::MemberStatus::Probationary);
    assert_eq!(wb.warnings.len(), 1, "{:?}", wb.warnings);
    assert!(wb.warnings[0].to_string().contains("C1, column 人员类别"));
}

#[test]
fn a_field_named_by_its_own_header_wins_over_an_alias_before_it() {
    // 党员状态 is an alias of 党籍状态: with both, 党籍状态 is read
    // wherever it stands, and the alias column is named.
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "党员编号|姓名|党员状态|党籍状态|入党时间|党费类别
                 M1|王一|正式党员|预备党员|2025-02-10|在职",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(
        wb.bundles[0].members[0].status,
        dangjian::model::MemberStatus::Probationary
    );
    let w = wb.warnings[0].to_string();
    assert!(w.contains("C1, column 党员状态"), "{w}");
    assert!(w.contains("只读“党籍状态”"), "{w}");
}

fn three_missing() -> Vec<u8> {
    workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "党员编号|姓 名|政治面貌|入党时问|联系电话
                 M1|王一|中共党员|2005-07-01|138",
            ),
        ),
        (
            "党费收缴",
            rows(
                "党员编号|姓名|缴费时期|实缴数额
                 M1|王一|2025-01|50",
            ),
        ),
    ])
}

#[test]
fn every_missing_column_of_every_sheet_in_one_run() {
    let e = read(&three_missing(), "台账.xlsx").unwrap_err();
    let m = e.to_string();
    let lines: Vec<&str> = m.lines().collect();
    assert_eq!(lines.len(), 4, "{m}");
    assert!(lines[0].contains("工作簿有3处问题 / 3 problems"), "{m}");
    // Each with the closest header that is there, at that header's cell.
    assert!(lines[1].contains("党员花名册!D1"), "{m}");
    assert!(
        lines[1].contains("缺少必填列“入党时间”；表中有“入党时问”"),
        "{m}"
    );
    assert!(lines[1].contains("did you mean 入党时问?"), "{m}");
    assert!(lines[2].contains("党费收缴!C1"), "{m}");
    assert!(lines[2].contains("“缴纳月份”；表中有“缴费时期”"), "{m}");
    assert!(lines[3].contains("党费收缴!D1"), "{m}");
    assert!(lines[3].contains("“实缴金额”；表中有“实缴数额”"), "{m}");
    // With keep_going: each on its own.
    let wb = read_keep_going(&three_missing(), "台账.xlsx").unwrap();
    assert_eq!(wb.errors.len(), 3, "{:?}", wb.errors);
}

#[test]
fn a_bad_row_and_a_later_missing_column_are_both_told() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "党员编号|姓名|党籍状态|入党时间|党费类别
                 M1|王一|正式党员|2005-13-01|在职",
            ),
        ),
        (
            "党费收缴",
            rows("党员编号|实缴金额|缴纳日期\nM1|50|2025-01-05"),
        ),
    ]);
    let m = read(&bytes, "台账.xlsx").unwrap_err().to_string();
    assert!(m.contains("2 problems"), "{m}");
    assert!(m.contains("党员花名册!D2"), "{m}");
    assert!(m.contains("缺少必填列“缴纳月份”"), "{m}");
}

#[test]
fn hint_rows_number_only_rows_and_notes_are_skipped_with_a_note() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "序号|党员编号|姓名|党籍状态|入党时间|党费类别
                 |必填|必填|必填|必填|（必填）
                 1|M1|王一|正式党员|2005-07-01|在职
                 2|M2|李二|预备党员|2025-02-10|学生
                 3|||||
                 4|||||
                 填写注意事项
                 1、党员编号填写后不可更改
                 统计日期：2025-12-31",
            ),
        ),
        (
            "学习培训",
            rows(
                "姓名|日期|学时
                 王一|2025-03-01|2
                 合计||2
                 1、学时按实际参加时间填写",
            ),
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members.len(), 2);
    assert_eq!(wb.bundles[0].trainings.len(), 1);
    let notes: Vec<String> = wb
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::SkippedRows)
        .map(|w| w.to_string())
        .collect();
    assert_eq!(
        notes,
        [
            "台账.xlsx: 党员花名册!A2, table members: 跳过第2行（填写提示“必填/选填”） / rows 2 skipped (hints 必填/选填 under the header)",
            "台账.xlsx: 党员花名册!A5, table members: 跳过第5–6行（只有序号，没有内容） / rows 5–6 skipped (a 序号 and nothing else)",
            "台账.xlsx: 党员花名册!A7, table members: 跳过第7–9行（表下的说明文字） / rows 7–9 skipped (notes under the table)",
            "台账.xlsx: 学习培训!A3, table trainings: 跳过第3–4行（表下的说明文字） / rows 3–4 skipped (notes under the table)",
        ]
    );
}

#[test]
fn a_bad_cell_is_named_where_its_text_is() {
    // A row that is data, with a bad date: the error names the cell that
    // holds the text it could not read, not a cell beside it.
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "党员编号|姓名|党籍状态|入党时间|党费类别
                 M1|王一|正式党员|2005-07-01|在职
                 M2|李二|正式党员|2005年13月1日|在职",
            ),
        ),
    ]);
    let m = read(&bytes, "台账.xlsx").unwrap_err().to_string();
    assert!(
        m.starts_with("台账.xlsx: 党员花名册!D3, column 入党时间"),
        "{m}"
    );
    assert!(m.contains("2005年13月1日"), "{m}");
}

#[test]
fn a_header_with_a_line_break_matches_and_warns_on_one_line() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            vec![
                vec![
                    xlsx_common::s("党员\n编号"),
                    xlsx_common::s("姓名"),
                    xlsx_common::s("党籍\n状态"),
                    xlsx_common::s("入党\n时间"),
                    xlsx_common::s("党费类别"),
                    xlsx_common::s("入党志\n愿书"),
                ],
                rows("M1|王一|正式党员|2005-07-01|在职|有").remove(0),
            ],
        ),
    ]);
    let wb = read(&bytes, "台账.xlsx").unwrap();
    assert_eq!(wb.bundles[0].members.len(), 1);
    assert_eq!(wb.warnings.len(), 1, "{:?}", wb.warnings);
    let w = wb.warnings[0].to_string();
    assert!(!w.contains('\n'), "{w}");
    assert!(w.contains("F1, column 入党志愿书"), "{w}");
}

#[test]
fn the_command_puts_the_errors_above_the_warnings_and_counts_them() {
    let dir = std::env::temp_dir().join(format!("dangjian-defects-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("台账.xlsx");
    // Twelve unknown columns and a bad row.
    let mut head = "党员编号|姓名|党籍状态|入党时间|党费类别".to_owned();
    let mut good = "M1|王一|正式党员|2005-07-01|在职".to_owned();
    for i in 1..=12 {
        head.push_str(&format!("|附加{i}"));
        good.push_str("|x");
    }
    let text = format!("{head}\n{good}\nM2|李二|正式党员|2005-13-01|在职");
    std::fs::write(
        &path,
        workbook(&[("支部信息", branch()), ("党员花名册", rows(&text))]),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let (status, _, err) = audit(args);
        (status, err)
    };
    let p = path.to_str().unwrap();
    // Without --keep-going: the error alone.
    let (status, err) = run(&[p, "--as-of", "2025-12-31"]);
    assert_eq!(status, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("党员花名册!D3"), "{err}");
    // With it: the bad row first, then the warnings as a count.
    let (status, err) = run(&[
        p,
        "--as-of",
        "2025-12-31",
        "--keep-going",
        "--format",
        "json",
    ]);
    assert_eq!(status, 2);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].contains("党员花名册!D3"), "{err}");
    assert_eq!(
        lines[1], "audit: 12 warnings about the input (--verbose lists them)",
        "{err}"
    );
    assert_eq!(lines.len(), 2, "{err}");
    // --verbose lists them all.
    let (_, err) = run(&[
        p,
        "--as-of",
        "2025-12-31",
        "--keep-going",
        "--format",
        "json",
        "-v",
    ]);
    assert_eq!(err.lines().count(), 13, "{err}");
    // Without an error: ten listed, the rest counted.
    let text = format!("{head}\n{good}");
    std::fs::write(
        &path,
        workbook(&[("支部信息", branch()), ("党员花名册", rows(&text))]),
    )
    .unwrap();
    let (status, err) = run(&[p, "--as-of", "2025-12-31", "--format", "json"]);
    assert_eq!(status, 0);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 11, "{err}");
    assert!(lines[9].contains("附加10"), "{err}");
    assert_eq!(
        lines[10],
        "audit: and 2 warnings about the input (--verbose lists them)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_report_states_what_the_reader_assumed() {
    let dir = std::env::temp_dir().join(format!("dangjian-assumed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("台账.xlsx");
    std::fs::write(
        &path,
        workbook(&[
            ("支部信息", branch()),
            ("花名册", rows("姓名|入党时间\n王一|2005-07-01")),
        ]),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let (status, out, _) = audit(args);
        (status, out)
    };
    let p = path.to_str().unwrap();
    let (status, out) = run(&[p, "--as-of", "2025-12-31", "--format", "json"]);
    assert_eq!(status, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a: Vec<&str> = v["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(
        a[0].contains("台账.xlsx: 花名册!A1, table members: "),
        "{a:?}"
    );
    assert!(a[0].contains("没有“党籍状态”列：按正式党员读取"), "{a:?}");
    assert!(a[1].contains("没有“党费类别”列：按在职党员"), "{a:?}");
    let (_, text) = run(&[p, "--as-of", "2025-12-31"]);
    assert!(text.contains("== 读取时的假定（表中没有的列）=="), "{text}");

    // Dues without payment dates: dated the month's first day, and said.
    std::fs::write(
        &path,
        workbook(&[
            ("支部信息", branch()),
            ("花名册", rows("姓名|入党时间\n王一|2005-07-01")),
            ("党费收缴", rows("姓名|缴费年月|实缴金额\n王一|2025-01|#10")),
        ]),
    )
    .unwrap();
    let (status, out) = run(&[p, "--as-of", "2025-12-31", "--format", "json"]);
    assert_eq!(status, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a = v["assumptions"].as_array().unwrap();
    assert_eq!(a.len(), 3, "{a:?}");
    assert!(a[2].as_str().unwrap().contains("DUE005"), "{a:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

//! Writes the corpus of 台账 workbooks in the layouts branches really keep
//! (`tests/xlsx_real/`), each `NAME.xlsx` with its JSON twin `NAME.json`
//! (a `dangjian/1` document of what the workbook says):
//!
//! ```text
//! cargo run --example xlsx_corpus              # into tests/xlsx_real
//! cargo run --example xlsx_corpus -- DIR       # into DIR
//! ```
//!
//! Every cell of every workbook, and every record of every twin, is written
//! here: the twin is what a person reading the workbook would type into the
//! record format, never what the reader made of it. `tests/xlsx_real.rs`
//! reads each workbook and its twin and checks that they are the same
//! bundles with the same findings, and that running this program gives
//! exactly the committed files (the workbooks' creation date is fixed, so
//! the same program gives the same bytes).
//!
//! Cells in the sheet texts below: `|` between cells, `#12.5` a number,
//! `@2025-03-15` an Excel date shown `2025-03-15`, `&2025-03-15` an Excel
//! date shown `2025年3月15日`, `~` alone a blank row; anything else is text.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};
use serde_json::{Value, json};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/xlsx_real".to_owned());
    match write_corpus(Path::new(&dir)) {
        Ok(files) => {
            eprintln!("xlsx_corpus: {} files in {dir}", files.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xlsx_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes every case's workbook and twin into `dir`; returns the files.
pub fn write_corpus(dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for case in cases() {
        let xlsx = dir.join(format!("{}.xlsx", case.name));
        let bytes = case.workbook().map_err(|e| format!("{}: {e}", case.name))?;
        std::fs::write(&xlsx, bytes).map_err(|e| format!("{}: {e}", xlsx.display()))?;
        let twin = dir.join(format!("{}.json", case.name));
        std::fs::write(&twin, case.twin()).map_err(|e| format!("{}: {e}", twin.display()))?;
        files.push(xlsx);
        files.push(twin);
    }
    Ok(files)
}

/// One workbook of the corpus and the records it holds.
pub struct Case {
    pub name: &'static str,
    sheets: Vec<Sheet>,
    /// The bundles of the twin, one per branch.
    branches: Vec<Value>,
}

impl Case {
    fn new(name: &'static str, sheets: Vec<Sheet>, branches: Vec<Value>) -> Case {
        Case {
            name,
            sheets,
            branches,
        }
    }

    /// The workbook's bytes: the same case always gives the same bytes.
    pub fn workbook(&self) -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        let created = ExcelDateTime::from_ymd(2025, 12, 31)?;
        wb.set_properties(
            &DocProperties::new()
                .set_title(self.name)
                .set_author("dangjian examples/xlsx_corpus.rs")
                .set_creation_datetime(&created),
        );
        for s in &self.sheets {
            s.write(&mut wb)?;
        }
        wb.save_to_buffer()
    }

    /// The JSON twin, pretty-printed, with a final newline.
    pub fn twin(&self) -> String {
        let doc = json!({"format": "dangjian/1", "branches": self.branches});
        let mut s = serde_json::to_string_pretty(&doc).expect("JSON");
        s.push('\n');
        s
    }
}

/// A cell of a sheet.
#[derive(Clone, Debug)]
enum Cell {
    Text(String),
    Number(f64),
    /// An Excel date; `true`: shown as 2025年3月15日.
    Date(u16, u8, u8, bool),
    Empty,
}

fn cell(c: &str) -> Cell {
    let c = c.trim();
    let date = |x: &str, cn: bool| {
        let p: Vec<&str> = x.split('-').collect();
        match p.as_slice() {
            [y, m, d] => Cell::Date(
                y.parse().expect("year"),
                m.parse().expect("month"),
                d.parse().expect("day"),
                cn,
            ),
            _ => panic!("not a date: {x}"),
        }
    };
    if c.is_empty() {
        Cell::Empty
    } else if let Some(x) = c.strip_prefix('#') {
        Cell::Number(x.parse().expect("a number"))
    } else if let Some(x) = c.strip_prefix('@') {
        date(x, false)
    } else if let Some(x) = c.strip_prefix('&') {
        date(x, true)
    } else {
        Cell::Text(c.to_owned())
    }
}

/// Rows from `|`-separated lines (see the module docs).
fn rows(text: &str) -> Vec<Vec<Cell>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l == "~" {
                Vec::new()
            } else {
                l.split('|').map(cell).collect()
            }
        })
        .collect()
}

/// A1 reference to (row, column), 0-based.
fn at(a1: &str) -> (u32, u16) {
    let letters: String = a1.chars().take_while(char::is_ascii_uppercase).collect();
    let col = letters
        .chars()
        .fold(0u16, |n, c| n * 26 + (c as u16 - 'A' as u16 + 1))
        - 1;
    let row: u32 = a1[letters.len()..].parse().expect("a row number");
    (row - 1, col)
}

/// One sheet: its rows, merged ranges, and what is hidden.
struct Sheet {
    name: String,
    rows: Vec<Vec<Cell>>,
    merges: Vec<(u32, u16, u32, u16)>,
    hidden: bool,
    hidden_cols: Vec<u16>,
}

fn sheet(name: &str, text: &str) -> Sheet {
    Sheet {
        name: name.to_owned(),
        rows: rows(text),
        merges: Vec::new(),
        hidden: false,
        hidden_cols: Vec::new(),
    }
}

impl Sheet {
    /// Merges `A1:K1`; the text is the first cell's, the others must be empty.
    fn merge(mut self, range: &str) -> Sheet {
        let (a, b) = range.split_once(':').expect("A1:B2");
        let ((r1, c1), (r2, c2)) = (at(a), at(b));
        self.merges.push((r1, c1, r2, c2));
        self
    }

    fn merges(self, ranges: &[&str]) -> Sheet {
        ranges.iter().fold(self, |s, r| s.merge(r))
    }

    fn hide(mut self) -> Sheet {
        self.hidden = true;
        self
    }

    fn hide_column(mut self, col: &str) -> Sheet {
        self.hidden_cols.push(at(&format!("{col}1")).1);
        self
    }

    fn write(&self, wb: &mut Workbook) -> Result<(), XlsxError> {
        let ws = wb.add_worksheet();
        ws.set_name(&self.name)?;
        let iso = Format::new().set_num_format("yyyy-mm-dd");
        let cn = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
        let head = Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin);
        let merged = |r: u32, c: u16| {
            self.merges
                .iter()
                .find(|&&(r1, c1, r2, c2)| (r1..=r2).contains(&r) && (c1..=c2).contains(&c))
        };
        for (r, row) in self.rows.iter().enumerate() {
            for (c, x) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(&(r1, c1, r2, c2)) = merged(r, c) {
                    if (r, c) == (r1, c1) {
                        let Cell::Text(t) = x else {
                            panic!("{}: a merged range starts with text", self.name)
                        };
                        ws.merge_range(r1, c1, r2, c2, t, &head)?;
                    } else {
                        assert!(
                            matches!(x, Cell::Empty),
                            "{}: a cell inside a merged range must be empty",
                            self.name
                        );
                    }
                    continue;
                }
                match x {
                    Cell::Text(t) => {
                        ws.write_string(r, c, t)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, c, *n)?;
                    }
                    Cell::Date(y, m, d, chinese) => {
                        let v = ExcelDateTime::from_ymd(*y, *m, *d)?;
                        ws.write_date_with_format(r, c, &v, if *chinese { &cn } else { &iso })?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        for c in 0..width as u16 {
            ws.set_column_width(c, 13)?;
        }
        for &c in &self.hidden_cols {
            ws.set_column_hidden(c)?;
        }
        if self.hidden {
            ws.set_hidden(true);
        }
        Ok(())
    }
}

/// Every workbook of the corpus.
pub fn cases() -> Vec<Case> {
    vec![
        roster_titles(),
        meetings_merged_header(),
        development_stages(),
        dues_sheet_per_month(),
        dues_wide(),
        dates_as_text(),
        booleans_and_amounts(),
        names_and_full_width(),
        hidden_sheet(),
        hidden_columns(),
        no_ids(),
        sheet_per_kind(),
        guessed_sheets(),
        several_branches(),
        system_template(),
    ]
}

/// `1,240.00`: an amount with a thousands separator and two decimals.
fn thousands(fen: u64) -> String {
    let yuan = (fen / 100).to_string();
    let mut out = String::new();
    for (i, ch) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out}.{:02}", fen % 100)
}

/// `123.45` from fen.
fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// A roster under two title rows (the branch's name and year; a 填表单位 /
/// 填表日期 line), with a 序号 column, Excel dates in two number formats, a
/// 备注 column and a 合计 row and 填表说明 under the table. The dues ledger
/// has a title, a 序号 and a 合计 row too.
fn roster_titles() -> Case {
    let branch = sheet(
        "支部信息",
        "党支部基本情况
         ~
         项目|内容
         支部编号|CG01
         支部名称|城关镇机关第一党支部
         支部类型|机关
         成立日期|@2012-05-01
         支委会选举日期|&2023-06-15
         任期（年）|#3",
    );
    let roster = sheet(
        "党员花名册",
        "城关镇机关第一党支部党员花名册（2025年）||||||||||
         填表单位：城关镇机关第一党支部||||||||填表日期：2025年12月31日||
         序号|党员编号|姓名|性别|出生日期|党籍状态|入党时间|转正时间|党费类别|月基数|备注
         #1|CG001|周建华|男|@1971-03-08|正式党员|@1995-06-30|@1996-06-30|在职|#9200|
         #2|CG002|吴秀兰|女|@1979-11-21|正式党员|&2003-07-01|&2004-07-01|在职|#6800|
         #3|CG003|郑国强|男|@1986-01-15|正式党员|@2010-05-20|@2011-05-20|在职|#5400|
         #4|CG004|王丽|女|@1994-08-09|正式党员|&2018-06-12|&2019-06-12|在职|#4300|
         #5|CG005|冯涛|男|@1999-12-02|预备党员|@2025-04-18||在职|#3600|2025年新发展
         合计||共5人
         填表说明：1. 党员编号由镇党委组织办统一编制；2. 月基数为本人上年度月平均工资收入。",
    )
    .merge("A1:K1");
    let committee = sheet(
        "支委会",
        "姓名|职务
         周建华|书记
         吴秀兰|组织委员
         郑国强|宣传委员",
    );
    let dues = sheet(
        "党费收缴",
        "2025年党费收缴台账||||||
         序号|党员编号|姓名|缴纳月份|截止月份|实缴金额|缴纳日期
         #1|CG001|周建华|2025-01|2025-06|#828|@2025-01-15
         #2|CG001|周建华|2025-07|2025-12|#828|@2025-07-10
         #3|CG002|吴秀兰|2025-01|2025-03|#306|@2025-01-12
         #4|CG002|吴秀兰|2025-04|2025-06|#306|@2025-04-10
         #5|CG002|吴秀兰|2025-07|2025-09|#306|@2025-07-08
         #6|CG002|吴秀兰|2025-10|2025-12|#306|@2025-10-09
         #7|CG003|郑国强|2025-01|2025-06|#486|@2025-01-15
         #8|CG004|王丽|2025-01|2025-12|#516|@2025-01-20
         #9|CG005|冯涛|2025-04|2025-12|#324|@2025-05-06
         合计|||||#4206|",
    )
    .merge("A1:G1");
    let m = |id: &str,
             name: &str,
             g: &str,
             born: &str,
             status: &str,
             adm: &str,
             full: Option<&str>| {
        let mut v = json!({"id": id, "name": name, "gender": g, "born_on": born, "status": status,
                           "admitted_on": adm, "dues_category": "salaried"});
        if let Some(f) = full {
            v["full_on"] = json!(f);
        }
        v
    };
    Case::new(
        "roster_titles",
        vec![branch, roster, committee, dues],
        vec![json!({
            "branch": {"id": "CG01", "name": "城关镇机关第一党支部", "kind": "organ", "founded_on": "2012-05-01",
                       "committee": {"elected_on": "2023-06-15", "term_years": 3, "members": [
                           {"member": "CG001", "role": "secretary"},
                           {"member": "CG002", "role": "organization"},
                           {"member": "CG003", "role": "propaganda"}]}},
            "members": [
                m("CG001", "周建华", "male", "1971-03-08", "full", "1995-06-30", Some("1996-06-30")),
                m("CG002", "吴秀兰", "female", "1979-11-21", "full", "2003-07-01", Some("2004-07-01")),
                m("CG003", "郑国强", "male", "1986-01-15", "full", "2010-05-20", Some("2011-05-20")),
                m("CG004", "王丽", "female", "1994-08-09", "full", "2018-06-12", Some("2019-06-12")),
                m("CG005", "冯涛", "male", "1999-12-02", "probationary", "2025-04-18", None)
            ],
            "dues_bases": [
                {"member": "CG001", "from": "1995-06", "base": "9200"},
                {"member": "CG002", "from": "2003-07", "base": "6800"},
                {"member": "CG003", "from": "2010-05", "base": "5400"},
                {"member": "CG004", "from": "2018-06", "base": "4300"},
                {"member": "CG005", "from": "2025-04", "base": "3600"}
            ],
            "dues_payments": [
                pay("CG001", "2025-01", "2025-06", "828", "2025-01-15"),
                pay("CG001", "2025-07", "2025-12", "828", "2025-07-10"),
                pay("CG002", "2025-01", "2025-03", "306", "2025-01-12"),
                pay("CG002", "2025-04", "2025-06", "306", "2025-04-10"),
                pay("CG002", "2025-07", "2025-09", "306", "2025-07-08"),
                pay("CG002", "2025-10", "2025-12", "306", "2025-10-09"),
                pay("CG003", "2025-01", "2025-06", "486", "2025-01-15"),
                pay("CG004", "2025-01", "2025-12", "516", "2025-01-20"),
                pay("CG005", "2025-04", "2025-12", "324", "2025-05-06")
            ]
        })],
    )
}

/// 三会一课 under a title, with a header of two rows: `人数` merged over
/// `应到 | 实到 | 请假`, every other header merged down over both rows; a
/// 序号 column, meeting dates typed four ways, 请假人员 on the meeting's
/// row, a 填表说明 under the table. No 党员编号 and no 会议编号.
fn meetings_merged_header() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|SQ02
         支部名称|阳光社区第二党支部
         支部类型|社区
         成立日期|2006-04-01
         书记|孙明",
    );
    let roster = sheet(
        "党员名册",
        "序号|姓名|性别|出生日期|党籍状态|入党时间|党费类别|月基数
         #1|孙明|男|@1968-02-11|正式党员|@1992-07-01|离退休|#4800
         #2|钱芳|女|@1975-06-30|正式党员|@2001-06-28|在职|#5600
         #3|赵德|男|@1958-09-09|正式党员|@1985-05-04|离退休|#3900
         #4|李桂英|女|@1962-12-12|正式党员|@1990-03-08|离退休|#3300",
    );
    let meetings = sheet(
        "三会一课",
        "阳光社区第二党支部2025年度“三会一课”登记台账||||||||||
         序号|会议类型|会议日期|会议主题|主持人|记录人|人数|||请假人员|备注
         ||||||应到|实到|请假||
         #1|支部党员大会|2025.03.15|学习贯彻全国两会精神|孙明|钱芳|#4|#3|#1|李桂英|
         #2|党课|2025/4/22|书记讲党课：社区治理|孙明|钱芳|#4|#4|#0||
         #3|主题党日|2025年5月20日|社区志愿服务|孙明|赵德|#4|#4|#0||
         #4|支部党员大会|20250626|半年工作总结|孙明|钱芳|#4|#3|#1|赵德|
         #5|组织生活会|@2025-12-20|2025年度组织生活会|孙明|钱芳|#4|#4|#0||
         填表说明：请假人员填写姓名，多人以“、”分隔。",
    )
    .merges(&[
        "A1:K1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:I2", "J2:J3", "K2:K3",
    ]);
    let all = ["孙明", "钱芳", "赵德", "李桂英"];
    let meeting = |kind: &str,
                   label: &str,
                   date: &str,
                   topic: &str,
                   recorder: &str,
                   att: Value,
                   counts: [u32; 3]| {
        json!({"id": format!("SQ02-{label}-{date}"), "kind": kind, "date": date, "topic": topic,
               "chair": "孙明", "recorder": recorder,
               "expected_count": counts[0], "present_count": counts[1], "excused_count": counts[2],
               "attendance": att})
    };
    let m = |name: &str, g: &str, born: &str, adm: &str, cat: &str| {
        json!({"id": name, "name": name, "gender": g, "born_on": born, "status": "full",
               "admitted_on": adm, "dues_category": cat})
    };
    let base =
        |name: &str, from: &str, base: &str| json!({"member": name, "from": from, "base": base});
    Case::new(
        "meetings_merged_header",
        vec![branch, roster, meetings],
        vec![json!({
            "branch": {"id": "SQ02", "name": "阳光社区第二党支部", "kind": "community",
                       "founded_on": "2006-04-01", "secretary": "孙明"},
            "members": [
                m("孙明", "male", "1968-02-11", "1992-07-01", "retired"),
                m("钱芳", "female", "1975-06-30", "2001-06-28", "salaried"),
                m("赵德", "male", "1958-09-09", "1985-05-04", "retired"),
                m("李桂英", "female", "1962-12-12", "1990-03-08", "retired")
            ],
            "dues_bases": [
                base("孙明", "1992-07", "4800"), base("钱芳", "2001-06", "5600"),
                base("赵德", "1985-05", "3900"), base("李桂英", "1990-03", "3300")
            ],
            "meetings": [
                meeting("general_meeting", "支部党员大会", "2025-03-15", "学习贯彻全国两会精神", "钱芳",
                        att(&["孙明", "钱芳", "赵德", "-李桂英"]), [4, 3, 1]),
                meeting("party_lecture", "党课", "2025-04-22", "书记讲党课：社区治理", "钱芳",
                        att(&all), [4, 4, 0]),
                meeting("theme_day", "主题党日", "2025-05-20", "社区志愿服务", "赵德",
                        att(&all), [4, 4, 0]),
                meeting("general_meeting", "支部党员大会", "2025-06-26", "半年工作总结", "钱芳",
                        att(&["孙明", "钱芳", "-赵德", "李桂英"]), [4, 3, 1]),
                meeting("life_meeting", "组织生活会", "2025-12-20", "2025年度组织生活会", "钱芳",
                        att(&all), [4, 4, 0])
            ]
        })],
    )
}

/// 发展党员 as the 纪实表 of a university: group labels `阶段1 申请入党`,
/// `阶段2 …`, `阶段3 …` merged over their step columns, 序号 and 姓名
/// merged down over both header rows; no 编号 (candidates are their names),
/// 考察记录 and 公示 naming them by 姓名; dates as `2023年3月10日` text and as
/// Excel dates.
fn development_stages() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|XY03
         支部名称|文学院学生第一党支部
         支部类型|高校
         书记|黄海",
    );
    let roster = sheet(
        "党员花名册",
        "学工号|姓名|性别|党籍状态|入党时间|转正时间|党费类别|月基数
         T1001|黄海|男|正式党员|2004-06-20|2005-06-20|在职|#8600
         S21001|陈静|女|正式党员|2023-05-26|2024-05-26|学生|
         S21002|林晓|男|正式党员|2023-05-26|2024-05-26|学生|",
    );
    let development = sheet(
        "发展党员",
        "文学院学生第一党支部发展党员工作纪实表|||||||||||||
         序号|姓名|阶段1 申请入党||阶段2 入党积极分子的确定和培养教育||||阶段3 发展对象的确定和考察||||||
         ||递交入党申请书|派人谈话|确定入党积极分子|报上级党委备案（积极分子）|指定培养联系人|培养联系人|确定发展对象|报上级党委备案（发展对象）|确定入党介绍人|入党介绍人|政治审查|政审结论
         #1|刘洋|2023年3月10日|2023年4月2日|2023年10月12日|2023年10月20日|2023年10月25日|陈静、林晓|&2024-11-05|&2024-11-12|&2024-11-15|黄海，陈静|&2024-12-10|合格
         #2|何雨|2025年3月1日|2025年3月20日||||||||||
         #3|宋佳|@2024-09-10|||||||||||
         注：各阶段时间以支部会议记录和上级党委批复为准。",
    )
    .merges(&["A1:N1", "A2:A3", "B2:B3", "C2:D2", "E2:H2", "I2:N2"]);
    let assessments = sheet(
        "考察记录",
        "姓名|类型|日期
         刘洋|培养教育考察|2024-04-15
         刘洋|培养教育考察|2024-10-15",
    );
    let publicity = sheet(
        "公示",
        "姓名|阶段|开始日期|结束日期
         刘洋|发展对象|2024-11-06|2024-11-12",
    );
    let st =
        |who: &str, step: &str, date: &str| json!({"candidate": who, "step": step, "date": date});
    let with = |mut v: Value, key: &str, x: Value| {
        v[key] = x;
        v
    };
    Case::new(
        "development_stages",
        vec![branch, roster, development, assessments, publicity],
        vec![json!({
            "branch": {"id": "XY03", "name": "文学院学生第一党支部", "kind": "school", "secretary": "T1001"},
            "members": [
                {"id": "T1001", "name": "黄海", "gender": "male", "status": "full", "admitted_on": "2004-06-20",
                 "full_on": "2005-06-20", "dues_category": "salaried"},
                {"id": "S21001", "name": "陈静", "gender": "female", "status": "full", "admitted_on": "2023-05-26",
                 "full_on": "2024-05-26", "dues_category": "student"},
                {"id": "S21002", "name": "林晓", "gender": "male", "status": "full", "admitted_on": "2023-05-26",
                 "full_on": "2024-05-26", "dues_category": "student"}
            ],
            "dues_bases": [{"member": "T1001", "from": "2004-06", "base": "8600"}],
            "candidates": [{"id": "刘洋", "name": "刘洋"}, {"id": "何雨", "name": "何雨"}, {"id": "宋佳", "name": "宋佳"}],
            "development": [
                st("刘洋", "applied", "2023-03-10"),
                st("刘洋", "talked", "2023-04-02"),
                st("刘洋", "activist_confirmed", "2023-10-12"),
                st("刘洋", "activist_filed", "2023-10-20"),
                with(st("刘洋", "contacts_assigned", "2023-10-25"), "members", json!(["S21001", "S21002"])),
                st("刘洋", "activist_assessed", "2024-04-15"),
                st("刘洋", "activist_assessed", "2024-10-15"),
                st("刘洋", "candidate_confirmed", "2024-11-05"),
                st("刘洋", "candidate_filed", "2024-11-12"),
                with(st("刘洋", "introducers_assigned", "2024-11-15"), "members", json!(["T1001", "S21001"])),
                with(st("刘洋", "political_review", "2024-12-10"), "conclusion", json!("qualified")),
                st("何雨", "applied", "2025-03-01"),
                st("何雨", "talked", "2025-03-20"),
                st("宋佳", "applied", "2024-09-10")
            ],
            "publicity": [{"candidate": "刘洋", "stage": "candidate", "start": "2024-11-06", "end": "2024-11-12"}]
        })],
    )
}

/// Dues kept on a sheet per month, `1月` … `12月`, each under a title and a
/// `年度：2025` line, with a 序号 column and a 合计 row; amounts as `78.00元`,
/// `1,240.00`, `¥41.00` or numbers; payment dates typed five ways, and none at
/// all on 11月 and 12月. Members by name, one written `张 三`.
fn dues_sheet_per_month() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|QY04
         支部名称|华光机械有限公司第三党支部
         支部类型|企业
         书记|王五",
    );
    let roster = sheet(
        "党员花名册",
        "序号|姓名|性别|党籍状态|入党时间|党费类别|缴费基数
         #1|张三|男|正式党员|2008-07-01|在职|#5200
         #2|李四|女|正式党员|2015-06-30|在职|#2800
         #3|王五|男|正式党员|2001-07-01|在职|#62000
         #4|赵六|男|正式党员|2019-05-20|在职|#4100
         #5|刘七|男|正式党员|1988-06-01|离退休|#3500",
    );
    // (name as written, name, monthly dues in fen)
    let people = [
        ("张 三", "张三", 7800u64),
        ("李四", "李四", 1400),
        ("王五", "王五", 124_000),
        ("赵六", "赵六", 4100),
        ("刘七", "刘七", 1750),
    ];
    let mut sheets = vec![branch, roster];
    let mut payments = Vec::new();
    for month in 1..=12u32 {
        let dated = month <= 10;
        let mut text = format!(
            "华光机械有限公司第三党支部党费收缴明细表||||\n年度：2025\n序号|姓名|实缴金额{}\n",
            if dated { "|缴费日期" } else { "" }
        );
        let mut n = 0;
        let mut total = 0;
        for (i, (written, name, fen)) in people.iter().enumerate() {
            // 赵六 paid nothing in May–July; 李四 only 10 yuan in March.
            if *name == "赵六" && (5..=7).contains(&month) {
                continue;
            }
            let fen = if *name == "李四" && month == 3 {
                1000
            } else {
                *fen
            };
            n += 1;
            total += fen;
            let amount = match (i + month as usize) % 4 {
                0 => format!("{}元", yuan(fen)),
                1 => thousands(fen),
                2 => format!("¥{}", yuan(fen)),
                _ => format!("#{}", yuan(fen)),
            };
            let day = 8 + i as u32;
            let date = match (i + month as usize) % 5 {
                0 => format!("2025.{month:02}.{day:02}"),
                1 => format!("2025/{month}/{day}"),
                2 => format!("2025年{month}月{day}日"),
                3 => format!("2025{month:02}{day:02}"),
                _ => format!("@2025-{month:02}-{day:02}"),
            };
            text.push_str(&format!("#{n}|{written}|{amount}"));
            if dated {
                text.push_str(&format!("|{date}"));
            }
            text.push('\n');
            payments.push(json!({
                "member": name, "month": format!("2025-{month:02}"), "amount": yuan(fen),
                "paid_on": if dated { format!("2025-{month:02}-{day:02}") } else { format!("2025-{month:02}-01") }
            }));
        }
        text.push_str(&format!("合计||{}", thousands(total)));
        sheets.push(sheet(&format!("{month}月"), &text).merge("A1:D1"));
    }
    let m = |name: &str, g: &str, adm: &str, cat: &str| json!({"id": name, "name": name, "gender": g, "status": "full", "admitted_on": adm, "dues_category": cat});
    let base =
        |name: &str, from: &str, base: &str| json!({"member": name, "from": from, "base": base});
    Case::new(
        "dues_sheet_per_month",
        sheets,
        vec![json!({
            "branch": {"id": "QY04", "name": "华光机械有限公司第三党支部", "kind": "enterprise", "secretary": "王五"},
            "members": [
                m("张三", "male", "2008-07-01", "salaried"),
                m("李四", "female", "2015-06-30", "salaried"),
                m("王五", "male", "2001-07-01", "salaried"),
                m("赵六", "male", "2019-05-20", "salaried"),
                m("刘七", "male", "1988-06-01", "retired")
            ],
            "dues_bases": [
                base("张三", "2008-07", "5200"), base("李四", "2015-06", "2800"),
                base("王五", "2001-07", "62000"), base("赵六", "2019-05", "4100"),
                base("刘七", "1988-06", "3500")
            ],
            "dues_payments": payments
        })],
    )
}

/// Dues as one wide sheet, a column per month (`1月` … `12月`) under a
/// title and a `年度：2025` line: amounts, `✓` / `√` for the month's dues in
/// full, `-`, `/`, `未交` or nothing for none; a 合计 column, a 合计 row and
/// a sign-off line (`填表人：…`) under the table.
fn dues_wide() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|CUN05
         支部名称|桃源村党支部
         支部类型|村
         书记|李大山",
    );
    let roster = sheet(
        "党员花名册",
        "姓名|性别|党籍状态|入党时间|党费类别|月基数
         李大山|男|正式党员|1998-07-01|在职|#3000
         王秀英|女|正式党员|2003-06-18|农民|
         张小军|男|正式党员|2012-07-01|农民|
         赵春花|女|正式党员|1979-05-04|离退休|#2600
         孙福|男|预备党员|2025-06-30|农民|",
    );
    let dues = sheet(
        "党费收缴",
        "桃源村党支部2025年度党费收缴登记表|||||||||||||||
         年度：2025
         序号|姓名|1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月|合计|备注
         #1|李大山|✓|✓|√|✓|✓|✓|✓|✓|✓|✓|✓|✓|#180|
         #2|王秀英|#1|#1|#1|#1|#1|#1|#1|-|#1|#1|#1|#1|#11|8月外出
         #3|张小军|0.50|0.50|0.50元|0.50|0.50|0.50|/|/|/|/|/|/|#3|
         #4|赵春花|√|√|√|√|√|√|√|√|√|√|未交||#130|
         #5|孙福|/|/|/|/|/|/|#0.2|#0.2|#0.2|#0.2|#0.2|#0.2|#1.2|7月起
         合计||||||||||||||#325.2|
         填表人：王会计||||||||审核人：李大山",
    )
    .merge("A1:P1");
    let mut payments = Vec::new();
    let mut pay = |who: &str, months: &[u32], amount: &str| {
        for m in months {
            payments.push(
                json!({"member": who, "month": format!("2025-{m:02}"), "amount": amount,
                                 "paid_on": format!("2025-{m:02}-01")}),
            );
        }
    };
    pay("李大山", &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "15.00");
    pay("王秀英", &[1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12], "1");
    pay("张小军", &[1, 2, 3, 4, 5, 6], "0.50");
    pay("赵春花", &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "13.00");
    pay("孙福", &[7, 8, 9, 10, 11, 12], "0.20");
    let m = |name: &str, g: &str, status: &str, adm: &str, cat: &str| json!({"id": name, "name": name, "gender": g, "status": status, "admitted_on": adm, "dues_category": cat});
    Case::new(
        "dues_wide",
        vec![branch, roster, dues],
        vec![json!({
            "branch": {"id": "CUN05", "name": "桃源村党支部", "kind": "village", "secretary": "李大山"},
            "members": [
                m("李大山", "male", "full", "1998-07-01", "salaried"),
                m("王秀英", "female", "full", "2003-06-18", "farmer"),
                m("张小军", "male", "full", "2012-07-01", "farmer"),
                m("赵春花", "female", "full", "1979-05-04", "retired"),
                m("孙福", "male", "probationary", "2025-06-30", "farmer")
            ],
            "dues_bases": [
                {"member": "李大山", "from": "1998-07", "base": "3000"},
                {"member": "赵春花", "from": "1979-05", "base": "2600"}
            ],
            "dues_payments": payments
        })],
    )
}

/// Dates typed as text in every form a hand-kept ledger has — `1975.04.12`,
/// `1982/7/3`, `1990年2月18日`, `19880511` (text and number), full-width
/// `２０００年１１月３日` — and Excel dates; months as `2025-1`, `2025年7月`,
/// `2025/1`, `202501`, `2025.01` or an Excel date.
fn dates_as_text() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|YY06
         支部名称|市第一人民医院内科党支部
         支部类型|医院
         成立日期|2008年9月1日
         书记|Y01",
    );
    let roster = sheet(
        "党员花名册",
        "党员编号|姓名|性别|出生日期|党籍状态|入党时间|转正时间|转入本支部时间|党费类别|月基数
         Y01|何建军|男|1975.04.12|正式党员|1998.06.25|1999.06.25||在职|#12800
         Y02|罗敏|女|1982/7/3|正式党员|2006/5/30|2007/5/30|2019/3/1|在职|#9800
         Y03|邓超|男|1990年2月18日|正式党员|2013年6月28日|2014年6月28日||在职|#7600
         Y04|许静|女|19880511|正式党员|#20120627|#20130627||在职|#8200
         Y05|韩雪|女|２０００年１１月３日|预备党员|２０２５年３月１５日|||在职|#5600
         Y06|曹阳|男|@1985-09-20|正式党员|&2010-07-01|&2011-07-01|@2025-04-01|在职|#6900",
    );
    let dues = sheet(
        "党费收缴",
        "党员编号|缴费年月|截止月份|实缴金额|缴费日期
         Y01|2025-1|2025-6|#1536|2025.01.15
         Y01|2025年7月|2025年12月|#1536|2025年7月10日
         Y02|2025/1|2025/12|#1764|2025/1/20
         Y03|202501|202512|#1368|20250118
         Y04|2025.01|2025.06|#738|#20250110
         Y05|2025-3|2025-12|#840|２０２５年３月２０日
         Y06|@2025-04-01|2025-12|#931.5|&2025-04-08",
    );
    let meetings = sheet(
        "三会一课",
        "会议编号|会议类型|会议日期|会议主题|主持人|时长（小时）
         HY1|支部党员大会|2025.03.15|学习全国两会精神|Y01|#2
         HY2|党课|2025/4/8|医德医风专题党课|Y01|#1.5
         HY3|主题党日|2025年5月20日|义诊进社区|Y02|#3
         HY4|支部党员大会|20250628|发展党员工作|Y01|#2
         HY5|组织生活会|&2025-12-26|年度组织生活会|Y01|#3",
    );
    let trainings = sheet(
        "学习培训",
        "党员编号|培训日期|学时|培训内容
         Y01|2025.9.1|#8|支部书记培训班
         Y05|2025年9月12日|#16|预备党员培训",
    );
    let m = |id: &str,
             name: &str,
             g: &str,
             born: &str,
             status: &str,
             adm: &str,
             full: Option<&str>,
             from: Option<&str>| {
        let mut v = json!({"id": id, "name": name, "gender": g, "born_on": born, "status": status,
                           "admitted_on": adm, "dues_category": "salaried"});
        if let Some(f) = full {
            v["full_on"] = json!(f);
        }
        if let Some(f) = from {
            v["in_branch_from"] = json!(f);
        }
        v
    };
    let attendance: Vec<Value> = ["Y01", "Y02", "Y03", "Y04", "Y05", "Y06"]
        .iter()
        .map(|m| json!({"member": m, "status": "present"}))
        .collect();
    let before_y06: Vec<Value> = attendance[..5].to_vec();
    let meeting = |id: &str,
                   kind: &str,
                   date: &str,
                   topic: &str,
                   chair: &str,
                   hours: &str,
                   att: &[Value]| {
        json!({"id": id, "kind": kind, "date": date, "topic": topic, "chair": chair, "hours": hours,
               "attendance": att})
    };
    Case::new(
        "dates_as_text",
        vec![branch, roster, dues, meetings, trainings],
        vec![json!({
            "branch": {"id": "YY06", "name": "市第一人民医院内科党支部", "kind": "hospital",
                       "founded_on": "2008-09-01", "secretary": "Y01"},
            "members": [
                m("Y01", "何建军", "male", "1975-04-12", "full", "1998-06-25", Some("1999-06-25"), None),
                m("Y02", "罗敏", "female", "1982-07-03", "full", "2006-05-30", Some("2007-05-30"), Some("2019-03-01")),
                m("Y03", "邓超", "male", "1990-02-18", "full", "2013-06-28", Some("2014-06-28"), None),
                m("Y04", "许静", "female", "1988-05-11", "full", "2012-06-27", Some("2013-06-27"), None),
                m("Y05", "韩雪", "female", "2000-11-03", "probationary", "2025-03-15", None, None),
                m("Y06", "曹阳", "male", "1985-09-20", "full", "2010-07-01", Some("2011-07-01"), Some("2025-04-01"))
            ],
            "dues_bases": [
                {"member": "Y01", "from": "1998-06", "base": "12800"},
                {"member": "Y02", "from": "2019-03", "base": "9800"},
                {"member": "Y03", "from": "2013-06", "base": "7600"},
                {"member": "Y04", "from": "2012-06", "base": "8200"},
                {"member": "Y05", "from": "2025-03", "base": "5600"},
                {"member": "Y06", "from": "2025-04", "base": "6900"}
            ],
            "dues_payments": [
                pay("Y01", "2025-01", "2025-06", "1536", "2025-01-15"),
                pay("Y01", "2025-07", "2025-12", "1536", "2025-07-10"),
                pay("Y02", "2025-01", "2025-12", "1764", "2025-01-20"),
                pay("Y03", "2025-01", "2025-12", "1368", "2025-01-18"),
                pay("Y04", "2025-01", "2025-06", "738", "2025-01-10"),
                pay("Y05", "2025-03", "2025-12", "840", "2025-03-20"),
                pay("Y06", "2025-04", "2025-12", "931.50", "2025-04-08")
            ],
            "meetings": [
                meeting("HY1", "general_meeting", "2025-03-15", "学习全国两会精神", "Y01", "2", &before_y06),
                meeting("HY2", "party_lecture", "2025-04-08", "医德医风专题党课", "Y01", "1.5", &attendance),
                meeting("HY3", "theme_day", "2025-05-20", "义诊进社区", "Y02", "3", &attendance),
                meeting("HY4", "general_meeting", "2025-06-28", "发展党员工作", "Y01", "2", &attendance),
                meeting("HY5", "life_meeting", "2025-12-26", "年度组织生活会", "Y01", "3", &attendance)
            ],
            "trainings": [
                {"member": "Y01", "date": "2025-09-01", "hours": "8", "title": "支部书记培训班"},
                {"member": "Y05", "date": "2025-09-12", "hours": "16", "title": "预备党员培训"}
            ]
        })],
    )
}

/// An attendance list in roster order: `-张三` excused, `!张三` absent,
/// else present; `-张三:出差` with the reason.
fn att(who: &[&str]) -> Value {
    who.iter()
        .map(|w| {
            let (n, reason) = match w.split_once(':') {
                Some((n, r)) => (n, Some(r)),
                None => (*w, None),
            };
            let mut v = if let Some(n) = n.strip_prefix('-') {
                json!({"member": n, "status": "excused"})
            } else if let Some(n) = n.strip_prefix('!') {
                json!({"member": n, "status": "absent"})
            } else {
                json!({"member": n, "status": "present"})
            };
            if let Some(r) = reason {
                v["reason"] = json!(r);
            }
            v
        })
        .collect()
}

/// A payment covering `month` to `through`.
fn pay(who: &str, month: &str, through: &str, amount: &str, on: &str) -> Value {
    json!({"member": who, "month": month, "through": through, "amount": amount, "paid_on": on})
}

/// Yes/no cells as 是/否, √/×, 有/无 (领导干部, 留党察看, 考勤记录, 跨系统,
/// 地点是否固定, 是否通过), and amounts as `¥3,744.00`, `1,764.00元`,
/// `￥720.00`, `1296元`.
fn booleans_and_amounts() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|JG07
         支部名称|区发展改革委机关党支部
         支部类型|机关
         书记|G01",
    );
    let roster = sheet(
        "党员花名册",
        "党员编号|姓名|性别|党籍状态|入党时间|转出时间|转出原因|党费类别|月基数|是否领导干部|是否留党察看
         G01|马骏|男|正式党员|1996-07-01|||在职|#15600|是|否
         G02|田甜|女|正式党员|2008-06-01|||在职|#9800|√|×
         G03|包力|男|正式党员|2011-06-30|||在职|#7200|否|√
         G04|江涛|男|正式党员|2014-07-01|||在职|#6500|×|
         G05|乔雨|女|正式党员|2016-06-28|||在职|#5800|否|否
         G06|石磊|男|正式党员|2010-07-01|2025-08-31|组织关系转出|在职|#6000|否|否",
    );
    let dues = sheet(
        "党费收缴",
        "党员编号|缴纳月份|截止月份|实缴金额|缴纳日期|收据编号
         G01|2025-01|2025-12|¥3,744.00|2025-01-10|SJ2025001
         G02|2025-01|2025-12|1,764.00元|2025-01-10|SJ2025002
         G03|2025-01|2025-12|1296元|2025-01-12|SJ2025003
         G04|2025-01|2025-06|¥585|2025-01-15|
         G05|2025-01|2025-12|1,044.00|2025-01-16|SJ2025005
         G06|2025-01|2025-08|￥720.00|2025-01-16|SJ2025006",
    );
    let remittances = sheet(
        "党费上缴",
        "期间|上缴金额|上缴日期
         2025年第1季度|¥1,520.50|2025-04-08
         2025年第2季度|1,520.50元|2025-07-06
         2025年第3季度|#1520.5|2025-10-09",
    );
    let meetings = sheet(
        "三会一课",
        "会议编号|会议类型|会议日期|会议主题|主持人|考勤记录
         M1|支部党员大会|2025-03-20|学习党章|马骏|有
         M2|党课|2025-05-15|廉政专题党课|马骏|无
         M3|主题党日|2025-07-01|重温入党誓词|田甜|有
         M4|支部党员大会|2025-09-18|民主评议党员|马骏|",
    );
    let absences = sheet(
        "缺席请假",
        "会议编号|党员编号|情况|原因
         M1|G04|请假|出差
         M3|G03|缺席|",
    );
    let votes = sheet(
        "表决",
        "会议编号|应到有表决权|实到有表决权|赞成|反对|弃权|是否通过
         M4|#4|#4|#4|#0|#0|√",
    );
    let transfers = sheet(
        "组织关系接转",
        "党员编号|方向|开具日期|有效期至|对方党组织|回执日期|跨系统
         G06|转出|2025-08-25|2025-09-25|市财政局机关党委|2025-09-10|√",
    );
    let mobility = sheet(
        "流动外出",
        "党员编号|类型|起始日期|截止日期|地点|地点是否固定
         G04|外出学习|2025-09-01|2025-12-31|省委党校|是
         G02|外出学习|2025-10-08|2025-10-30|北京|×",
    );
    let m = |id: &str, name: &str, g: &str, adm: &str| json!({"id": id, "name": name, "gender": g, "status": "full", "admitted_on": adm, "dues_category": "salaried"});
    let mut g01 = m("G01", "马骏", "male", "1996-07-01");
    g01["leading_cadre"] = json!(true);
    let mut g02 = m("G02", "田甜", "female", "2008-06-01");
    g02["leading_cadre"] = json!(true);
    let mut g03 = m("G03", "包力", "male", "2011-06-30");
    g03["rights_suspended"] = json!(true);
    let mut g06 = m("G06", "石磊", "male", "2010-07-01");
    g06["in_branch_to"] = json!("2025-08-31");
    g06["left_reason"] = json!("transferred");
    let receipt = |mut v: Value, no: &str| {
        v["receipt_no"] = json!(no);
        v
    };
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    Case::new(
        "booleans_and_amounts",
        vec![
            branch,
            roster,
            dues,
            remittances,
            meetings,
            absences,
            votes,
            transfers,
            mobility,
        ],
        vec![json!({
            "branch": {"id": "JG07", "name": "区发展改革委机关党支部", "kind": "organ", "secretary": "G01"},
            "members": [g01, g02, g03, m("G04", "江涛", "male", "2014-07-01"), m("G05", "乔雨", "female", "2016-06-28"), g06],
            "dues_bases": [
                base("G01", "1996-07", "15600"), base("G02", "2008-06", "9800"), base("G03", "2011-06", "7200"),
                base("G04", "2014-07", "6500"), base("G05", "2016-06", "5800"), base("G06", "2010-07", "6000")
            ],
            "dues_payments": [
                receipt(pay("G01", "2025-01", "2025-12", "3744.00", "2025-01-10"), "SJ2025001"),
                receipt(pay("G02", "2025-01", "2025-12", "1764.00", "2025-01-10"), "SJ2025002"),
                receipt(pay("G03", "2025-01", "2025-12", "1296", "2025-01-12"), "SJ2025003"),
                pay("G04", "2025-01", "2025-06", "585", "2025-01-15"),
                receipt(pay("G05", "2025-01", "2025-12", "1044.00", "2025-01-16"), "SJ2025005"),
                receipt(pay("G06", "2025-01", "2025-08", "720.00", "2025-01-16"), "SJ2025006")
            ],
            "dues_remittances": [
                {"period": "2025-Q1", "amount": "1520.50", "remitted_on": "2025-04-08"},
                {"period": "2025-Q2", "amount": "1520.50", "remitted_on": "2025-07-06"},
                {"period": "2025-Q3", "amount": "1520.50", "remitted_on": "2025-10-09"}
            ],
            "meetings": [
                {"id": "M1", "kind": "general_meeting", "date": "2025-03-20", "topic": "学习党章", "chair": "G01",
                 "attendance": att(&["G01", "G02", "G03", "-G04:出差", "G05", "G06"])},
                {"id": "M2", "kind": "party_lecture", "date": "2025-05-15", "topic": "廉政专题党课", "chair": "G01"},
                {"id": "M3", "kind": "theme_day", "date": "2025-07-01", "topic": "重温入党誓词", "chair": "G02",
                 "attendance": att(&["G01", "G02", "!G03", "G04", "G05", "G06"])},
                {"id": "M4", "kind": "general_meeting", "date": "2025-09-18", "topic": "民主评议党员", "chair": "G01",
                 "attendance": att(&["G01", "G02", "G03", "G04", "G05"]),
                 "votes": {"expected_voting": 4, "present_voting": 4, "yes": 4, "no": 0, "abstain": 0, "passed": true}}
            ],
            "transfers": [
                {"member": "G06", "direction": "out", "issued_on": "2025-08-25", "valid_until": "2025-09-25",
                 "org": "市财政局机关党委", "receipt_on": "2025-09-10", "cross_system": true}
            ],
            "mobility": [
                {"member": "G04", "kind": "study", "from": "2025-09-01", "to": "2025-12-31", "place": "省委党校", "place_fixed": true},
                {"member": "G02", "kind": "study", "from": "2025-10-08", "to": "2025-10-30", "place": "北京", "place_fixed": false}
            ]
        })],
    )
}

/// Names padded for alignment (`张 三`, `李　四`, `欧阳　娜`), headers typed
/// with spaces and either kind of parentheses (`姓　名`, `入党时间（预备）`,
/// `党籍状态(正式/预备)`, `时长(小时)`), full-width digits in dates, amounts
/// and counts (`２００５－０７－０１`, `１，５４８．００`, `１．５`, `３`).
fn names_and_full_width() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|ZX08
         支部名称|实验中学教工党支部
         支部类型|学校
         书记|欧阳　娜",
    );
    let roster = sheet(
        "党员花名册",
        "序　号|姓　名|性　别|入党时间（预备）|转正时间|党籍状态(正式/预备)|党费类别|月基数（元）
         １|欧阳　娜|女|２００５－０７－０１|２００６－０７－０１|正式党员|在职|８６００
         ２|张 三|男|2010年6月18日|2011年6月18日|正式|在职|6,200.00元
         ３|李　四|女|２０２５．０５．２０||预备|在职|４５００
         ４|王  五|男|１９８６／０７／０１|１９８７／０７／０１|正式|离退休|３２００",
    );
    let dues = sheet(
        "党费收缴",
        "姓名|缴纳月份|截止月份|实缴金额|缴纳日期
         欧阳 娜|２０２５年１月|２０２５年１２月|１，５４８．００|２０２５年１月８日
         张三|2025-01|2025-12|１１１６|2025-01-08
         李 四|2025年5月|2025年12月|３６０元|2025年5月26日
         王五|2025-01|2025-06|#96|2025-01-09",
    );
    let meetings = sheet(
        "三会一课",
        "会议类型|会议日期|会议主题|主持人|时长(小时)|应到人数|实到人数
         支部党员大会|２０２５年３月６日|学习贯彻教育强国建设规划纲要|欧阳 娜|１．５|３|３
         主题党日|２０２５年７月１日|重温入党誓词|欧阳娜|２|４|４",
    );
    let m = |name: &str, g: &str, status: &str, adm: &str, full: Option<&str>, cat: &str| {
        let mut v = json!({"id": name, "name": name, "gender": g, "status": status, "admitted_on": adm, "dues_category": cat});
        if let Some(f) = full {
            v["full_on"] = json!(f);
        }
        v
    };
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    Case::new(
        "names_and_full_width",
        vec![branch, roster, dues, meetings],
        vec![json!({
            "branch": {"id": "ZX08", "name": "实验中学教工党支部", "kind": "school", "secretary": "欧阳娜"},
            "members": [
                m("欧阳娜", "female", "full", "2005-07-01", Some("2006-07-01"), "salaried"),
                m("张三", "male", "full", "2010-06-18", Some("2011-06-18"), "salaried"),
                m("李四", "female", "probationary", "2025-05-20", None, "salaried"),
                m("王五", "male", "full", "1986-07-01", Some("1987-07-01"), "retired")
            ],
            "dues_bases": [
                base("欧阳娜", "2005-07", "8600"), base("张三", "2010-06", "6200"),
                base("李四", "2025-05", "4500"), base("王五", "1986-07", "3200")
            ],
            "dues_payments": [
                pay("欧阳娜", "2025-01", "2025-12", "1548.00", "2025-01-08"),
                pay("张三", "2025-01", "2025-12", "1116", "2025-01-08"),
                pay("李四", "2025-05", "2025-12", "360", "2025-05-26"),
                pay("王五", "2025-01", "2025-06", "96", "2025-01-09")
            ],
            "meetings": [
                {"id": "ZX08-支部党员大会-2025-03-06", "kind": "general_meeting", "date": "2025-03-06",
                 "topic": "学习贯彻教育强国建设规划纲要", "chair": "欧阳娜", "hours": "1.5",
                 "expected_count": 3, "present_count": 3, "attendance": att(&["欧阳娜", "张三", "王五"])},
                {"id": "ZX08-主题党日-2025-07-01", "kind": "theme_day", "date": "2025-07-01",
                 "topic": "重温入党誓词", "chair": "欧阳娜", "hours": "2",
                 "expected_count": 4, "present_count": 4, "attendance": att(&["欧阳娜", "张三", "李四", "王五"])}
            ]
        })],
    )
}

/// A hidden sheet of a known name (the dues bases, hidden by the branch's
/// accountant) is read; hidden sheets of other names (the drop-down lists,
/// last year's roster) are skipped without a word.
fn hidden_sheet() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|SQ09
         支部名称|幸福里社区党支部
         支部类型|社区
         书记|S01",
    );
    let roster = sheet(
        "党员花名册",
        "党员编号|姓名|性别|党籍状态|入党时间|党费类别
         S01|高峰|男|正式党员|1999-07-01|在职
         S02|林芳|女|正式党员|2004-06-30|在职
         S03|钟华|男|正式党员|1982-05-01|离退休
         S04|白露|女|正式党员|2015-07-01|在职",
    );
    let bases = sheet(
        "党费基数",
        "党员编号|起始月份|月基数
         S01|2025-01|#4800
         S02|2025-01|#3600
         S03|2025-01|#4200
         S04|2025-01|#5500
         S04|2025-07|#6000",
    )
    .hide();
    let groups = sheet(
        "党小组",
        "党小组编号|党小组名称|组长|成员
         G1|第一党小组|S02|S01、S02
         G2|第二党小组|S04|S03、S04",
    );
    let dues = sheet(
        "党费收缴",
        "党员编号|缴纳月份|截止月份|实缴金额|缴纳日期
         S01|2025-01|2025-12|#576|2025-01-20
         S02|2025-01|2025-12|#432|2025-01-20
         S03|2025-01|2025-12|#252|2025-01-21
         S04|2025-01|2025-06|#495|2025-01-21
         S04|2025-07|2025-12|#540|2025-07-05",
    );
    let lists = sheet(
        "下拉选项",
        "性别|党籍状态|党费类别
         男|正式党员|在职
         女|预备党员|离退休",
    )
    .hide();
    let last_year = sheet(
        "2024年花名册",
        "党员编号|姓名|性别|党籍状态|入党时间|党费类别
         S01|高峰|男|正式党员|1999-07-01|在职",
    )
    .hide();
    let m = |id: &str, name: &str, g: &str, adm: &str, cat: &str| json!({"id": id, "name": name, "gender": g, "status": "full", "admitted_on": adm, "dues_category": cat});
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    Case::new(
        "hidden_sheet",
        vec![branch, roster, bases, groups, dues, lists, last_year],
        vec![json!({
            "branch": {"id": "SQ09", "name": "幸福里社区党支部", "kind": "community", "secretary": "S01",
                       "groups": [
                           {"id": "G1", "name": "第一党小组", "leader": "S02", "members": ["S01", "S02"]},
                           {"id": "G2", "name": "第二党小组", "leader": "S04", "members": ["S03", "S04"]}]},
            "members": [
                m("S01", "高峰", "male", "1999-07-01", "salaried"),
                m("S02", "林芳", "female", "2004-06-30", "salaried"),
                m("S03", "钟华", "male", "1982-05-01", "retired"),
                m("S04", "白露", "female", "2015-07-01", "salaried")
            ],
            "dues_bases": [
                base("S01", "2025-01", "4800"), base("S02", "2025-01", "3600"), base("S03", "2025-01", "4200"),
                base("S04", "2025-01", "5500"), base("S04", "2025-07", "6000")
            ],
            "dues_payments": [
                pay("S01", "2025-01", "2025-12", "576", "2025-01-20"),
                pay("S02", "2025-01", "2025-12", "432", "2025-01-20"),
                pay("S03", "2025-01", "2025-12", "252", "2025-01-21"),
                pay("S04", "2025-01", "2025-06", "495", "2025-01-21"),
                pay("S04", "2025-07", "2025-12", "540", "2025-07-05")
            ]
        })],
    )
}

/// A roster exported by a system with hidden columns: the 身份证号 hidden
/// for privacy (it still tells the two 张伟 apart) and the system's own
/// key (系统内码), which the reader does not know and names in a warning.
fn hidden_columns() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|QY10
         支部名称|星河科技公司党支部
         支部类型|企业
         书记|周敏",
    );
    let roster = sheet(
        "党员花名册",
        "序号|姓名|身份证号|性别|党籍状态|入党时间|党费类别|月基数|系统内码
         #1|周敏|330102198203041526|女|正式党员|2009-06-30|在职|#11000|8f3a2c01
         #2|张伟|330102198507081234|男|正式党员|2012-07-01|在职|#9000|8f3a2c02
         #3|张伟|33010219900101567X|男|正式党员|2016-06-20|在职|#7000|8f3a2c03
         #4|陆远|330102199605059876|男|预备党员|2025-07-01|在职|#5000|8f3a2c04",
    )
    .hide_column("C")
    .hide_column("I");
    let dues = sheet(
        "党费收缴",
        "姓名|缴纳月份|截止月份|实缴金额|缴纳日期
         周敏|2025-01|2025-12|#2640|2025-01-06
         陆远|2025-07|2025-12|#300|2025-07-15",
    );
    let m = |id: &str, name: &str, g: &str, status: &str, adm: &str| json!({"id": id, "name": name, "gender": g, "status": status, "admitted_on": adm, "dues_category": "salaried"});
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    Case::new(
        "hidden_columns",
        vec![branch, roster, dues],
        vec![json!({
            "branch": {"id": "QY10", "name": "星河科技公司党支部", "kind": "enterprise", "secretary": "周敏"},
            "members": [
                m("周敏", "周敏", "female", "full", "2009-06-30"),
                m("张伟（1234）", "张伟", "male", "full", "2012-07-01"),
                m("张伟（567X）", "张伟", "male", "full", "2016-06-20"),
                m("陆远", "陆远", "male", "probationary", "2025-07-01")
            ],
            "dues_bases": [
                base("周敏", "2009-06", "11000"), base("张伟（1234）", "2012-07", "9000"),
                base("张伟（567X）", "2016-06", "7000"), base("陆远", "2025-07", "5000")
            ],
            "dues_payments": [
                pay("周敏", "2025-01", "2025-12", "2640", "2025-01-06"),
                pay("陆远", "2025-07", "2025-12", "300", "2025-07-15")
            ]
        })],
    )
}

/// A ledger with none of this crate's ids: members by 姓名 (standing from
/// 政治面貌, no 党费类别, the base from 月工资), groups by name, meetings
/// without 会议编号 (two 党小组会 on one day), 缺席请假 and 整改事项 naming
/// their meeting by date, kind and group, dues without payment dates.
fn no_ids() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|B11
         支部名称|河西街道机关第二党支部
         支部类型|机关
         书记|王一",
    );
    let roster = sheet(
        "党员信息",
        "序号|姓名|性别|政治面貌|入党时间|月工资
         #1|王一|男|中共党员|2005-07-01|#8000
         #2|李二|女|中共党员|2009-06-30|#6000
         #3|张三|男|中共党员|2012-07-01|#4500
         #4|赵四|女|中共预备党员|2025-01-10|#3800
         #5|孙五|男|中共党员|2001-07-01|#9500",
    );
    let groups = sheet(
        "党小组",
        "党小组名称|组长|成员
         第一党小组|王一|王一、李二、张三
         第二党小组|孙五|孙五、赵四",
    );
    let meetings = sheet(
        "三会一课",
        "会议类型|会议日期|党小组|会议主题|主持人|记录人
         支部党员大会|2025-03-14||学习全国两会精神|王一|李二
         党小组会|2025-03-21|第一党小组|交流学习体会|王一|李二
         党小组会|2025-03-21|第二党小组|交流学习体会|孙五|赵四
         党课|2025-04-11||书记讲党课|王一|李二
         组织生活会|2025-12-19||年度组织生活会|王一|李二",
    );
    let absences = sheet(
        "缺席请假",
        "会议日期|会议类型|会议党小组|姓名|情况|原因
         2025-03-14|支部党员大会||张三|请假|出差
         2025-03-21|党小组会|第二党小组|赵四|缺席|",
    );
    let rectifications = sheet(
        "整改事项",
        "会议日期|会议类型|问题|责任人|整改时限|完成日期
         2025-12-19|组织生活会|理论学习不够深入|李二|2026-03-31|",
    );
    let talks = sheet(
        "谈心谈话",
        "谈话日期|谈话人|谈话对象
         2025-06-10|王一|赵四",
    );
    let trainings = sheet(
        "学习培训",
        "姓名|学习日期|学时|学习内容|学习形式
         王一|2025-05-10|#8|专题培训|线下
         李二|2025-06-01|#4|网上专题学习|网络党校",
    );
    let dues = sheet(
        "党费收缴",
        "姓名|缴费年月|实缴党费
         王一|2025-01|#120
         王一|2025-02|#120
         王一|2025-03|#120
         孙五|2025-01|#142.5",
    );
    let m = |name: &str, g: &str, status: &str, adm: &str| json!({"id": name, "name": name, "gender": g, "status": status, "admitted_on": adm, "dues_category": "salaried"});
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    let undated = |who: &str, month: &str, amount: &str| json!({"member": who, "month": month, "amount": amount, "paid_on": format!("{month}-01")});
    Case::new(
        "no_ids",
        vec![
            branch,
            roster,
            groups,
            meetings,
            absences,
            rectifications,
            talks,
            trainings,
            dues,
        ],
        vec![json!({
            "branch": {"id": "B11", "name": "河西街道机关第二党支部", "kind": "organ", "secretary": "王一",
                       "groups": [
                           {"id": "第一党小组", "name": "第一党小组", "leader": "王一", "members": ["王一", "李二", "张三"]},
                           {"id": "第二党小组", "name": "第二党小组", "leader": "孙五", "members": ["孙五", "赵四"]}]},
            "members": [
                m("王一", "male", "full", "2005-07-01"),
                m("李二", "female", "full", "2009-06-30"),
                m("张三", "male", "full", "2012-07-01"),
                m("赵四", "female", "probationary", "2025-01-10"),
                m("孙五", "male", "full", "2001-07-01")
            ],
            "dues_bases": [
                base("王一", "2005-07", "8000"), base("李二", "2009-06", "6000"), base("张三", "2012-07", "4500"),
                base("赵四", "2025-01", "3800"), base("孙五", "2001-07", "9500")
            ],
            "dues_payments": [
                undated("王一", "2025-01", "120"), undated("王一", "2025-02", "120"),
                undated("王一", "2025-03", "120"), undated("孙五", "2025-01", "142.50")
            ],
            "meetings": [
                {"id": "B11-支部党员大会-2025-03-14", "kind": "general_meeting", "date": "2025-03-14",
                 "topic": "学习全国两会精神", "chair": "王一", "recorder": "李二",
                 "attendance": att(&["王一", "李二", "-张三:出差", "赵四", "孙五"])},
                {"id": "B11-党小组会-第一党小组-2025-03-21", "kind": "group_meeting", "date": "2025-03-21",
                 "group": "第一党小组", "topic": "交流学习体会", "chair": "王一", "recorder": "李二",
                 "attendance": att(&["王一", "李二", "张三"])},
                {"id": "B11-党小组会-第二党小组-2025-03-21", "kind": "group_meeting", "date": "2025-03-21",
                 "group": "第二党小组", "topic": "交流学习体会", "chair": "孙五", "recorder": "赵四",
                 "attendance": att(&["孙五", "!赵四"])},
                {"id": "B11-党课-2025-04-11", "kind": "party_lecture", "date": "2025-04-11",
                 "topic": "书记讲党课", "chair": "王一", "recorder": "李二",
                 "attendance": att(&["王一", "李二", "张三", "赵四", "孙五"])},
                {"id": "B11-组织生活会-2025-12-19", "kind": "life_meeting", "date": "2025-12-19",
                 "topic": "年度组织生活会", "chair": "王一", "recorder": "李二",
                 "attendance": att(&["王一", "李二", "张三", "赵四", "孙五"]),
                 "rectifications": [{"item": "理论学习不够深入", "owner": "李二", "due": "2026-03-31"}]}
            ],
            "talks": [{"date": "2025-06-10", "members": ["王一", "赵四"]}],
            "trainings": [
                {"member": "王一", "date": "2025-05-10", "hours": "8", "title": "专题培训", "channel": "offline"},
                {"member": "李二", "date": "2025-06-01", "hours": "4", "title": "网上专题学习", "channel": "online_school"}
            ]
        })],
    )
}

/// A sheet per kind of meeting (支部党员大会记录, 支委会会议记录, 党课记录,
/// 主题党日活动台账), each under a title with a 序号 column and 请假人员 /
/// 缺席人员 on the meeting's row; transfers on a sheet per direction
/// (组织关系转入, 组织关系转出).
fn sheet_per_kind() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|JG12
         支部名称|市档案馆机关党支部
         支部类型|机关
         支委会选举日期|2024-03-01
         任期（年）|#3",
    );
    let roster = sheet(
        "党员花名册",
        "党员编号|姓名|党籍状态|入党时间|转入本支部时间|转出时间|转出原因|党费类别|月基数
         A1|林峰|正式党员|1998-07-01||||在职|#9000
         A2|许倩|正式党员|2006-06-30||||在职|#7000
         A3|邱实|正式党员|2012-07-01||||在职|#6000
         A4|苏雯|正式党员|2016-06-28||||在职|#5000
         A5|韦东|正式党员|2009-07-01|2025-04-01|||在职|#6500
         A6|蒋琳|正式党员|2014-06-30||2025-09-30|转出|在职|#5500",
    );
    let committee = sheet(
        "支委会",
        "党员编号|职务
         A1|书记
         A2|组织委员
         A3|宣传委员",
    );
    let general = sheet(
        "支部党员大会记录",
        "市档案馆机关党支部2025年支部党员大会记录||||||
         序号|会议时间|会议主题|主持人|记录人|请假人员|缺席人员
         #1|2025-03-07|传达上级会议精神|林峰|许倩|苏雯|
         #2|2025-06-27|半年工作总结|林峰|许倩||蒋琳
         #3|2025-09-26|讨论组织关系转接|林峰|许倩||
         #4|2025-12-12|年度工作总结|林峰|许倩||",
    )
    .merge("A1:G1");
    let committee_meetings = sheet(
        "支委会会议记录",
        "支委会会议记录|||
         序号|会议时间|会议主题|主持人|记录人
         #1|2025-01-10|研究年度工作计划|林峰|许倩
         #2|2025-04-11|研究党员教育|林峰|许倩
         #3|2025-07-11|研究半年工作|林峰|许倩
         #4|2025-10-10|研究年终考核|林峰|许倩",
    );
    let lectures = sheet(
        "党课记录",
        "2025年党课记录|||
         序号|会议时间|会议主题|主持人
         #1|2025-03-21|书记讲党课|林峰
         #2|2025-06-20|党史专题党课|林峰
         #3|2025-09-19|档案工作与党建|许倩
         #4|2025-12-19|年度专题党课|林峰",
    );
    let theme_days = sheet(
        "主题党日活动台账",
        "主题党日活动台账|||
         序号|活动时间|活动主题|主持人
         #1|2025-01-24|走访慰问困难党员|林峰
         #2|2025-04-25|清明祭扫|林峰
         #3|2025-07-25|参观红色档案展|邱实
         #4|2025-10-24|志愿服务|许倩",
    );
    let transfers_in = sheet(
        "组织关系转入",
        "姓名|介绍信开具日期|有效期至|对方党组织|报到日期
         韦东|2025-03-25|2025-04-25|市图书馆党支部|2025-04-01",
    );
    let transfers_out = sheet(
        "组织关系转出",
        "姓名|开具日期|有效期至|转往党组织|回执日期
         蒋琳|2025-09-26|2025-10-26|市博物馆党支部|2025-10-15",
    );
    let m = |id: &str, name: &str, adm: &str| json!({"id": id, "name": name, "status": "full", "admitted_on": adm, "dues_category": "salaried"});
    let mut a5 = m("A5", "韦东", "2009-07-01");
    a5["in_branch_from"] = json!("2025-04-01");
    let mut a6 = m("A6", "蒋琳", "2014-06-30");
    a6["in_branch_to"] = json!("2025-09-30");
    a6["left_reason"] = json!("transferred");
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    let meeting = |kind: &str,
                   label: &str,
                   date: &str,
                   topic: &str,
                   chair: &str,
                   recorder: Option<&str>,
                   who: &[&str]| {
        let mut v = json!({"id": format!("JG12-{label}-{date}"), "kind": kind, "date": date, "topic": topic,
                           "chair": chair, "attendance": att(who)});
        if let Some(r) = recorder {
            v["recorder"] = json!(r);
        }
        v
    };
    let before_a5 = ["A1", "A2", "A3", "A4", "A6"];
    let all = ["A1", "A2", "A3", "A4", "A5", "A6"];
    let after_a6 = ["A1", "A2", "A3", "A4", "A5"];
    let committee_seats = ["A1", "A2", "A3"];
    let gm = "general_meeting";
    let cm = "committee_meeting";
    let pl = "party_lecture";
    let td = "theme_day";
    Case::new(
        "sheet_per_kind",
        vec![
            branch,
            roster,
            committee,
            general,
            committee_meetings,
            lectures,
            theme_days,
            transfers_in,
            transfers_out,
        ],
        vec![json!({
            "branch": {"id": "JG12", "name": "市档案馆机关党支部", "kind": "organ",
                       "committee": {"elected_on": "2024-03-01", "term_years": 3, "members": [
                           {"member": "A1", "role": "secretary"},
                           {"member": "A2", "role": "organization"},
                           {"member": "A3", "role": "propaganda"}]}},
            "members": [m("A1", "林峰", "1998-07-01"), m("A2", "许倩", "2006-06-30"), m("A3", "邱实", "2012-07-01"),
                        m("A4", "苏雯", "2016-06-28"), a5, a6],
            "dues_bases": [
                base("A1", "1998-07", "9000"), base("A2", "2006-06", "7000"), base("A3", "2012-07", "6000"),
                base("A4", "2016-06", "5000"), base("A5", "2025-04", "6500"), base("A6", "2014-06", "5500")
            ],
            "meetings": [
                meeting(gm, "支部党员大会", "2025-03-07", "传达上级会议精神", "A1", Some("A2"), &["A1", "A2", "A3", "-A4", "A6"]),
                meeting(gm, "支部党员大会", "2025-06-27", "半年工作总结", "A1", Some("A2"), &["A1", "A2", "A3", "A4", "A5", "!A6"]),
                meeting(gm, "支部党员大会", "2025-09-26", "讨论组织关系转接", "A1", Some("A2"), &all),
                meeting(gm, "支部党员大会", "2025-12-12", "年度工作总结", "A1", Some("A2"), &after_a6),
                meeting(cm, "支委会", "2025-01-10", "研究年度工作计划", "A1", Some("A2"), &committee_seats),
                meeting(cm, "支委会", "2025-04-11", "研究党员教育", "A1", Some("A2"), &committee_seats),
                meeting(cm, "支委会", "2025-07-11", "研究半年工作", "A1", Some("A2"), &committee_seats),
                meeting(cm, "支委会", "2025-10-10", "研究年终考核", "A1", Some("A2"), &committee_seats),
                meeting(pl, "党课", "2025-03-21", "书记讲党课", "A1", None, &before_a5),
                meeting(pl, "党课", "2025-06-20", "党史专题党课", "A1", None, &all),
                meeting(pl, "党课", "2025-09-19", "档案工作与党建", "A2", None, &all),
                meeting(pl, "党课", "2025-12-19", "年度专题党课", "A1", None, &after_a6),
                meeting(td, "主题党日", "2025-01-24", "走访慰问困难党员", "A1", None, &before_a5),
                meeting(td, "主题党日", "2025-04-25", "清明祭扫", "A1", None, &all),
                meeting(td, "主题党日", "2025-07-25", "参观红色档案展", "A3", None, &all),
                meeting(td, "主题党日", "2025-10-24", "志愿服务", "A2", None, &after_a6)
            ],
            "transfers": [
                {"member": "A5", "direction": "in", "issued_on": "2025-03-25", "valid_until": "2025-04-25",
                 "org": "市图书馆党支部", "reported_on": "2025-04-01"},
                {"member": "A6", "direction": "out", "issued_on": "2025-09-26", "valid_until": "2025-10-26",
                 "org": "市博物馆党支部", "receipt_on": "2025-10-15"}
            ]
        })],
    )
}

/// A workbook saved from WPS with the default sheet names: the roster on
/// `Sheet1` and the dues on `Sheet2` are read by their headers, an empty
/// `Sheet3` and a 统计 sheet of counts are named and left out.
fn guessed_sheets() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|QY13
         支部名称|润丰物流公司党支部
         支部类型|企业
         书记|何力",
    );
    let roster = sheet(
        "Sheet1",
        "姓名|性别|党籍状态|入党时间|党费类别|月基数
         何力|男|正式党员|2003-07-01|在职|#8800
         马兰|女|正式党员|2011-06-30|在职|#5200
         丁一|男|预备党员|2025-06-20|在职|#4000",
    );
    let dues = sheet(
        "Sheet2",
        "姓名|缴纳月份|截止月份|实缴金额|缴纳日期
         何力|2025-01|2025-12|#1584|2025-01-10
         马兰|2025-01|2025-06|#468|2025-01-12
         丁一|2025-06|2025-12|#280|2025-06-25",
    );
    let empty = sheet("Sheet3", "");
    let counts = sheet(
        "统计",
        "项目|数量
         党员总数|#3
         预备党员|#1",
    );
    let m = |name: &str, g: &str, status: &str, adm: &str| json!({"id": name, "name": name, "gender": g, "status": status, "admitted_on": adm, "dues_category": "salaried"});
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    Case::new(
        "guessed_sheets",
        vec![branch, roster, dues, empty, counts],
        vec![json!({
            "branch": {"id": "QY13", "name": "润丰物流公司党支部", "kind": "enterprise", "secretary": "何力"},
            "members": [
                m("何力", "male", "full", "2003-07-01"),
                m("马兰", "female", "full", "2011-06-30"),
                m("丁一", "male", "probationary", "2025-06-20")
            ],
            "dues_bases": [base("何力", "2003-07", "8800"), base("马兰", "2011-06", "5200"), base("丁一", "2025-06", "4000")],
            "dues_payments": [
                pay("何力", "2025-01", "2025-12", "1584", "2025-01-10"),
                pay("马兰", "2025-01", "2025-06", "468", "2025-01-12"),
                pay("丁一", "2025-06", "2025-12", "280", "2025-06-25")
            ]
        })],
    )
}

/// A township's workbook of two village branches: 支部信息 with a row per
/// branch under a title, a 支部编号 column on every sheet, one name (吴根) in
/// both branches.
fn several_branches() -> Case {
    let branch = sheet(
        "支部信息",
        "河口镇各村党支部基本信息表||||
         支部编号|支部名称|支部类型|成立日期|书记
         C01|东岭村党支部|村|1998-03-01|陈福
         C02|西坪村党支部|村|2001-05-01|杨梅",
    )
    .merge("A1:E1");
    let roster = sheet(
        "党员花名册",
        "支部编号|姓名|性别|党籍状态|入党时间|党费类别
         C01|陈福|男|正式党员|1985-07-01|农民
         C01|吴根|男|正式党员|1990-06-01|农民
         C01|刘兰|女|正式党员|2005-07-01|农民
         C02|杨梅|女|正式党员|1996-07-01|农民
         C02|吴根|男|正式党员|2008-06-30|农民
         C02|何平|男|预备党员|2025-03-28|农民",
    );
    let meetings = sheet(
        "三会一课",
        "支部编号|会议类型|会议日期|会议主题|主持人
         C01|支部党员大会|2025-03-10|春耕生产动员|陈福
         C01|党课|2025-05-12|乡村振兴专题党课|陈福
         C02|支部党员大会|2025-03-28|讨论接收预备党员|杨梅
         C02|主题党日|2025-07-01|重温入党誓词|杨梅",
    );
    let absences = sheet(
        "缺席请假",
        "支部编号|会议日期|会议类型|姓名|情况|原因
         C02|2025-07-01|主题党日|吴根|请假|外出务工",
    );
    let dues = sheet(
        "党费收缴",
        "支部编号|姓名|缴纳月份|截止月份|实缴金额|缴纳日期
         C01|陈福|2025-01|2025-12|#6|2025-01-05
         C01|吴根|2025-01|2025-12|#12|2025-01-05
         C01|刘兰|2025-01|2025-06|#3|2025-01-06
         C02|杨梅|2025-01|2025-12|#6|2025-01-08
         C02|吴根|2025-01|2025-12|#2.4|2025-01-08
         C02|何平|2025-04|2025-12|#1.8|2025-04-02",
    );
    let m = |name: &str, g: &str, status: &str, adm: &str| json!({"id": name, "name": name, "gender": g, "status": status, "admitted_on": adm, "dues_category": "farmer"});
    let meeting = |branch: &str,
                   kind: &str,
                   label: &str,
                   date: &str,
                   topic: &str,
                   chair: &str,
                   who: &[&str]| {
        json!({"id": format!("{branch}-{label}-{date}"), "kind": kind, "date": date, "topic": topic,
               "chair": chair, "attendance": att(who)})
    };
    Case::new(
        "several_branches",
        vec![branch, roster, meetings, absences, dues],
        vec![
            json!({
                "branch": {"id": "C01", "name": "东岭村党支部", "kind": "village", "founded_on": "1998-03-01", "secretary": "陈福"},
                "members": [m("陈福", "male", "full", "1985-07-01"), m("吴根", "male", "full", "1990-06-01"),
                            m("刘兰", "female", "full", "2005-07-01")],
                "dues_payments": [
                    pay("陈福", "2025-01", "2025-12", "6", "2025-01-05"),
                    pay("吴根", "2025-01", "2025-12", "12", "2025-01-05"),
                    pay("刘兰", "2025-01", "2025-06", "3", "2025-01-06")
                ],
                "meetings": [
                    meeting("C01", "general_meeting", "支部党员大会", "2025-03-10", "春耕生产动员", "陈福", &["陈福", "吴根", "刘兰"]),
                    meeting("C01", "party_lecture", "党课", "2025-05-12", "乡村振兴专题党课", "陈福", &["陈福", "吴根", "刘兰"])
                ]
            }),
            json!({
                "branch": {"id": "C02", "name": "西坪村党支部", "kind": "village", "founded_on": "2001-05-01", "secretary": "杨梅"},
                "members": [m("杨梅", "female", "full", "1996-07-01"), m("吴根", "male", "full", "2008-06-30"),
                            m("何平", "male", "probationary", "2025-03-28")],
                "dues_payments": [
                    pay("杨梅", "2025-01", "2025-12", "6", "2025-01-08"),
                    pay("吴根", "2025-01", "2025-12", "2.40", "2025-01-08"),
                    pay("何平", "2025-04", "2025-12", "1.80", "2025-04-02")
                ],
                "meetings": [
                    meeting("C02", "general_meeting", "支部党员大会", "2025-03-28", "讨论接收预备党员", "杨梅", &["杨梅", "吴根", "何平"]),
                    meeting("C02", "theme_day", "主题党日", "2025-07-01", "重温入党誓词", "杨梅", &["杨梅", "-吴根:外出务工", "何平"])
                ]
            }),
        ],
    )
}

/// The import template of a party-building system, filled in: required
/// headers marked `*`, a hint row (`必填` / `（选填）`) under each header,
/// rows numbered in advance and left empty but for their 序号, a hidden
/// sheet of drop-down lists and a 填表说明 sheet.
fn system_template() -> Case {
    let branch = sheet(
        "支部信息",
        "项目|内容
         支部编号|GS15
         支部名称|市农业农村局机关党支部
         支部类型|机关
         书记|N001",
    );
    let roster = sheet(
        "党员花名册",
        "序号|*党员编号|*姓名|性别|出生日期|*党员类别|*入党时间|转正时间|党费类别|月基数
         |必填|必填|选填|选填|必填|必填|选填|选填|选填
         #1|N001|黄河|男|1978-03-02|正式党员|2002-06-30|2003-06-30|在职|#10500
         #2|N002|白云|女|1988-08-15|正式党员|2012-07-01|2013-07-01|在职|#7600
         #3|N003|田野|男|1995-11-30|预备党员|2025-06-26||在职|#5200
         #4
         #5
         #6
         #7
         #8",
    );
    let meetings = sheet(
        "三会一课",
        "序号|*会议编号|*会议类型|*会议日期|会议主题|主持人|记录人
         |（必填）|（必填）|（必填）|（选填）|（选填）|（选填）
         #1|HY2025-01|支部党员大会|2025-03-27|学习贯彻中央一号文件精神|N001|N002
         #2|HY2025-02|党课|2025-06-24|书记讲党课|N001|N002
         #3|HY2025-03|主题党日|2025-09-26|乡村振兴调研|N002|N003
         #4
         #5",
    );
    let lists = sheet(
        "字典",
        "党员类别|党费类别|会议类型
         正式党员|在职|支部党员大会
         预备党员|离退休|党课",
    )
    .hide();
    let notes = sheet(
        "填表说明",
        "填表说明
         1. 带*的列为必填项。
         2. 日期格式为 yyyy-mm-dd。",
    );
    let m = |id: &str,
             name: &str,
             g: &str,
             born: &str,
             status: &str,
             adm: &str,
             full: Option<&str>| {
        let mut v = json!({"id": id, "name": name, "gender": g, "born_on": born, "status": status,
                           "admitted_on": adm, "dues_category": "salaried"});
        if let Some(f) = full {
            v["full_on"] = json!(f);
        }
        v
    };
    let base =
        |who: &str, from: &str, base: &str| json!({"member": who, "from": from, "base": base});
    Case::new(
        "system_template",
        vec![branch, roster, meetings, lists, notes],
        vec![json!({
            "branch": {"id": "GS15", "name": "市农业农村局机关党支部", "kind": "organ", "secretary": "N001"},
            "members": [
                m("N001", "黄河", "male", "1978-03-02", "full", "2002-06-30", Some("2003-06-30")),
                m("N002", "白云", "female", "1988-08-15", "full", "2012-07-01", Some("2013-07-01")),
                m("N003", "田野", "male", "1995-11-30", "probationary", "2025-06-26", None)
            ],
            "dues_bases": [base("N001", "2002-06", "10500"), base("N002", "2012-07", "7600"), base("N003", "2025-06", "5200")],
            "meetings": [
                {"id": "HY2025-01", "kind": "general_meeting", "date": "2025-03-27", "topic": "学习贯彻中央一号文件精神",
                 "chair": "N001", "recorder": "N002", "attendance": att(&["N001", "N002"])},
                {"id": "HY2025-02", "kind": "party_lecture", "date": "2025-06-24", "topic": "书记讲党课",
                 "chair": "N001", "recorder": "N002", "attendance": att(&["N001", "N002"])},
                {"id": "HY2025-03", "kind": "theme_day", "date": "2025-09-26", "topic": "乡村振兴调研",
                 "chair": "N002", "recorder": "N003", "attendance": att(&["N001", "N002", "N003"])}
            ]
        })],
    )
}

//! Every kind of workbook input error names the workbook, the sheet, the
//! cell, the column and what was expected; files that are not workbooks,
//! encrypted or truncated get one clear message; nothing panics.
#![cfg(feature = "xlsx")]

mod xlsx_common;

use dangjian::{Error, ErrorKind};
use xlsx_common::*;

fn branch() -> Vec<Vec<C>> {
    rows("支部编号|B1\n支部名称|一支部\n支部类型|机关")
}

fn roster(extra: &str) -> Vec<Vec<C>> {
    rows(&format!(
        "党员编号|姓名|党籍状态|入党时间|党费类别
         M1|王一|正式党员|2005-07-01|在职
         {extra}"
    ))
}

fn err(sheets: &[(&str, Vec<Vec<C>>)]) -> Error {
    let bytes = workbook(sheets);
    match read(&bytes, "台账.xlsx") {
        Ok(wb) => panic!("expected an error, read {} bundles", wb.bundles.len()),
        Err(e) => e,
    }
}

#[test]
fn an_impossible_date_names_its_cell() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("M2|李二|正式党员|2025-02-30|在职")),
    ]);
    assert_eq!(e.kind(), ErrorKind::Data);
    let l = e.location();
    assert_eq!(
        (l.sheet.as_deref(), l.cell.as_deref()),
        (Some("党员花名册"), Some("D3"))
    );
    assert_eq!(l.header.as_deref(), Some("入党时间"));
    let s = e.to_string();
    assert!(
        s.starts_with("台账.xlsx: 党员花名册!D3, column 入党时间"),
        "{s}"
    );
    assert!(
        s.contains("expected a date that exists in the calendar, found \"2025-02-30\""),
        "{s}"
    );
}

#[test]
fn a_date_in_no_known_form_names_its_cell() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("M2|李二|正式党员|3/12/2025|在职")),
    ]);
    let s = e.to_string();
    assert!(
        s.starts_with("台账.xlsx: 党员花名册!D3, column 入党时间"),
        "{s}"
    );
    assert!(s.contains("2025年3月12日"), "the forms are listed: {s}");
}

#[test]
fn money_with_more_than_two_decimals_names_its_cell() {
    let mut text = String::from("党员编号|姓名|缴纳月份|缴纳日期|实缴金额\n");
    for _ in 0..15 {
        text.push_str("M1|王一|2025-01|2025-01-10|#100\n");
    }
    text.push_str("M1|王一|2025-02|2025-02-10|#127.505\n");
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("")),
        ("党费收缴", rows(&text)),
    ]);
    let s = e.to_string();
    assert!(
        s.starts_with("台账.xlsx: 党费收缴!E17, column 实缴金额"),
        "{s}"
    );
    assert!(s.contains("at most 2 decimals"), "{s}");
    assert!(s.contains("found the number 127.505"), "{s}");
}

#[test]
fn a_float_that_is_not_cents_is_refused() {
    // 0.1 + 0.2 as Excel stores it: its shortest decimal has 17 digits.
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("")),
        (
            "党费收缴",
            vec![
                rows("党员编号|缴纳月份|缴纳日期|实缴金额").remove(0),
                vec![s("M1"), s("2025-01"), s("2025-01-10"), n(0.1 + 0.2)],
            ],
        ),
    ]);
    assert!(e.to_string().contains("党费收缴!D2"), "{e}");
    assert!(e.to_string().contains("0.30000000000000004"), "{e}");
}

#[test]
fn an_unknown_label_names_the_choices() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("M2|李二|老党员|2005-07-01|在职")),
    ]);
    let s = e.to_string();
    assert!(
        s.starts_with("台账.xlsx: 党员花名册!C3, column 党籍状态"),
        "{s}"
    );
    assert!(s.contains("one of 正式党员/预备党员"), "{s}");
}

#[test]
fn an_empty_required_cell_names_its_cell() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("M2||正式党员|2005-07-01|在职")),
    ]);
    let s = e.to_string();
    assert!(
        s.starts_with("台账.xlsx: 党员花名册!B3, column 姓名"),
        "{s}"
    );
    assert!(s.contains("required"), "{s}");
}

#[test]
fn a_missing_required_column_names_the_sheet() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("")),
        (
            "党费收缴",
            rows("党员编号|缴纳月份|缴纳日期\nM1|2025-01|2025-01-10"),
        ),
    ]);
    let l = e.location();
    assert_eq!(l.sheet.as_deref(), Some("党费收缴"));
    assert_eq!(l.header.as_deref(), Some("实缴金额"));
    assert!(e.to_string().contains("has no column 实缴金额"), "{e}");
}

#[test]
fn a_sheet_without_a_header_row_says_so() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", rows("随便写的\n一些字|没有表头")),
    ]);
    assert_eq!(e.location().sheet.as_deref(), Some("党员花名册"));
    assert!(e.to_string().contains("no header row"), "{e}");
}

#[test]
fn an_absence_at_an_unknown_meeting_names_its_cell() {
    let e = err(&[
        ("支部信息", branch()),
        ("党员花名册", roster("")),
        (
            "三会一课",
            rows("会议编号|会议类型|会议日期\nMT1|党课|2025-03-01"),
        ),
        (
            "缺席请假",
            rows("会议编号|党员编号|情况\nMT1|M1|请假\nMT9|M1|缺席"),
        ),
    ]);
    assert!(
        e.to_string()
            .starts_with("台账.xlsx: 缺席请假!A3, column 会议编号"),
        "{e}"
    );
    assert!(e.to_string().contains("MT9"), "{e}");
}

#[test]
fn several_branches_need_the_branch_column() {
    let branches = rows("支部编号|支部名称|支部类型\nB1|一支部|机关\nB2|二支部|机关");
    let e = err(&[("支部信息", branches.clone()), ("党员花名册", roster(""))]);
    assert!(e.to_string().starts_with("台账.xlsx: 党员花名册!"), "{e}");
    assert!(e.to_string().contains("several branches"), "{e}");
    let e = err(&[
        ("支部信息", branches),
        (
            "党员花名册",
            rows(
                "支部编号|党员编号|姓名|党籍状态|入党时间|党费类别\nB3|M1|王一|正式党员|2005-07-01|在职",
            ),
        ),
    ]);
    assert!(
        e.to_string()
            .starts_with("台账.xlsx: 党员花名册!A2, column 支部编号"),
        "{e}"
    );
    assert!(e.to_string().contains("B3"), "{e}");
}

#[test]
fn a_workbook_without_the_branch_sheet_says_so() {
    let e = err(&[("党员花名册", roster(""))]);
    assert_eq!(e.kind(), ErrorKind::Format);
    assert!(e.to_string().contains("支部信息"), "{e}");
}

#[test]
fn a_file_that_is_not_a_workbook_gets_one_clear_message() {
    for (bytes, what) in [
        (&b""[..], "empty"),
        (&b"{\"format\": \"dangjian/1\"}"[..], "JSON"),
        (&b"\x00\x01\x02 some binary"[..], "not an .xlsx"),
    ] {
        let e = read(bytes, "台账.xlsx").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Format);
        let s = e.to_string();
        assert!(
            s.starts_with("台账.xlsx: 不是 Excel 工作簿 / not a workbook"),
            "{s}"
        );
        assert!(s.contains(what), "{s}");
    }
}

/// A compound (OLE) file as Office writes for a password-protected
/// workbook: one directory sector with the root, `EncryptionInfo` and
/// `EncryptedPackage`.
fn encrypted_container() -> Vec<u8> {
    let mut f = vec![0u8; 512 * 3];
    f[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    f[24..26].copy_from_slice(&0x3Eu16.to_le_bytes()); // minor version
    f[26..28].copy_from_slice(&3u16.to_le_bytes()); // major version 3
    f[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes()); // little-endian
    f[30..32].copy_from_slice(&9u16.to_le_bytes()); // 512-byte sectors
    f[32..34].copy_from_slice(&6u16.to_le_bytes()); // 64-byte mini sectors
    f[44..48].copy_from_slice(&1u32.to_le_bytes()); // one FAT sector
    f[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory at sector 1
    f[56..60].copy_from_slice(&4096u32.to_le_bytes());
    f[60..64].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes()); // no mini FAT
    f[68..72].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes()); // no DIFAT sectors
    for i in 0..109 {
        let v: u32 = if i == 0 { 0 } else { 0xFFFF_FFFF };
        f[76 + i * 4..80 + i * 4].copy_from_slice(&v.to_le_bytes());
    }
    // FAT (sector 0): sector 0 is the FAT, sector 1 the end of the directory chain.
    let fat = 512;
    f[fat..fat + 4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
    f[fat + 4..fat + 8].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    for i in 2..128 {
        f[fat + i * 4..fat + i * 4 + 4].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
    }
    let dir = 1024;
    for (k, name) in ["Root Entry", "EncryptionInfo", "EncryptedPackage"]
        .iter()
        .enumerate()
    {
        let e = dir + k * 128;
        let u: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        f[e..e + u.len()].copy_from_slice(&u);
        f[e + 64..e + 66].copy_from_slice(&((u.len() + 2) as u16).to_le_bytes());
        f[e + 66] = if k == 0 { 5 } else { 2 };
        f[e + 116..e + 120].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    }
    f
}

#[test]
fn an_encrypted_workbook_gets_one_clear_message() {
    let e = read(&encrypted_container(), "台账.xlsx").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Format);
    let s = e.to_string();
    assert!(s.starts_with("台账.xlsx: 工作簿设有打开密码"), "{s}");
    assert!(s.contains("password-protected (encrypted)"), "{s}");
}

#[test]
fn a_truncated_workbook_gets_one_clear_message() {
    let full = std::fs::read("examples/data/sample.xlsx").unwrap();
    for cut in [full.len() / 2, full.len() - 30, 200] {
        let e = read(&full[..cut], "sample.xlsx").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Format, "cut at {cut}: {e}");
        assert!(
            e.to_string().contains("damaged or truncated"),
            "cut at {cut}: {e}"
        );
    }
}

#[test]
fn keep_going_collects_every_bad_row() {
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            roster(
                "M2|李二|正式党员|2025-02-30|在职\nM3|张三|老党员|2005-07-01|在职\nM4|赵四|正式党员|2005-07-01|在职",
            ),
        ),
        (
            "党费收缴",
            rows("党员编号|缴纳月份|缴纳日期\nM1|2025-01|2025-01-10"),
        ),
        (
            "三会一课",
            rows("会议编号|会议类型|会议日期\nMT1|党课|2025-03-01\nMT2|党课|2025-13-01"),
        ),
    ]);
    let strict = read(&bytes, "台账.xlsx").unwrap_err();
    assert!(strict.to_string().contains("党员花名册!D3"), "{strict}");
    let wb = read_keep_going(&bytes, "台账.xlsx").unwrap();
    let places: Vec<String> = wb
        .errors
        .iter()
        .map(|e| {
            let l = e.location();
            format!(
                "{}!{}",
                l.sheet.as_deref().unwrap_or("?"),
                l.cell.as_deref().unwrap_or("?")
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            "党员花名册!D3",
            "党员花名册!C4",
            "党费收缴!A1",
            "三会一课!C3"
        ]
    );
    let b = &wb.bundles[0];
    let ids: Vec<&str> = b.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["M1", "M4"],
        "the bad rows are left out, the rest is read"
    );
    assert_eq!(b.meetings.len(), 1);
}

#[test]
fn no_damaged_file_makes_the_reader_panic() {
    let good = workbook(&[
        ("支部信息", branch()),
        ("党员花名册", roster("M2|李二|正式党员|2005-07-01|在职")),
    ]);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut variants: Vec<Vec<u8>> = Vec::new();
    for cut in (0..good.len()).step_by(good.len() / 40 + 1) {
        variants.push(good[..cut].to_vec());
    }
    for _ in 0..160 {
        let mut v = good.clone();
        for _ in 0..(1 + next() % 4) {
            let i = (next() as usize) % v.len();
            v[i] ^= (next() % 255 + 1) as u8;
        }
        variants.push(v);
    }
    variants.push(encrypted_container()[..700].to_vec());
    for (i, v) in variants.iter().enumerate() {
        let r = std::panic::catch_unwind(|| {
            let _ = read(v, "x.xlsx");
            let _ = read(v, "x.xls");
            let _ = read(v, "x.ods");
        });
        assert!(r.is_ok(), "variant {i} panicked");
    }
}

#[test]
fn load_read_path_reads_workbooks_by_extension() {
    let dir = std::env::temp_dir().join(format!("dangjian-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("台账.xlsx");
    std::fs::write(
        &path,
        workbook(&[("支部信息", branch()), ("党员花名册", roster(""))]),
    )
    .unwrap();
    let bundles = dangjian::load::read_path(&path).unwrap();
    assert_eq!(bundles[0].members.len(), 1);
    let bad = dir.join("bad.xlsx");
    std::fs::write(&bad, b"not a workbook").unwrap();
    let e = dangjian::load::open(&bad).err().unwrap();
    assert_eq!(e.kind(), ErrorKind::Format);
    assert_eq!(e.location().file.as_deref(), Some(bad.as_path()));
    std::fs::remove_dir_all(&dir).unwrap();
}

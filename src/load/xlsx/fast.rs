//! A fast reader of `.xlsx` cell values: inflates each sheet whole and scans
//! its SpreadsheetML with `memchr` instead of a general XML parser.
//!
//! Reading a county's workbook with `calamine` takes most of its time in
//! XML events and attribute iteration; the cell grammar of a worksheet is
//! small (`<row>`, `<c r s t>`, `<v>`, `<is><t>`, `<f>`), and scanning it
//! directly is several times faster. Anything this reader does not expect —
//! a cell type it does not know, a malformed tag, a missing part — makes it
//! give up (`None`), and `calamine` reads the workbook instead; so it never
//! turns a readable workbook into an error. The small parts (`workbook.xml`,
//! its relationships, `styles.xml`) are read with `quick-xml`.
//!
//! The values are `calamine`'s: numbers are `Float`, a number in a date
//! format is `DateTime` (the built-in date formats, the CJK ones 27–36 and
//! 50–58, and custom formats with d/m/y/h/s outside quotes and brackets),
//! text is `String`, so the sheets reader sees the same cells either way.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::{Cell, CellErrorType, Data, ExcelDateTime, ExcelDateTimeType, Range};
use quick_xml::events::Event;

/// A sheet: its name, whether it is hidden, its cells.
pub(crate) struct FastSheet {
    pub name: String,
    pub hidden: bool,
    pub range: Option<Range<Data>>,
}

/// The sheets of a workbook, and its date system.
pub(crate) struct FastBook {
    pub sheets: Vec<FastSheet>,
    pub is_1904: bool,
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The largest part (sheet, shared strings …) a workbook may hold, inflated:
/// a million-row sheet is a few hundred megabytes.
pub(crate) const MAX_PART_BYTES: u64 = 1 << 30;
/// The largest sum of the inflated parts of a workbook.
pub(crate) const MAX_TOTAL_BYTES: u64 = 2 << 30;

/// Reads a part, never more than the size the archive states for it (a
/// part that inflates to more is not read: `None`, and [`check_inflated`]
/// names it before calamine reads the workbook).
fn part(z: &mut Zip<'_>, name: &str) -> Option<Vec<u8>> {
    let f = z.by_name(name).ok()?;
    let size = f.size();
    let mut v = Vec::with_capacity(usize::try_from(size).ok()?.min(1 << 30));
    // One byte more than stated, so that a lying part shows, and the
    // checksum is checked at the end of an honest one.
    f.take(size.saturating_add(1)).read_to_end(&mut v).ok()?;
    (v.len() as u64 <= size).then_some(v)
}

fn bomb(name: &str, size: u64, limit: u64, what: &str) -> String {
    format!(
        "工作簿中的 {name} 解压后{what}（{size} 字节，上限 {limit} 字节），疑为压缩炸弹，拒绝读取 / \
         the part {name} of the workbook inflates to {what} ({size} bytes, limit {limit}): \
         refused as a possible zip bomb"
    )
}

/// Checks the sizes the archive states for its parts (cheap: the central
/// directory only): each at most [`MAX_PART_BYTES`], all together at most
/// [`MAX_TOTAL_BYTES`]. `Ok` when `bytes` is not a readable zip (the
/// readers then say what is wrong).
pub(crate) fn check_sizes(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..z.len() {
        let Ok(f) = z.by_index_raw(i) else {
            continue;
        };
        let size = f.size();
        if size > MAX_PART_BYTES {
            return Err(bomb(f.name(), size, MAX_PART_BYTES, "过大 / too much"));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(bomb(
                f.name(),
                total,
                MAX_TOTAL_BYTES,
                "总量过大 / too much in all",
            ));
        }
    }
    Ok(())
}

/// Inflates every part (into nothing), at most one byte past its stated
/// size: a part that inflates to more than the archive states is refused.
/// Run before calamine, which trusts the stated sizes; the fast reader
/// bounds its own reads.
pub(crate) fn check_inflated(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..z.len() {
        let Ok(f) = z.by_index(i) else {
            continue;
        };
        let size = f.size();
        let name = f.name().to_owned();
        let got =
            std::io::copy(&mut f.take(size.saturating_add(1)), &mut std::io::sink()).unwrap_or(0);
        if got > size {
            return Err(bomb(
                &name,
                size,
                size,
                "超过其声明的大小 / more than it states",
            ));
        }
    }
    Ok(())
}

/// Reads the workbook in `bytes`, parsing the cells of the sheets `wanted`
/// accepts; `None` when anything is not as expected.
pub(crate) fn read(bytes: &[u8], wanted: impl Fn(&str) -> bool) -> Option<FastBook> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let wb = part(&mut z, "xl/workbook.xml")?;
    let (sheets, is_1904) = workbook(&wb)?;
    let rels = relationships(&part(&mut z, "xl/_rels/workbook.xml.rels")?)?;
    let dates = match part(&mut z, "xl/styles.xml") {
        Some(s) => date_styles(&s)?,
        None => Vec::new(),
    };
    let strings = match part(&mut z, "xl/sharedStrings.xml") {
        Some(s) => shared_strings(&s)?,
        None => Vec::new(),
    };
    // The parts of the wanted sheets, with their sizes.
    let mut jobs: Vec<(usize, String, u64)> = Vec::new();
    for (i, (name, _, rid)) in sheets.iter().enumerate() {
        if !wanted(name) {
            continue;
        }
        let target = rels.get(rid)?;
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_owned(),
            None => format!("xl/{target}"),
        };
        let size = z.by_name(&path).ok()?.size();
        jobs.push((i, path, size));
    }
    // Largest first, on up to four threads (each with its own view of the
    // archive), so that the threads finish together.
    jobs.sort_by_key(|j| std::cmp::Reverse(j.2));
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(jobs.len().max(1));
    let queue = std::sync::Mutex::new(jobs.iter());
    let results: Vec<std::sync::Mutex<Option<Range<Data>>>> =
        sheets.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let failed = std::sync::atomic::AtomicBool::new(false);
    let work = |mut z: Zip<'_>| loop {
        let next = queue.lock().ok().and_then(|mut q| q.next());
        let Some((i, path, _)) = next else {
            break;
        };
        let range = part(&mut z, path).and_then(|xml| sheet(&xml, &strings, &dates, is_1904));
        match (range, results.get(*i)) {
            (Some(r), Some(slot)) => {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(r);
                }
            }
            _ => failed.store(true, std::sync::atomic::Ordering::Relaxed),
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(|| match zip::ZipArchive::new(Cursor::new(bytes)) {
                Ok(z) => work(z),
                Err(_) => failed.store(true, std::sync::atomic::Ordering::Relaxed),
            });
        }
        work(z);
    });
    if failed.load(std::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    let mut out = Vec::with_capacity(sheets.len());
    for ((name, hidden, _), slot) in sheets.into_iter().zip(results) {
        out.push(FastSheet {
            name,
            hidden,
            range: slot.into_inner().ok().flatten(),
        });
    }
    Some(FastBook {
        sheets: out,
        is_1904,
    })
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)
        .and_then(|a| unescape(&a.value))
}

/// The sheets (name, hidden, relationship id) and the date system.
/// A sheet of `workbook.xml`: name, hidden, relationship id.
type SheetEntry = (String, bool, String);

fn workbook(xml: &[u8]) -> Option<(Vec<SheetEntry>, bool)> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut sheets = Vec::new();
    let mut is_1904 = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"sheet" => {
                    let name = attr(&e, b"name")?;
                    let hidden = attr(&e, b"state").is_some_and(|s| s != "visible");
                    let rid = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"id")
                        .and_then(|a| unescape(&a.value))?;
                    sheets.push((name, hidden, rid));
                }
                b"workbookPr" => {
                    is_1904 = attr(&e, b"date1904").is_some_and(|v| v == "1" || v == "true");
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Some((sheets, is_1904))
}

fn relationships(xml: &[u8]) -> Option<HashMap<String, String>> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut out = HashMap::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(t)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    out.insert(id, t);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}

/// Whether a number format shows a date or time.
fn is_date_format(id: u32, code: Option<&str>) -> bool {
    if let Some(code) = code {
        return is_date_code(code);
    }
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a custom format code has date or time parts (outside quotes,
/// brackets and escapes; the first section only).
fn is_date_code(code: &str) -> bool {
    let mut escaped = false;
    let mut quoted = false;
    let mut brackets = 0u32;
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' | '_' | '*' => escaped = true,
            '"' => quoted = !quoted,
            _ if quoted => {}
            ';' => return false,
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            'd' | 'm' | 'y' | 'h' | 's' | 'D' | 'M' | 'Y' | 'H' | 'S' if brackets == 0 => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Per cell style (`s`): whether it formats a date.
fn date_styles(xml: &[u8]) -> Option<Vec<bool>> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, b"numFmtId"), attr(&e, b"formatCode"))
                    {
                        codes.insert(id.parse().ok()?, code);
                    }
                }
                b"cellXfs" => in_xfs = true,
                b"xf" if in_xfs => {
                    let id: u32 = attr(&e, b"numFmtId").map_or(Some(0), |v| v.parse().ok())?;
                    out.push(is_date_format(id, codes.get(&id).map(String::as_str)));
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_xfs = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}

/// Finds `pat` in `hay` from `from`.
fn find(hay: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, pat).map(|i| i + from)
}

/// The text of XML character data, entities resolved.
fn unescape(raw: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(raw).ok()?;
    if !s.contains('&') {
        return Some(s.to_owned());
    }
    quick_xml::escape::unescape(s).ok().map(|c| c.into_owned())
}

/// The text of the `<t>` elements in `xml` (an `<si>` or `<is>`), phonetic
/// runs (`<rPh>`) left out.
fn runs_text(xml: &[u8]) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', xml.get(i..)?).map(|p| p + i) {
        let rest = xml.get(lt + 1..)?;
        if rest.starts_with(b"rPh") && rest.get(3).is_some_and(|b| matches!(b, b' ' | b'>')) {
            i = find(xml, lt, b"</rPh>")? + 6;
            continue;
        }
        let is_t =
            rest.starts_with(b"t") && rest.get(1).is_some_and(|b| matches!(b, b' ' | b'>' | b'/'));
        let gt = memchr::memchr(b'>', rest)? + lt + 1;
        if is_t && xml.get(gt - 1) != Some(&b'/') {
            let end = find(xml, gt, b"</t>")?;
            out.push_str(&unescape(xml.get(gt + 1..end)?)?);
            i = end + 4;
        } else {
            i = gt + 1;
        }
    }
    Some(out)
}

fn shared_strings(xml: &[u8]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = find(xml, i, b"<si") {
        let after = *xml.get(p + 3)?;
        if !matches!(after, b'>' | b' ' | b'/') {
            i = p + 3;
            continue;
        }
        let gt = memchr::memchr(b'>', xml.get(p..)?)? + p;
        if xml.get(gt - 1) == Some(&b'/') {
            out.push(String::new());
            i = gt + 1;
            continue;
        }
        let end = find(xml, gt, b"</si>")?;
        out.push(runs_text(xml.get(gt + 1..end)?)?);
        i = end + 5;
    }
    Some(out)
}

/// The attributes of a tag's text (`c r="A2" s="3"`), in order: the name
/// after the element name, then `name="value"` pairs. `None` if malformed.
fn attrs(tag: &[u8]) -> Option<Vec<(&[u8], &[u8])>> {
    let mut out = Vec::with_capacity(4);
    let mut i = tag
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(tag.len());
    loop {
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match tag.get(i) {
            None | Some(b'/') => return Some(out),
            Some(_) => {}
        }
        let eq = memchr::memchr(b'=', tag.get(i..)?)? + i;
        let name = tag.get(i..eq)?.trim_ascii();
        let q = *tag.get(eq + 1)?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let end = memchr::memchr(q, tag.get(eq + 2..)?)? + eq + 2;
        out.push((name, tag.get(eq + 2..end)?));
        i = end + 1;
    }
}

/// The `r`, `s` and `t` attributes of a cell tag, without allocating.
#[allow(clippy::type_complexity)]
fn cell_attrs(tag: &[u8]) -> Option<(Option<&[u8]>, Option<&[u8]>, Option<&[u8]>)> {
    let (mut r, mut s, mut t) = (None, None, None);
    let mut i = 1; // after `c`
    loop {
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match tag.get(i) {
            None | Some(b'/') => return Some((r, s, t)),
            Some(_) => {}
        }
        let eq = memchr::memchr(b'=', tag.get(i..)?)? + i;
        let name = tag.get(i..eq)?.trim_ascii();
        let q = *tag.get(eq + 1)?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let end = memchr::memchr(q, tag.get(eq + 2..)?)? + eq + 2;
        let v = tag.get(eq + 2..end)?;
        match name {
            b"r" => r = Some(v),
            b"s" => s = Some(v),
            b"t" => t = Some(v),
            _ => {}
        }
        i = end + 1;
    }
}

/// A whole number in ASCII digits.
fn digits(v: &[u8]) -> Option<usize> {
    let v = v.trim_ascii();
    if v.is_empty() || v.len() > 18 {
        return None;
    }
    v.iter().try_fold(0usize, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0'))
    })
}

/// The value of attribute `name` in the tag text `tag`.
fn tag_attr<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attrs(tag)?
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// `AB12` → (row 11, column 27), 0-based.
fn cell_ref(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if letters == 0 || letters > 3 || letters == r.len() {
        return None;
    }
    let mut col: u32 = 0;
    for b in &r[..letters] {
        col = col * 26 + u32::from(b - b'A') + 1;
    }
    let row = u32::try_from(digits(&r[letters..])?).ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

fn error_value(v: &[u8]) -> CellErrorType {
    match v {
        b"#DIV/0!" => CellErrorType::Div0,
        b"#N/A" => CellErrorType::NA,
        b"#NAME?" => CellErrorType::Name,
        b"#NULL!" => CellErrorType::Null,
        b"#NUM!" => CellErrorType::Num,
        b"#REF!" => CellErrorType::Ref,
        _ => CellErrorType::Value,
    }
}

/// The cells of one worksheet.
fn sheet(xml: &[u8], strings: &[String], dates: &[bool], is_1904: bool) -> Option<Range<Data>> {
    let start = match find(xml, 0, b"<sheetData") {
        Some(p) => p,
        None => return Some(Range::empty()),
    };
    let end = find(xml, start, b"</sheetData>").unwrap_or(xml.len());
    let body = xml.get(start..end)?;
    let close_c = memchr::memmem::Finder::new(b"</c>");
    let mut cells: Vec<Cell<Data>> = Vec::new();
    let (mut row, mut col): (u32, u32) = (0, 0);
    let mut next_row: u32 = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', body.get(i..)?).map(|p| p + i) {
        let rest = body.get(lt + 1..)?;
        let gt = memchr::memchr(b'>', rest)? + lt + 1;
        let tag = body.get(lt + 1..gt)?;
        i = gt + 1;
        if tag.starts_with(b"row") && tag.get(3).is_some_and(|b| matches!(b, b' ' | b'>' | b'/')) {
            row = match tag_attr(tag, b"r") {
                Some(r) => u32::try_from(digits(r)?).ok()?.checked_sub(1)?,
                None => next_row,
            };
            next_row = row + 1;
            col = 0;
            continue;
        }
        if !(tag.starts_with(b"c") && tag.get(1).is_some_and(|b| matches!(b, b' ' | b'>' | b'/'))) {
            continue;
        }
        let (r_attr, s_attr, t_attr) = cell_attrs(tag)?;
        let (r, c) = match r_attr {
            Some(x) => cell_ref(x)?,
            None => (row, col),
        };
        col = c + 1;
        if tag.last() == Some(&b'/') {
            continue; // an empty cell
        }
        let close = close_c.find(body.get(i..)?)? + i;
        let inner = body.get(i..close)?;
        i = close + 4;
        let t = t_attr.unwrap_or(b"n");
        let v = value_of(inner);
        let data = match t {
            b"s" => {
                let idx = digits(v?)?;
                Data::String(strings.get(idx)?.clone())
            }
            b"inlineStr" => {
                let is = find(inner, 0, b"<is").map(|p| &inner[p..]).unwrap_or(inner);
                Data::String(runs_text(is)?)
            }
            b"str" => match v {
                Some(v) => Data::String(unescape(v)?),
                None => continue,
            },
            b"b" => Data::Bool(v? == b"1"),
            b"e" => Data::Error(error_value(v?)),
            b"d" => Data::DateTimeIso(unescape(v?)?),
            b"n" => {
                let Some(v) = v else {
                    continue;
                };
                let x: f64 = std::str::from_utf8(v).ok()?.trim().parse().ok()?;
                let s = match s_attr {
                    Some(s) => digits(s)?,
                    None => 0,
                };
                if dates.get(s).copied().unwrap_or(false) {
                    Data::DateTime(ExcelDateTime::new(x, ExcelDateTimeType::DateTime, is_1904))
                } else {
                    Data::Float(x)
                }
            }
            _ => return None,
        };
        cells.push(Cell::new((r, c), data));
    }
    Some(Range::from_sparse(cells))
}

/// The text of the `<v>` element of a cell's content, if any.
fn value_of(inner: &[u8]) -> Option<&[u8]> {
    // Usually the whole content: `<v>12</v>`.
    if let Some(v) = inner
        .strip_prefix(b"<v>")
        .and_then(|x| x.strip_suffix(b"</v>"))
    {
        if memchr::memchr(b'<', v).is_none() {
            return Some(v);
        }
    }
    let p = find(inner, 0, b"<v")?;
    let gt = memchr::memchr(b'>', inner.get(p..)?)? + p;
    if inner.get(gt - 1) == Some(&b'/') {
        return None;
    }
    let end = find(inner, gt, b"</v>")?;
    inner.get(gt + 1..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_attributes() {
        assert_eq!(cell_ref(b"A1"), Some((0, 0)));
        assert_eq!(cell_ref(b"AB12"), Some((11, 27)));
        assert_eq!(cell_ref(b"12"), None);
        assert_eq!(cell_ref(b"A"), None);
        assert_eq!(
            tag_attr(b"c r=\"B2\" s=\"3\" t=\"s\"", b"s"),
            Some(&b"3"[..])
        );
        assert_eq!(
            tag_attr(b"c r=\"B2\" s=\"3\" t=\"s\"", b"t"),
            Some(&b"s"[..])
        );
        assert_eq!(tag_attr(b"c rs=\"1\"", b"s"), None);
    }

    #[test]
    fn date_formats() {
        assert!(is_date_code("yyyy-mm-dd"));
        assert!(is_date_code("yyyy\"年\"m\"月\"d\"日\""));
        assert!(!is_date_code("0.00"));
        assert!(!is_date_code("[Red]0.00"));
        assert!(!is_date_code("\"day\" 0"));
        assert!(is_date_format(14, None));
        assert!(is_date_format(31, None));
        assert!(!is_date_format(2, None));
    }

    #[test]
    fn strings_skip_phonetic_runs() {
        let xml = r#"<sst><si><t>a&amp;b</t></si><si><r><t>王</t></r><r><t xml:space="preserve">一 </t></r><rPh sb="0" eb="1"><t>wang</t></rPh></si><si/></sst>"#;
        assert_eq!(
            shared_strings(xml.as_bytes()).unwrap(),
            ["a&b", "王一 ", ""]
        );
    }
}

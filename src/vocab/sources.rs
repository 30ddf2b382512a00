//! The documents the rules cite, by their full titles.
//!
//! A finding cites a document and an article ([`Citation`]); the rule catalogue
//! (`docs/rules.md`) names the same.

use super::{Citation, Cite};

/// 《中国共产党章程》 (2022).
pub const DANGZHANG: &str = "中国共产党章程";
/// 《中国共产党发展党员工作细则》 (2014; the 2026 revision is an edition of it).
pub const XIZE: &str = "中国共产党发展党员工作细则";
/// 《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号).
pub const DUES_RULES: &str = "关于中国共产党党费收缴、使用和管理的规定";
/// 《中国共产党支部工作条例（试行）》 (2018).
pub const ZHIBU: &str = "中国共产党支部工作条例（试行）";
/// 《中国共产党党员教育管理工作条例》 (2019).
pub const JIAOYU: &str = "中国共产党党员教育管理工作条例";
/// 《2019—2023年全国党员教育培训工作规划》.
#[allow(dead_code)]
pub const PEIXUN: &str = "2019—2023年全国党员教育培训工作规划";
/// 《2014—2018年全国党员教育培训工作规划》.
#[allow(dead_code)]
pub const PEIXUN_2014: &str = "2014—2018年全国党员教育培训工作规划";
/// 《中国共产党基层组织选举工作条例》 (2020).
pub const XUANJU: &str = "中国共产党基层组织选举工作条例";
/// 中办《关于党的基层组织任期的意见》 (2018).
pub const RENQI: &str = "关于党的基层组织任期的意见";
/// 《党委（党组）意识形态工作责任制实施办法》 (2015).
#[allow(dead_code)]
pub const YISHI: &str = "党委（党组）意识形态工作责任制实施办法";
/// Widespread local practice, not central text.
pub const PRACTICE: &str = "地方通行做法 (practice, not central text)";
/// Data quality: consistency of the records themselves.
pub const DATA_QUALITY: &str = "台账数据质量 (data quality)";
/// A value a profile set without naming its source.
pub const LOCAL: &str = "本地规定 (local rule)";

/// Whether `document` is a note rather than a document title (practice,
/// data quality, a local rule): shown without title marks.
pub fn is_note(document: &str) -> bool {
    document == PRACTICE || document == DATA_QUALITY || document == LOCAL
}

/// A fixed citation of a rule: `document`, `article`.
pub(crate) const fn cite(document: &'static str, article: &'static str) -> Cite {
    super::cite(document, article)
}

/// A citation value (a parameter's source).
pub(crate) const fn citation(document: &'static str, article: &'static str) -> Citation {
    Citation::new(document, article)
}

//! The documents the rules cite, by their full titles.
//!
//! A finding cites a document and an article ([`Citation`]); the rule catalogue
//! (`docs/rules.md`) names the same.

use crate::finding::Citation;

/// 《中国共产党章程》 (2022).
pub const DANGZHANG: &str = "中国共产党章程";
/// 《中国共产党发展党员工作细则》 (2014).
pub const XIZE: &str = "中国共产党发展党员工作细则";
/// 《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号).
pub const DUES_RULES: &str = "关于中国共产党党费收缴、使用和管理的规定";
/// 《中国共产党支部工作条例（试行）》 (2018).
pub const ZHIBU: &str = "中国共产党支部工作条例（试行）";
/// 《中国共产党党员教育管理工作条例》 (2019).
pub const JIAOYU: &str = "中国共产党党员教育管理工作条例";
/// 《2019—2023年全国党员教育培训工作规划》.
pub const PEIXUN: &str = "2019—2023年全国党员教育培训工作规划";
/// 《中国共产党基层组织选举工作条例》 (2020).
pub const XUANJU: &str = "中国共产党基层组织选举工作条例";
/// Widespread local practice, not central text.
pub const PRACTICE: &str = "地方通行做法 (practice, not central text)";
/// Data quality: consistency of the records themselves.
pub const DATA_QUALITY: &str = "台账数据质量 (data quality)";

/// A citation of `document`, `article`.
pub const fn cite(document: &'static str, article: &'static str) -> Citation {
    Citation { document, article }
}

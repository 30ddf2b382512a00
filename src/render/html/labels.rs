//! The words of the page (headings, column names, buttons) in Chinese and
//! English: the templates' `t` variable.

use std::collections::BTreeMap;

use crate::report::Lang;

/// `(key, 中文, English)`.
static LABELS: &[(&str, &str, &str)] = &[
    ("accepted", "已批准例外", "accepted"),
    ("all", "全部", "all"),
    ("as_of", "基准日", "As of"),
    ("attendance", "出勤", "Attendance"),
    ("baseline", "上次检查（基准）", "Baseline"),
    (
        "baseline_counts",
        "与上次检查比较",
        "Compared with the baseline",
    ),
    ("before", "上次", "Before"),
    ("branch", "支部", "Branch"),
    ("branches", "支部", "branches"),
    ("candidates", "发展对象", "candidates"),
    ("citation", "依据", "Source"),
    ("collapse_all", "全部收起", "Collapse all"),
    ("development", "发展党员进度", "Member development"),
    ("dues_grid", "党费交纳", "Dues"),
    ("edition", "细则版本", "Edition"),
    ("error", "错误", "errors"),
    ("evidence", "证据", "Evidence"),
    ("expand_all", "全部展开", "Expand all"),
    ("expired_accepts", "已过期的例外", "Expired exceptions"),
    ("family", "类别", "Family"),
    ("findings", "问题清单", "Findings"),
    (
        "findings_of_branch",
        "查看本支部问题",
        "Show this branch's findings",
    ),
    ("first_seen", "首次发现", "first seen"),
    ("indicator", "指标", "Indicator"),
    ("info", "提示", "info"),
    ("level", "等级", "Level"),
    ("life_grid", "组织生活", "Organisational life"),
    ("members", "党员", "members"),
    ("message", "问题", "Finding"),
    ("missing", "待补", "To make up"),
    ("new", "新发现", "new"),
    ("next", "下一步", "Next"),
    ("no_findings", "未发现问题", "No findings"),
    ("no_rows", "没有符合条件的问题", "No finding matches"),
    ("now", "本次", "Now"),
    ("open", "未整改", "still open"),
    ("period", "审计期间", "Period"),
    ("period_col", "期间", "Period"),
    ("print", "打印", "Print"),
    ("profile", "规则配置", "Profile"),
    ("rate", "整改率", "rectification rate"),
    ("recurring", "重复出现", "recurring"),
    ("resolved", "已整改", "resolved"),
    ("rule", "规则", "Rule"),
    ("score", "评星定级", "Rating"),
    ("search", "搜索", "Search"),
    ("severity", "严重程度", "Severity"),
    ("show_more", "显示更多", "Show more"),
    ("shown", "显示", "shown"),
    ("status", "状态", "Status"),
    ("subject", "对象", "Subject"),
    ("title", "党支部台账审计报告", "Party branch records audit"),
    ("to", "至", "to"),
    ("todo", "待办", "Falls due"),
    ("todo_due", "期限", "Due"),
    ("unchanged", "未整改", "unchanged"),
    (
        "unmatched_accepts",
        "未匹配任何问题的例外",
        "Exceptions that matched no finding",
    ),
    (
        "unreadable",
        "无法读取（未审计）",
        "Unreadable (not audited)",
    ),
    ("updated", "有变化", "changed"),
    ("warning", "警告", "warnings"),
];

/// The labels in `lang`, by key.
pub(crate) fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|(k, zh, en)| (*k, if lang == Lang::En { *en } else { *zh }))
        .collect()
}

/// The label of `key` in `lang` (the key itself when unknown).
pub(crate) fn label(lang: Lang, key: &'static str) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, zh, en)| if lang == Lang::En { *en } else { *zh })
}

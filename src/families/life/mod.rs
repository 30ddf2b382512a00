//! Organisational life and study (三会一课, 主题党日, 组织生活会, 民主评议,
//! training hours): the attendance roll, the member-standing view, and the
//! rules MTG001–MTG015 and EDU001–EDU002.

pub mod attendance;
pub(crate) mod education;
pub(crate) mod meetings;
pub mod standing;

use crate::kit::RuleMeta;

/// The family's rules' metadata: meetings, then education.
pub(crate) static RULES: &[&[RuleMeta]] = &[
    meetings::periodic::RULES,
    meetings::talks::RULES,
    meetings::absences::RULES,
    meetings::records::RULES,
    meetings::cadres::RULES,
    meetings::rectify::RULES,
    education::META,
];

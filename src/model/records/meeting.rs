//! Meetings, attendance, votes, rectification items, talks and training.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;
use crate::model::{Hours, Id, PeriodSpec};

string_enum! {
    /// Kind of meeting; every kind counts as organisational life.
    pub enum MeetingKind {
        /// 支部党员大会.
        GeneralMeeting = "general_meeting",
        /// 支委会.
        CommitteeMeeting = "committee_meeting",
        /// 党小组会 (needs `group`).
        GroupMeeting = "group_meeting",
        /// 党课.
        PartyLecture = "party_lecture",
        /// 主题党日.
        ThemeDay = "theme_day",
        /// 组织生活会.
        LifeMeeting = "life_meeting",
        /// 民主评议党员.
        DemocraticReview = "democratic_review",
        /// Other study session.
        Study = "study",
    }
}

string_enum! {
    /// A member's attendance at a meeting.
    pub enum AttendanceStatus {
        /// Present.
        Present = "present",
        /// Excused absence (请假).
        Excused = "excused",
        /// Absent.
        Absent = "absent",
    }
}

/// One attendance entry of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attendance {
    /// The member.
    pub member: Id,
    /// Present, excused or absent.
    pub status: AttendanceStatus,
    /// Reason for an absence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Attendance {
    /// `member`'s attendance, with no reason given.
    pub fn new(member: Id, status: AttendanceStatus) -> Attendance {
        Attendance {
            member,
            status,
            reason: None,
        }
    }
}

/// The vote of a 支部党员大会 decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Votes {
    /// Members with a vote (正式党员, rights not suspended).
    pub expected_voting: u32,
    /// Voting members present.
    pub present_voting: u32,
    /// Yes votes.
    pub yes: u32,
    /// No votes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub no: u32,
    /// Abstentions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub abstain: u32,
    /// Written opinions of absent voters, counted with yes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub written_yes: u32,
    /// Recorded outcome.
    pub passed: bool,
}

impl Votes {
    /// A vote with no `no`, abstentions or written opinions.
    pub fn new(expected_voting: u32, present_voting: u32, yes: u32, passed: bool) -> Votes {
        Votes {
            expected_voting,
            present_voting,
            yes,
            no: 0,
            abstain: 0,
            written_yes: 0,
            passed,
        }
    }
}

/// An item to rectify (整改事项) decided at a meeting (usually a 组织生活会), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Rectification {
    /// What is to be rectified.
    pub item: String,
    /// The member responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Id>,
    /// Deadline.
    #[serde(deserialize_with = "crate::model::date")]
    pub due: NaiveDate,
    /// Date it was done; absent = not done.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub done_on: Option<NaiveDate>,
}

impl Rectification {
    /// An item due on `due`, not yet done, with no owner.
    pub fn new(item: impl Into<String>, due: NaiveDate) -> Rectification {
        Rectification {
            item: item.into(),
            owner: None,
            due,
            done_on: None,
        }
    }
}

/// A meeting or study session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meeting {
    /// Meeting id.
    pub id: Id,
    /// Kind.
    pub kind: MeetingKind,
    /// Date held.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// Period it counts for; absent = the period containing `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_period: Option<PeriodSpec>,
    /// The group, for `group_meeting`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
    /// Topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Chair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<Id>,
    /// Recorder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorder: Option<Id>,
    /// Length in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Expected members; absent = by kind (see the crate docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Vec<Id>>,
    /// Attendance entries; an expected member with none was absent.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attendance: Vec<Attendance>,
    /// Vote of a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
    /// Free tags; `ideology` marks a 意识形态 session (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Items to rectify decided at the meeting (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub rectifications: Vec<Rectification>,
    /// The number of members expected (应到人数) as the record states it
    /// (an addition to the format, from the workbook's 三会一课 sheet);
    /// `DAT004` compares it with the resolved attendance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_count: Option<u32>,
    /// The number present (实到人数) as the record states it (addition);
    /// `DAT004` compares it with the members recorded present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present_count: Option<u32>,
    /// The number excused (请假人数) as the record states it (addition);
    /// `DAT004` compares it with the members recorded excused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excused_count: Option<u32>,
}

impl Meeting {
    /// A meeting of `kind` held on `date`, with nothing else recorded.
    pub fn new(id: Id, kind: MeetingKind, date: NaiveDate) -> Meeting {
        Meeting {
            id,
            kind,
            date,
            for_period: None,
            group: None,
            topic: None,
            chair: None,
            recorder: None,
            hours: None,
            expected: None,
            attendance: Vec::new(),
            votes: None,
            tags: Vec::new(),
            rectifications: Vec::new(),
            expected_count: None,
            present_count: None,
            excused_count: None,
        }
    }

    /// Whether the meeting carries the tag `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// A heart-to-heart talk (谈心谈话) between members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Talk {
    /// Date.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// The members who talked (usually two).
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Id>,
}

impl Talk {
    /// A talk on `date` between `members`.
    pub fn new(date: NaiveDate, members: Vec<Id>) -> Talk {
        Talk { date, members }
    }
}

string_enum! {
    /// How training hours were earned (v1.1).
    pub enum TrainingChannel {
        /// 线下 in person.
        Offline = "offline",
        /// 网络党校 the online party school.
        OnlineSchool = "online_school",
        /// 学习强国.
        Xuexi = "xuexi",
        /// Anything else.
        Other = "other",
    }
}

/// Training hours of a member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Training {
    /// The member.
    pub member: Id,
    /// Date.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// Hours.
    pub hours: Hours,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How the hours were earned (v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<TrainingChannel>,
}

impl Training {
    /// `hours` of training of `member` on `date`, untitled.
    pub fn new(member: Id, date: NaiveDate, hours: Hours) -> Training {
        Training {
            member,
            date,
            hours,
            title: None,
            channel: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_found_by_its_whole_name() {
        let mut m = Meeting::new(
            "m1".parse().unwrap(),
            MeetingKind::CommitteeMeeting,
            crate::testing::d("2025-03-01"),
        );
        assert!(!m.has_tag("主题党日"));
        m.tags = vec!["主题党日".into(), "集中学习".into()];
        assert!(m.has_tag("主题党日"));
        assert!(m.has_tag("集中学习"));
        assert!(!m.has_tag("主题"));
        assert!(!m.has_tag(""));
    }
}

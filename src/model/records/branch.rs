//! The branch (党支部), its committee and groups.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;
use crate::model::Id;

string_enum! {
    /// The kind of unit the branch is set up in.
    pub enum BranchKind {
        /// 机关 government organ.
        Organ = "organ",
        /// 企业 enterprise.
        Enterprise = "enterprise",
        /// 学校 school.
        School = "school",
        /// 医院 hospital.
        Hospital = "hospital",
        /// 农村 village.
        Village = "village",
        /// 社区 community.
        Community = "community",
        /// Anything else.
        Other = "other",
    }
}

string_enum! {
    /// A committee member's office.
    pub enum CommitteeRole {
        /// 书记.
        Secretary = "secretary",
        /// 副书记.
        DeputySecretary = "deputy_secretary",
        /// 组织委员.
        Organization = "organization",
        /// 宣传委员.
        Propaganda = "propaganda",
        /// 纪检委员.
        Discipline = "discipline",
        /// 委员.
        Member = "member",
    }
}

/// A seat on the branch committee (支委会).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CommitteeSeat {
    /// The member holding the seat.
    pub member: Id,
    /// Their office.
    pub role: CommitteeRole,
}

impl CommitteeSeat {
    /// The seat of `member` in `role`.
    pub fn new(member: Id, role: CommitteeRole) -> CommitteeSeat {
        CommitteeSeat { member, role }
    }
}

/// An approved postponement of the committee's re-election (选举条例 art. 3:
/// 延长期限一般不超过1年), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Postponement {
    /// Date the higher organisation approved it.
    #[serde(deserialize_with = "crate::model::date")]
    pub approved_on: NaiveDate,
    /// Last day of the postponed term.
    #[serde(deserialize_with = "crate::model::date")]
    pub until: NaiveDate,
}

impl Postponement {
    /// A postponement approved on `approved_on` until `until`.
    pub fn new(approved_on: NaiveDate, until: NaiveDate) -> Postponement {
        Postponement { approved_on, until }
    }
}

/// The branch committee (支委会) and its term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Committee {
    /// Date of the election.
    #[serde(deserialize_with = "crate::model::date")]
    pub elected_on: NaiveDate,
    /// Term in years (党章 art. 31: 3–5).
    pub term_years: u32,
    /// The seats.
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<CommitteeSeat>,
    /// An approved postponement of the re-election (v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postponement: Option<Postponement>,
}

impl Committee {
    /// A committee elected on `elected_on` for `term_years`, with no seats yet.
    pub fn new(elected_on: NaiveDate, term_years: u32) -> Committee {
        Committee {
            elected_on,
            term_years,
            members: Vec::new(),
            postponement: None,
        }
    }

    /// Adds a seat.
    #[must_use]
    pub fn with_seat(mut self, member: Id, role: CommitteeRole) -> Committee {
        self.members.push(CommitteeSeat::new(member, role));
        self
    }
}

/// A party group (党小组).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Group {
    /// Group id.
    pub id: Id,
    /// Name, e.g. 第一党小组.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Group leader (组长).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<Id>,
    /// Members of the group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Id>,
}

impl Group {
    /// A group with no name, leader or members yet.
    pub fn new(id: Id) -> Group {
        Group {
            id,
            name: None,
            leader: None,
            members: Vec::new(),
        }
    }
}

/// The branch (党支部) itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Branch {
    /// Branch id.
    pub id: Id,
    /// Full name.
    pub name: String,
    /// Kind of unit.
    pub kind: BranchKind,
    /// Founding date; obligations start here.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub founded_on: Option<NaiveDate>,
    /// Dissolution date; obligations end here.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub dissolved_on: Option<NaiveDate>,
    /// The committee; absent = the branch has no 支委会.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Committee>,
    /// The secretary, for branches without a committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<Id>,
    /// Party groups.
    #[serde(default, deserialize_with = "null_as_default")]
    pub groups: Vec<Group>,
}

impl Branch {
    /// A branch with the required fields; no committee, secretary or groups.
    pub fn new(id: Id, name: impl Into<String>, kind: BranchKind) -> Branch {
        Branch {
            id,
            name: name.into(),
            kind,
            founded_on: None,
            dissolved_on: None,
            committee: None,
            secretary: None,
            groups: Vec::new(),
        }
    }
}

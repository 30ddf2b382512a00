//! Every threshold of the rules, each with its citation and editions.
//!
//! Rules read their thresholds here and nowhere else. [`Profile::central`]
//! is the central regulations' profile, the default; `central-2026` applies
//! the reported 2026 revision of the 发展党员工作细则 from its date
//! ([`Profile::builtin`]). A province or a sector that is stricter (or counts
//! differently where the central text leaves it open, "practice") sets its
//! own values — with its own source, which its findings then cite:
//!
//! ```
//! use dangjian::{Citation, Profile};
//! let mut p = Profile::central();
//! p.name = "example-province".into();
//! p.meetings.absence_threshold.set(2, Some(Citation::owned("某省委组织部〔2024〕1号", "第五条")));
//! assert_eq!(*Profile::central().meetings.absence_threshold.value(), 3);
//! assert_eq!(*p.meetings.absence_threshold.value(), 2);
//! ```
//!
//! Every parameter has a dotted name (`meetings.absence_threshold`), a
//! range and docs: [`Profile::params`] lists them, `docs/rules.md` shows the
//! central values.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Money, PublicityStage};
use crate::vocab::Citation;
use header::ProfileHeader;

pub(crate) mod accept;
mod central;
mod chain;
mod explain;
mod file;
pub(crate) mod header;
mod param;
mod scoring;
mod toml_doc;

pub use accept::{Accept, AcceptPeriod, RuleLevel, RuleSetting};
pub(crate) use central::renqi_from;
pub use file::FORMAT;
pub use param::{Bounds, Edition, Param, ParamValue};
pub use scoring::{Deduction, Level, Scoring, Veto};

/// How an expected dues amount is rounded (half up).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Rounding {
    /// To the fen, 0.01 yuan (the default).
    Fen,
    /// To the jiao, 0.1 yuan.
    Jiao,
    /// To the whole yuan.
    Yuan,
}

impl Rounding {
    /// Decimal places kept.
    pub fn places(self) -> u32 {
        match self {
            Rounding::Fen => 2,
            Rounding::Jiao => 1,
            Rounding::Yuan => 0,
        }
    }
}

/// One bracket of a rate table: bases up to and including `up_to` (no limit
/// when `None`) pay `rate` of the **whole** base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bracket {
    /// Inclusive upper bound of the base.
    pub up_to: Option<Money>,
    /// Rate as a fraction (0.005 = 0.5%).
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
}

impl Bracket {
    /// Bases up to `up_to` (no limit: `None`) pay `rate` of the whole base.
    pub fn new(up_to: Option<Money>, rate: Decimal) -> Bracket {
        Bracket { up_to, rate }
    }
}

pub use crate::period::PeriodKind;

/// An edition of the 发展党员工作细则.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum XizeEdition {
    /// The 2014 text (in force from 2014-05-28).
    #[serde(rename = "2014")]
    Y2014,
    /// The reported 2026 revision (in force from 2026-05-11; only a public
    /// copy has been read, not the official publication).
    #[serde(rename = "2026")]
    Y2026,
}

impl XizeEdition {
    /// `2014` or `2026`.
    pub fn as_str(self) -> &'static str {
        match self {
            XizeEdition::Y2014 => "2014",
            XizeEdition::Y2026 => "2026",
        }
    }
}

/// Declares the profile's sections (one struct per family, a [`Param`] per
/// threshold) and the table of every parameter's dotted name, docs and
/// range, from one list — so the docs, the profile files and the citations
/// cannot drift apart.
macro_rules! sections {
    ($(
        $(#[doc = $sdoc:literal])+
        $section:ident: $Struct:ident {
            $( $(#[doc = $doc:literal])+ $field:ident: $ty:ty $(= $bounds:expr)?; )+
        }
    )+) => {
        $(
            $(#[doc = $sdoc])+
            #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
            #[non_exhaustive]
            pub struct $Struct {
                $( $(#[doc = $doc])+ pub $field: Param<$ty>, )+
            }
        )+

        /// All thresholds of all rules, by family.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct Profile {
            /// The profile's name, printed in the report (`central` by default).
            pub name: String,
            $( $(#[doc = $sdoc])+ pub $section: $Struct, )+
            /// Rule settings (a profile file's `[rules]`), in the order they
            /// apply: see [`Profile::rule_level`].
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub rules: Vec<RuleSetting>,
            /// Approved exceptions (a profile file's `[[accept]]`).
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub accepts: Vec<Accept>,
            /// The 评星定级 scheme (a profile file's `[scoring]`).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub scoring: Option<Scoring>,
            /// Where the profile came from (built-in name, or files with their
            /// SHA-256), for the report header.
            #[serde(default)]
            pub origin: Origin,
        }

        pub(crate) static PARAMS: &[ParamDef] = &[
            $( $( ParamDef {
                name: concat!(stringify!($section), ".", stringify!($field)),
                doc: concat!($($doc, "\n"),+),
                bounds: sections!(@bounds $($bounds)?),
                get: { fn get(p: &Profile) -> &dyn DynParam { &p.$section.$field } get },
                get_mut: {
                    fn get_mut(p: &mut Profile) -> &mut dyn DynParam { &mut p.$section.$field }
                    get_mut
                },
            }, )+ )+
        ];
    };
    (@bounds $b:expr) => { $b };
    (@bounds) => { Bounds::NONE };
}

sections! {
    /// Dues thresholds (党费规定).
    dues: DuesProfile {
        /// Rates for `salaried`, `annual_salary` and `irregular_income`, on the
        /// after-tax base (a table of brackets).
        income_rates: Vec<Bracket>;
        /// Rates for `retired`, on the pension.
        retired_rates: Vec<Bracket>;
        /// Least monthly amount of a `farmer`, in yuan.
        farmer_min: Money = Bounds::range(0, 100_000);
        /// Most monthly amount of a `farmer`, in yuan.
        farmer_max: Money = Bounds::range(0, 100_000);
        /// Monthly amount of `student`, `unemployed`, `relief` and `low_income`, in yuan.
        fixed_amount: Money = Bounds::range(0, 100_000);
        /// Rounding of the expected amount: `fen`, `jiao` or `yuan` (half up).
        rounding: Rounding;
        /// Shortest run of unpaid months reported as `DUE003` (runs of this many
        /// up to `dues.lapse_months` − 1).
        arrears_min_months: u32 = Bounds::range(1, 24);
        /// Shortest run of unpaid months that is a six-month lapse (`DUE004`).
        lapse_months: u32 = Bounds::range(1, 36);
        /// A back-payment more than this many months after the end of the
        /// month paid for is late (`DUE005`).
        backpay_max_months: u32 = Bounds::range(1, 36);
        /// Whether a year's expected amounts use the base in effect in its
        /// first owed month (a base fixed once a year) instead of each month's
        /// base (`DUE002`).
        annual_base_fixed: bool;
        /// How often collected dues are remitted to the higher committee:
        /// `month` or `quarter` (`DUE010`).
        remittance_cycle: PeriodKind;
        /// Months after a remittance period's end before a short remittance
        /// is reported (`DUE010`).
        remittance_grace_months: u32 = Bounds::range(0, 12);
        /// Whether every payment needs a receipt number even in a bundle that
        /// records none (`DUE009`).
        receipt_required: bool;
        /// Whether a publication of the year's dues is required even in a
        /// bundle that records none (`DUE011`).
        publication_required: bool;
        /// Months after a year's end before a missing publication is
        /// reported (`DUE011`).
        publication_grace_months: u32 = Bounds::range(0, 12);
    }
    /// Member-development thresholds (发展党员工作细则).
    development: DevelopmentProfile {
        /// The edition of the 发展党员工作细则 applied: `2014` or `2026`, by
        /// effective date (step order, publicity gate, articles, DEV021/DEV022).
        edition: XizeEdition;
        /// Least age on `applied`, in years.
        min_age_years: u32 = Bounds::range(14, 40);
        /// The initial talk within this many months of `applied` (`DEV002`).
        talk_within_months: u32 = Bounds::range(1, 12);
        /// Least time as an activist before `candidate_confirmed`, in months (`DEV007`).
        activist_min_months: u32 = Bounds::range(1, 60);
        /// Most months between assessments of an activist (`DEV006`); the
        /// planner also reminds of a probationer's assessment at this interval.
        assessment_interval_months: u32 = Bounds::range(1, 24);
        /// Least and most contacts (培养联系人) (`DEV005`).
        contacts: (u32, u32) = Bounds::range(1, 5);
        /// Number of introducers (入党介绍人) (`DEV008`).
        introducers: u32 = Bounds::range(1, 5);
        /// Least days of the concentrated training (`DEV010`).
        training_min_days: u32 = Bounds::range(0, 60);
        /// Least hours of the concentrated training (`DEV010`).
        training_min_hours: u32 = Bounds::range(0, 500);
        /// Publicity stages required: any of `activist`, `candidate`,
        /// `admission`, `conversion` (`DEV011`).
        publicity_stages: Vec<PublicityStage>;
        /// Least working days of a publicity (`DEV012`).
        publicity_min_working_days: u32 = Bounds::range(1, 60);
        /// Approval within this many months of its meeting; later is a
        /// warning (`DEV015`).
        approval_within_months: u32 = Bounds::range(1, 24);
        /// An admission approved later than this many months is an error (`DEV015`).
        approval_error_months: u32 = Bounds::range(1, 36);
        /// Probation, in months from `admission_meeting`.
        probation_months: u32 = Bounds::range(1, 36);
        /// Least and most months of a probation extension (`DEV019`).
        extension_months: (u32, u32) = Bounds::range(1, 36);
        /// Grace after the end of probation before a missing conversion
        /// meeting is overdue (`DEV017`). The 细则 says 及时 (in time): practice.
        conversion_grace_months: u32 = Bounds::range(0, 24);
        /// Months a branch may defer the conversion of a probationer who
        /// transferred in during probation (`DEV017`).
        transfer_deferral_months: u32 = Bounds::range(0, 24);
        /// Grace after `conversion_approved` before unarchived materials are
        /// reported (`DEV020`). The 细则 says 及时: practice.
        archive_grace_months: u32 = Bounds::range(0, 24);
        /// The admission meeting within this many months of `pre_review`
        /// (`DEV021`, 2026 edition).
        admission_within_months: u32 = Bounds::range(1, 24);
        /// The oath within this many months of `admission_approved`
        /// (`DEV022`, 2026 edition).
        oath_within_months: u32 = Bounds::range(1, 24);
    }
    /// Organisational-life thresholds (支部工作条例, 党章). The annual items
    /// (组织生活会 `MTG006`, 民主评议党员 `MTG007`, talks `MTG008`) are yearly by
    /// the text itself and have no frequency here.
    meetings: MeetingsProfile {
        /// How often a 支部党员大会 is required (`MTG001`; 一般每季度1次).
        general_meeting_period: PeriodKind;
        /// How often a 支委会 is required (`MTG002`; 一般每月1次).
        committee_meeting_period: PeriodKind;
        /// How often each 党小组 meets (`MTG003`; 一般每月1次).
        group_meeting_period: PeriodKind;
        /// How often a party lecture (党课) is required (`MTG004`). The central
        /// text sets no count; quarterly is local practice.
        party_lecture_period: PeriodKind;
        /// How often a 主题党日 is held (`MTG005`; 每月相对固定1天).
        theme_day_period: PeriodKind;
        /// Unexcused absences in a year that are reported (`MTG009`; practice).
        absence_threshold: u32 = Bounds::range(1, 100);
        /// Consecutive months without organisational life that are a lapse (`MTG010`).
        lapse_months: u32 = Bounds::range(1, 36);
        /// Whether "半数以上" includes half (`2x >= n` is a quorum) for the
        /// 支部党员大会 (`MTG011`) and the 支委会 (`MTG014`).
        quorum_inclusive: bool;
    }
    /// Training-hour thresholds (党员教育管理工作条例, 培训规划). Both are for
    /// a whole year in the branch; a member who joined or left during the
    /// year owes them pro rata by days.
    education: EducationProfile {
        /// Least training hours a year of every member (`EDU001`).
        member_hours: u32 = Bounds::range(0, 1000);
        /// Least training hours a year of committee members and secretaries (`EDU002`).
        cadre_hours: u32 = Bounds::range(0, 1000);
    }
    /// Branch-organisation thresholds (支部工作条例, 党章, 任期意见, 选举条例).
    organisation: OrganisationProfile {
        /// A branch with this many full members or more needs a committee (`ORG001`).
        committee_required_from: u32 = Bounds::range(1, 100);
        /// Least and most committee members (`ORG002`).
        committee_size: (u32, u32) = Bounds::range(1, 30);
        /// Months before the end of a term that `ORG003` starts giving notice (info).
        term_notice_months: u32 = Bounds::range(0, 24);
        /// Most months an approved postponement may extend a term (`ORG003`).
        postponement_max_months: u32 = Bounds::range(0, 36);
        /// The term of a branch committee elected from 2018-07 on, in years (`ORG005`).
        term_years: u32 = Bounds::range(1, 10);
        /// The term of a village or community branch committee, in years (`ORG005`).
        term_years_village: u32 = Bounds::range(1, 10);
        /// Fewest full members of a branch (`ORG004`).
        branch_min_full: u32 = Bounds::range(1, 100);
        /// Most members of a branch (`ORG004`).
        branch_max_members: u32 = Bounds::range(1, 10_000);
    }
    /// Ideology-work thresholds (意识形态工作责任制).
    ideology: IdeologyProfile {
        /// How often a meeting tagged `ideology` is required (`IDE001`).
        period: PeriodKind;
        /// Whether `IDE001` applies even to a bundle whose meetings carry no tags.
        required: bool;
    }
    /// Transfer and mobility thresholds (党员教育管理工作条例).
    transfers: TransfersProfile {
        /// Months after a letter's validity before a missing receipt is
        /// reported (`REL002`).
        receipt_grace_months: u32 = Bounds::range(0, 24);
        /// Months before or after leaving within which an outgoing transfer
        /// must be issued (`REL003`).
        record_window_months: u32 = Bounds::range(0, 24);
        /// Months away at a fixed place after which the relations should be
        /// transferred (`REL004`).
        mobile_months: u32 = Bounds::range(1, 60);
        /// Months out of contact after which the branch should decide
        /// (`REL005`).
        lost_contact_months: u32 = Bounds::range(1, 60);
        /// How often the branch contacts a member abroad (`REL006`).
        abroad_contact_period: PeriodKind;
    }
}

/// Where a profile came from, for the report header.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Origin {
    /// The chain of profiles, root first: built-in names and file paths.
    pub chain: Vec<String>,
    /// SHA-256 of the profile files, hex (over the files in chain order);
    /// `None` for a built-in profile.
    pub sha256: Option<String>,
}

/// One parameter of the table: its dotted name, docs, range and access.
pub(crate) struct ParamDef {
    pub(crate) name: &'static str,
    pub(crate) doc: &'static str,
    pub(crate) bounds: Bounds,
    pub(crate) get: fn(&Profile) -> &dyn DynParam,
    pub(crate) get_mut: fn(&mut Profile) -> &mut dyn DynParam,
}

/// The parameter with this dotted name.
pub(crate) fn param_def(name: &str) -> Option<&'static ParamDef> {
    PARAMS.iter().find(|d| d.name == name)
}

/// A parameter, whatever its value type (for the parameter table).
pub(crate) trait DynParam {
    /// The citation of the edition in force on `date`.
    fn citation_at(&self, date: Option<NaiveDate>) -> &Citation;
    /// Every edition, in words.
    fn describe(&self) -> Vec<EditionView>;
    /// How the value is written in a profile file.
    fn kind(&self) -> &'static str;
    /// Sets a value read from a profile file (as JSON), checked against `bounds`.
    fn set_json(
        &mut self,
        value: serde_json::Value,
        from: Option<NaiveDate>,
        source: Option<Citation>,
        set_in: Cow<'static, str>,
        bounds: &Bounds,
    ) -> Result<(), String>;
}

impl<T: ParamValue> DynParam for Param<T> {
    fn kind(&self) -> &'static str {
        T::KIND
    }

    fn citation_at(&self, date: Option<NaiveDate>) -> &Citation {
        &self.edition_at(date).source
    }

    fn describe(&self) -> Vec<EditionView> {
        self.editions()
            .map(|e| EditionView {
                from: e.from,
                value: e.value.display(),
                source: e.source.clone(),
                set_in: e.set_in.to_string(),
            })
            .collect()
    }

    fn set_json(
        &mut self,
        value: serde_json::Value,
        from: Option<NaiveDate>,
        source: Option<Citation>,
        set_in: Cow<'static, str>,
        bounds: &Bounds,
    ) -> Result<(), String> {
        let v: T = serde_json::from_value(value).map_err(|e| e.to_string())?;
        v.check(bounds)?;
        self.set_in(v, source, set_in, from);
        Ok(())
    }
}

/// One edition of a parameter, in words (see [`Profile::params`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EditionView {
    /// First day it applies (`None`: always).
    pub from: Option<NaiveDate>,
    /// The value.
    pub value: String,
    /// Its source.
    pub source: Citation,
    /// Where it was set.
    pub set_in: String,
}

/// One parameter of a profile, in words: name, docs, range and editions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ParamView {
    /// The dotted name, e.g. `meetings.absence_threshold`.
    pub name: &'static str,
    /// What it is.
    pub doc: String,
    /// Its range in words (empty when any value of its type is allowed).
    pub range: String,
    /// How its value is written in a profile file (`integer`, `true or false`, …).
    pub kind: &'static str,
    /// Its editions.
    pub editions: Vec<EditionView>,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile::central()
    }
}

impl Profile {
    /// The names of the built-in profiles.
    pub const BUILTIN: &'static [&'static str] = &["central", "central-2026"];

    /// A built-in profile by name: `central` (the 2014 细则 for every date)
    /// or `central-2026` (the reported 2026 revision for records dated on or
    /// after 2026-05-11).
    ///
    /// ```
    /// let p = dangjian::Profile::builtin("central-2026").unwrap();
    /// assert_eq!(p.header().edition, "细则2026");
    /// assert!(dangjian::Profile::builtin("centrl").is_none());
    /// ```
    pub fn builtin(name: &str) -> Option<Profile> {
        match name {
            "central" => Some(Profile::central()),
            "central-2026" => Some(central::central_2026()),
            _ => None,
        }
    }

    /// The central regulations' profile.
    pub fn central() -> Profile {
        central::central()
    }

    /// Reads a profile file (`dangjian-profile/1`, see `docs/profiles.md`)
    /// with the profiles it extends: built-in `central` (the default) or
    /// `central-2026`, or another file, relative to this one. The report
    /// header then names it, its chain and the SHA-256 of its files (root
    /// first, as `cat` joins them).
    ///
    /// ```
    /// let p = dangjian::Profile::from_toml_path("examples/data/profile-example.toml")?;
    /// assert_eq!(p.header().extends, ["central"]);
    /// assert_eq!(*p.development.publicity_min_working_days.value(), 7);
    /// # Ok::<(), dangjian::Error>(())
    /// ```
    ///
    /// # Errors
    /// The file cannot be read ([`ErrorKind::Io`](crate::ErrorKind::Io)),
    /// or anything in it or in a file it extends is wrong
    /// ([`ErrorKind::Profile`](crate::ErrorKind::Profile), naming the file,
    /// line, column and key): not TOML, an unknown key, parameter or rule
    /// code (with the nearest name), a wrong type, a value out of range, a
    /// date that does not exist, an accept without reason, approval or
    /// expiry, a scoring scheme that does not hold together, an `extends`
    /// that is missing or a cycle. Nothing half-applies.
    pub fn from_toml_path(path: impl AsRef<Path>) -> Result<Profile, crate::Error> {
        file::from_path(path.as_ref())
    }

    /// Reads a profile from TOML text (as [`Profile::from_toml_path`]).
    /// It reads no file: `extends` may name a built-in profile only
    /// ([`Profile::BUILTIN`]); any other name — a relative or absolute path
    /// — is an error, the file never opened (a server may take profile text
    /// from its users). To extend files, use [`Profile::from_toml_path`] or
    /// [`Profile::from_toml_str_in`] with a directory. Errors name the line,
    /// column and key (no file).
    ///
    /// ```
    /// let p = dangjian::Profile::from_toml_str(r#"
    ///     format = "dangjian-profile/1"
    ///     name = "某县"
    ///     [params]
    ///     "meetings.absence_threshold" = { value = 2, source = "某县委组织部〔2024〕3号 第五条" }
    /// "#)?;
    /// assert_eq!(*p.meetings.absence_threshold.value(), 2);
    /// assert_eq!(p.meetings.absence_threshold.source().article, "第五条");
    /// let e = dangjian::Profile::from_toml_str("format = \"dangjian-profile/1\"\n[parms]\n").unwrap_err();
    /// assert_eq!(e.location().line, Some(2));
    /// assert!(e.to_string().contains("did you mean params"), "{e}");
    /// # Ok::<(), dangjian::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Profile::from_toml_path`].
    pub fn from_toml_str(text: &str) -> Result<Profile, crate::Error> {
        file::from_str(text, None)
    }

    /// Reads a profile from TOML text whose relative `extends` are read
    /// from `base_dir` (the caller's explicit choice to give it the disk:
    /// an absolute `extends` is followed too).
    ///
    /// # Errors
    /// As [`Profile::from_toml_path`].
    pub fn from_toml_str_in(
        text: &str,
        base_dir: impl AsRef<Path>,
    ) -> Result<Profile, crate::Error> {
        file::from_str(text, Some(base_dir.as_ref()))
    }

    /// What the profile's `[rules]` do to the rule `code`: the last entry
    /// selecting it (see [`RuleSetting`]), or `None` (the rule runs with its
    /// default severity).
    ///
    /// ```
    /// use dangjian::profile::{RuleLevel, RuleSetting};
    /// use dangjian::rules::RuleCode;
    /// let mut p = dangjian::Profile::central();
    /// p.rules.push(RuleSetting::new("DUE", RuleLevel::Off));
    /// p.rules.push(RuleSetting::new("DUE005", RuleLevel::Severity(dangjian::Severity::Warning)));
    /// assert_eq!(p.rule_level(RuleCode::DUE003), Some(RuleLevel::Off));
    /// assert_eq!(p.rule_level(RuleCode::DUE005), Some(RuleLevel::Severity(dangjian::Severity::Warning)));
    /// assert_eq!(p.rule_level(RuleCode::MTG001), None);
    /// ```
    pub fn rule_level(&self, code: crate::vocab::RuleCode) -> Option<RuleLevel> {
        self.rules
            .iter()
            .rev()
            .find(|r| r.selects(code))
            .map(|r| r.level)
    }

    /// Every parameter with its docs, range and editions, in table order.
    pub fn params(&self) -> Vec<ParamView> {
        PARAMS
            .iter()
            .map(|d| ParamView {
                name: d.name,
                doc: d.doc.lines().map(str::trim).collect::<Vec<_>>().join(" "),
                range: d.bounds.describe(),
                kind: (d.get)(self).kind(),
                editions: (d.get)(self).describe(),
            })
            .collect()
    }

    /// Sets the parameter `name` (dotted, e.g. `meetings.absence_threshold`)
    /// to `value` (as JSON: a number, a string, a list …) from `from` on
    /// (`None`: always), citing `source` (`None`: 本地规定). This is what a
    /// profile file's `[params]` does.
    ///
    /// ```
    /// let mut p = dangjian::Profile::central();
    /// p.set_param("meetings.absence_threshold", serde_json::json!(2), None, None)?;
    /// assert_eq!(*p.meetings.absence_threshold.value(), 2);
    /// let e = p.set_param("meetings.absence_treshold", serde_json::json!(2), None, None).unwrap_err();
    /// assert!(e.to_string().contains("did you mean meetings.absence_threshold"), "{e}");
    /// let e = p.set_param("meetings.absence_threshold", serde_json::json!(0), None, None).unwrap_err();
    /// assert!(e.to_string().contains("out of range"), "{e}");
    /// # Ok::<(), dangjian::Error>(())
    /// ```
    ///
    /// # Errors
    /// An unknown name (the error suggests the nearest), a value of the wrong
    /// type, or one outside the parameter's range. The profile is unchanged then.
    pub fn set_param(
        &mut self,
        name: &str,
        value: serde_json::Value,
        from: Option<NaiveDate>,
        source: Option<Citation>,
    ) -> Result<(), crate::Error> {
        self.set_param_in(name, value, from, source, Cow::Borrowed("code"))
    }

    pub(crate) fn set_param_in(
        &mut self,
        name: &str,
        value: serde_json::Value,
        from: Option<NaiveDate>,
        source: Option<Citation>,
        set_in: Cow<'static, str>,
    ) -> Result<(), crate::Error> {
        let err = |msg: String| {
            crate::Error::new(
                crate::ErrorKind::Profile,
                crate::Location {
                    key: Some(name.to_owned()),
                    ..crate::Location::default()
                },
                msg,
            )
        };
        let Some(def) = param_def(name) else {
            let names: Vec<&str> = PARAMS.iter().map(|d| d.name).collect();
            let hint = crate::vocab::nearest(name, &names)
                .map(|n| format!(" (did you mean {n}?)"))
                .unwrap_or_default();
            return Err(err(format!("unknown parameter {name:?}{hint}")));
        };
        (def.get_mut)(self)
            .set_json(value, from, source, set_in, &def.bounds)
            .map_err(|e| err(format!("{}: {e}", def.name)))
    }

    /// The header the report shows: name, chain, edition, SHA-256.
    pub fn header(&self) -> ProfileHeader {
        let edition = if self
            .development
            .edition
            .editions()
            .any(|e| e.value == XizeEdition::Y2026)
        {
            "细则2026"
        } else {
            "细则2014"
        };
        let mut h = ProfileHeader::builtin(self.name.clone(), edition);
        h.extends = self.origin.chain.clone();
        h.sha256 = self.origin.sha256.clone();
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_dotted() {
        let mut seen = std::collections::BTreeSet::new();
        for d in PARAMS {
            assert!(seen.insert(d.name), "{} twice", d.name);
            assert!(d.name.contains('.'), "{}", d.name);
            assert!(!d.doc.trim().is_empty(), "{} has no docs", d.name);
        }
    }

    #[test]
    fn central_values_lie_in_their_ranges() {
        let p = Profile::central();
        for d in PARAMS {
            let view = (d.get)(&p).describe();
            let json = serde_json::to_value(&p).unwrap();
            let (section, field) = d.name.split_once('.').unwrap();
            let value = json[section][field]["value"].clone();
            let mut copy = p.clone();
            (d.get_mut)(&mut copy)
                .set_json(value, None, None, Cow::Borrowed("test"), &d.bounds)
                .unwrap_or_else(|e| panic!("{}: {e}", d.name));
            assert_eq!(view.len(), 1, "{}", d.name);
        }
    }

    #[test]
    fn a_parameter_error_names_its_key() {
        let mut p = Profile::central();
        let before = p.clone();
        for (name, value, says) in [
            (
                "meetings.absence_treshold",
                serde_json::json!(2),
                "did you mean",
            ),
            (
                "meetings.absence_threshold",
                serde_json::json!(0),
                "out of range",
            ),
            (
                "meetings.absence_threshold",
                serde_json::json!("two"),
                "meetings.absence_threshold",
            ),
        ] {
            let e = p.set_param(name, value, None, None).unwrap_err();
            assert_eq!(e.location().key.as_deref(), Some(name), "{e}");
            assert!(e.to_string().contains(says), "{e}");
        }
        assert_eq!(p, before, "an error leaves the profile as it was");
    }

    #[test]
    fn the_header_names_the_edition() {
        let central = Profile::central().header();
        assert_eq!(
            (central.name.as_str(), central.edition.as_str()),
            ("central", "细则2014")
        );
        let h = Profile::builtin("central-2026").unwrap().header();
        assert_eq!(h.edition, "细则2026");
        let h = crate::testing::profile("[params]\n\"development.edition\" = \"2026\"\n").header();
        assert_eq!(h.edition, "细则2026");
        assert_eq!(h.extends, ["central"]);
    }

    #[test]
    fn relative_extends_are_read_from_the_directory_given() {
        let tmp = crate::testing::TempDir::new("profile-in");
        let dir = tmp.path();
        std::fs::write(
            dir.join("county.toml"),
            "format = \"dangjian-profile/1\"\nname = \"county\"\n[params]\n\"meetings.absence_threshold\" = 2\n",
        )
        .unwrap();
        let text = "format = \"dangjian-profile/1\"\nname = \"town\"\nextends = \"county.toml\"\n";
        let p = Profile::from_toml_str_in(text, dir);
        let cwd = Profile::from_toml_str(text); // no file read: refused
        // A file without a name is named by its stem; the hash is of the
        // chain's files, root first (`cat county.toml 村.toml | sha256sum`).
        std::fs::write(
            dir.join("村.toml"),
            "format = \"dangjian-profile/1\"\nextends = \"county.toml\"\n",
        )
        .unwrap();
        let by_path = Profile::from_toml_path(dir.join("村.toml"));
        let by_path = by_path.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(by_path.name, "村");
        assert_eq!(*by_path.meetings.absence_threshold.value(), 2);
        assert_eq!(
            by_path.header().sha256.as_deref(),
            Some("959c3c79becc4aef3485e6aaef3dded612181ff34b13253186a265e909c015a8")
        );
        let p = p.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.name, "town");
        assert_eq!(*p.meetings.absence_threshold.value(), 2);
        assert!(
            p.header().extends.iter().any(|e| e.contains("county")),
            "{:?}",
            p.header().extends
        );
        assert!(cwd.is_err(), "county.toml is not in the current directory");
    }

    #[test]
    fn a_profile_round_trips_through_json() {
        let mut p = Profile::central();
        p.meetings.absence_threshold.set_from(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            2,
            None,
        );
        let text = serde_json::to_string(&p).unwrap();
        let back: Profile = serde_json::from_str(&text).unwrap();
        assert_eq!(back, p);
    }
}

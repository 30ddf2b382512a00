//! Typed violations and the emitter that turns them into findings.
//!
//! Detection is separate from rendering (after Biome and ruff): a rule
//! produces a typed violation whose serialized fields are the finding's
//! evidence and whose `message()` renders Chinese and English from the same
//! numbers. The [`Emitter`] applies the rule selection and severity
//! overrides and attaches name, id and citations, resolving the parameters a
//! rule cites against the profile at the edition in force.

use chrono::NaiveDate;
use serde::Serialize;

use super::Settings;
use crate::model::{DateRange, Id};
use crate::profile::Profile;
use crate::vocab::{Citation, Cite, Evidence, Finding, Message, RuleCode, Severity, Subject};

/// One typed violation per code from a body shared by several rules (same
/// evidence, subject and period; the message may depend on the code): the
/// body implements [`SharedViolation`], and `coded!` makes a transparent
/// newtype per code that implements [`Violation`].
macro_rules! coded {
    ($($name:ident($body:ty) = $code:ident;)+) => {
        $(
            #[derive(serde::Serialize)]
            #[serde(transparent)]
            struct $name($body);

            impl $crate::kit::Violation for $name {
                const CODE: $crate::kit::RuleCode = $crate::kit::RuleCode::$code;
                fn subject(&self) -> $crate::vocab::Subject {
                    $crate::kit::SharedViolation::subject(&self.0)
                }
                fn period(&self) -> Option<$crate::model::DateRange> {
                    $crate::kit::SharedViolation::period(&self.0)
                }
                fn message(&self) -> $crate::vocab::Message {
                    $crate::kit::SharedViolation::message(&self.0, Self::CODE)
                }
                fn date(&self) -> Option<chrono::NaiveDate> {
                    $crate::kit::SharedViolation::date(&self.0)
                }
            }
        )+
    };
}
pub(crate) use coded;

/// The body of violations shared by several rules (see `coded!`).
pub(crate) trait SharedViolation: Serialize {
    /// What it is about.
    fn subject(&self) -> Subject;
    /// The period or day concerned.
    fn period(&self) -> Option<DateRange>;
    /// The message for the rule `code`.
    fn message(&self, code: RuleCode) -> Message;
    /// The date whose edition of the texts applies (default: the period's start).
    fn date(&self) -> Option<NaiveDate> {
        self.period().map(|p| p.from)
    }
}

/// A typed violation of one rule: detection produces it, [`Emitter`] renders it.
///
/// Its serialized fields are the finding's evidence.
pub(crate) trait Violation: Serialize {
    /// The rule's code.
    const CODE: RuleCode;
    /// What it is about.
    fn subject(&self) -> Subject;
    /// The period or day concerned.
    fn period(&self) -> Option<DateRange>;
    /// The message, with the concrete numbers.
    fn message(&self) -> Message;
    /// A severity other than the rule's default (e.g. escalation); `None` = default.
    fn severity(&self) -> Option<Severity> {
        None
    }
    /// What this finding cites when it is not the rule's list (e.g. only the
    /// rate table of the member's category); `None` = the rule's citations.
    fn cites(&self) -> Option<&'static [Cite]> {
        None
    }
    /// The date of the record that triggered the finding: the edition of a
    /// text (and of every parameter) in force on it applies. Default: the
    /// start of the period.
    fn date(&self) -> Option<NaiveDate> {
        self.period().map(|p| p.from)
    }
    /// Whether the period runs to `as_of` because the fault is still open
    /// (an approval still missing, a member still away): its end moves with
    /// `as_of`, so the finding's id writes the start as a day
    /// (`YYYY-MM-DD`) whatever the end — the id never depends on `as_of`.
    fn open_ended(&self) -> bool {
        false
    }
}

/// Resolves one citation of a rule against `profile` at `date`.
pub(crate) fn resolve(c: &Cite, profile: &Profile, date: Option<NaiveDate>) -> Citation {
    match *c {
        Cite::Text { document, article } => Citation::new(document, article),
        Cite::Param(name) => match crate::profile::param_def(name) {
            Some(def) => {
                let mut cit = (def.get)(profile).citation_at(date).clone();
                cit.param = Some(std::borrow::Cow::Borrowed(def.name));
                cit
            }
            None => Citation::new(crate::vocab::sources::LOCAL, name),
        },
        Cite::Xize { y2014, y2026 } => {
            let edition = profile.development.edition.at_opt(date);
            let article = match edition {
                crate::profile::XizeEdition::Y2014 => y2014,
                crate::profile::XizeEdition::Y2026 => y2026,
            };
            let mut cit = Citation::new(crate::vocab::sources::XIZE, article);
            cit.edition = Some(std::borrow::Cow::Borrowed(edition.as_str()));
            cit
        }
    }
}

/// Adds `cit` unless the same text is cited already (a parameter's
/// citation that repeats a fixed one only adds its parameter name).
pub(crate) fn push_citation(list: &mut Vec<Citation>, cit: Citation) {
    match list.iter_mut().find(|c| c.same_text(&cit)) {
        Some(c) => {
            if c.param.is_none() {
                c.param = cit.param;
            }
        }
        None => list.push(cit),
    }
}

/// Collects the findings of one bundle: applies the selection and severity
/// overrides, attaches name, id and citations.
pub(crate) struct Emitter<'a> {
    branch: &'a Id,
    settings: &'a Settings,
    profile: &'a Profile,
    pub(crate) findings: Vec<Finding>,
}

impl<'a> Emitter<'a> {
    pub(crate) fn new(branch: &'a Id, settings: &'a Settings, profile: &'a Profile) -> Emitter<'a> {
        Emitter {
            branch,
            settings,
            profile,
            findings: Vec::new(),
        }
    }

    /// Whether the rule with this code is selected (so its work is worth doing).
    pub(crate) fn wants(&self, code: RuleCode) -> bool {
        self.settings.wants(code)
    }

    /// Whether any of these rules is selected (a shortcut: `true` would do
    /// the work and [`Emitter::report`] would drop what is not wanted).
    pub(crate) fn wants_any(&self, codes: &[RuleCode]) -> bool {
        codes.iter().any(|c| self.wants(*c))
    }

    pub(crate) fn report<V: Violation>(&mut self, v: V) {
        if !self.wants(V::CODE) {
            return;
        }
        let meta = self.settings.meta(V::CODE);
        let severity = self
            .settings
            .severity(V::CODE)
            .or(v.severity())
            .or(meta.map(|m| m.severity))
            .unwrap_or(Severity::Info);
        let evidence = match serde_json::to_value(&v) {
            Ok(serde_json::Value::Object(map)) => Evidence::from(map),
            _ => Evidence::new(),
        };
        let date = v.date();
        let cites = v.cites().or(meta.map(|m| m.citations)).unwrap_or(&[]);
        // Exactly as many as cited: a `Vec` would start at four (384 bytes)
        // for the one or two most findings have.
        let mut citations: Vec<Citation> = Vec::with_capacity(cites.len());
        for c in cites {
            push_citation(&mut citations, resolve(c, self.profile, date));
        }
        let period = v.period();
        let mut f = Finding::new(
            V::CODE,
            severity,
            self.branch.clone(),
            v.subject(),
            period,
            v.message(),
            evidence,
            citations,
        );
        if v.open_ended() {
            if let Some(p) = period {
                f.id = crate::vocab::finding_id(
                    V::CODE,
                    &f.branch,
                    &f.subject,
                    Some(&DateRange::day(p.from)),
                );
            }
        }
        self.findings.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::Auditor;

    /// A finding of a rule shared by several (here MTG004, the periodic
    /// meeting rules) cites the parameter's edition in force at the start
    /// of its period: two quarters under the first text, two under the
    /// edition of 1 July.
    #[test]
    fn a_shared_violation_cites_the_edition_of_its_period() {
        let profile = crate::testing::profile(
            r#"
            [params]
            "meetings.party_lecture_period" = { value = "quarter", source = "细则甲 第一条", editions = [
                { from = 2025-07-01, value = "quarter", source = "细则乙 第二条" },
            ] }
            "#,
        );
        let bundle = crate::load::bundle_from_json(
            r#"{"branch":{"id":"B1","name":"一","kind":"organ","founded_on":"2010-01-01"},
                "members":[{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}]}"#,
        )
        .unwrap();
        let auditor = Auditor::new(crate::testing::d("2025-12-31"))
            .profile(profile)
            .select("MTG004".parse().unwrap());
        let cites: Vec<String> = auditor
            .check(&bundle)
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f.id,
                    f.citations
                        .iter()
                        .map(|c| c.display())
                        .collect::<Vec<_>>()
                        .join("；")
                )
            })
            .collect();
        assert_eq!(cites.len(), 4, "{cites:#?}");
        assert!(
            cites[0].contains("细则甲") && cites[1].contains("细则甲"),
            "{cites:#?}"
        );
        assert!(
            cites[2].contains("细则乙") && cites[3].contains("细则乙"),
            "{cites:#?}"
        );
    }
}

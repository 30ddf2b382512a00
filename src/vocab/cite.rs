//! What a rule cites: a fixed text, a profile parameter's source, or an
//! article of the 细则 numbered by edition.

/// What a rule cites: a fixed text, or the source of a profile parameter the
/// rule reads (so a changed threshold cites its own source).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cite {
    /// A document and article, the same for every profile.
    Text {
        /// The document's full title.
        document: &'static str,
        /// The article.
        article: &'static str,
    },
    /// The citation of the profile parameter with this dotted name
    /// (`dues.lapse_months`), at the edition in force on the finding's date.
    Param(&'static str),
    /// An article of the 发展党员工作细则, numbered by edition: the 2014
    /// article and the 2026 one. The edition in force on the finding's date
    /// (profile parameter `development.edition`) decides which is cited.
    Xize {
        /// Article in the 2014 edition.
        y2014: &'static str,
        /// Article in the 2026 edition.
        y2026: &'static str,
    },
}

impl Cite {
    /// The parameter this cites, if any.
    pub fn param(&self) -> Option<&'static str> {
        match self {
            Cite::Param(p) => Some(p),
            _ => None,
        }
    }
}

/// A fixed citation: `document`, `article`.
pub(crate) const fn cite(document: &'static str, article: &'static str) -> Cite {
    Cite::Text { document, article }
}

/// The citation of the profile parameter `name`.
#[allow(dead_code)] // used by the rule tables as they cite parameters
pub(crate) const fn param(name: &'static str) -> Cite {
    Cite::Param(name)
}

/// An article of the 细则 in its 2014 and 2026 numbering.
#[allow(dead_code)] // used by the development rules' editions
pub(crate) const fn xize(y2014: &'static str, y2026: &'static str) -> Cite {
    Cite::Xize { y2014, y2026 }
}

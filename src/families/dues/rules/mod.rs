//! Dues rules (党费): DUE001–DUE011.
//!
//! - **Months** ([`months`]: DUE001–DUE004, DUE007) read the member's dues
//!   ledger ([`crate::dues::MemberDues`]): owed months whose payment deadline
//!   (the month's end; a quarterly payer's quarter end) has passed by `as_of`
//!   and that overlap the audit period. Runs of unpaid months (DUE003/DUE004)
//!   are followed back before the period as far as the member's payment
//!   records go, and reported when they touch the period.
//! - **Records** ([`records`]: DUE005, DUE006, DUE008, DUE009) look at each
//!   payment or waiver: DUE005, DUE006 and DUE008 at every record up to
//!   `as_of`, DUE009 at the payments made in the audit period.
//! - **The branch's books** ([`books`]: DUE010, DUE011): remittances to the
//!   higher committee and the yearly publication, per remittance period or
//!   year.
//!
//! A member id that appears twice in `members` is audited once, as its first
//! record (the duplicate is reported by DAT002).
//!
//! The v1.1 rules DUE009–DUE011 read optional data that many branches do not
//! keep: DUE009 runs only in a bundle where some payment has a `receipt_no`
//! (or with `dues.receipt_required`), DUE010 only when the bundle has
//! `dues_remittances`, DUE011 only when it has `dues_publications` (or with
//! `dues.publication_required`). A v1 export never gets them. (An empty
//! table is an absent one.)

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta};

pub(super) mod books;
pub(super) mod months;
pub(super) mod records;

/// The dues rules' metadata, one table per file.
pub(crate) static META: &[&[RuleMeta]] = &[months::RULES, records::RULES, books::RULES];

const MEMBER_CODES: &[RuleCode] = &[
    RuleCode::DUE001,
    RuleCode::DUE002,
    RuleCode::DUE003,
    RuleCode::DUE004,
    RuleCode::DUE005,
    RuleCode::DUE006,
    RuleCode::DUE007,
    RuleCode::DUE008,
    RuleCode::DUE009,
];

/// Runs the dues rules over every member of the bundle, then over the
/// branch's books.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if out.wants_any(MEMBER_CODES) {
        let receipts = records::receipts_checked(cx);
        for pos in 0..cx.bundle.members.len() {
            if !cx.index.is_first_member(pos) {
                continue; // a duplicate id: DAT002
            }
            let Some(d) = cx.dues(pos) else {
                continue;
            };
            months::check_member(cx, d, out);
            records::check_member(cx, pos, d, receipts, out);
        }
    }
    books::check(cx, out);
}

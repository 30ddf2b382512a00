//! Validated value types: ids, money, hours, months, date ranges and periods.

#[cfg(test)]
use chrono::NaiveDate;

mod dates;
mod error;
mod hours;
mod id;
mod money;
mod month;
mod strs;

pub use dates::*;
pub use error::*;
pub use hours::*;
pub use id::*;
pub use money::*;
pub use month::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_strings_and_rejects_numbers() {
        assert_eq!("3000.01".parse::<Money>().unwrap().to_string(), "3000.01");
        assert_eq!("7".parse::<Money>().unwrap().to_string(), "7.00");
        for bad in ["", "-1", "1.005", "1e3", " ", ".5", "5.", "1,000", "NaN"] {
            assert!(bad.parse::<Money>().is_err(), "{bad:?} accepted");
        }
        let e = serde_json::from_str::<Money>("127.5")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not the number"), "{e}");
        let e = serde_json::from_str::<Money>("12").unwrap_err().to_string();
        assert!(e.contains("not the number"), "{e}");
        assert!(e.contains("\"12.00\""), "{e}");
        let e = serde_json::from_str::<Money>("-12")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not the number -12"), "{e}");
        let e = serde_json::from_str::<Money>("true")
            .unwrap_err()
            .to_string();
        assert!(e.contains("money as a JSON string like"), "{e}");
        assert_eq!(
            format!("{:?}", "7".parse::<Money>().unwrap()),
            "Money(7.00)"
        );
    }

    #[test]
    fn hours_accept_numbers_and_strings() {
        let h: Hours = serde_json::from_str("31.5").unwrap();
        assert_eq!(h.to_string(), "31.5");
        let h: Hours = serde_json::from_str("\"2\"").unwrap();
        assert_eq!(h.to_string(), "2");
        assert_eq!(
            serde_json::from_str::<Hours>("2.25").unwrap().to_string(),
            "2.25"
        );
        assert!(serde_json::from_str::<Hours>("2.255").is_err());
        assert!(serde_json::from_str::<Hours>("-1").is_err());
        assert_eq!(serde_json::from_str::<Hours>("3").unwrap().to_string(), "3");
        let e = serde_json::from_str::<Hours>("true")
            .unwrap_err()
            .to_string();
        assert!(e.contains("hours as a string or number"), "{e}");
        assert_eq!(
            format!("{:?}", "2.5".parse::<Hours>().unwrap()),
            "Hours(2.5)"
        );
        // A sign is refused as written, even where the number would pass.
        for bad in ["", " ", "+1", "-0", "-1", "1.005", "x"] {
            assert!(bad.parse::<Hours>().is_err(), "{bad:?} accepted");
        }
        assert_eq!(" 2 ".parse::<Hours>().unwrap().to_string(), "2");
    }

    #[test]
    fn a_value_of_the_wrong_type_says_what_was_expected() {
        #[derive(serde::Deserialize, Debug)]
        struct T {
            #[serde(deserialize_with = "crate::model::date")]
            _d: NaiveDate,
        }
        let e = serde_json::from_str::<T>(r#"{"_d": 5}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("expected a date string YYYY-MM-DD"), "{e}");
        let e = serde_json::from_str::<T>(r#"{"_d": "2025-02-30"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("no such day"), "{e}");
        let m: YearMonth = "2025-03".parse().unwrap();
        assert_eq!(format!("{m:?}"), "YearMonth(2025-03)");
    }

    #[test]
    fn text_is_cut_on_a_char_boundary() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "abc…");
        assert_eq!(truncate("", 0), "");
        assert_eq!(truncate("a", 0), "…");
        // 党 and 建 are three bytes each: four bytes keep one character.
        assert_eq!(truncate("党建党建", 4), "党…");
        assert_eq!(truncate("党建党建", 6), "党建…");
        assert_eq!(truncate("党建", 6), "党建");
    }

    #[test]
    fn an_id_hashes_and_borrows_as_its_text() {
        let id: Id = "M1".parse().unwrap();
        let set: std::collections::HashSet<Id> = [id.clone()].into_iter().collect();
        assert!(set.contains("M1"));
        assert!(!set.contains("M2"));
        let s: &str = std::borrow::Borrow::borrow(&id);
        assert_eq!(s, "M1");
        assert_eq!(AsRef::<str>::as_ref(&id), "M1");
        let owned: Id = String::from("M2").try_into().unwrap();
        assert_eq!(owned.as_str(), "M2");
        assert!(Id::try_from(String::from("  ")).is_err());
        // Compared with text, as `str` and `&str`.
        assert!(id == *"M1" && id != *"M2");
        assert!(id == "M1" && id != "M2");
        assert_eq!(format!("{id:?}"), "\"M1\"");
        assert_eq!(serde_json::from_str::<Id>("\"M1\"").unwrap(), id);
        let e = serde_json::from_str::<Id>("\" \"").unwrap_err().to_string();
        assert!(e.contains("non-empty"), "{e}");
    }

    #[test]
    fn year_month_arithmetic() {
        let m: YearMonth = "2024-12".parse().unwrap();
        assert_eq!(m.succ().to_string(), "2025-01");
        assert_eq!(m.succ().pred(), m);
        assert_eq!(
            "2024-02"
                .parse::<YearMonth>()
                .unwrap()
                .last_day()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(m.quarter(), 4);
        assert!("2025-13".parse::<YearMonth>().is_err());
        assert!("2025-1".parse::<YearMonth>().is_err());
        assert_eq!(m.iter_to(m.offset(2)).count(), 3);
        assert_eq!(m.iter_to(m.pred()).count(), 0);
    }

    #[test]
    fn period_spec_round_trips() {
        for s in [
            "2024", "2024-Q1", "2024-Q4", "2024-07", "2024-H1", "2024-H2",
        ] {
            assert_eq!(s.parse::<PeriodSpec>().unwrap().to_string(), s);
        }
        for bad in ["24", "2024-Q5", "2024-13", "2024-Q", "x", "2024-H3"] {
            assert!(bad.parse::<PeriodSpec>().is_err(), "{bad}");
        }
        let q = "2025-Q1".parse::<PeriodSpec>().unwrap().range();
        assert_eq!(q.to.to_string(), "2025-03-31");
        let h = "2025-H2".parse::<PeriodSpec>().unwrap().range();
        assert_eq!(
            (h.from.to_string(), h.to.to_string()),
            ("2025-07-01".into(), "2025-12-31".into())
        );
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(parse_date("0001-01-01").unwrap().to_string(), "0001-01-01");
        for bad in [
            "2025-02-29",
            "2025-02-30",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "2025-01-1",
            "20250101",
            "2025/01/01",
            "+025-01-01",
            "2025-01-01 ",
            "",
            "２０２５-01-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn add_months_clamps() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
        assert_eq!(add_months(d, 1).to_string(), "2024-02-29");
        assert_eq!(add_months(d, 12).to_string(), "2025-01-31");
        assert_eq!(sub_months(d, 1).to_string(), "2023-12-31");
    }
}

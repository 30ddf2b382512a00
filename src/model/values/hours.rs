//! Hours with at most two decimals.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::ParseValueError;

/// A number of hours with at most two decimals (`"2.5"`, `"0.75"` = 45
/// minutes, or `2.5` in JSON; format v1.1 — v1 allowed one).
///
/// ```
/// use dangjian::Hours;
/// let h: Hours = serde_json::from_str("2.5").unwrap();
/// assert_eq!(h, "2.5".parse()?);
/// assert_eq!("0.75".parse::<Hours>()?.to_string(), "0.75");
/// assert!("2.255".parse::<Hours>().is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hours(Decimal);

impl Hours {
    /// Zero hours.
    pub const ZERO: Hours = Hours(Decimal::ZERO);

    /// Wraps a decimal; `None` if negative or with more than two decimals.
    pub fn new(value: Decimal) -> Option<Hours> {
        let v = value.normalize();
        if v.is_sign_negative() && !v.is_zero() || v.scale() > 2 {
            None
        } else {
            Some(Hours(value))
        }
    }

    /// The hours as a decimal.
    pub fn decimal(self) -> Decimal {
        self.0
    }
}

impl FromStr for Hours {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "hours (a number with at most 2 decimals, not negative)";
        let t = s.trim();
        if t.is_empty() || t.starts_with('-') || t.starts_with('+') {
            return Err(ParseValueError::new(WHAT, s));
        }
        let d = Decimal::from_str(t).map_err(|_| ParseValueError::new(WHAT, s))?;
        Hours::new(d).ok_or_else(|| ParseValueError::new(WHAT, s))
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl fmt::Debug for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hours({self})")
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Hours;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("hours as a string or number with at most 2 decimals")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Hours, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Hours, E> {
                Ok(Hours(Decimal::from(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Hours, E> {
                Hours::new(Decimal::from(v))
                    .ok_or_else(|| E::custom(format_args!("hours must not be negative: {v}")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Hours, E> {
                // `{}` prints the shortest decimal that round-trips, so 2.5 is "2.5".
                let s = format!("{v}");
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

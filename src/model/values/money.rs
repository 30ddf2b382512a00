//! Money, exact to the fen.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::ParseValueError;

/// An amount of money in yuan, exact to the fen.
///
/// In JSON it is a **string** with at most two decimals (`"127.50"`); a JSON
/// number is rejected because binary floats lose cents. Negative amounts are
/// rejected. Inside it is a [`rust_decimal::Decimal`].
///
/// ```
/// use dangjian::Money;
/// let m: Money = "127.50".parse()?;
/// assert_eq!(m.to_string(), "127.50");
/// assert!("1.005".parse::<Money>().is_err());
/// assert!(serde_json::from_str::<Money>("127.5").is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps a decimal amount; `None` if it is negative or has more than 2 decimals.
    pub fn new(value: Decimal) -> Option<Money> {
        let v = value.normalize();
        if v.is_sign_negative() && !v.is_zero() || v.scale() > 2 {
            None
        } else {
            Some(Money(value))
        }
    }

    /// Money from a whole number of fen (1/100 yuan).
    pub fn from_fen(fen: u64) -> Money {
        Money(Decimal::from(fen) / Decimal::ONE_HUNDRED)
    }

    /// The amount as a decimal number of yuan.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Sum, saturating at the decimal's range (never reached by real amounts).
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// `self - other`, or zero when `other` is larger.
    pub fn saturating_sub(self, other: Money) -> Money {
        if other.0 >= self.0 {
            Money::ZERO
        } else {
            Money(self.0 - other.0)
        }
    }
}

impl FromStr for Money {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str =
            "amount of money (a string like \"127.50\", at most 2 decimals, not negative)";
        let t = s.trim();
        let ok_chars = !t.is_empty()
            && t.chars().all(|c| c.is_ascii_digit() || c == '.')
            && t.chars().filter(|&c| c == '.').count() <= 1
            && !t.starts_with('.')
            && !t.ends_with('.');
        if !ok_chars {
            return Err(ParseValueError::new(WHAT, s));
        }
        let d = Decimal::from_str(t).map_err(|_| ParseValueError::new(WHAT, s))?;
        if d.scale() > 2 {
            return Err(ParseValueError::new(WHAT, s));
        }
        Ok(Money(d))
    }
}

impl fmt::Display for Money {
    /// Always two decimals: `127.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.0;
        d.rescale(2);
        write!(f, "{d}")
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({self})")
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("money as a JSON string like \"127.50\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a JSON string like \"{v:.2}\", not the number {v} (floats lose cents)"
                )))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a JSON string like \"{v}.00\", not the number {v} (floats lose cents)"
                )))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a JSON string, not the number {v}"
                )))
            }
        }
        d.deserialize_any(V)
    }
}

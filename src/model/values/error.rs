//! The error of parsing a value.

/// Error returned when a string is not a valid value of one of this module's types.
///
/// It is deliberately small and opaque; its [`Display`](std::fmt::Display) says what
/// was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {expected}: {input:?}")]
pub struct ParseValueError {
    expected: &'static str,
    input: String,
}

impl ParseValueError {
    pub(crate) fn new(expected: &'static str, input: &str) -> Self {
        let mut input = input.to_owned();
        if input.len() > 40 {
            let mut cut = 40;
            while !input.is_char_boundary(cut) {
                cut -= 1;
            }
            input.truncate(cut);
            input.push('…');
        }
        ParseValueError { expected, input }
    }
}

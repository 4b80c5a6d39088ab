//! Graphviz DOT. petgraph's own `Dot` prints numeric ids and does not escape custom
//! attributes, so graphs are written here with every string escaped: any outlet name or
//! quote renders.

/// A DOT string literal: quotes, backslashes and control characters escaped, newlines
/// kept as DOT line breaks.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything() {
        assert_eq!(quoted("a\"b\\c\nd\u{7}"), "\"a\\\"b\\\\c\\nd \"");
    }
}

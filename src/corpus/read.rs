//! Bytes to text. Articles come from scrapers and archives: this decides what a file's
//! bytes mean (UTF-8, UTF-8 with BOM, UTF-16 with BOM, broken UTF-8) and says which
//! files are not text at all, without ever failing on what it is given.

/// What reading a file's bytes gave.
#[derive(Debug)]
pub enum Decoded {
    /// Text, with a warning when something had to be repaired.
    Text(String, Option<String>),
    /// Nothing to read, with the reason (empty, binary).
    Skip(String),
}

/// Decodes article bytes. A NUL byte in the first 8 KiB of a file that is not UTF-16
/// marks it binary; invalid UTF-8 is replaced (U+FFFD) and the first bad offset named.
pub fn decode(bytes: &[u8]) -> Decoded {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Decoded::Skip("empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Decoded::Skip("binary file (NUL bytes)".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text(s.to_string(), None),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let warning = format!(
                "invalid UTF-8 at byte {}: decoded with replacement characters",
                e.valid_up_to()
            );
            if looks_binary(&text) {
                Decoded::Skip("binary file (not text in any supported encoding)".into())
            } else {
                Decoded::Text(text, Some(warning))
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Decoded {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    if text.trim().is_empty() {
        return Decoded::Skip("empty file".into());
    }
    Decoded::Text(text, Some(format!("decoded from {name}")))
}

/// More than a tenth replacement or control characters: not an article.
fn looks_binary(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let bad = text
        .chars()
        .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
        .count();
    bad * 10 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_scrapers_write() {
        assert!(matches!(decode(b""), Decoded::Skip(_)));
        assert!(matches!(decode(b" \n "), Decoded::Skip(_)));
        assert!(matches!(decode(b"\x7fELF\x00\x01"), Decoded::Skip(_)));
        match decode(b"\xEF\xBB\xBFhello") {
            Decoded::Text(t, None) => assert_eq!(t, "hello"),
            other => panic!("{other:?}"),
        }
        match decode(b"caf\xE9 au lait, said the waiter") {
            Decoded::Text(t, Some(w)) => {
                assert!(t.starts_with("caf\u{FFFD}"));
                assert!(w.contains("byte 3"), "{w}");
            }
            other => panic!("{other:?}"),
        }
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi “x”".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        match decode(&utf16) {
            Decoded::Text(t, Some(_)) => assert_eq!(t, "hi “x”"),
            other => panic!("{other:?}"),
        }
    }
}

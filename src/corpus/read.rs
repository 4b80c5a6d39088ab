//! Bytes to text. Articles come from scrapers and archives: this decides what a file's
//! bytes mean (gzip, UTF-8, UTF-8 with BOM, UTF-16 with BOM, broken UTF-8) and says which
//! files are not text at all, without ever failing on what it is given.
//!
//! Line endings are made `\n` here (CRLF and lone CR both), once, so that every later
//! stage sees one convention: this changes byte offsets against the file but not line
//! numbers, and every offset the pipeline reports is into the decoded text anyway.

use super::problem::ProblemKind;
use std::io::Read;

/// What reading a file's bytes gave.
#[derive(Debug)]
pub enum Decoded {
    /// Text, with the reason when something had to be repaired or converted.
    Text(String, Option<(ProblemKind, String)>),
    /// Nothing to read, with the reason (empty, binary).
    Skip(ProblemKind, String),
}

/// Decompressed gzip past this many bytes is refused: a corrupt or hostile file must
/// not take the machine's memory.
pub const MAX_GUNZIPPED: u64 = 1 << 30;

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1F, 0x8B])
}

/// Decompresses gzip (several members, as `cat a.gz b.gz` makes, are read in turn).
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(MAX_GUNZIPPED + 1);
    match reader.read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_GUNZIPPED => Err(format!(
            "decompresses to more than {} MiB",
            MAX_GUNZIPPED >> 20
        )),
        Ok(_) => Ok(out),
        Err(e) => Err(format!("cannot decompress gzip: {e}")),
    }
}

/// Decodes article bytes. A NUL byte in the first 8 KiB of a file that is not UTF-16
/// marks it binary; invalid UTF-8 is replaced (U+FFFD) and the first bad offset named.
pub fn decode(bytes: &[u8]) -> Decoded {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Decoded::Skip(ProblemKind::Empty, "empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Decoded::Skip(ProblemKind::Binary, "binary file (NUL bytes)".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text(normalize_newlines(s.to_string()), None),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let warning = format!(
                "invalid UTF-8 at byte {}: decoded with replacement characters",
                e.valid_up_to()
            );
            if looks_binary(&text) {
                Decoded::Skip(
                    ProblemKind::Binary,
                    "binary file (not text in any supported encoding)".into(),
                )
            } else {
                Decoded::Text(
                    normalize_newlines(text),
                    Some((ProblemKind::Encoding, warning)),
                )
            }
        }
    }
}

/// CRLF and lone CR to LF. Returns the string untouched (no copy) when it has no CR.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    if text.trim().is_empty() {
        return Decoded::Skip(ProblemKind::Empty, "empty file".into());
    }
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_string)
        .unwrap_or(text);
    Decoded::Text(
        normalize_newlines(text),
        Some((ProblemKind::Utf16, format!("decoded from {name}"))),
    )
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
        assert!(matches!(decode(b""), Decoded::Skip(ProblemKind::Empty, _)));
        assert!(matches!(
            decode(b" \n "),
            Decoded::Skip(ProblemKind::Empty, _)
        ));
        assert!(matches!(
            decode(b"\x7fELF\x00\x01"),
            Decoded::Skip(ProblemKind::Binary, _)
        ));
        match decode(b"\xEF\xBB\xBFhello") {
            Decoded::Text(t, None) => assert_eq!(t, "hello"),
            other => panic!("{other:?}"),
        }
        match decode(b"caf\xE9 au lait, said the waiter") {
            Decoded::Text(t, Some((ProblemKind::Encoding, w))) => {
                assert!(t.starts_with("caf\u{FFFD}"));
                assert!(w.contains("byte 3"), "{w}");
            }
            other => panic!("{other:?}"),
        }
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi “x”\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        match decode(&utf16) {
            Decoded::Text(t, Some((ProblemKind::Utf16, _))) => assert_eq!(t, "hi “x”\n"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n\r\n".into()), "a\nb\nc\n\n");
        assert_eq!(normalize_newlines("é\r".into()), "é\n");
    }

    #[test]
    fn gzip_round_trip_and_garbage() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        assert_eq!(gunzip(&gz).unwrap(), b"hello");
        assert!(gunzip(&[0x1F, 0x8B, 8, 0, 1, 2, 3]).is_err());
    }
}

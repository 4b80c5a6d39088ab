//! JSON wire formats. Field names are a contract other programs read: add, never rename.
//!
//! * `extract --format jsonl`: one [`Quote`] object per line; `--format json`:
//!   `{"quotes":[...]}`. Fields: `id`, `article`, `text`, `start`, `end` (byte offsets of
//!   the text between the marks), `open`, `close`, `line`, `column`, `kind`
//!   (`statement`|`fragment`|`term`), `terminated`, `speaker`, `speaker_text`,
//!   `speaker_start`, `speaker_end`, `cue`, `attribution` (`cue`|`dash`|`continued`|
//!   `context`), `utterance`.

use crate::quotes::Quote;
use serde::Serialize;
use std::io::{self, Write};

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

/// Writes any value as pretty JSON followed by a newline.
pub fn write<W: Write, T: Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(to_io)?;
    writeln!(out)
}

pub fn quotes_jsonl<W: Write>(out: &mut W, quotes: &[Quote]) -> io::Result<()> {
    for q in quotes {
        serde_json::to_writer(&mut *out, q).map_err(to_io)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn quotes_json<W: Write>(out: &mut W, quotes: &[Quote]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        quotes: &'a [Quote],
    }
    write(out, &Doc { quotes })
}

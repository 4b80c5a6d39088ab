//! Plain-text reports for people: one claim per line with the place it points to.

use crate::corpus::Article;
use crate::quotes::Quote;
use crate::text::shorten;
use std::io::{self, Write};

/// `extract` as text: per article, each quote with line:column, kind and speaker.
pub fn quotes<W: Write>(out: &mut W, articles: &[Article], quotes: &[Quote]) -> io::Result<()> {
    let mut last: Option<usize> = None;
    for q in quotes {
        if last != Some(q.article_index) {
            let a = &articles[q.article_index];
            if last.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{} ({})", a.id, a.label())?;
            last = Some(q.article_index);
        }
        let speaker = q.speaker.as_deref().unwrap_or("(unattributed)");
        let open = if q.terminated { "" } else { " [unclosed]" };
        writeln!(
            out,
            "  {}:{}:{}  {:<9} {:<22} “{}”{}",
            q.article,
            q.line,
            q.column,
            q.kind.as_str(),
            shorten(speaker, 22),
            shorten(&q.text.replace('\n', " "), 110),
            open
        )?;
    }
    Ok(())
}

//! CSV for spreadsheets: one row per rendering. Every field is quoted when it holds a
//! comma, quote mark or line break, quote marks doubled (RFC 4180).

use crate::quotes::Quote;
use crate::variants::Cluster;
use std::io::{self, Write};

pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn clusters<W: Write>(out: &mut W, quotes: &[Quote], clusters: &[&Cluster]) -> io::Result<()> {
    writeln!(
        out,
        "cluster,quote,article,line,column,start,end,speaker,kind,relation,parent,similarity,containment,text"
    )?;
    for c in clusters {
        for m in &c.members {
            let q = &quotes[m.quote];
            let row = [
                c.id.to_string(),
                q.id.clone(),
                q.article.clone(),
                q.line.to_string(),
                q.column.to_string(),
                q.start.to_string(),
                q.end.to_string(),
                q.speaker.clone().unwrap_or_default(),
                q.kind.as_str().to_string(),
                super::text::relation_name(m.relation).to_string(),
                m.parent.map(|p| quotes[p].id.clone()).unwrap_or_default(),
                format!("{:.3}", m.similarity),
                format!("{:.3}", m.containment),
                q.text.clone(),
            ];
            let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
            writeln!(out, "{}", fields.join(","))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_fields_that_need_it() {
        assert_eq!(super::field("a,b"), "\"a,b\"");
        assert_eq!(super::field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(super::field("plain"), "plain");
    }
}

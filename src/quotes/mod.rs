//! Stage 2: every direct quotation of every article, with its speaker and kind.
//!
//! `scan` finds the spans, `kind` says what each is doing (and drops titles of works and
//! nicknames), `speaker` attributes them (reading names with `mentions`, speaker phrases
//! with `phrase`, words with `words` and sentences with `sentence`, from the word lists
//! of `lexicon`), and `names` gives each person one name across the corpus. Articles
//! are processed in parallel; the result is sorted by article and position, so it is the
//! same for any thread count.
//!
//! Cost: linear in the text of each article; memory proportional to the quotes.

mod find;
pub mod kind;
pub mod lexicon;
pub mod mentions;
pub mod names;
pub mod phrase;
pub mod scan;
pub mod sentence;
pub mod speaker;
pub mod words;

use crate::corpus::Article;
pub use kind::QuoteKind;
use rayon::prelude::*;
use serde::Serialize;
pub use speaker::Via;

/// The longest quote kept whole, in bytes of its text. Real quotes, even ones running
/// over several paragraphs, stay far below it; what runs past it is a mark left open in
/// a long text, and keeping all of it would make every later stage pay for the runaway.
pub const MAX_QUOTE_BYTES: usize = 8 * 1024;

/// One quotation in one article. Offsets are bytes into `Article::text`.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// `<article>-<n>`, n counting from 1 in order of appearance.
    pub id: String,
    pub article: String,
    /// Index of the article in the corpus (not serialised).
    #[serde(skip)]
    pub article_index: usize,
    /// The words between the marks, as written.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Where the opening mark stands, and just past the closing one (`end` if none).
    pub open: usize,
    pub close: usize,
    /// Line and column (1-based, in characters) of `start`.
    pub line: usize,
    pub column: usize,
    pub kind: QuoteKind,
    /// False when the article never closes the quote.
    pub terminated: bool,
    /// True when the quote ran past [`MAX_QUOTE_BYTES`] and `text` (and `end`) stop
    /// there: a runaway quote, usually a mark never closed in a long text.
    pub cut: bool,
    /// The speaker, one name per person across the corpus.
    pub speaker: Option<String>,
    /// The words that name or refer to the speaker, as written, and their span.
    pub speaker_text: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    /// The verb or phrase of saying, if one was found.
    pub cue: Option<String>,
    /// How the speaker was found.
    pub attribution: Option<Via>,
    /// Split quotes ("If they want oil," he said, "we are ready.") share this id: the id
    /// of their first part.
    pub utterance: String,
}

/// Per article (by index, of `n` articles): the byte spans its quotes take, marks
/// included. The writer's own words are those outside them.
pub fn spans_by_article(n: usize, quotes: &[Quote]) -> Vec<Vec<(usize, usize)>> {
    let mut out = vec![Vec::new(); n];
    for q in quotes {
        out[q.article_index].push((q.open, q.close.max(q.end)));
    }
    out
}

/// Whether the word at `start..end` lies inside one of `spans` (see [`spans_by_article`]).
pub fn quoted(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(a, b)| start >= a && end <= b)
}

/// Extracts the quotes of every article, speakers made canonical across all of them.
///
/// A speaker's canonical name is what [`names::canonical_map`] gives it over the
/// speakers and full-name mentions of all articles: the fullest form its own article
/// knows, else the fullest the corpus knows. The first part runs per article, in
/// parallel; only the names an article could not complete wait for the corpus.
pub fn extract(articles: &[Article]) -> Vec<Quote> {
    let outlets = Outlets::of(articles);
    let per_article: Vec<Extracted> = articles
        .par_chunks(BATCH)
        .enumerate()
        .flat_map_iter(|(c, batch)| extract_batch(c * BATCH, batch, &outlets))
        .collect();
    // Each speaker left to the corpus, completed once.
    let mut pending: Vec<&str> = per_article
        .iter()
        .flat_map(|e| e.pending.iter().map(|&k| e.quotes[k].speaker.as_deref()))
        .flatten()
        .collect();
    pending.sort_unstable();
    pending.dedup();
    // A name can only complete one that ends with its last word or (a one-word name)
    // starts with its first: only the corpus's names that share a word with a pending
    // one are counted, and with none pending, none are.
    let wanted: rustc_hash::FxHashSet<&str> =
        pending.iter().filter_map(|n| names::last_word(n)).collect();
    let unquoted = unquoted_full_names(articles, &per_article, &wanted, &outlets);
    // Counts add up in any order: the corpus is gathered in parallel.
    let corpus = per_article
        .par_iter()
        .map(|e| &e.full_names)
        .chain(unquoted.par_iter())
        .fold(names::Known::default, |mut k, full| {
            for (n, times) in full {
                if names::shares_an_end(n, &wanted) {
                    k.add_times(n, *times);
                }
            }
            k
        })
        .reduce(names::Known::default, |mut a, b| {
            for (n, times) in b.counts() {
                a.add_times(n, times);
            }
            a
        });
    let completed: Vec<Option<String>> = pending.par_iter().map(|n| corpus.fullest(n)).collect();
    let completed: rustc_hash::FxHashMap<&str, &String> = pending
        .iter()
        .zip(&completed)
        .filter_map(|(&n, c)| c.as_ref().map(|c| (n, c)))
        .collect();
    let resolved: Vec<(usize, usize, String)> = per_article
        .iter()
        .enumerate()
        .flat_map(|(a, e)| {
            let completed = &completed;
            e.pending.iter().filter_map(move |&k| {
                let s = e.quotes[k].speaker.as_deref()?;
                completed.get(s).map(|&c| (a, k, c.clone()))
            })
        })
        .collect();
    drop(completed);
    drop(corpus);
    let mut per_article = per_article;
    for (a, k, c) in resolved {
        per_article[a].quotes[k].speaker = Some(c);
    }
    // Moved article by article into one list sized up front, each article's list freed
    // as soon as it is moved: the corpus's quotes are never held twice.
    let total = per_article.iter().map(|e| e.quotes.len()).sum();
    let mut out = Vec::with_capacity(total);
    for e in per_article {
        out.extend(e.quotes);
    }
    out
}

/// The news outlets the corpus knows from its metadata (the articles' own outlets and
/// the outlets they cite), by lower-case name without a leading "The".
struct Outlets {
    names: rustc_hash::FxHashSet<String>,
    /// A bit per byte length of the names (the last bit for 63 and more): most person
    /// names, lower-cased ASCII of the same length, are ruled out by it.
    lengths: u64,
}

impl Outlets {
    fn of(articles: &[Article]) -> Self {
        let names: rustc_hash::FxHashSet<String> = articles
            .iter()
            .flat_map(|a| a.outlet.iter().chain(a.cites.iter().map(|c| &c.outlet)))
            .map(|o| Self::key(o))
            .filter(|k| !k.is_empty())
            .collect();
        let lengths = names.iter().fold(0, |m, n| m | Self::length_bit(n.len()));
        Outlets { names, lengths }
    }

    fn length_bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    fn key(name: &str) -> String {
        let lower = name.trim().to_lowercase();
        match lower.strip_prefix("the ") {
            Some(rest) => rest.to_string(),
            None => lower,
        }
    }

    /// Whether `name` (a person mention's, titles stripped: no leading "The") is one
    /// of them.
    fn names(&self, name: &str) -> bool {
        if self.names.is_empty()
            || (name.is_ascii() && self.lengths & Self::length_bit(name.len()) == 0)
        {
            return false;
        }
        lexicon::with_lower(name, |l| self.names.contains(l))
    }
}

/// The full names of the articles that quote no one and hold one of `wanted` (the
/// words a pending speaker's name can be completed by), article by article.
///
/// Such an article gives the corpus nothing but its full names, and the corpus counts
/// only those whose first or last word is one of `wanted`: each a word of the article
/// as the split reads it, so an article in which no `wanted` word stands as such a word
/// ([`WordSearch`]) gives nothing. Most articles are ruled out by one pass of a string
/// search, not read for their names; the rest are read exactly as the first pass would
/// have read them.
fn unquoted_full_names(
    articles: &[Article],
    extracted: &[Extracted],
    wanted: &rustc_hash::FxHashSet<&str>,
    outlets: &Outlets,
) -> Vec<Vec<(String, usize)>> {
    if wanted.is_empty() {
        return Vec::new();
    }
    // Sorted: the automata are the same for the same words, whatever the set's order.
    let mut words: Vec<&str> = wanted.iter().copied().collect();
    words.sort_unstable();
    match WordSearch::new(&words) {
        Some(search) => read_unquoted(articles, extracted, |a| search.holds(&a.text), outlets),
        // Too many words for the automata's limits: every such article is read.
        None => read_unquoted(articles, extracted, |_| true, outlets),
    }
}

/// Whether one of some words stands in a text as a word of the split would: with no
/// letter or digit just before or after it. A word of the split starts after
/// whitespace, a dash or leading punctuation and ends before whitespace, a dash or
/// trailing punctuation, none of which is a letter or digit.
struct WordSearch {
    /// The words of letters and digits only, found leftmost-longest: a match of one
    /// of them never spans the non-letter that bounds another's occurrence, so a
    /// search that skips past each match still meets every bounded occurrence, and
    /// the automaton's fast scan serves it.
    plain: Option<aho_corasick::AhoCorasick>,
    /// The others ("U.S.", "O'Neill"): one may start inside another's match, so
    /// every match is reported, overlaps included.
    other: Option<aho_corasick::AhoCorasick>,
}

impl WordSearch {
    /// None when an automaton cannot be built (too many words for its limits).
    fn new(words: &[&str]) -> Option<Self> {
        let (plain, other): (Vec<&str>, Vec<&str>) = words
            .iter()
            .partition(|w| w.chars().all(char::is_alphanumeric));
        let plain = if plain.is_empty() {
            None
        } else {
            let built = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&plain);
            Some(built.ok()?)
        };
        let other = if other.is_empty() {
            None
        } else {
            Some(aho_corasick::AhoCorasick::new(&other).ok()?)
        };
        Some(WordSearch { plain, other })
    }

    fn holds(&self, text: &str) -> bool {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let bounded = |m: aho_corasick::Match| {
            !alnum(text[..m.start()].chars().next_back()) && !alnum(text[m.end()..].chars().next())
        };
        self.plain
            .as_ref()
            .is_some_and(|s| s.find_iter(text).any(bounded))
            || self
                .other
                .as_ref()
                .is_some_and(|s| s.find_overlapping_iter(text).any(bounded))
    }
}

/// [`unquoted_full_names`] of the unquoted articles `holds` lets through.
fn read_unquoted(
    articles: &[Article],
    extracted: &[Extracted],
    holds: impl Fn(&Article) -> bool + Sync,
    outlets: &Outlets,
) -> Vec<Vec<(String, usize)>> {
    let chosen: Vec<usize> = (0..articles.len())
        .into_par_iter()
        .filter(|&k| extracted[k].unquoted && holds(&articles[k]))
        .collect();
    chosen
        .par_chunks(BATCH)
        .flat_map_iter(|ks| {
            let batch: Vec<&Article> = ks.iter().map(|&k| &articles[k]).collect();
            full_names_batch(&batch, outlets)
        })
        .collect()
}

/// The full names each of `batch` (articles that quote no one) gives the corpus, as
/// [`extract_batch`] would read them.
fn full_names_batch(batch: &[&Article], outlets: &Outlets) -> Vec<Vec<(String, usize)>> {
    let paragraphs: Vec<Vec<(usize, usize)>> = batch
        .iter()
        .map(|a| speaker::paragraphs(find::lines(&a.text)))
        .collect();
    let readings: Vec<mentions::Reading> = batch
        .iter()
        .zip(&paragraphs)
        .map(|(a, lines)| mentions::Reading::Names {
            text: &a.text,
            lines,
        })
        .collect();
    mentions::read_batch(&readings)
        .into_iter()
        .map(|people| match people {
            mentions::People::Names(names) => {
                let names = names.into_iter().filter(|n| !outlets.names(n)).collect();
                canonical_within((Vec::new(), names)).full_names
            }
            mentions::People::Mentions(_) => unreachable!("read for names only"),
        })
        .collect()
}

/// What one article gives the corpus.
struct Extracted {
    /// It quotes no one: its full names are read only if the corpus wants them (see
    /// [`unquoted_full_names`]).
    unquoted: bool,
    /// Its quotes, speakers completed from the article's own names where it can.
    quotes: Vec<Quote>,
    /// Indices of the quotes whose speaker (a person) the article could not complete.
    pending: Vec<usize>,
    /// The article's names that can complete others, with how often it names each.
    full_names: Vec<(String, usize)>,
}

/// How many articles go through each step of extraction before the next step starts.
///
/// Each step's code (the quote scan, the word split and name rules, attribution, the
/// quote records) is far larger than a core's instruction cache: run article by
/// article, every step evicts the one before and the next article loads them all
/// again. Run step by step over a batch, each step's code stays cached from one
/// article to the next. The steps of one article see exactly what they would see run
/// one after the other; only the order across articles changes.
const BATCH: usize = 32;

/// What each article of `batch` (the first at corpus index `first`) gives the corpus,
/// step by step over the batch.
fn extract_batch(first: usize, batch: &[Article], outlets: &Outlets) -> Vec<Extracted> {
    let (lines, found): (Vec<_>, Vec<Found>) = batch.iter().map(|a| find_spans(&a.text)).unzip();
    // Many articles quote no one: all they give is their full names, and only if the
    // corpus wants them (see `unquoted_full_names`), which it knows only at the end.
    let prepared: Vec<Option<speaker::Prose>> = batch
        .iter()
        .zip(lines)
        .zip(&found)
        .map(|((a, lines), f)| {
            (!f.spans.is_empty())
                .then(|| speaker::Prose::of(&a.text, &f.spans, &f.nicknames, lines))
        })
        .collect();
    let readings: Vec<mentions::Reading> = prepared
        .iter()
        .flatten()
        .map(|prose| mentions::Reading::Mentions {
            masked: &prose.masked,
            sentences: &prose.sentences,
            lines: &prose.paragraphs,
        })
        .collect();
    let mut people = mentions::read_batch(&readings).into_iter();
    drop(readings);
    let read: Vec<Option<speaker::Context>> = batch
        .iter()
        .zip(&found)
        .zip(prepared)
        .map(|((a, f), prose)| {
            let prose = prose?;
            let Some(mentions::People::Mentions(m)) = people.next() else {
                unreachable!("each quoting article is read for its mentions")
            };
            let mut ctx = speaker::Context::from_parts(&a.text, &f.spans, prose, m);
            // "According to ScoopWatch" names an outlet: "he" and "she" never stand
            // for it.
            ctx.mentions.retain(|m| m.group || !outlets.names(&m.name));
            Some(ctx)
        })
        .collect();
    let quoted: Vec<Option<(Vec<Quote>, Vec<String>)>> = batch
        .iter()
        .zip(read)
        .enumerate()
        .map(|(k, (a, r))| r.map(|ctx| quotes_from(first + k, a, ctx)))
        .collect();
    quoted
        .into_iter()
        .map(|q| match q {
            Some(q) => canonical_within(q),
            None => Extracted {
                unquoted: true,
                quotes: Vec::new(),
                pending: Vec::new(),
                full_names: Vec::new(),
            },
        })
        .collect()
}

/// The article's quotes (from [`quotes_from`]), speakers completed with the article's
/// own names, and the names it gives the corpus: the last step.
fn canonical_within((mut quotes, mentions): (Vec<Quote>, Vec<String>)) -> Extracted {
    // The article's names: its speakers (once per quote) and its full-name mentions.
    let mut known = names::ArticleNames::default();
    // An article names few people many times: each name is judged once, with its count.
    // Sized up front: the chain's filter gives `collect` no size to allocate once.
    let mut all: Vec<&str> = Vec::with_capacity(quotes.len() + mentions.len());
    all.extend(quotes.iter().filter_map(|q| q.speaker.as_deref()));
    all.extend(mentions.iter().map(String::as_str));
    all.sort_unstable();
    for run in all.chunk_by(|a, b| a == b) {
        if names::completes(run[0]) {
            known.add_new(run[0], run.len());
        }
    }
    known.index();
    let full: Vec<(String, usize)> = known.counts().map(|(n, c)| (n.to_string(), c)).collect();
    let mut canon: Vec<(usize, Option<String>)> = Vec::with_capacity(quotes.len());
    // An article quotes few speakers many times: each is judged once.
    let mut judged: rustc_hash::FxHashMap<&str, Option<Option<String>>> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(quotes.len(), Default::default());
    for (k, q) in quotes.iter().enumerate() {
        let Some(s) = q.speaker.as_deref() else {
            continue;
        };
        let verdict = judged
            .entry(s)
            .or_insert_with(|| names::is_person(s).then(|| known.fullest(s)))
            .clone();
        if let Some(fullest) = verdict {
            canon.push((k, fullest));
        }
    }
    drop(judged);
    drop(known);
    let mut pending = Vec::new();
    for (k, c) in canon {
        match c {
            Some(c) => quotes[k].speaker = Some(c),
            None => pending.push(k),
        }
    }
    Extracted {
        unquoted: false,
        quotes,
        pending,
        full_names: full,
    }
}

/// An article's quote spans, found: the first step of extraction.
struct Found {
    spans: Vec<scan::Span>,
    /// Nicknames set inside names, taken out of `spans`.
    nicknames: Vec<(usize, usize)>,
}

/// The lines of `text` ([`find::lines`]) and its quote spans.
fn find_spans(text: &str) -> (Vec<(usize, usize)>, Found) {
    let lines = find::lines(text);
    let spans = scan::scan_lines(text, &lines);
    if spans.is_empty() {
        let nicknames = Vec::new();
        return (lines, Found { spans, nicknames });
    }
    let (spans, nicknames) = without_nicknames(text, spans);
    (lines, Found { spans, nicknames })
}

/// The quotes of one article as read (speakers resolved within it, not yet made
/// canonical) and the full names it mentions: the third step.
fn quotes_from(
    index: usize,
    article: &Article,
    mut ctx: speaker::Context,
) -> (Vec<Quote>, Vec<String>) {
    let text = &article.text;
    let spans = ctx.spans();
    let (attributions, pres) = ctx.attribute();
    let mut out = Vec::with_capacity(spans.len());
    let mut position = Position::default();
    let mut utterance_of: Vec<usize> = Vec::with_capacity(spans.len());
    for (i, (span, attr)) in spans.iter().zip(attributions).enumerate() {
        let (_, pre) = ctx.before(i);
        let whole = &text[span.start..span.end];
        let cut = whole.len() > MAX_QUOTE_BYTES;
        let inner = if cut {
            let mut at = MAX_QUOTE_BYTES;
            while !whole.is_char_boundary(at) {
                at -= 1;
            }
            &whole[..at]
        } else {
            whole
        };
        let Some(kind) = kind::classify_after(inner, pre, &pres[i]) else {
            utterance_of.push(usize::MAX);
            continue;
        };
        // A label or scare quote in the writer's own sentence ("what residents now call
        // “the wall”") is nobody's words because of who spoke in the paragraphs around.
        // Nor is a scare quote the words of a subject named in an earlier sentence: "who
        // regard themselves as the vanguard of a “men's rights” movement … and say".
        let attr = attr.filter(|a| {
            kind != QuoteKind::Term
                || (a.via != Via::Context && a.start >= ctx.sentence_of(span.open).0)
        });
        let n = out.len() + 1;
        let id = quote_id(&article.id, n);
        let utterance = match split_from(&ctx, spans, i) {
            Some(p) if utterance_of[p] != usize::MAX => {
                let q: &Quote = &out[utterance_of[p]];
                q.utterance.clone()
            }
            _ => id.clone(),
        };
        utterance_of.push(out.len());
        let (line, column) = position.at(article, span.start);
        // The attribution's strings are moved into the quote, not copied.
        let (speaker, speaker_text, speaker_start, speaker_end, cue, attribution) = match attr {
            Some(a) => (
                Some(a.resolved),
                Some(a.text),
                Some(a.start),
                Some(a.end),
                a.cue,
                Some(a.via),
            ),
            None => (None, None, None, None, None, None),
        };
        out.push(Quote {
            id,
            article: article.id.clone(),
            article_index: index,
            text: inner.to_string(),
            start: span.start,
            end: span.start + inner.len(),
            open: span.open,
            close: span.close,
            line,
            column,
            kind,
            terminated: span.terminated,
            cut,
            speaker,
            speaker_text,
            speaker_start,
            speaker_end,
            cue,
            attribution,
            utterance,
        });
    }
    let mentions = std::mem::take(&mut ctx.mentions)
        .into_iter()
        .filter(|m| !m.group && m.name.split_whitespace().nth(1).is_some())
        .map(|m| m.name)
        .collect();
    (out, mentions)
}

/// Every word of one to three symbols of `alphabet`: the short words the byte paths of
/// `words` and `sentence` are tested against their general readings with.
#[cfg(test)]
pub(crate) fn words_over(alphabet: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for a in alphabet {
        out.push(a.to_string());
        for b in alphabet {
            out.push(format!("{a}{b}"));
            for c in alphabet {
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    out
}

/// Line and column of byte offsets asked for in increasing order: on the line of the
/// last one asked, the column is counted on from it, so that many quotes on one long
/// line cost a pass over the line, not one per quote.
#[derive(Default)]
struct Position {
    last: Option<(usize, usize, usize)>,
}

impl Position {
    fn at(&mut self, article: &Article, offset: usize) -> (usize, usize) {
        let text = &article.text;
        let here = match self.last {
            Some((at, line, column))
                if at <= offset
                    && offset <= text.len()
                    && text.is_char_boundary(at)
                    && text.is_char_boundary(offset)
                    && memchr::memchr(b'\n', &text.as_bytes()[at..offset]).is_none() =>
            {
                (line, column + text[at..offset].chars().count())
            }
            _ => article.line_col(offset),
        };
        self.last = Some((offset, here.0, here.1));
        here
    }
}

/// How much text either side of a quote is read to see whether it sits inside a name.
const NICKNAME_CONTEXT: usize = 40;

/// Splits off the nicknames set inside names (Joaquín "El Chapo" Guzmán): they are no
/// quotes, and attribution must read the name around them as one.
fn without_nicknames(text: &str, spans: Vec<scan::Span>) -> (Vec<scan::Span>, Vec<(usize, usize)>) {
    let mut nicknames = Vec::new();
    let kept = spans
        .into_iter()
        .filter(|s| {
            let before = &text[char_floor(text, s.open.saturating_sub(NICKNAME_CONTEXT))..s.open];
            let after = &text[s.close..char_floor(text, s.close + NICKNAME_CONTEXT)];
            let nick =
                s.terminated && kind::is_nickname_in_name(&text[s.start..s.end], before, after);
            if nick {
                nicknames.push((s.open, s.close));
            }
            !nick
        })
        .collect();
    (kept, nicknames)
}

/// `"{article}-{n}"`, written without the formatting machinery: one id per quote, and
/// `format!` cost more than the rest of the quote's record.
fn quote_id(article: &str, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut rest = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&digits[k..]).expect("ASCII digits");
    let mut id = String::with_capacity(article.len() + 1 + digits.len());
    id.push_str(article);
    id.push('-');
    id.push_str(digits);
    id
}

/// The char boundary at or before byte `at` (clamped to the text).
fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The earlier span this one continues as a split quote: same sentence, and only a
/// short clause of saying between them (“If they want oil,” he said, “we are ready.”).
fn split_from(ctx: &speaker::Context, spans: &[scan::Span], i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    let between = ctx.masked().get(spans[p].close..spans[i].open)?;
    // The cheap tests first: what lies between two quotes may be paragraphs long, and
    // is split into words only when it can be such a clause.
    let same_sentence = ctx.sentence_of(spans[p].open).0 == ctx.sentence_of(spans[i].open).0;
    if !(same_sentence && between.trim_end().ends_with(',')) {
        return None;
    }
    let words = words::split(between, 0);
    (!words.is_empty() && words.len() <= 6 && words.iter().any(|w| lexicon::is_cue_word(w.s)))
        .then_some(p)
}

/// What the tests of the extraction modules share.
#[cfg(test)]
pub(crate) mod testing {
    /// A fixed-seed generator for the tests' made-up texts: the same texts on every run.
    pub(crate) struct Lcg(u64);

    impl Lcg {
        pub(crate) fn new(seed: u64) -> Self {
            Lcg(seed)
        }

        /// The next number, below `m`.
        pub(crate) fn below(&mut self, m: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize % m
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs built to find a bad slice or a quadratic step: each must extract without a
    /// panic and with well-formed spans. Nothing here is timed (timings belong to the
    /// benchmarks); a quadratic step shows as this test running for minutes instead of
    /// well under a second.
    #[test]
    fn quote_ids_are_the_article_and_the_number() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(quote_id("003", n), format!("003-{n}"));
        }
        assert_eq!(quote_id("", 7), "-7");
    }

    /// A speaker its own article names by surname alone takes the full name another
    /// article gives (and a first name alone, a full name that starts with it); names
    /// that share no word with such a speaker change nothing.
    #[test]
    fn speakers_are_completed_from_other_articles() {
        let texts = [
            (
                "a",
                "The talks went on.\n\n“We will stay,” Maduro said on Tuesday.\n",
            ),
            (
                "b",
                "President Nicolás Maduro spoke to reporters. Delcy Rodríguez stood by.\n\n\
                 “Fine,” said Maduro.\n",
            ),
            (
                "c",
                "The board met.\n\n“It was a long night,” Chris told reporters.\n",
            ),
            (
                "d",
                "Chris Anderson runs the board. Mary Evans joined him.\n",
            ),
        ];
        let articles: Vec<_> = texts
            .iter()
            .map(|(id, t)| crate::corpus::article_from_text(id, t))
            .collect();
        let quotes = extract(&articles);
        let speaker = |article: &str| {
            quotes
                .iter()
                .find(|q| q.article == article)
                .and_then(|q| q.speaker.clone())
        };
        assert_eq!(speaker("a").as_deref(), Some("Nicolás Maduro"));
        assert_eq!(speaker("b").as_deref(), Some("Nicolás Maduro"));
        assert_eq!(speaker("c").as_deref(), Some("Chris Anderson"));
    }

    /// Only an unquoted article in which a wanted word stands as a word is read for its
    /// names: within a longer word it is none ("Christopher", "Chrisman"); after or
    /// before punctuation or a dash it is one.
    #[test]
    fn unquoted_articles_are_read_only_where_a_wanted_word_stands() {
        let search = WordSearch::new(&["Chris", "U.S."]).expect("two words");
        for text in [
            "Chris Anderson runs the board.",
            "The board (Chris Anderson's) met.",
            "They met—Chris Anderson too.",
            "Ask \u{201C}Chris\u{201D}.",
            "the U.S. envoy",
            "Christopher and Chris.",
        ] {
            assert!(search.holds(text), "{text:?}");
        }
        for text in [
            "Christopher Anderson ran it.",
            "Chrisman",
            "aChris",
            "U.S.A",
            "",
        ] {
            assert!(!search.holds(text), "{text:?}");
        }
        // A corpus in which the unquoted article holds the name only inside a longer
        // word: no completion, as when every article was read.
        let articles: Vec<_> = [
            ("a", "“We will stay,” Chris said.\n"),
            ("b", "Christopher Anderson runs the board.\n"),
        ]
        .iter()
        .map(|(id, t)| crate::corpus::article_from_text(id, t))
        .collect();
        let quotes = extract(&articles);
        assert_eq!(quotes[0].speaker.as_deref(), Some("Chris"));
    }

    /// The search skips past each match of the plain words: pinned to a reading of
    /// every occurrence of every word, on texts and word sets made of parts that make
    /// words overlap, nest, share starts and sit against letters, digits, marks and
    /// non-ASCII letters.
    #[test]
    fn word_search_finds_what_a_look_at_every_occurrence_finds() {
        let parts = ["Bu", "sh", "ra", "S", "U.", "’", "é", " ", "-", "4", "."];
        let mut rng = testing::Lcg::new(11);
        let gen = |rng: &mut testing::Lcg, n: usize| -> String {
            (0..n).map(|_| parts[rng.below(parts.len())]).collect()
        };
        for _ in 0..3000 {
            let words: Vec<String> = (0..3)
                .map(|_| {
                    let n = 1 + rng.below(3);
                    gen(&mut rng, n)
                })
                .collect();
            let words: Vec<String> = words
                .into_iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect();
            let mut refs: Vec<&str> = words.iter().map(String::as_str).collect();
            refs.sort_unstable();
            refs.dedup();
            let search = WordSearch::new(&refs).expect("few words");
            let text = gen(&mut rng, 12);
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            // Every occurrence, overlapping ones included.
            let expected = refs.iter().any(|w| {
                (0..=text.len()).any(|at| {
                    text.is_char_boundary(at)
                        && text[at..].starts_with(w)
                        && !alnum(text[..at].chars().next_back())
                        && !alnum(text[at + w.len()..].chars().next())
                })
            });
            assert_eq!(search.holds(&text), expected, "{refs:?} in {text:?}");
        }
    }

    #[test]
    fn pathological_texts_extract_with_sound_spans() {
        const N: usize = 50_000;
        let cases: Vec<(&str, String)> = vec![
            ("straight marks", "\"".repeat(N)),
            ("curly openers", "“".repeat(N)),
            ("curly closers", "”".repeat(N)),
            ("apostrophes", "'".repeat(N)),
            ("guillemets", "«»".repeat(N / 2)),
            ("mixed families", "\"'“‘«".repeat(N / 5)),
            ("marks between letters", "a\"".repeat(N)),
            (
                "unclosed quote per paragraph",
                "\"a he said.\n\n".repeat(N / 10),
            ),
            (
                "quote reopened every paragraph",
                "“We will stay. We will not leave.\n\n".repeat(N / 10),
            ),
            ("periods", ".".repeat(N)),
            ("periods and marks", ".\"".repeat(N)),
            ("terminators", "!?…".repeat(N / 3)),
            ("one long word", "a".repeat(5 * N)),
            ("abbreviations", "Mr. U.S. J. ".repeat(N / 10)),
            ("capitalised words", "Aaa Bbb, said Ccc ".repeat(N / 10)),
            ("marks in URLs", "http://a.b/\"c\" ".repeat(N / 10)),
            ("possessives", "'Jones' cow ".repeat(N / 10)),
            ("inch marks", "5'10\" ".repeat(N / 5)),
            ("dashes and marks", "—\"–'".repeat(N / 4)),
            (
                "invisible spaces",
                "\u{FEFF}\"\u{200B}'\u{00A0}".repeat(N / 5),
            ),
        ];
        for (name, text) in cases {
            let article = crate::corpus::article_from_text("p", &text);
            let quotes = extract(&[article]);
            for q in &quotes {
                assert!(q.start <= q.end && q.open <= q.start, "{name}: {q:?}");
                assert!(
                    text.is_char_boundary(q.start) && text.is_char_boundary(q.end),
                    "{name}"
                );
            }
        }
    }
}

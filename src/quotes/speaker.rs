//! Who said it. Attribution reads the prose around each quote with the quotes masked
//! out: a verb of saying after the quote ("…,” said Maduro / Maduro said) or before it
//! (Maduro declared, “…), a press-release dash (“…” -Name), then the conventions of
//! news copy: a second quote in a paragraph continues the first one's speaker, and a
//! stand-alone quote paragraph takes its speaker from the paragraphs around it.
//! Pronouns and descriptions ("he", "the Venezuelan leader") are resolved to the person
//! they fit: the subject of the nearest sentence before that names one, of the right
//! gender where the article gives it away, or the one the article describes alike.
//!
//! Cost: every lookup is bounded (a sentence, a few paragraphs, a fixed number of
//! mentions back), so attribution is linear in the article.

use super::lexicon as lex;
use super::mentions::{self, descriptor, surname, Gender, Mention};
use super::phrase::{np_backward, np_forward, strip_titles, trailing_np};
use super::scan::Span;
use super::sentence;
use super::words::{split, split_into, Word};

/// How far back a pronoun or description looks for its person, in sentences.
const LOOKBACK_SENTENCES: usize = 8;
/// At most this many mentions are examined per lookup.
const LOOKBACK_MENTIONS: usize = 64;
/// Paragraphs before a stand-alone quote whose attributed quotes it may continue.
const CONTEXT_PARAGRAPHS: usize = 3;
/// At most this many earlier (or later) quotes are looked at for a speaker to carry over.
const LOOKBACK_QUOTES: usize = 16;
/// How much of a sentence is read for the name that opens it, in bytes.
const OPENING_NAME_BYTES: usize = 160;
/// How many words may introduce the person a sentence opens with ("The institute's
/// Statistics Unit director, professor Helena Britt, says").
const LEAD_WORDS: usize = 8;
/// The longest organisation's name read before a colon, in words.
const ORG_WORDS: usize = 6;
/// A cue this close after a quote attributes it before any cue in front of it.
const NEAR_WORDS: usize = 4;
/// The farthest a cue after a quote may stand, in words.
const FAR_WORDS: usize = 16;

/// How an attribution was made, from strongest to weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// A verb of saying in the quote's own sentence.
    Cue,
    /// A press-release dash after the quote.
    Dash,
    /// Carried over from the previous quote of the paragraph (or the next one).
    Continued,
    /// Taken from the surrounding paragraphs.
    Context,
}

/// The speaker of one quote, with the words that name it.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// The words as written ("he", "The Venezuelan leader", "Mr. Podesta").
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub cue: Option<String>,
    pub via: Via,
    /// The person or group it refers to, titles stripped ("Maduro").
    pub resolved: String,
}

/// Whether masked prose holds nothing but masked quotes ('Q's), whitespace and ASCII
/// punctuation. A paragraph that opens with a quote is masked for the quote's length:
/// its 'Q's are passed over eight at a time, and only a character that is not ASCII is
/// decoded.
fn quotes_only(masked: &str) -> bool {
    const QS: u64 = u64::from_le_bytes([b'Q'; 8]);
    let b = masked.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while b
            .get(i..)
            .and_then(<[u8]>::first_chunk::<8>)
            .is_some_and(|c| u64::from_le_bytes(*c) == QS)
        {
            i += 8;
        }
        let Some(&x) = b.get(i) else {
            break;
        };
        if x < 0x80 {
            if !(x == b'Q' || matches!(x, b'\t'..=b'\r' | b' ') || x.is_ascii_punctuation()) {
                return false;
            }
            i += 1;
        } else {
            match masked[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => return false,
            }
        }
    }
    true
}

/// An article's prose as attribution reads it: the text with its quotes masked out,
/// its paragraphs and its sentences.
pub struct Prose {
    pub masked: String,
    pub paragraphs: Vec<(usize, usize)>,
    /// Sentence ranges of the masked text, in order, within paragraphs.
    pub sentences: Vec<(usize, usize)>,
}

impl Prose {
    /// `blanks` are spans read as blank space (nicknames inside names); `lines` the
    /// text's [`lines`](super::find::lines).
    pub fn of(
        text: &str,
        spans: &[Span],
        blanks: &[(usize, usize)],
        lines: Vec<(usize, usize)>,
    ) -> Self {
        let masked = mask(text, spans, blanks);
        let paragraphs = paragraphs(lines);
        // A range per paragraph, blank ones too, and one more per sentence start.
        let mut sentences: Vec<(usize, usize)> =
            Vec::with_capacity(paragraphs.len() + text.len() / 64);
        for &(ps, pe) in &paragraphs {
            sentence::push_ranges(&masked[ps..pe], ps, &mut sentences);
        }
        Prose {
            masked,
            paragraphs,
            sentences,
        }
    }
}

/// The article as attribution sees it.
pub struct Context<'a> {
    text: &'a str,
    masked: String,
    spans: &'a [Span],
    paragraphs: Vec<(usize, usize)>,
    /// Per paragraph: it holds nothing but quotes and punctuation.
    quote_only: Vec<bool>,
    /// Sentence ranges of the masked text, in order, within paragraphs.
    sentences: Vec<(usize, usize)>,
    /// Sorted by position.
    pub mentions: Vec<Mention>,
}

impl<'a> Context<'a> {
    /// `blanks` are spans read as blank space (nicknames inside names).
    pub fn new(text: &'a str, spans: &'a [Span], blanks: &[(usize, usize)]) -> Self {
        Self::with_lines(text, spans, blanks, super::find::lines(text))
    }

    /// [`Context::new`], given the text's [`lines`](super::find::lines).
    pub fn with_lines(
        text: &'a str,
        spans: &'a [Span],
        blanks: &[(usize, usize)],
        lines: Vec<(usize, usize)>,
    ) -> Self {
        let prose = Prose::of(text, spans, blanks, lines);
        let mentions = mentions::find(&prose.masked, &prose.sentences, &prose.paragraphs);
        Self::from_parts(text, spans, prose, mentions)
    }

    /// The context of the article whose prose is `prose` and whose mentions
    /// [`mentions::find`] read from it.
    pub fn from_parts(
        text: &'a str,
        spans: &'a [Span],
        prose: Prose,
        mut mentions: Vec<Mention>,
    ) -> Self {
        let Prose {
            masked,
            paragraphs,
            sentences,
        } = prose;
        // A name glued to a quote ("Jane Doe“Fine.”", no space before the mark) runs on
        // into the masked quote, and may end inside its closing mark: a name holds no
        // quoted words, so such a mention is no name.
        mentions.retain(|m| !overlaps_quote(spans, m.start, m.end));
        let quote_only = paragraphs
            .iter()
            .map(|&(s, e)| quotes_only(&masked[s..e]))
            .collect();
        Context {
            text,
            masked,
            spans,
            paragraphs,
            quote_only,
            sentences,
            mentions,
        }
    }

    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// The quote spans attribution reads.
    pub fn spans(&self) -> &'a [Span] {
        self.spans
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|&(s, _)| s <= at)
            .saturating_sub(1)
    }

    fn sentence_index(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|&(s, _)| s <= at)
            .saturating_sub(1)
    }

    /// The sentence (in masked text) that holds byte `at`.
    pub fn sentence_of(&self, at: usize) -> (usize, usize) {
        self.sentences[self.sentence_index(at)]
    }

    /// Masked prose of the quote's sentence before it, after any earlier quote.
    pub fn before(&self, i: usize) -> (usize, &str) {
        let span = &self.spans[i];
        let (s, _) = self.sentence_of(span.open);
        let from = self.spans[..i]
            .iter()
            .rev()
            .take_while(|p| p.close > s)
            .find(|p| p.close <= span.open)
            .map_or(s, |p| p.close);
        (from, &self.masked[from..span.open])
    }

    /// Masked prose of the quote's sentence after it, up to any later quote.
    pub fn after(&self, i: usize) -> (usize, &str) {
        let span = &self.spans[i];
        let anchor = span.close.saturating_sub(1).max(span.open);
        let (_, e) = self.sentence_of(anchor);
        let to = self.spans[i + 1..]
            .iter()
            .take_while(|n| n.open < e)
            .find(|n| n.open >= span.close)
            .map_or(e, |n| n.open);
        let to = to.max(span.close);
        (span.close, &self.masked[span.close..to])
    }

    /// Attributes every quote. With the attributions come the words
    /// [`before`](Self::before) each quote, as `words::split` reads them: the quote's
    /// kind reads them too.
    pub fn attribute(&self) -> (Vec<Option<Attribution>>, Vec<Vec<Word<'_>>>) {
        // The words before each quote are read by several rules, and by the next quote's
        // too: split once.
        let pres: Vec<Vec<Word>> = (0..self.spans.len())
            .map(|i| {
                let (pre_at, pre) = self.before(i);
                split(pre, pre_at)
            })
            .collect();
        // The words after each quote are read by its own rules only: one buffer for all.
        let mut post_words = Vec::new();
        let mut out: Vec<Option<Attribution>> = (0..self.spans.len())
            .map(|i| self.direct(i, &pres, &mut post_words))
            .collect();
        // Next-paragraph attributions first, so that a stand-alone quote can borrow one.
        for i in 0..self.spans.len() {
            if out[i].is_none() {
                out[i] = self.inherited(i, &out, &pres[i]);
            }
        }
        // Words that still run into a quote (a name glued to the quote it opens, a dash
        // line glued to the next quote) name nobody: a speaker is never quoted words.
        for a in out.iter_mut() {
            if a.as_ref()
                .is_some_and(|a| overlaps_quote(self.spans, a.start, a.end))
            {
                *a = None;
            }
        }
        // In order: "it" may stand for the organisation quoted before it.
        let surnames = std::cell::OnceCell::new();
        for i in 0..out.len() {
            let (earlier, rest) = out.split_at_mut(i);
            if let Some(a) = rest[0].as_mut() {
                a.resolved = self.resolve(a, earlier, &surnames);
                self.widen_to_org(a);
            }
            // "It is vying for best musical. The other film is … “A Beautiful Mind”":
            // with no verb of saying, an "it" that stands for no organisation is the
            // thing the sentence before was about, not a speaker.
            if rest[0].as_ref().is_some_and(|a| {
                a.via == Via::Context && a.resolved == a.text && a.text.eq_ignore_ascii_case("it")
            }) {
                rest[0] = None;
            }
        }
        (out, pres)
    }

    /// A verb of saying (or a dash) in the quote's own sentence. A cue that names its
    /// speaker wins over one whose subject must be looked for further back. `pres` are
    /// the words [`before`](Self::before) each quote.
    fn direct<'s>(
        &'s self,
        i: usize,
        pres: &[Vec<Word<'s>>],
        post_buffer: &mut Vec<Word<'s>>,
    ) -> Option<Attribution> {
        let pre_words = &pres[i];
        let (post_at, post) = self.after(i);
        split_into(post, post_at, post_buffer);
        let post_words: &[Word] = post_buffer;
        let near = post_cue(post_words, NEAR_WORDS);
        let pre_cue = (0..pre_words.len()).rposition(|k| verb_cue(pre_words, k));
        let named = near
            .and_then(|ci| self.named_at_cue(post_words, ci, true))
            .or_else(|| self.after_question(i))
            .or_else(|| dash(post, post_at))
            // "Kirkmore said he was “independent” …, according to ScoopWatch": the
            // clause's own speaker, named before its cue, over the report's source.
            .or_else(|| pre_cue.and_then(|ci| self.named_at_cue(pre_words, ci, false)))
            .or_else(|| self.according_to(pre_words))
            .or_else(|| self.according_to(post_words));
        if named.is_some() {
            return named;
        }
        match (near, pre_cue) {
            (Some(ci), _) => self.subject_of_cue(i, &post_words[ci], pres),
            (None, Some(ci)) => self.subject_of_cue(i, &pre_words[ci], pres),
            (None, None) => {
                let far = post_cue(post_words, FAR_WORDS)?;
                self.named_at_cue(post_words, far, true)
                    .or_else(|| self.subject_of_cue(i, &post_words[far], pres))
            }
        }
    }

    /// “Why should we trust them?” Rodríguez asked: a question or exclamation ends the
    /// sentence for the splitter, but a cue that opens the next one still attributes it.
    fn after_question(&self, i: usize) -> Option<Attribution> {
        let span = &self.spans[i];
        let asks = self.text[span.start..span.end]
            .trim_end()
            .ends_with(['?', '!']);
        let k = self.sentence_index(span.close.saturating_sub(1).max(span.open)) + 1;
        let &(s, e) = self.sentences.get(k).filter(|_| asks)?;
        if !self.masked.get(span.close..s)?.trim().is_empty() {
            return None;
        }
        let to = self.spans.get(i + 1).map_or(e, |n| n.open.clamp(s, e));
        let words = split(&self.masked[s..to], s);
        let ci = post_cue(&words, NEAR_WORDS)?;
        self.named_at_cue(&words, ci, true)
    }

    /// The speaker the cue `words[ci]` names: after it when the cue leads the clause
    /// ("said Maduro"), else before it ("Maduro said").
    fn named_at_cue(&self, words: &[Word], ci: usize, after: bool) -> Option<Attribution> {
        if let Some((start, end)) = (!after).then(|| passive_agent(words, ci)).flatten() {
            return Some(self.make(start, end, Some(words[ci].s.to_string()), Via::Cue));
        }
        let np = if after && ci == 0 {
            np_forward(words, 1).or_else(|| np_backward(words, ci))
        } else {
            np_backward(words, ci)
        };
        let (start, end) = np?;
        Some(self.make(start, end, Some(words[ci].s.to_string()), Via::Cue))
    }

    /// "…, stating" / "and adds": a cue without its own subject; the clause's subject
    /// stands further back, with an earlier quote of the sentence or before it.
    fn subject_of_cue(&self, i: usize, cue: &Word, pres: &[Vec<Word>]) -> Option<Attribution> {
        // A label verb ("have taken to calling the plan “…”") names the label in the
        // writer's sentence: its subject, if not named there, is nobody further back.
        let label = lex::with_lower(cue.s, |l| lex::LABEL_CUES.contains(&l));
        let here = self.sentence_index(cue.start);
        let named = || {
            self.subject_before(cue.start, None)
                .filter(|m| !label || m.sentence == here)
                .map(|m| (m.start, m.end))
        };
        // "… declared, “…,” and lashed out against John Ashcroft for calling him a
        // “person of interest”": a label's subject is the person its own sentence names
        // nearest before it, over the speaker of an earlier quote of the sentence.
        if label {
            named().or_else(|| self.previous_in_sentence(i, pres))
        } else {
            self.previous_in_sentence(i, pres).or_else(named)
        }
        .map(|(s, e)| self.make(s, e, Some(cue.s.to_string()), Via::Cue))
    }

    /// The speaker named before the cue of an earlier quote of the same sentence.
    fn previous_in_sentence(&self, i: usize, pres: &[Vec<Word>]) -> Option<(usize, usize)> {
        let (s, _) = self.sentence_of(self.spans[i].open);
        let prev = i.checked_sub(1).filter(|&p| self.spans[p].open >= s)?;
        let words = &pres[prev];
        let ci = (0..words.len()).rposition(|k| verb_cue(words, k))?;
        np_backward(words, ci)
    }

    /// "according to the ministry": the phrase after it.
    fn according_to(&self, words: &[Word]) -> Option<Attribution> {
        let i = words
            .windows(2)
            .rposition(|w| w[0].is(lex::ACCORDING) && w[1].is("to"))?;
        let at = i + 2;
        let (start, end) = match np_forward(words, at) {
            // "according to court documents": what the documents say, not the court.
            Some((start, end)) => match words.iter().position(|w| w.end() == end) {
                Some(k) if !words[k].punctuated() && words.get(k + 1).is_some_and(record) => {
                    (start, words[k + 1].end())
                }
                // "according to U.S. intelligence and administration officials": the
                // officials, not the country that opens their description.
                Some(k) => (
                    start,
                    group_head_after(words, k).map_or(end, |h| words[h].end()),
                ),
                None => (start, end),
            },
            // "according to documents", "according to testimony".
            None => words
                .get(at)
                .filter(|w| record(w))
                .map(|w| (w.start, w.end()))?,
        };
        Some(self.make(start, end, Some("according to".into()), Via::Cue))
    }

    fn make(&self, start: usize, end: usize, cue: Option<String>, via: Via) -> Attribution {
        let (start, end) = self.outside_quotes(start, end);
        Attribution {
            text: self.text[start..end].to_string(),
            start,
            end,
            cue,
            via,
            resolved: String::new(),
        }
    }

    /// "a spokesman for the Ministry of Defence said": the phrase read before the cue
    /// is the last words of the body's name; the evidence is all of the name the speaker
    /// was resolved to.
    fn widen_to_org(&self, a: &mut Attribution) {
        let Some(m) = self
            .org_over(a.start, a.end)
            .filter(|m| m.name == a.resolved && (m.start < a.start || m.end > a.end))
        else {
            return;
        };
        let (start, end) = self.outside_quotes(m.start, m.end);
        a.text = self.text[start..end].to_string();
        a.start = start;
        a.end = end;
    }

    /// A speaker's words as a span of the article that holds no quoted words. Spans come
    /// from the masked text, where a word glued to a quote mark ("Doe“Fine.”") runs on
    /// into the quote: the speaker stops where the quote opens. And since a quote's
    /// marks are single bytes there, the span is put on the article's char boundaries.
    fn outside_quotes(&self, start: usize, end: usize) -> (usize, usize) {
        let start = super::char_floor(self.text, start);
        let mut end = super::char_floor(self.text, end).max(start);
        let k = self.spans.partition_point(|s| s.close.max(s.end) <= start);
        if let Some(q) = self.spans.get(k).filter(|q| q.open > start && q.open < end) {
            let cut = start + self.text[start..q.open].trim_end().len();
            if cut > start {
                end = cut;
            }
        }
        (start, end)
    }

    /// No cue of its own: the conventions of news copy.
    fn inherited(
        &self,
        i: usize,
        found: &[Option<Attribution>],
        pre_words: &[Word],
    ) -> Option<Attribution> {
        let span = &self.spans[i];
        let p = self.paragraph_of(span.open);
        // A label the writer's sentence gives ("residents call it “the needle”") is
        // not the words of whoever spoke before.
        let (pre_at, pre) = self.before(i);
        if pre_words
            .iter()
            .any(|w| w.lex().is_cue() && lex::with_lower(w.s, |l| lex::LABEL_CUES.contains(&l)))
        {
            return None;
        }
        // "…the country. “I'm sure…,” the Opposition leader said.": a quote left open
        // where the next one opens is one utterance over run-together paragraphs (each
        // opened with a mark, only the last closed), whoever the last part names.
        if let Some(a) = self.continued_by(i, found) {
            return Some(Attribution {
                via: Via::Continued,
                ..a.clone()
            });
        }
        // An earlier quote of the same paragraph.
        if let Some((j, prev)) = (0..i)
            .rev()
            .take(LOOKBACK_QUOTES)
            .take_while(|&j| self.paragraph_of(self.spans[j].close.saturating_sub(1)) == p)
            .find_map(|j| found[j].as_ref().map(|a| (j, a)))
        {
            // "…,” Mr Ford replied. Mr Kissinger appeared to be concerned. “It is
            // important…”: a sentence of the writer's own between them that opens with
            // a person hands the quote to that person.
            if let Some(a) =
                self.named_between(self.spans[j].close.max(self.spans[j].end), span.open)
            {
                return Some(a);
            }
            return Some(Attribution {
                via: Via::Continued,
                ..prev.clone()
            });
        }
        if self.quote_only[p] || self.opens_paragraph_unattributed(i, p) {
            return self.for_quote_paragraph(i, p, found);
        }
        if pre.trim_end().ends_with(':') {
            // "Cabello closed with a warning: “…”": the clause's subject introduces it.
            return self
                .opening_name(pre_at, span.open)
                .map(|(s, e)| self.make(s, e, None, Via::Context));
        }
        self.floating(span.open, self.paragraphs[p].0)
    }

    /// The attribution of the quote that closes the run of quotes left open that `i`
    /// opens, each part opening where the one before stops (spaces between them only).
    fn continued_by<'f>(
        &self,
        i: usize,
        found: &'f [Option<Attribution>],
    ) -> Option<&'f Attribution> {
        let mut j = i;
        while !self.spans[j].terminated {
            let next = self.spans.get(j + 1)?;
            let gap = self.masked.get(self.spans[j].close..next.open)?;
            if !gap.trim().is_empty() {
                return None;
            }
            j += 1;
            if let Some(a) = found[j].as_ref() {
                return Some(a);
            }
        }
        None
    }

    /// A paragraph that is nothing but a quote: the speaker of the quote that opens the
    /// next paragraph ("…,” he said), the name that introduces it ("And from Chairwoman
    /// Rosenworcel:"), the last speaker of the paragraphs before, or their subject.
    fn for_quote_paragraph(
        &self,
        i: usize,
        p: usize,
        found: &[Option<Attribution>],
    ) -> Option<Attribution> {
        let span = &self.spans[i];
        if let Some(a) = self.opens_next_paragraph(i, p, found) {
            return Some(Attribution {
                via: Via::Continued,
                ..a.clone()
            });
        }
        if let Some(m) = self.introduced_by_colon(p) {
            return Some(self.make(m.start, m.end, None, Via::Context));
        }
        let earliest = p.saturating_sub(CONTEXT_PARAGRAPHS);
        if let Some(prev) = (0..i)
            .rev()
            .take(LOOKBACK_QUOTES)
            .take_while(|&j| self.paragraph_of(self.spans[j].open) >= earliest)
            .find_map(|j| found[j].as_ref())
        {
            return Some(Attribution {
                via: Via::Context,
                ..prev.clone()
            });
        }
        self.subject_before(span.open, None)
            .map(|m| self.make(m.start, m.end, None, Via::Context))
    }

    /// Whether quote `i` opens paragraph `p` and the writer's words after it attribute
    /// nothing (“…” She gave no timeline.): the paragraph is read as a quote's own.
    fn opens_paragraph_unattributed(&self, i: usize, p: usize) -> bool {
        let (ps, pe) = self.paragraphs[p];
        let open = self.spans[i].open;
        open >= ps
            && self.masked[ps..open].trim().is_empty()
            && !split(&self.masked[open..pe], open)
                .iter()
                .any(|w| w.lex().is_cue())
    }

    /// The cue attribution of the quote that opens paragraph `p + 1`.
    fn opens_next_paragraph<'f>(
        &self,
        i: usize,
        p: usize,
        found: &'f [Option<Attribution>],
    ) -> Option<&'f Attribution> {
        let j = (i + 1..self.spans.len())
            .take(LOOKBACK_QUOTES)
            .take_while(|&j| self.paragraph_of(self.spans[j].open) <= p + 1)
            .find(|&j| self.paragraph_of(self.spans[j].open) == p + 1)?;
        let (qs, _) = self.paragraphs[p + 1];
        let opens = self.masked[qs..self.spans[j].open].trim().is_empty();
        found[j].as_ref().filter(|a| opens && a.via == Via::Cue)
    }

    /// "And from Chairwoman Rosenworcel:" as the paragraph before `p`.
    fn introduced_by_colon(&self, p: usize) -> Option<&Mention> {
        let (qs, qe) = self.paragraphs[p.checked_sub(1)?];
        if !self.masked[qs..qe].trim_end().ends_with(':') {
            return None;
        }
        let end = self.mentions.partition_point(|m| m.start < qe);
        self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS)
            .take_while(|m| m.start >= qs)
            .find(|m| m.end <= qe)
    }

    /// A quote floating in narration: the subject of the sentence before it, in the
    /// same paragraph (which starts at `ps`).
    fn floating(&self, open: usize, ps: usize) -> Option<Attribution> {
        let (s, _) = self.sentence_of(open);
        if s <= ps {
            return None;
        }
        let (prev, _) = self.sentence_of(s - 1);
        let (start, end) = self.opening_name(prev, s)?;
        Some(self.make(start, end, None, Via::Context))
    }

    /// The person named at the opening of the writer's sentence just before the quote
    /// that opens at `open`, when that sentence starts at or after `after` (the close
    /// of the quote before): a name, not a pronoun, and no body.
    fn named_between(&self, after: usize, open: usize) -> Option<Attribution> {
        let (s, _) = self.sentence_of(open);
        if s <= after {
            return None;
        }
        let (prev, _) = self.sentence_of(s - 1);
        if prev < after {
            return None;
        }
        let (start, end) = self.opening_name(prev, s)?;
        // The opening's words hold a person's mention ("Mr Kissinger" holds "Kissinger").
        let k = self.mentions.partition_point(|m| m.end <= start);
        self.mentions
            .get(k)
            .filter(|m| m.start >= start && m.end <= end && !m.org && !m.group)?;
        Some(self.make(start, end, None, Via::Context))
    }

    /// The name (or pronoun) that opens the masked text `from..to`, if one does.
    fn opening_name(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let mut cut = to.min(from + OPENING_NAME_BYTES);
        while !self.masked.is_char_boundary(cut) {
            cut -= 1;
        }
        let words = split(&self.masked[from..cut], from);
        let first = words.first()?;
        // An organisation's name may open with words that name no one ("New", "The").
        let k = self.mentions.partition_point(|m| m.start < first.start);
        if let Some(m) = self.mentions[k..]
            .iter()
            .take(2)
            .find(|m| m.org && m.end <= to && self.masked[first.start..m.start].trim().is_empty())
        {
            let lead = words.iter().take_while(|w| w.start < m.start).count();
            if lead == 0 || (lead == 1 && first.is("the")) {
                return Some((m.start, m.end));
            }
        }
        // "Federal Aviation Administration: “…”", a line the mentions skip as a heading.
        if let Some(c) = words.iter().position(|w| w.colon) {
            let head = &words[..=c];
            if head.len() >= 2
                && head.len() <= ORG_WORDS
                && head.iter().all(|w| w.capitalised() && !w.masked())
                && head[c].lex().is_org_head()
            {
                return Some((first.start, head[c].end()));
            }
        }
        let introduced = self.introduced_person(&words, to);
        let Some(w) =
            Some(first).filter(|w| !w.masked() && (w.lex().may_be_name() || w.lex().is_pronoun()))
        else {
            return introduced.map(|m| (m.start, m.end));
        };
        let end = name_run_end(&words);
        // "Union secretary Geoff Derrick says": the run that opens the sentence ends
        // before the person it introduces.
        match introduced {
            Some(m) if end <= m.start => Some((m.start, m.end)),
            _ => Some((w.start, end)),
        }
    }

    /// The person `words` (those opening a sentence, ending before byte `to`) name
    /// behind the words that introduce them: "Mr Crean says", "The union's Geoff
    /// Derrick says", "Union secretary Geoff Derrick says", "The institute's director,
    /// professor Helena Britt, says". None when the sentence opens with the name itself
    /// (the caller reads that as written) or with anything else.
    fn introduced_person(&self, words: &[Word], to: usize) -> Option<&Mention> {
        let first = words.first()?;
        let k = self.mentions.partition_point(|m| m.start < first.start);
        let introduces = |w: &Word| {
            !w.masked()
                && !w.colon
                && !w.stop
                && !w.brk
                && (w.is("the")
                    || possessive(w.s)
                    || w.lex().is_title_or_role()
                    || w.lex().is_org_head()
                    || (w.capitalised() && w.lex().may_be_name()))
        };
        self.mentions[k..]
            .iter()
            .take_while(|m| m.start < to)
            .filter(|m| {
                !m.org
                    && !m.group
                    && m.end <= to
                    && super::names::is_person(&m.name)
                    // No body's noun inside: "Emergency Services (SES)" names none.
                    && m.name.split(' ').all(|w| !lex::word_flags(w).is_org_head())
            })
            .find(|m| {
                let lead = words.iter().take_while(|w| w.end() <= m.start).count();
                // The name's own first word follows the lead, and the name ends where
                // the phrase does: not "Queensland Tourism Industry" of "Queensland
                // Tourism Industry Council's Daniel Gschwind".
                let last = words.iter().rposition(|w| w.end() <= m.end);
                // "Chairman of the Joint Chiefs General Richard Myers": a title's body
                // after "of" or "for" is part of the lead.
                let of_a_body = |w: &Word| {
                    (w.is("of") || w.is("for"))
                        && !w.punctuated()
                        && words[0].capitalised()
                        && words[0].lex().is_title_or_role()
                };
                (1..=LEAD_WORDS).contains(&lead)
                    && words[..lead].iter().all(|w| introduces(w) || of_a_body(w))
                    // What stands just before the name introduces it, and is not a part
                    // of it: "State" of "State Emergency Services (SES)" is not.
                    && {
                        let w = &words[lead - 1];
                        w.comma
                            || possessive(w.s)
                            || (w.lex().is_title_or_role()
                                && (!w.capitalised() || w.lex().is_person_role() || honorific(w)))
                    }
                    && words.get(lead).is_some_and(|w| w.start == m.start)
                    && last.is_some_and(|l| {
                        let next = words.get(l + 1);
                        (words[l].punctuated() || next.is_some_and(|n| !n.capitalised()))
                            // "State Emergency Services (SES) volunteers are": the
                            // volunteers are the subject, not a person so named.
                            && !next.is_some_and(|n| {
                                n.lex().is_group() || n.lex().is_person_role() || n.lex().is_org_head()
                            })
                    })
            })
    }

    /// Mentions ending before byte `at`, nearest first, within the lookback bounds.
    fn mentions_before(&self, at: usize) -> impl Iterator<Item = &Mention> {
        let end = self.mentions.partition_point(|m| m.start < at);
        let here = self.sentence_index(at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS)
            .take_while(move |m| here - m.sentence.min(here) <= LOOKBACK_SENTENCES)
            .filter(move |m| m.end <= at)
    }

    /// The person the nearest sentence before `at` (or its own words before `at`) is
    /// about: the first fitting person it names, its subject as a rule; a name after a
    /// preposition ("spoke with Putin") only when there is no other.
    fn subject_before(&self, at: usize, gender: Option<Gender>) -> Option<&Mention> {
        let fits = |m: &&Mention| {
            !m.group && (gender.is_none() || m.gender.is_none_or(|g| Some(g) == gender))
        };
        let subject = self.nearest_subject(at, fits, |k| self.opens_with_saying(k, gender))?;
        // "John Smith and his wife, Mary, were at home. “…,” she said.": of the people
        // the sentence names, one known to be of the gender asked over one not known.
        if gender.is_none() || subject.gender.is_some() {
            return Some(subject);
        }
        let known = self
            .mentions_before(at)
            .skip_while(|m| m.sentence > subject.sentence)
            .take_while(|m| m.sentence == subject.sentence)
            .find(|m| !m.group && !m.object && m.gender == gender)
            // Both in the subject: no verb of saying between them ("John Corcoran says
            // Mr Hicks could face a charge": Mr Hicks is in his words).
            .filter(|m| {
                let (a, b) = (subject.end.min(m.start), subject.end.max(m.start));
                !self.masked[a..b]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(lex::is_cue_word)
            });
        Some(known.unwrap_or(subject))
    }

    /// Of the mentions before `at` that `fits` accepts, the subject of the nearest
    /// sentence holding one: its first mention that is not an object, else its first.
    /// A sentence that `reported` tells is one whose names stand in what its subject, a
    /// pronoun, says is passed over as one whose names are all objects is.
    fn nearest_subject(
        &self,
        at: usize,
        fits: impl Fn(&&Mention) -> bool,
        reported: impl Fn(usize) -> bool,
    ) -> Option<&Mention> {
        let mut best: Option<&Mention> = None;
        // "He has told Channel Nine …": a sentence whose subject is "he" and whose only
        // names are objects is about the person before it, whom "he" stands for.
        let mut object_only: Option<&Mention> = None;
        for m in self.mentions_before(at).filter(fits) {
            if let Some(b) = best {
                if b.sentence != m.sentence {
                    if !((b.object && self.opens_with_pronoun(b.sentence)) || reported(b.sentence))
                    {
                        break;
                    }
                    object_only = object_only.or(best);
                } else if m.object && !b.object {
                    continue;
                }
            }
            best = Some(m);
        }
        // Objects only further back as well: the nearer of them.
        match best {
            Some(b) if b.object || reported(b.sentence) => object_only.or(best),
            _ => best,
        }
    }

    /// Whether sentence `k` opens with "he" or "she" (the one of `gender`, when given)
    /// and a verb of saying: "She says former champion Kieren Perkins was behind her
    /// victory." reports her words, and the names in them are not whom "she" stands for.
    fn opens_with_saying(&self, k: usize, gender: Option<Gender>) -> bool {
        self.opening_pronoun(k)
            .is_some_and(|p| gender.is_none_or(|g| g == p))
            && self.sentence_words(k).nth(1).is_some_and(lex::is_cue_word)
    }

    /// Whether sentence `k` opens with "he" or "she".
    fn opens_with_pronoun(&self, k: usize) -> bool {
        self.opening_pronoun(k).is_some()
    }

    /// The gender of the "he" or "she" sentence `k` opens with.
    fn opening_pronoun(&self, k: usize) -> Option<Gender> {
        let first = self.sentence_words(k).next()?;
        lex::with_lower(first, |l| match l {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        })
    }

    /// The words of sentence `k` as whitespace cuts them.
    fn sentence_words(&self, k: usize) -> std::str::SplitAsciiWhitespace<'_> {
        let (s, e) = self.sentences[k];
        self.masked[s..e].split_ascii_whitespace()
    }

    /// The person a definite description refers to: the nearest one the article
    /// describes with the same words ("the Venezuelan leader" and "Venezuelan President
    /// Nicolás Maduro").
    fn described_before(&self, at: usize, description: &[Word]) -> Option<&Mention> {
        let wanted: Vec<String> = description
            .iter()
            .filter(|w| !w.lex().is_determiner())
            .map(|w| descriptor(w.s))
            .collect();
        let score = |m: &Mention| {
            wanted
                .iter()
                .filter(|w| m.descriptors.iter().any(|d| same_role(d, w)))
                .count()
        };
        // Words that describe someone alike are evidence enough to look further back
        // than a pronoun does: the article may have introduced the person long before.
        let end = self.mentions.partition_point(|m| m.start < at);
        let mut best: Option<(&Mention, usize)> = None;
        for m in self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS * 4)
            .filter(|m| !m.group && m.end <= at)
        {
            let s = score(m);
            if s > best.map_or(0, |(_, b)| b) {
                best = Some((m, s));
            }
        }
        best.map(|(m, _)| m)
    }

    /// The nearest group named before `at` ("they" -> "Venezuelan officials").
    fn group_before(&self, at: usize) -> Option<&Mention> {
        self.mentions_before(at).find(|m| m.group && !m.org)
    }

    /// What "it" said stands for: the organisation quoted last ("…,” the agency said.
    /// “…,” it said.), else the organisation the nearest sentence before is about (its
    /// subject as a rule), else the nearest group.
    fn it_before(&self, at: usize, earlier: &[Option<Attribution>]) -> Option<String> {
        let quoted = earlier
            .iter()
            .rev()
            .take(LOOKBACK_QUOTES)
            .flatten()
            .find(|e| e.start < at && names_org(&e.resolved));
        if let Some(e) = quoted {
            return Some(e.resolved.clone());
        }
        self.nearest_subject(at, |m| m.org && !names_mute_org(&m.name), |_| false)
            .or_else(|| self.group_before(at))
            .map(|m| m.name.clone())
    }

    /// What "he" or "she" said stands for: the nearer of the person the sentences before
    /// are about and the person quoted last ("…,” said Lucas Ostton. … “…,” he added.),
    /// of the right gender where the article tells it.
    /// `surnames` are the article's, made at the first call.
    fn person_before<'s>(
        &'s self,
        at: usize,
        gender: Gender,
        earlier: &[Option<Attribution>],
        surnames: &std::cell::OnceCell<Surnames<'s>>,
    ) -> Option<String> {
        let subject = self.subject_before(at, Some(gender));
        let quoted = earlier
            .iter()
            .rev()
            .take(LOOKBACK_QUOTES)
            .flatten()
            .find(|e| {
                e.start < at
                    && super::names::is_person(&e.resolved)
                    && !names_org(&e.resolved)
                    // A person the article names so, of the gender asked where it tells it.
                    && surnames
                        .get_or_init(|| Surnames::of(&self.mentions))
                        .get(surname(&e.resolved))
                        .is_some_and(|g| g.is_none_or(|g| g == gender))
            });
        match (subject, quoted) {
            (Some(m), Some(q)) if q.start > m.end => Some(q.resolved.clone()),
            (Some(m), _) => Some(m.name.clone()),
            (None, Some(q)) => Some(q.resolved.clone()),
            // "…,” a staff member told AFP. “…,” he said.": no one named, but the
            // quote before is a person's the article describes.
            (None, None) => earlier
                .iter()
                .rev()
                .take(LOOKBACK_QUOTES)
                .flatten()
                .find(|e| e.start < at)
                .filter(|e| describes_one_person(&e.text) && e.resolved == e.text)
                .map(|e| e.resolved.clone()),
        }
    }

    /// "the agency": the nearest organisation named before `at` whose name ends in
    /// `head`.
    fn org_named_before(&self, at: usize, head: &str) -> Option<&Mention> {
        let end = self.mentions.partition_point(|m| m.start < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS * 4)
            .filter(|m| m.org && m.end <= at)
            .find(|m| {
                m.name
                    .rsplit(' ')
                    .find(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .is_some_and(|w| lex::lower_is(w, head) || org_of_phrase(&m.name, head))
            })
    }

    /// The group a bare group phrase ("officials", "City officials", "the state
    /// police") refers back to: the nearest group named before `at` whose name ends
    /// with the phrase's words ("Halomova city officials"). A phrase that names its own
    /// place or body ("Richmond police") is its own group.
    fn group_named_before(&self, at: usize, words: &[Word]) -> Option<&Mention> {
        let words = match words.first() {
            Some(w) if w.is("the") => &words[1..],
            _ => words,
        };
        let (head, rest) = words.split_last()?;
        if !head.lex().is_group()
            || head.masked()
            || !rest
                .iter()
                .all(|w| !w.masked() && lex::with_lower(w.s, lex::is_group_modifier))
        {
            return None;
        }
        let phrase: Vec<String> = words.iter().map(Word::lower).collect();
        let end = self.mentions.partition_point(|m| m.start < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS * 4)
            .filter(|m| m.group && !m.org && m.end <= at)
            .find(|m| {
                let named: Vec<String> = m.name.split_whitespace().map(str::to_lowercase).collect();
                // Not another bare phrase ("City officials"): the group it stands for.
                named.len() > phrase.len()
                    && named.ends_with(&phrase)
                    && !named[..named.len() - phrase.len()]
                        .iter()
                        .all(|w| lex::is_group_modifier(w) || lex::is_group(w))
            })
    }

    /// A pronoun or description resolved to a name; a name with its titles stripped.
    fn resolve<'s>(
        &'s self,
        a: &Attribution,
        earlier: &[Option<Attribution>],
        surnames: &std::cell::OnceCell<Surnames<'s>>,
    ) -> String {
        // Lower-cased on the stack; a pronoun's words are never split.
        lex::with_lower(&a.text, |lower| {
            let found = match lower {
                "he" | "she" => {
                    let g = if lower == "he" {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    return self
                        .person_before(a.start, g, earlier, surnames)
                        .unwrap_or_else(|| a.text.clone());
                }
                "it" => {
                    return self
                        .it_before(a.start, earlier)
                        .unwrap_or_else(|| a.text.clone())
                }
                "they" => self.group_before(a.start),
                "i" | "we" => None,
                _ => self.described_by(a),
            };
            match found {
                Some(m) => m.name.clone(),
                None if lex::is_pronoun(lower) => a.text.clone(),
                None => strip_titles(&a.text),
            }
        })
    }

    /// The mention a speaker phrase that is no pronoun stands for: the organisation or
    /// person a definite description refers back to, the group or body it names.
    fn described_by(&self, a: &Attribution) -> Option<&Mention> {
        let words = split(&a.text, a.start);
        if definite_org(&words) {
            return self.org_named_before(a.start, words[words.len() - 1].s);
        }
        if definite_role(&words) {
            return self
                .described_before(a.start, &words)
                .or_else(|| self.subject_before(a.start, None));
        }
        if lone_role(&words) {
            return self.described_before(a.start, &words);
        }
        self.org_over(a.start, a.end)
            .or_else(|| self.group_named_before(a.start, &words))
            .or_else(|| {
                self.mentions
                    .iter()
                    .skip(self.mentions.partition_point(|m| m.start < a.start))
                    .take_while(|m| m.start < a.end)
                    .filter(|m| m.end <= a.end)
                    // The longest: "Halomova city officials", not a name inside it.
                    .reduce(|b, m| {
                        if m.end - m.start > b.end - b.start {
                            m
                        } else {
                            b
                        }
                    })
            })
    }
}

/// The surnames of an article's person mentions, sorted, each with the gender of the
/// first of its mentions that has one: whether the article names a person so
/// ("Inspectors said" names nobody) and of which gender, answered without a pass over
/// the mentions for each quote asked about.
struct Surnames<'m>(Vec<(&'m str, Option<Gender>)>);

impl<'m> Surnames<'m> {
    fn of(mentions: &'m [Mention]) -> Self {
        // Sorted by surname, stably: each surname's mentions stay in the article's order.
        let mut all: Vec<(&str, Option<Gender>)> = mentions
            .iter()
            .filter(|m| !m.group)
            .map(|m| (surname(&m.name), m.gender))
            .collect();
        all.sort_by_key(|&(name, _)| name);
        let mut out: Vec<(&str, Option<Gender>)> = Vec::with_capacity(all.len());
        for (name, gender) in all {
            match out.last_mut() {
                Some((last, g)) if *last == name => *g = g.or(gender),
                _ => out.push((name, gender)),
            }
        }
        Surnames(out)
    }

    /// None if no person mention has this surname, else the gender the article gives.
    fn get(&self, surname: &str) -> Option<Option<Gender>> {
        let k = self.0.partition_point(|(n, _)| *n < surname);
        self.0
            .get(k)
            .filter(|(n, _)| *n == surname)
            .map(|&(_, g)| g)
    }
}

impl Context<'_> {
    /// The organisation whose name holds the speaker's head word: a speaker phrase may
    /// start inside the name ("Ardurgrad Environmental Agency" of "the New Ardurgrad
    /// Environmental Agency").
    fn org_over(&self, start: usize, end: usize) -> Option<&Mention> {
        let k = self.mentions.partition_point(|m| m.start < end);
        self.mentions[..k]
            .iter()
            .rev()
            .take(8)
            .find(|m| m.org && m.start <= start && end <= m.end && m.end > start)
    }
}

/// Whether a resolved speaker is an organisation: a capitalised name ending in (or, with
/// an "of" phrase, headed by) an organisation noun.
fn names_org(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
        && name.split(' ').nth(1).is_some()
        && name
            .split(' ')
            .take_while(|w| *w != "of")
            .last()
            .is_some_and(lex::is_org_head)
}

/// Whether an organisation's name is a news outlet's ("the Pellenmar Register") or a
/// scheme's ("the Rosabora Floodwater Plan"): reported on, not speaking.
fn names_mute_org(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| lex::with_lower(w, lex::is_mute_head))
}

/// "Department of Transportation" is a department.
fn org_of_phrase(name: &str, head: &str) -> bool {
    name.split(' ')
        .take_while(|w| *w != "of")
        .last()
        .is_some_and(|w| lex::lower_is(w, head))
}

/// Whether two describing words name the same role: "the lawmaker" is the article's
/// "Representative Ruth Selham", "the researcher" its "Dr. Jane Doe".
fn same_role(a: &str, b: &str) -> bool {
    fn class(d: &str) -> &str {
        match d {
            "lawmaker" | "legislator" | "representative" | "senator" | "congressman"
            | "congresswoman" | "assemblyman" | "assemblywoman" | "mp" => "lawmaker",
            "researcher" | "scientist" | "doctor" | "professor" => "researcher",
            "executive" | "ceo" | "chairman" | "chairwoman" | "chair" => "executive",
            "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson",
            "organizer" | "organiser" | "activist" => "organizer",
            "councillor" | "councilor" | "councilman" | "councilwoman" => "councillor",
            d => d,
        }
    }
    a == b || class(a) == class(b)
}

/// "the agency", "the union": a definite description of an organisation by its head.
fn definite_org(words: &[Word]) -> bool {
    words.len() == 2
        && words[0].is("the")
        && !words[1].capitalised()
        && words[1].lex().is_org_head()
}

/// "the Venezuelan leader", "this senator": a definite description of a person by role.
/// Indefinite ones ("a senior official") introduce someone new.
fn definite_role(words: &[Word]) -> bool {
    words
        .first()
        .is_some_and(|w| lex::with_lower(w.s, |l| matches!(l, "the" | "this" | "that")))
        && words.len() >= 2
        && words
            .last()
            .is_some_and(|w| lex::with_lower(w.s, lex::is_person_role))
}

/// "The President said": a role alone, capitalised, whose determiner the phrase left
/// out. It refers back as "the president" does, but only to someone the article
/// describes so: "Chairman of the Joint Chiefs General Richard Myers, said" is no
/// reference to whoever the sentence before was about.
fn lone_role(words: &[Word]) -> bool {
    matches!(words, [w] if w.capitalised() && w.lex().is_person_role())
}

/// "a staff member", "the source", "one security expert": a phrase that describes a
/// single person by what they are, without naming them.
fn describes_one_person(text: &str) -> bool {
    let words = split(text, 0);
    let [first, .., last] = words.as_slice() else {
        return false;
    };
    lex::with_lower(first.s, |l| matches!(l, "a" | "an" | "the" | "one"))
        && lex::with_lower(last.s, |l| {
            lex::is_person_role(l)
                || matches!(
                    l,
                    "member"
                        | "source"
                        | "man"
                        | "woman"
                        | "witness"
                        | "expert"
                        | "worker"
                        | "employee"
                        | "student"
                        | "survivor"
                        | "relative"
                        | "neighbour"
                        | "neighbor"
                        | "friend"
                        | "passenger"
                        | "soldier"
                        | "policeman"
                        | "nurse"
                        | "driver"
                        | "farmer"
                        | "guard"
                        | "militant"
                )
        })
}

/// A capitalised title that is a person's own ("Mr Crean", "Senator Hill"), not one
/// that also names a place or a portfolio ("State" of "State Emergency Services").
fn honorific(w: &Word) -> bool {
    lex::with_lower(w.s.trim_end_matches('.'), |l| {
        matches!(
            l,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "professor"
                | "doctor"
                | "sir"
                | "dame"
                | "lord"
                | "lady"
                | "senator"
                | "sen"
                | "justice"
                | "judge"
                | "minister"
                | "premier"
                | "president"
                | "mayor"
                | "governor"
                | "treasurer"
                | "commissioner"
                | "inspector"
                | "superintendent"
                | "detective"
                | "sergeant"
                | "constable"
                | "captain"
                | "colonel"
                | "general"
                | "admiral"
                | "secretary"
                | "chairman"
                | "chairwoman"
                | "director"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "reverend"
                | "father"
                | "bishop"
                | "archbishop"
                | "cardinal"
                | "rabbi"
                | "sheikh"
                | "king"
                | "queen"
                | "prince"
                | "princess"
        )
    })
}

/// "union's", "Labor's", "workers'": a possessive, straight or curly.
fn possessive(s: &str) -> bool {
    s.len() > 2
        && (s.ends_with("'s") || s.ends_with("’s") || s.ends_with("s'") || s.ends_with("s’"))
}

/// A written record that a report cites as its source ("according to court documents",
/// "according to testimony"): lower case, a word of its own.
/// The group noun that ends the phrase a place or body at `words[k]` opens, across at
/// most four lower-case words and "and" ("U.S. intelligence and administration
/// officials"), none of them punctuated, a cue or a word that ends a phrase. A
/// person's name opens no such phrase: "according to Smith and other officials" is
/// Smith's word first.
fn group_head_after(words: &[Word], k: usize) -> Option<usize> {
    if words[k].lex().may_be_name() {
        return None;
    }
    let mut j = k;
    for _ in 0..4 {
        if words[j].punctuated() {
            return None;
        }
        j += 1;
        let w = words.get(j)?;
        if w.capitalised() || w.masked() {
            return None;
        }
        if w.lex().is_group() {
            // "administration officials": the last of the group nouns heads the phrase.
            while !words[j].punctuated() && words.get(j + 1).is_some_and(|n| n.lex().is_group()) {
                j += 1;
            }
            return Some(j);
        }
        let f = w.lex();
        if f.is_cue()
            || f.is_determiner()
            || f.is_preposition()
            || (f.stops_phrase() && !w.is("and"))
        {
            return None;
        }
    }
    None
}

/// "The address was hailed by envoy Terje Roed-Larsen as “…”": a verb of saying in the
/// passive, its agent after "by", and the quote what the agent called the subject. Not
/// "was quoted by army radio as saying": the radio only reports the subject's words.
fn passive_agent(words: &[Word], ci: usize) -> Option<(usize, usize)> {
    let cue = &words[ci];
    let by = words.get(ci + 1)?;
    let aux = words.get(ci.checked_sub(1)?)?;
    let passive = lex::with_lower(aux.s, |l| {
        matches!(l, "was" | "were" | "is" | "are" | "been" | "being" | "be")
    });
    if !passive || aux.punctuated() || cue.punctuated() || !by.is("by") || cue.is("quoted") {
        return None;
    }
    // The agent, then "as" and the quote: nothing else after it in the clause.
    let last = words.len().checked_sub(2).filter(|&k| k >= ci + 2)?;
    if !words[last + 1].is("as") || words[ci + 2..=last].iter().any(Word::punctuated) {
        return None;
    }
    trailing_np(words, ci + 2, last)
}

fn record(w: &Word) -> bool {
    !w.capitalised()
        && !w.masked()
        && lex::with_lower(w.s, |l| {
            matches!(
                l,
                "documents"
                    | "document"
                    | "records"
                    | "papers"
                    | "filings"
                    | "filing"
                    | "files"
                    | "testimony"
                    | "transcripts"
                    | "transcript"
                    | "minutes"
                    | "figures"
                    | "data"
                    | "statistics"
                    | "estimates"
                    | "reports"
                    | "report"
                    | "statement"
                    | "statements"
                    | "emails"
                    | "letters"
                    | "memos"
                    | "notes"
                    | "logs"
            )
        })
}

/// Where the run of capitalised name words that opens `words` ends.
fn name_run_end(words: &[Word]) -> usize {
    let mut end = words[0].end();
    for w in &words[1..] {
        if !(w.capitalised() && w.lex().may_be_name()) {
            break;
        }
        end = w.end();
    }
    end
}

/// True when `start..end` shares a byte with a quote (marks included). `spans` are
/// sorted and disjoint.
fn overlaps_quote(spans: &[Span], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|s| s.close.max(s.end) <= start);
    spans.get(k).is_some_and(|s| s.open < end)
}

/// Replaces every quote (marks included) by 'Q's, keeping byte offsets; the last byte
/// keeps sentence-final punctuation so that sentence splitting still sees it. Blanks
/// become spaces.
fn mask(text: &str, spans: &[Span], blanks: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(s, e) in blanks {
        bytes[s..e].fill(b' ');
    }
    for s in spans {
        // Filled whole, then its line breaks put back: most quotes hold none.
        let quote = &mut bytes[s.open..s.close.max(s.end)];
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', quote).collect();
        quote.fill(b'Q');
        for k in breaks {
            quote[k] = b'\n';
        }
        let last = text[s.start..s.end].trim_end().chars().next_back();
        if let Some(c @ ('.' | '!' | '?')) = last {
            let at = s.close.max(s.end) - 1;
            bytes[at] = c as u8;
        }
    }
    // Every range written above was filled whole with ASCII: where each starts and
    // ends on a character boundary of `text`, valid UTF-8 stays valid, and the
    // article need not be read again to know it.
    let whole_chars = blanks
        .iter()
        .copied()
        .chain(spans.iter().map(|s| (s.open, s.close.max(s.end))))
        .all(|(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e));
    if whole_chars {
        // SAFETY: `text` is UTF-8, and each range replaced by ASCII bytes held whole
        // characters of it (checked just above): the bytes are UTF-8.
        return unsafe { String::from_utf8_unchecked(bytes) };
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The text's lines, one empty paragraph for a text without any.
pub(crate) fn paragraphs(lines: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = lines;
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// The first verb of saying among the first `within` words after a quote.
fn post_cue(words: &[Word], within: usize) -> Option<usize> {
    (0..words.len().min(within)).position(|k| verb_cue(words, k) && !words[k].is(lex::ACCORDING))
}

/// Whether `words[k]` is a verb of saying: a cue word, but not a noun after an article
/// or a possessive ("the promise", "his warning", "a statement").
fn verb_cue(words: &[Word], k: usize) -> bool {
    let determiner = |p: usize| {
        let w = &words[p];
        !w.punctuated()
            && lex::with_lower(w.s, |l| {
                matches!(
                    l,
                    "the" | "a" | "an" | "this" | "his" | "her" | "their" | "its" | "our" | "my"
                )
            })
    };
    // "slamming his peace call as …": a noun of saying after a determiner and a noun,
    // where a verb would agree with a singular subject ("calls").
    let compound = || {
        k >= 2
            && determiner(k - 2)
            && !words[k - 1].punctuated()
            && !words[k - 1].capitalised()
            && !words[k - 1].s.ends_with('s')
            && lex::with_lower(words[k].s, |l| {
                matches!(
                    l,
                    "call"
                        | "claim"
                        | "warning"
                        | "statement"
                        | "comment"
                        | "remark"
                        | "promise"
                        | "pledge"
                        | "vow"
                        | "threat"
                        | "plea"
                        | "appeal"
                        | "demand"
                        | "message"
                        | "announcement"
                        | "report"
                        | "tweet"
                        | "post"
                        | "admission"
                        | "denial"
                )
            })
    };
    // "in a statement posted on its website:": a participle after the thing written,
    // not a verb of saying; whoever wrote it is named elsewhere in the sentence.
    let participle = || {
        let Some(thing) = k.checked_sub(1).map(|p| &words[p]) else {
            return false;
        };
        let w = &words[k];
        // The cheap test first: every such participle starts with one of these.
        matches!(w.s.as_bytes().first(), Some(b'p' | b'w' | b't' | b'b'))
            && !thing.punctuated()
            && ["posted", "published", "written", "tweeted", "broadcast"]
                .iter()
                .any(|l| w.is(l))
            && [
                "statement",
                "message",
                "letter",
                "video",
                "post",
                "note",
                "notice",
                "comment",
                "comments",
                "report",
                "article",
                "tweet",
                "blog",
                "email",
                "e-mail",
                "memo",
                "recording",
                "audio",
            ]
            .iter()
            .any(|l| thing.is(l))
    };
    words[k].lex().is_cue()
        && !k.checked_sub(1).is_some_and(determiner)
        && !compound()
        && !participle()
}

/// “…” -Commissioner Geoffrey Starks
fn dash(post: &str, at: usize) -> Option<Attribution> {
    let trimmed = post.trim_start();
    let rest = trimmed.strip_prefix(['-', '–', '—'])?;
    let base = at + (post.len() - rest.len());
    let words = split(rest, base);
    if words.is_empty()
        || words.len() > 7
        || !words
            .iter()
            .all(|w| w.capitalised() || w.lex().is_particle())
    {
        return None;
    }
    let (start, end) = (words[0].start, words[words.len() - 1].end());
    Some(Attribution {
        text: rest[start - base..end - base].to_string(),
        start,
        end,
        cue: None,
        via: Via::Dash,
        resolved: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_only_paragraphs_are_judged_as_their_characters_are() {
        let reference = |s: &str| {
            s.chars()
                .all(|c| c == 'Q' || c.is_whitespace() || c.is_ascii_punctuation())
        };
        let whole =
            "QQQQQQQQQQQQQQQQQQ, QQQQ.\u{2014}QQ\u{00a0}QQQQQQQQQ \t\r\x0b\x0c\n!?\"'()\u{2003} \
                     QQQQQQQQq QQ\u{201d} QQQQQQQQQQQQQQQQ said Q\u{00e9}Q \x1f QQQQQQQQ";
        let mut cases: Vec<&str> = vec!["", "Q", "q", "QQQQQQQQ", "QQQQQQQQQ", "\u{3000}"];
        for (i, _) in whole.char_indices() {
            cases.push(&whole[i..]);
            cases.push(&whole[..i]);
        }
        for s in cases {
            assert_eq!(quotes_only(s), reference(s), "{s:?}");
        }
    }
}

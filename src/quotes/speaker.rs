//! Who said it. Attribution reads the prose around each quote with the quotes masked
//! out: a verb of saying after the quote ("…,” said Maduro / Maduro said) or before it
//! (Maduro declared, “…), a press-release dash (“…” -Name), then the conventions of
//! news copy: a second quote in a paragraph continues the first one's speaker, and a
//! stand-alone quote paragraph takes its speaker from the paragraphs around it.
//! Pronouns and descriptions ("he", "the Venezuelan leader") are resolved to the nearest
//! person the article names before them.

use super::lexicon as lex;
use super::scan::Span;
use super::sentence;
use super::words::{split, Word};

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

/// A name written in the article (quotes masked), titles stripped.
#[derive(Debug, Clone)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub name: String,
    pub group: bool,
}

/// The article as attribution sees it.
pub struct Context<'a> {
    text: &'a str,
    masked: String,
    spans: &'a [Span],
    paragraphs: Vec<(usize, usize)>,
    pub mentions: Vec<Mention>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, spans: &'a [Span]) -> Self {
        let masked = mask(text, spans);
        let paragraphs = paragraphs(text);
        let mentions = mentions(&masked);
        Context {
            text,
            masked,
            spans,
            paragraphs,
            mentions,
        }
    }

    pub fn masked(&self) -> &str {
        &self.masked
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|&(s, _)| s <= at)
            .saturating_sub(1)
    }

    /// The sentence (in masked text) that holds byte `at`.
    pub fn sentence_of(&self, at: usize) -> (usize, usize) {
        let (ps, pe) = self.paragraphs[self.paragraph_of(at)];
        let starts = sentence::starts(&self.masked[ps..pe]);
        let i = starts.partition_point(|&s| ps + s <= at);
        let s = if i == 0 { ps } else { ps + starts[i - 1] };
        let e = starts.get(i).map_or(pe, |&e| ps + e);
        (s, e)
    }

    /// Masked prose of the quote's sentence before it, after any earlier quote.
    pub fn before(&self, i: usize) -> (usize, &str) {
        let span = &self.spans[i];
        let (s, _) = self.sentence_of(span.open);
        let from = self.spans[..i]
            .iter()
            .rev()
            .find(|p| p.close > s && p.close <= span.open)
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
            .find(|n| n.open >= span.close && n.open < e)
            .map_or(e, |n| n.open);
        let to = to.max(span.close);
        (span.close, &self.masked[span.close..to])
    }

    /// Attributes every quote.
    pub fn attribute(&self) -> Vec<Option<Attribution>> {
        let mut out: Vec<Option<Attribution>> =
            (0..self.spans.len()).map(|i| self.direct(i)).collect();
        // Next-paragraph attributions first, so that a stand-alone quote can borrow one.
        for i in 0..self.spans.len() {
            if out[i].is_none() {
                out[i] = self.inherited(i, &out);
            }
        }
        for a in out.iter_mut().flatten() {
            a.resolved = self.resolve(a);
        }
        out
    }

    /// A verb of saying (or a dash) in the quote's own sentence.
    fn direct(&self, i: usize) -> Option<Attribution> {
        let (pre_at, pre) = self.before(i);
        let (post_at, post) = self.after(i);
        let pre_words = split(pre, pre_at);
        let post_words = split(post, post_at);
        let near = post_cue(&post_words, 4);
        if let Some(a) = near.and_then(|ci| self.around_cue(&post_words, ci, true, i)) {
            return Some(a);
        }
        if let Some(a) = dash(post, post_at) {
            return Some(a);
        }
        if let Some(a) = according_to(&pre_words) {
            return Some(a);
        }
        if let Some(ci) = pre_words.iter().rposition(|w| lex::is_cue(&w.lower())) {
            if let Some(a) = self.around_cue(&pre_words, ci, false, i) {
                return Some(a);
            }
        }
        let far = post_cue(&post_words, 16)?;
        self.around_cue(&post_words, far, true, i)
    }

    /// The speaker that goes with the cue `words[ci]`: after it when the cue leads
    /// ("said Maduro"), else before it.
    fn around_cue(&self, words: &[Word], ci: usize, after: bool, i: usize) -> Option<Attribution> {
        let cue = words[ci].s.to_string();
        let np = if after && ci == 0 {
            np_forward(words, 1).or_else(|| np_backward(words, ci))
        } else {
            np_backward(words, ci)
        };
        let (start, end) = match np {
            Some(np) => np,
            None => {
                // "…, stating" / "and adds": the clause's subject stands further back.
                let at = words[ci].start;
                return self
                    .previous_in_sentence(i)
                    .or_else(|| self.person_before(at).map(|m| (m.start, m.end)))
                    .map(|(s, e)| self.make(s, e, Some(cue), Via::Cue));
            }
        };
        Some(self.make(start, end, Some(cue), Via::Cue))
    }

    fn previous_in_sentence(&self, i: usize) -> Option<(usize, usize)> {
        let (s, _) = self.sentence_of(self.spans[i].open);
        let prev = self.spans[..i].iter().rposition(|p| p.open >= s)?;
        let (_, post) = self.after(prev);
        let (pre_at, pre) = self.before(prev);
        let words = split(pre, pre_at);
        let _ = post;
        let ci = words.iter().rposition(|w| lex::is_cue(&w.lower()))?;
        np_backward(&words, ci)
    }

    fn make(&self, start: usize, end: usize, cue: Option<String>, via: Via) -> Attribution {
        Attribution {
            text: self.text[start..end].to_string(),
            start,
            end,
            cue,
            via,
            resolved: String::new(),
        }
    }

    /// No cue of its own: the conventions of news copy.
    fn inherited(&self, i: usize, found: &[Option<Attribution>]) -> Option<Attribution> {
        let span = &self.spans[i];
        let p = self.paragraph_of(span.open);
        // An earlier quote of the same paragraph.
        if let Some(prev) = (0..i)
            .rev()
            .take_while(|&j| self.paragraph_of(self.spans[j].close.saturating_sub(1)) == p)
            .find_map(|j| found[j].as_ref())
        {
            return Some(Attribution {
                via: Via::Continued,
                ..prev.clone()
            });
        }
        let (ps, pe) = self.paragraphs[p];
        let alone = self.masked[ps..pe]
            .chars()
            .all(|c| c == 'Q' || c.is_whitespace() || c.is_ascii_punctuation());
        if alone {
            // The next paragraph opens with a quote attributed by a cue ("…,” he said).
            if let Some((j, a)) = found
                .iter()
                .enumerate()
                .skip(i + 1)
                .find_map(|(j, a)| a.as_ref().filter(|a| a.via == Via::Cue).map(|a| (j, a)))
            {
                let q = self.paragraph_of(self.spans[j].open);
                let (qs, _) = self.paragraphs[q];
                let opens = self.masked[qs..self.spans[j].open].trim().is_empty();
                if q == p + 1 && opens {
                    return Some(Attribution {
                        via: Via::Continued,
                        ..a.clone()
                    });
                }
            }
            // "And from Chairwoman Rosenworcel:" just before.
            if p > 0 {
                let (qs, qe) = self.paragraphs[p - 1];
                if self.masked[qs..qe].trim_end().ends_with(':') {
                    if let Some(m) = self
                        .mentions
                        .iter()
                        .rev()
                        .find(|m| m.start >= qs && m.end <= qe)
                    {
                        return Some(self.make(m.start, m.end, None, Via::Context));
                    }
                }
            }
            // The last attributed quote of the three paragraphs before.
            if let Some(prev) = (0..i).rev().find_map(|j| {
                let q = self.paragraph_of(self.spans[j].open);
                (p.saturating_sub(3) <= q)
                    .then_some(found[j].as_ref())
                    .flatten()
            }) {
                return Some(Attribution {
                    via: Via::Context,
                    ..prev.clone()
                });
            }
            return self
                .person_before(span.open)
                .map(|m| self.make(m.start, m.end, None, Via::Context));
        }
        // A quote floating in narration: the subject of the sentence before it.
        let (s, _) = self.sentence_of(span.open);
        if s > ps {
            let (ps2, _) = self.sentence_of(s - 1);
            let words = split(&self.masked[ps2..s], ps2);
            if let Some(w) = words
                .first()
                .filter(|w| lex::may_be_name(w.s) || lex::is_pronoun(w.s))
            {
                let end = self.name_run_end(&words);
                return Some(self.make(w.start, end, None, Via::Context));
            }
        }
        None
    }

    fn name_run_end(&self, words: &[Word]) -> usize {
        let mut end = words[0].end;
        for w in &words[1..] {
            if !(w.capitalised() && lex::may_be_name(w.s)) {
                break;
            }
            end = w.end;
        }
        end
    }

    /// The nearest person named before byte `at`.
    fn person_before(&self, at: usize) -> Option<&Mention> {
        self.mentions.iter().rev().find(|m| m.end <= at && !m.group)
    }

    /// A pronoun or description resolved to a name; a name with its titles stripped.
    fn resolve(&self, a: &Attribution) -> String {
        let words = split(&a.text, a.start);
        let lower = a.text.to_lowercase();
        if lex::is_pronoun(&lower) {
            let want_group = lower == "it" || lower == "they";
            let m =
                self.mentions.iter().rev().find(|m| {
                    m.end <= a.start && (m.group == want_group || (!want_group && !m.group))
                });
            return match m {
                Some(m) if want_group == m.group => m.name.clone(),
                _ => a.text.clone(),
            };
        }
        let head = words.last().map(|w| w.lower()).unwrap_or_default();
        let described = words.first().is_some_and(|w| lex::is_determiner(w.s));
        if described && lex::is_person_role(&head) {
            if let Some(m) = self.person_before(a.start) {
                return m.name.clone();
            }
        }
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.start >= a.start && m.end <= a.end)
        {
            return m.name.clone();
        }
        strip_titles(&a.text)
    }
}

/// Replaces every quote (marks included) by 'Q's, keeping byte offsets; the last byte
/// keeps sentence-final punctuation so that sentence splitting still sees it.
fn mask(text: &str, spans: &[Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        for b in &mut bytes[s.open..s.close.max(s.end)] {
            if *b != b'\n' {
                *b = b'Q';
            }
        }
        let last = text[s.start..s.end].trim_end().chars().next_back();
        if let Some(c @ ('.' | '!' | '?')) = last {
            let at = s.close.max(s.end) - 1;
            bytes[at] = c as u8;
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push((start, start + body.len()));
        start += line.len();
    }
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// The first verb of saying among the first `within` words after a quote.
fn post_cue(words: &[Word], within: usize) -> Option<usize> {
    words
        .iter()
        .take(within)
        .position(|w| lex::is_cue(&w.lower()) && w.lower() != lex::ACCORDING)
}

/// "according to the ministry": the phrase after it.
fn according_to(words: &[Word]) -> Option<Attribution> {
    let i = words
        .windows(2)
        .rposition(|w| w[0].lower() == lex::ACCORDING && w[1].lower() == "to")?;
    let (start, end) = np_forward(words, i + 2)?;
    let text = words
        .iter()
        .filter(|w| w.start >= start && w.end <= end)
        .map(|w| w.s)
        .collect::<Vec<_>>()
        .join(" ");
    Some(Attribution {
        text,
        start,
        end,
        cue: Some("according to".into()),
        via: Via::Cue,
        resolved: String::new(),
    })
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
            .all(|w| w.capitalised() || lex::is_particle(w.s))
    {
        return None;
    }
    let (start, end) = (words[0].start, words[words.len() - 1].end);
    Some(Attribution {
        text: rest[start - base..end - base].to_string(),
        start,
        end,
        cue: None,
        via: Via::Dash,
        resolved: String::new(),
    })
}

/// The speaker phrase after a leading cue: "said House Speaker John Boehner",
/// "said a homeless man who …".
fn np_forward(words: &[Word], i: usize) -> Option<(usize, usize)> {
    let first = words.get(i)?;
    if lex::is_pronoun(first.s) {
        return Some((first.start, first.end));
    }
    let mut j = i;
    let described =
        lex::is_determiner(first.s) && !matches!(first.lower().as_str(), "that" | "this");
    while let Some(w) = words.get(j) {
        let ok = if j == i {
            described || w.capitalised() || lex::is_group(w.s)
        } else if described {
            !lex::stops_phrase(w.s) && !lex::is_cue(&w.lower())
        } else {
            w.capitalised() || lex::is_particle(w.s) || lex::is_group(w.s)
        };
        if !ok || j - i >= 6 || (j > i && lex::stops_phrase(w.s)) {
            break;
        }
        j += 1;
        if w.comma || w.colon || w.brk {
            break;
        }
    }
    (j > i && !(described && j == i + 1)).then(|| (words[i].start, words[j - 1].end))
}

/// The subject before the cue at `ci`: "Maduro declared", "The Venezuelan leader
/// accused", "Hugh Hill, a doctor, said", "Maduro, who …, complained".
fn np_backward(words: &[Word], ci: usize) -> Option<(usize, usize)> {
    let mut j = ci.checked_sub(1)?;
    while lex::is_aux_or_adverb(words[j].s) && !words[j].comma {
        j = j.checked_sub(1)?;
    }
    if words[j].comma || words[j].brk {
        return appositive_subject(words, j);
    }
    trailing_np(words, 0, j).filter(|&(s, e)| plausible(words, s, e))
}

/// Walks back over comma-set appositives to the name they describe.
fn appositive_subject(words: &[Word], mut end: usize) -> Option<(usize, usize)> {
    loop {
        let start = (0..end)
            .rev()
            .find(|&k| words[k].comma || words[k].brk)
            .map_or(0, |k| k + 1);
        let seg = &words[start..=end];
        let first = seg[0].lower();
        let appositive = (seg.len() == 1 && seg[0].s.chars().all(|c| c.is_ascii_digit()))
            || matches!(
                first.as_str(),
                "a" | "an"
                    | "the"
                    | "who"
                    | "whose"
                    | "which"
                    | "one"
                    | "aged"
                    | "also"
                    | "himself"
                    | "herself"
            )
            || seg.last().is_some_and(|w| w.s.ends_with("-old"));
        if appositive && start > 0 {
            end = start - 1;
            continue;
        }
        if let Some(np) = trailing_np(words, start, end).filter(|&(s, e)| plausible(words, s, e)) {
            return Some(np);
        }
        // A participle after a clause ("Maduro was reticent, stating"): its subject.
        return seg
            .iter()
            .find(|w| (w.capitalised() && lex::may_be_name(w.s)) || lex::is_pronoun(w.s))
            .map(|w| {
                let k = words
                    .iter()
                    .position(|x| x.start == w.start)
                    .unwrap_or(start);
                let mut e = k;
                while e < end
                    && words[e + 1].capitalised()
                    && lex::may_be_name(words[e + 1].s)
                    && !words[e].comma
                {
                    e += 1;
                }
                (words[k].start, words[e].end)
            });
    }
}

/// The noun phrase ending at `words[end]`, not reaching before `floor`.
fn trailing_np(words: &[Word], floor: usize, end: usize) -> Option<(usize, usize)> {
    let head = &words[end];
    if lex::is_pronoun(head.s) {
        return Some((head.start, head.end));
    }
    let mut k = end;
    if head.capitalised() {
        while k > floor {
            let w = &words[k - 1];
            if w.comma || w.brk || w.colon {
                break;
            }
            let name_word = w.capitalised() && !lex::stops_phrase(w.s) && !lex::is_cue(&w.lower());
            if name_word || lex::is_particle(w.s) || (w.lower() == "the" && lex::is_group(head.s)) {
                k -= 1;
            } else {
                break;
            }
        }
        // Sentence-initial function words are not part of the name ("When Maduro").
        while k < end
            && !lex::may_be_name(words[k].s)
            && !lex::is_title(words[k].s)
            && !lex::is_group(words[k].s)
            && words[k].s != "U.S."
        {
            k += 1;
        }
        return Some((words[k].start, head.end));
    }
    // Lower-case head: "the clown", "The Venezuelan leader", "Richmond police".
    for back in 1..=4 {
        let Some(i) = end.checked_sub(back) else {
            break;
        };
        if i < floor {
            break;
        }
        let w = &words[i];
        if w.comma || w.brk || w.colon {
            break;
        }
        if lex::is_determiner(w.s) {
            return Some((w.start, head.end));
        }
        if lex::stops_phrase(w.s) || lex::is_cue(&w.lower()) {
            break;
        }
    }
    let mut k = end;
    while k > floor
        && words[k - 1].capitalised()
        && !words[k - 1].comma
        && !lex::stops_phrase(words[k - 1].s)
    {
        k -= 1;
    }
    if k < end || lex::is_group(head.s) {
        while k < end
            && !lex::may_be_name(words[k].s)
            && words[k].s != "U.S."
            && !lex::is_group(words[k].s)
        {
            k += 1;
        }
        return Some((words[k].start, head.end));
    }
    None
}

/// A speaker phrase must name someone: a pronoun, a name, a group, or a person role.
fn plausible(words: &[Word], start: usize, end: usize) -> bool {
    let inside: Vec<&Word> = words
        .iter()
        .filter(|w| w.start >= start && w.end <= end)
        .collect();
    let Some(head) = inside.last() else {
        return false;
    };
    lex::is_pronoun(head.s)
        || inside
            .iter()
            .any(|w| w.capitalised() && lex::may_be_name(w.s))
        || lex::is_group(head.s)
        || lex::is_person_role(head.s)
        || (inside.len() >= 2
            && lex::is_determiner(inside[0].s)
            && !head.capitalised()
            && !head.s.ends_with('s'))
}

/// Titles and honorifics off the front, "of Venezuela" off the back.
pub fn strip_titles(name: &str) -> String {
    let name = name.split(" of ").next().unwrap_or(name).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_group = words.last().is_some_and(|w| lex::is_group(w));
    if is_group {
        let w: Vec<&str> = words
            .iter()
            .copied()
            .skip_while(|w| w.eq_ignore_ascii_case("the"))
            .collect();
        return w.join(" ");
    }
    if words.first().is_some_and(|w| lex::is_determiner(w)) {
        return name.to_string();
    }
    let core: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| lex::is_title(w) && words.len() > 1)
        .collect();
    if core.is_empty() {
        name.to_string()
    } else {
        core.join(" ")
    }
}

/// Names written in the (masked) text: runs of capitalised words that can be names, and
/// groups ("the Trump administration", "U.S. officials").
fn mentions(masked: &str) -> Vec<Mention> {
    let headlines = headline_lines(masked);
    let words: Vec<Word> = split(masked, 0)
        .into_iter()
        .filter(|w| !headlines.iter().any(|&(s, e)| w.start >= s && w.end <= e))
        .collect();
    let mut runs: Vec<(usize, usize, bool)> = Vec::new(); // (first, last, titled)
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if !(w.capitalised() && (lex::may_be_name(w.s) || lex::is_title(w.s)))
            || w.s.contains('Q') && w.s.chars().all(|c| c == 'Q')
        {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() && !words[j].comma && !words[j].brk && !words[j].colon {
            let n = &words[j + 1];
            if (n.capitalised() && (lex::may_be_name(n.s) || lex::is_title(n.s)))
                || (lex::is_particle(n.s) && j + 2 < words.len() && words[j + 2].capitalised())
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut k = i;
        while k < j && lex::is_title(words[k].s) {
            k += 1;
        }
        if !lex::is_title(words[k].s) || k < j {
            runs.push((k, j, k > i));
        }
        i = j + 1;
    }
    // A capitalised word the article also writes in lower case is a common word
    // ("Maduro Announces Willingness" in a run-in headline), not a name.
    let lower: std::collections::HashSet<&str> = words
        .iter()
        .filter(|w| w.s.chars().next().is_some_and(char::is_lowercase))
        .map(|w| w.s)
        .collect();
    let common = |w: &Word| {
        let l = w.s.to_lowercase();
        lower.contains(l.as_str())
            || [
                "ness", "tion", "ment", "ings", "ity", "ance", "ence", "ship",
            ]
            .iter()
            .any(|s| l.ends_with(s))
    };
    runs.retain(|&(a, b, _)| b - a < 4 && !words[a..=b].iter().any(common));
    let known: std::collections::HashSet<&str> = runs
        .iter()
        .filter(|(a, b, _)| b > a)
        .flat_map(|&(a, b, _)| words[a..=b].iter().map(|w| w.s))
        .collect();
    let mut out: Vec<Mention> = runs
        .iter()
        .filter(|&&(a, b, titled)| b > a || titled || known.contains(words[a].s))
        .filter(|&&(a, b, _)| {
            words[a..=b]
                .iter()
                .all(|w| lex::may_be_name(w.s) || lex::is_particle(w.s))
        })
        .map(|&(a, b, _)| {
            let name = words[a..=b]
                .iter()
                .map(|w| w.s)
                .collect::<Vec<_>>()
                .join(" ");
            Mention {
                start: words[a].start,
                end: words[b].end,
                surface: masked[words[a].start..words[b].end].to_string(),
                name,
                group: false,
            }
        })
        .collect();
    out.extend(group_mentions(&words, masked));
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// Lines written in title case (headlines, section heads): their capitals name nobody.
fn headline_lines(text: &str) -> Vec<(usize, usize)> {
    paragraphs(text)
        .into_iter()
        .filter(|&(s, e)| {
            let long: Vec<&str> = text[s..e]
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
                .collect();
            let caps = long
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            long.len() >= 3 && caps * 4 >= long.len() * 3
        })
        .collect()
}

/// "the Trump administration", "U.S. officials", "Richmond police".
fn group_mentions(words: &[Word], masked: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !lex::is_group(w.s) || w.capitalised() || i == 0 {
            continue;
        }
        let mut k = i;
        while k > 0
            && words[k - 1].capitalised()
            && !words[k - 1].comma
            && !words[k - 1].brk
            && i - k < 3
        {
            k -= 1;
        }
        if k == i {
            continue;
        }
        if words[k].lower() == "the" {
            k += 1;
        }
        if k >= i {
            continue;
        }
        let surface = masked[words[k].start..w.end].to_string();
        out.push(Mention {
            start: words[k].start,
            end: w.end,
            name: surface.clone(),
            surface,
            group: true,
        });
    }
    out
}

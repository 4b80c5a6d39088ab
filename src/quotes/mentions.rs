//! The people and groups an article names, read from its prose with the quotes masked
//! out: runs of capitalised words that can be names ("President Nicolás Maduro"), and
//! groups ("the Trump administration", "U.S. officials"). Each person mention carries
//! what the article says about them nearby (titles, a role before the name, an
//! appositive after it) and, where a title gives it away, a gender, so that "she" and
//! "the Venezuelan leader" can be resolved to the person they fit.
//!
//! Cost: linear in the words of the article.

use super::lexicon as lex;
use super::words::{bracketed_acronym, with_article_words_outside, ArticleWords, Word};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A name written in the article (quotes masked), titles stripped.
#[derive(Debug, Clone)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// The name as `find` reads it: for a person, the words of `masked[start..end]`
    /// joined by single spaces; for a group, that text as written.
    pub name: String,
    pub group: bool,
    /// A named organisation ("the Port Authority"): a group that speaks as one, "it".
    pub org: bool,
    /// Index of the sentence it stands in (see `Context::sentences`).
    pub sentence: usize,
    pub gender: Option<Gender>,
    /// It follows a preposition ("spoke with Putin"): an object, not a subject.
    pub object: bool,
    /// Lower-case words the article describes this person with, over all its mentions
    /// (shared by the mentions of one surname).
    pub descriptors: Arc<Vec<String>>,
}

/// How many words before a name may describe it ("U.S. envoy Richard Grenell").
const ROLE_WORDS_BEFORE: usize = 3;
/// How many words of an appositive after a name describe it.
const APPOSITIVE_WORDS: usize = 6;

/// Every mention of `masked`, sorted by position. `sentences` are the sentence ranges of
/// the text, in order; `lines` its lines as [`find::lines`](super::find::lines) gives
/// them for the unmasked text (masking keeps every `\n` where it is).
pub fn find(masked: &str, sentences: &[(usize, usize)], lines: &[(usize, usize)]) -> Vec<Mention> {
    let headlines = headline_lines(masked, lines);
    // A word of a headline ends within its line: the words starting in one are its.
    with_article_words_outside(masked, &headlines, |words, caps| {
        mentions_in(words, caps, masked, sentences)
    })
}

/// The names of two words or more among the person mentions [`find`] gives for `text`,
/// a text with no quotes (so its own masked text), in no particular order: read
/// without what only attribution asks of the people named (their descriptors, genders
/// and sentences) and without the groups.
pub fn full_names(text: &str, lines: &[(usize, usize)]) -> Vec<String> {
    let headlines = headline_lines(text, lines);
    with_article_words_outside(text, &headlines, |words, caps| {
        let none: Arc<Vec<String>> = Arc::default();
        let orgs = org_mentions(words, caps, text, &none);
        long_names(
            words,
            &name_runs(words, caps, text, &|s, e| inside(&orgs, s, e)),
        )
    })
}

/// An article to read for its people in a batch ([`read_batch`]).
pub enum Reading<'t> {
    /// Every mention, as [`find`] gives them for the same arguments.
    Mentions {
        masked: &'t str,
        sentences: &'t [(usize, usize)],
        lines: &'t [(usize, usize)],
    },
    /// The full names, as [`full_names`] gives them for the same arguments.
    Names {
        text: &'t str,
        lines: &'t [(usize, usize)],
    },
}

impl Reading<'_> {
    fn text(&self) -> &str {
        match self {
            Reading::Mentions { masked, .. } => masked,
            Reading::Names { text, .. } => text,
        }
    }

    fn lines(&self) -> &[(usize, usize)] {
        match self {
            Reading::Mentions { lines, .. } | Reading::Names { lines, .. } => lines,
        }
    }
}

/// What [`read_batch`] found in one article.
pub enum People {
    Mentions(Vec<Mention>),
    Names(Vec<String>),
}

/// [`find`] or [`full_names`] of each article of a batch, pass by pass over the batch:
/// the split of every article, then the organisations of every article, then the
/// names, and so on. Each pass's code stays in the instruction cache from one article
/// to the next, where article by article every pass would evict the one before.
pub fn read_batch(batch: &[Reading]) -> Vec<People> {
    let headlines: Vec<Vec<(usize, usize)>> = batch
        .iter()
        .map(|r| headline_lines(r.text(), r.lines()))
        .collect();
    // A word of a headline ends within its line: the words starting in one are its.
    let split: Vec<ArticleWords> = batch
        .iter()
        .zip(&headlines)
        .map(|(r, h)| ArticleWords::outside(r.text(), h))
        .collect();
    let none: Arc<Vec<String>> = Arc::default();
    let orgs: Vec<Vec<Mention>> = batch
        .iter()
        .zip(&split)
        .map(|(r, a)| org_mentions(&a.words, &a.caps, r.text(), &none))
        .collect();
    let runs: Vec<Vec<Run>> = batch
        .iter()
        .zip(&split)
        .zip(&orgs)
        .map(|((r, a), o)| name_runs(&a.words, &a.caps, r.text(), &|s, e| inside(o, s, e)))
        .collect();
    batch
        .iter()
        .zip(&split)
        .zip(orgs.into_iter().zip(runs))
        .map(|((r, a), (orgs, runs))| match r {
            Reading::Names { .. } => People::Names(long_names(&a.words, &runs)),
            Reading::Mentions {
                masked, sentences, ..
            } => People::Mentions(mentions_from(
                &a.words, &a.caps, masked, sentences, orgs, &runs, &none,
            )),
        })
        .collect()
}

/// The names of the runs of two words or more: a person's name, however it acts.
fn long_names(words: &[Word], runs: &[Run]) -> Vec<String> {
    runs.iter()
        .filter(|r| r.last > r.first)
        .map(|r| name_of(&words[r.first..=r.last]))
        .collect()
}

/// Whether the span `start..end` stands inside one of `orgs` (sorted by position): no
/// person's name does.
fn inside(orgs: &[Mention], start: usize, end: usize) -> bool {
    let k = orgs.partition_point(|o| o.end <= start);
    orgs.get(k).is_some_and(|o| o.start < end)
}

/// The mentions among `words`, the words of `masked` outside headlines; `caps` are the
/// indices of the capitalised ones, in order.
fn mentions_in(
    words: &[Word],
    caps: &[usize],
    masked: &str,
    sentences: &[(usize, usize)],
) -> Vec<Mention> {
    // Groups and organisations are described by nothing: one empty list for all.
    let none: Arc<Vec<String>> = Arc::default();
    // Every pass below starts at or next to a capitalised word, and most words are not:
    // the passes walk `caps` instead of every word.
    let orgs = org_mentions(words, caps, masked, &none);
    let runs = name_runs(words, caps, masked, &|s, e| inside(&orgs, s, e));
    mentions_from(words, caps, masked, sentences, orgs, &runs, &none)
}

/// [`mentions_in`] of the article whose organisations and name runs were read.
fn mentions_from(
    words: &[Word],
    caps: &[usize],
    masked: &str,
    sentences: &[(usize, usize)],
    orgs: Vec<Mention>,
    runs: &[Run],
    none: &Arc<Vec<String>>,
) -> Vec<Mention> {
    let in_org = |start, end| inside(&orgs, start, end);
    let mut out: Vec<Mention> = runs
        .iter()
        .filter(|r| {
            r.last > r.first
                || (r.titled || r.known || acts_as_person(words, r))
                    // "The Englishmen says": a people, not a person "he" stands for.
                    && !words[r.first].lex().is_group()
        })
        .map(|r| person(words, r, none))
        .collect();
    out.extend(
        group_mentions(words, caps, masked, none)
            .into_iter()
            .filter(|g| !in_org(g.start, g.end)),
    );
    out.extend(orgs);
    out.sort_by_key(|m| (m.start, m.end));
    for m in &mut out {
        m.sentence = sentences
            .partition_point(|&(s, _)| s <= m.start)
            .saturating_sub(1);
    }
    pool_by_surname(&mut out, none);
    out
}

/// A run of capitalised words that may be a person's name: `words[first..=last]`, after
/// the titles `words[title..first]`.
struct Run {
    title: usize,
    first: usize,
    last: usize,
    titled: bool,
    /// Some word of it also stands in a longer name of the article.
    known: bool,
}

/// `in_org` tells the spans that stand inside an organisation's name: no person's.
/// `caps` are the indices of the capitalised words, in order.
fn name_runs(
    words: &[Word],
    caps: &[usize],
    masked: &str,
    in_org: &dyn Fn(usize, usize) -> bool,
) -> Vec<Run> {
    let starts_name = |w: &Word| {
        w.capitalised()
            && !w.masked()
            && (w.lex().may_be_name() || w.lex().is_title() || w.initial())
    };
    // At most one run per capitalised word.
    let mut runs: Vec<Run> = Vec::with_capacity(caps.len());
    let mut title_surnames: Vec<Run> = Vec::new();
    // Only a capitalised word starts a name.
    let mut next = 0;
    for &i in caps {
        if i < next || !starts_name(&words[i]) {
            continue;
        }
        let mut j = i;
        // Not over a line break: "Advertisement" above "Professor Tamar Langson".
        while j + 1 < words.len()
            && !words[j].punctuated()
            && !line_break_between(masked, &words[j], &words[j + 1])
            && !plural_possessive(masked, &words[j])
        {
            let particle = words.get(j + 2).is_some_and(|w| w.capitalised())
                && words[j + 1].lex().is_particle();
            if !(starts_name(&words[j + 1])
                || particle
                || surname_place(words, i, j + 1)
                || month_named(words, j + 1))
            {
                break;
            }
            j += 1;
        }
        let mut k = i;
        while k < j && words[k].lex().is_title() {
            k += 1;
        }
        // Two name words must follow a title: runs shorter than three words keep theirs.
        if j >= k + 2 && !words[j].lex().is_org_head() {
            k = super::phrase::after_last_title(k, j, |x| words[x].lex().is_title_or_role());
        }
        // Where the person's own titles start: after a body's or a place's name that
        // opens the run, nothing before the person is theirs.
        let mut titles_from = i;
        if let Some((join, role)) = (k == i && j >= k + 2)
            .then(|| joined_to_role(words, i))
            .flatten()
        {
            // "Minister for Rehabilitation Jayalath Jayawardena": the portfolio opens
            // the run, the person's two names close it.
            if (join.is("for") || join.is("of"))
                && role.lex().is_title()
                && words[k..=j]
                    .iter()
                    .all(|w| !w.initial() && !w.lex().is_particle())
            {
                k = j - 1;
            } else if join.is("to") && role.lex().is_title_or_role() {
                // "former Taliban ambassador to Pakistan Abdul Salam Zaeef": the country
                // a role is to opens the run, one word, and the person's names follow.
                k = i + 1;
                titles_from = k;
            }
        }
        // "the Sydney Weather Bureau Ian Robertson, says": a body's name, ending in its
        // head noun, before two names or more.
        if j >= k + 2 {
            if let Some(h) = (k..j - 1).rev().find(|&x| words[x].lex().is_org_head()) {
                k = h + 1;
                titles_from = k;
            }
        }
        if !words[k].lex().is_title() || k < j {
            runs.push(Run {
                title: titles_from,
                first: k,
                last: j,
                titled: k > i,
                known: false,
            });
        } else if j > i && courtesy_title(&words[j - 1]) {
            // "Dr Sultan": a title after Mr or Dr may be a surname, if a longer name
            // of the article ends with it ("Aamer Sultan").
            title_surnames.push(Run {
                title: i,
                first: j,
                last: j,
                titled: true,
                known: true,
            });
        }
        next = j + 1;
    }
    runs.retain(|r| {
        let ws = &words[r.first..=r.last];
        !in_org(ws[0].start, ws[ws.len() - 1].end())
            // "New Ardurgrad" is a place; "New South Wales Emergency Services Minister
            // Bob Debus" a place's minister, named after the titles.
            && (r.first != r.title || !after_place_prefix(words, r.title))
            && r.last - r.first < 4
            && ws.iter().enumerate().all(|(n, w)| {
                w.lex().may_be_name()
                    || w.lex().is_particle()
                    || w.initial()
                    || (n + 1 == ws.len() && surname_place(words, r.first, r.last))
                    || (n > 0 && month_named(words, r.first + n))
            })
            && !ws[ws.len() - 1].initial()
            // "The Israeli Cabinet Minister, Ephraim Sneh, says": a role, not a name.
            && !(ws.len() > 1 && ws[ws.len() - 1].lex().is_person_role())
            && !names_a_body_after(words, r.last)
            // "WELEVBY (CNS) —", "NATO": datelines and acronyms, written all in capitals.
            && !ws.iter().all(|w| all_capitals(w.s))
    });
    // Only the words of the runs kept so far are asked about.
    if !runs.is_empty() {
        let common = CommonWords::new(words, caps, &runs);
        // `retain` visits the runs in order, as `new` numbered their words.
        let mut at = 0;
        runs.retain(|r| {
            let ws = &words[r.first..=r.last];
            let keep = !ws
                .iter()
                .enumerate()
                .any(|(n, w)| common.contains(at + n, w));
            at += ws.len();
            keep
        });
    }
    let long = || runs.iter().filter(|r| r.last > r.first);
    // Sized up front: a table grown word by word is rebuilt at every doubling.
    let mut in_long: FxHashSet<&str> = FxHashSet::with_capacity_and_hasher(
        long().map(|r| r.last - r.first + 1).sum(),
        Default::default(),
    );
    in_long.extend(long().flat_map(|r| words[r.first..=r.last].iter().map(|w| w.s)));
    for r in &mut runs {
        r.known = in_long.contains(words[r.first].s);
    }
    title_surnames.retain(|r| {
        runs.iter()
            .any(|l| l.last > l.first && words[l.last].s == words[r.last].s)
    });
    if !title_surnames.is_empty() {
        runs.append(&mut title_surnames);
        runs.sort_by_key(|r| r.first);
    }
    runs
}

/// The word joining the run that starts at `words[i]` to the word before it, and that
/// word ("Minister for", "ambassador to"), with no punctuation after either: a role's
/// object may open the run.
fn joined_to_role<'w, 'a>(words: &'w [Word<'a>], i: usize) -> Option<(&'w Word<'a>, &'w Word<'a>)> {
    let (join, role) = (words.get(i.checked_sub(1)?)?, words.get(i.checked_sub(2)?)?);
    (!join.punctuated() && !role.punctuated()).then_some((join, role))
}

/// Whether an apostrophe closes `w` ("The SES' Laura Goodin", "Hicks' lawyer"): a
/// possessor, which the name after it is no part of. The split strips the mark from
/// the word and marks nothing for it.
fn plural_possessive(masked: &str, w: &Word) -> bool {
    let after = &masked.as_bytes()[w.end().min(masked.len())..];
    matches!(after, [b'\'', ..] | [0xE2, 0x80, 0x99, ..])
}

/// Mr, Mrs, Ms, Miss or Dr: a courtesy title, which stands before a surname only.
fn courtesy_title(w: &Word) -> bool {
    lex::with_lower(w.s.trim_end_matches('.'), |l| {
        matches!(l, "mr" | "mrs" | "ms" | "miss" | "dr")
    })
}

/// Whether a line ends between two words of `masked`, `a` before `b`: a name or a
/// group's name runs on within a line, never from a heading or a page's furniture.
fn line_break_between(masked: &str, a: &Word, b: &Word) -> bool {
    match masked.as_bytes().get(a.end()..b.start) {
        // Most words are one space apart.
        Some(&[one]) => one == b'\n',
        Some(gap) => gap.contains(&b'\n'),
        None => false,
    }
}

/// Two letters or more, every one a capital.
fn all_capitals(s: &str) -> bool {
    if s.is_ascii() {
        // ASCII letters read as bytes, as `char`'s methods would judge them.
        let mut letters = 0;
        for b in s.bytes().filter(u8::is_ascii_alphabetic) {
            if !b.is_ascii_uppercase() {
                return false;
            }
            letters += 1;
        }
        return letters >= 2;
    }
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Whether `words[at]` is a name that is also a month ("Akbar Jan", "Mrs May", "Carter
/// June"): capitalised after a name word or title with nothing between, and no number
/// after it, as one would follow in "Jan 6".
pub(crate) fn month_named(words: &[Word], at: usize) -> bool {
    let w = &words[at];
    at > 0
        && w.capitalised()
        && !w.masked()
        && lex::with_lower(w.s, |l| {
            matches!(l, "jan" | "may" | "april" | "june" | "august")
        })
        && {
            let before = &words[at - 1];
            !before.punctuated()
                && before.capitalised()
                && (before.lex().may_be_name() || before.lex().is_title())
        }
        && !words
            .get(at + 1)
            .is_some_and(|n| n.s.as_bytes().first().is_some_and(u8::is_ascii_digit))
}

/// Whether `words[at]` is a surname that is also a place word ("General Oluwaseun
/// Park said"): it ends a run of one or two given names started at `from` (titles
/// aside), and no capitalised word follows, as one would in "Lincoln Park Zoo".
fn surname_place(words: &[Word], from: usize, at: usize) -> bool {
    let w = &words[at];
    if !(w.capitalised() && !w.masked() && w.lex().may_end_name()) {
        return false;
    }
    let names = words[from..at]
        .iter()
        .filter(|x| !x.lex().is_title())
        .count();
    let given = words[from..at]
        .iter()
        .all(|x| x.lex().is_title() || (x.lex().may_be_name() && !x.initial()));
    let last = &words[at - 1];
    (1..=2).contains(&names)
        && given
        && !last.punctuated()
        && !words
            .get(at + 1)
            .is_some_and(|x| x.capitalised() && !w.punctuated())
}

/// "New Ardurgrad", "Port Caseton", "North Carioova": a capitalised word after one of
/// these, inside a sentence, names a place.
fn after_place_prefix(words: &[Word], at: usize) -> bool {
    at.checked_sub(1).is_some_and(|p| {
        let w = &words[p];
        w.capitalised()
            && !w.punctuated()
            && lex::with_lower(w.s, |l| {
                matches!(
                    l,
                    "new"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "port"
                        | "fort"
                        | "lake"
                        | "mount"
                        | "saint"
                        | "san"
                        | "santa"
                        | "upper"
                        | "lower"
                        | "greater"
                )
            })
    })
}

/// Capitalised words that are common words: the article also writes them in lower case
/// ("Maduro Announces Willingness" in a run-in headline), or they end like abstract nouns.
/// Asked of the `n`th word of the runs, it tells whether the word's lower-case form is
/// the lower-case form of such a capitalised word of the article.
struct CommonWords<'w, 'a> {
    words: &'w [Word<'a>],
    /// Per word of the runs, in order, the index of its lower-case form in `common`:
    /// each word is lower-cased and hashed once, each form judged once.
    form_of: Vec<usize>,
    /// Per distinct lower-case form: whether it is a common word.
    common: Vec<bool>,
    /// The indices of the capitalised words of `words`.
    caps: &'w [usize],
    /// The forms asked about so far, each with whether a capitalised word of the
    /// article lower-cases to it. Only a word of a run that is not capitalised itself,
    /// a name particle, asks, and particles are few: each form's answer is a pass over
    /// the capitalised words, remembered.
    capitalised: std::cell::RefCell<Vec<(usize, bool)>>,
}

impl<'w, 'a> CommonWords<'w, 'a> {
    fn new(words: &'w [Word<'a>], caps: &'w [usize], runs: &[Run]) -> Self {
        // Sized up front: a table grown word by word is rebuilt at every doubling.
        let n: usize = runs.iter().map(|r| r.last - r.first + 1).sum();
        let mut forms = Forms {
            short: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            long: FxHashMap::default(),
        };
        let mut form_of = Vec::with_capacity(n);
        let mut common = Vec::with_capacity(n);
        // A cheap first test of a word against all of them: a bit per length and first
        // two bytes.
        let mut filter = [0u64; 16];
        fn bit(b: &[u8]) -> (usize, u64) {
            let h = usize::from(b[0]) * 31 + usize::from(*b.get(1).unwrap_or(&0)) * 7 + b.len();
            ((h >> 6) & 15, 1u64 << (h & 63))
        }
        // A new form `l`: into the filter, and judged.
        let mut note = |l: &[u8], common: &mut Vec<bool>| {
            if !l.is_empty() {
                let (k, m) = bit(l);
                filter[k] |= m;
            }
            common.push(abstract_noun(l));
        };
        for r in runs {
            for w in &words[r.first..=r.last] {
                let next = common.len();
                let form = match lex::ascii_key(w.s) {
                    // A short ASCII word's form is its key lower-cased: no copy of it.
                    Some((k, len)) => {
                        let lower = lex::ascii_lower_key(k);
                        let form = forms.index_short((lower, len), next);
                        if form == next {
                            note(&lower.to_le_bytes()[..usize::from(len)], &mut common);
                        }
                        form
                    }
                    // Its lower-case form may still be short ASCII (the Kelvin sign's
                    // is "k"): `index` keys that one as the arm above would.
                    None => lex::with_lower(w.s, |l| {
                        let form = forms.index(l, next);
                        if form == next {
                            note(l.as_bytes(), &mut common);
                        }
                        form
                    }),
                };
                form_of.push(form);
            }
        }
        for w in words {
            // A capitalised word is not written in lower case: no look at its bytes.
            if w.capitalised() || w.s.is_empty() {
                continue;
            }
            let (k, m) = bit(w.s.as_bytes());
            if filter[k] & m == 0 {
                continue;
            }
            if w.s.chars().next().is_some_and(char::is_lowercase) {
                if let Some(form) = forms.get(w.s) {
                    common[form] = true;
                }
            }
        }
        CommonWords {
            words,
            form_of,
            capitalised: std::cell::RefCell::default(),
            common,
            caps,
        }
    }

    /// Whether `w`, the `n`th word of the runs, is a common word.
    fn contains(&self, n: usize, w: &Word) -> bool {
        let form = self.form_of[n];
        self.common[form] && (w.capitalised() || self.lower_of_a_capital(form, w))
    }

    /// Whether some capitalised word of the article lower-cases to the form `form` of
    /// `w`.
    fn lower_of_a_capital(&self, form: usize, w: &Word) -> bool {
        if let Some(&(_, known)) = self.capitalised.borrow().iter().find(|(f, _)| *f == form) {
            return known;
        }
        let found = lex::with_lower(w.s, |l| {
            self.caps.iter().any(|&i| lex::lower_is(self.words[i].s, l))
        });
        self.capitalised.borrow_mut().push((form, found));
        found
    }
}

/// Whether a capitalised word whose lower-case form is `l` (UTF-8) ends like an
/// abstract noun.
fn abstract_noun(l: &[u8]) -> bool {
    // Most names end in none of the endings' last letters.
    if !matches!(l.last(), Some(b's' | b'n' | b't' | b'y' | b'p' | b'e')) {
        return false;
    }
    [&b"ness"[..], b"tion", b"ment", b"ings", b"ity", b"ship"]
        .iter()
        .any(|s| l.ends_with(s))
        // Long enough not to be Terrance, Florence or Lawrence: ten characters, each
        // one byte that does not continue a UTF-8 sequence.
        || ((l.ends_with(b"ance") || l.ends_with(b"ence"))
            && l.iter().filter(|&&b| (b as i8) >= -0x40).count() >= 10)
}

/// Strings to an index, short ASCII ones keyed by their bytes (no allocation, no string
/// comparison), the others by the string.
struct Forms {
    short: FxHashMap<(u128, u8), usize>,
    long: FxHashMap<String, usize>,
}

impl Forms {
    /// The index of `s`, which is `next` if `s` is new.
    fn index(&mut self, s: &str, next: usize) -> usize {
        match lex::ascii_key(s) {
            Some(k) => self.index_short(k, next),
            // Looked up before it is copied: most long forms are already known.
            None => match self.long.get(s) {
                Some(&i) => i,
                None => {
                    self.long.insert(s.to_string(), next);
                    next
                }
            },
        }
    }

    /// [`Self::index`] of the short ASCII string keyed `k`.
    fn index_short(&mut self, k: (u128, u8), next: usize) -> usize {
        *self.short.entry(k).or_insert(next)
    }

    fn get(&self, s: &str) -> Option<usize> {
        match lex::ascii_key(s) {
            Some(k) => self.short.get(&k),
            None => self.long.get(s),
        }
        .copied()
    }
}

/// A lone capitalised word is a person when the article makes it speak ("Maduro said",
/// "Maduro has also mentioned", "insists Burton") or describes it with "who" ("Machado,
/// who has been in hiding"). Group nouns ("Critics said") are not.
fn acts_as_person(words: &[Word], r: &Run) -> bool {
    if words[r.first].lex().is_group() {
        return false;
    }
    // "Richmond police", "Halomova city officials": a place before a group noun.
    let next = words
        .get(r.last + 1)
        .filter(|_| !words[r.last].punctuated());
    if next.is_some_and(|n| {
        !n.capitalised()
            && (n.lex().is_group()
                || (lex::with_lower(n.s, lex::is_group_modifier)
                    && words.get(r.last + 2).is_some_and(|g| g.lex().is_group())))
    }) {
        return false;
    }
    let who = words[r.last].comma && words.get(r.last + 1).is_some_and(|w| w.is("who"));
    let before = r
        .title
        .checked_sub(1)
        .is_some_and(|p| words[p].lex().is_cue() && !words[p].punctuated());
    // "Maduro has also said": up to three auxiliaries or adverbs before the verb.
    let mut k = r.last + 1;
    while k < words.len() && k <= r.last + 3 && words[k].lex().is_aux_or_adverb() {
        k += 1;
    }
    // "Residents of Halomova said": the verb is the noun's before the preposition.
    let object = r.title.checked_sub(1).is_some_and(|p| {
        let p = &words[p];
        !p.punctuated() && !p.capitalised() && p.lex().is_preposition()
    });
    let after =
        !words[r.last].punctuated() && !object && words.get(k).is_some_and(|x| x.lex().is_cue());
    who || before || after || kin_before(words, r).is_some()
}

/// "The company's chief executive, Sundar Pichai, defended": the role words set off in
/// commas before a name set off the same way describe it, as those before a name
/// without a comma do.
fn role_set_off_before<'w, 'a>(
    words: &'w [Word<'a>],
    r: &Run,
) -> impl Iterator<Item = &'w Word<'a>> {
    let set_off = r.title.checked_sub(1).filter(|&p| {
        words[p].comma
            && words[r.last].punctuated()
            && (words[p].lex().is_person_role() || words[p].lex().is_title())
    });
    set_off
        .into_iter()
        .flat_map(move |p| role_before(words, p).chain(std::iter::once(&words[p])))
}

/// "Her husband, Carlos, agreed", "his wife, Mary,": a relative's noun set off before a
/// lone name in commas, which names that relative (and tells whether "he" or "she").
fn kin_before<'w, 'a>(words: &'w [Word<'a>], r: &Run) -> Option<&'w Word<'a>> {
    let p = r.title.checked_sub(1)?;
    let kin = &words[p];
    if !(kin.comma && r.first == r.last && words[r.last].comma) {
        return None;
    }
    let relative = lex::with_lower(kin.s, |l| {
        matches!(
            l,
            "husband"
                | "wife"
                | "son"
                | "daughter"
                | "father"
                | "mother"
                | "brother"
                | "sister"
                | "partner"
                | "widow"
                | "widower"
                | "girlfriend"
                | "boyfriend"
                | "uncle"
                | "aunt"
                | "nephew"
                | "niece"
                | "cousin"
                | "grandson"
                | "granddaughter"
                | "grandfather"
                | "grandmother"
        )
    });
    relative.then_some(kin)
}

/// "the Agence France Presse news agency", "a senior Kestrel Front official", "the Morrow
/// family": capitalised words that a lower-case "news", "family", head of an
/// organisation's name or role follows name a body, not a person ("the Trump
/// administration" aside: a government named for its leader).
fn names_a_body_after(words: &[Word], last: usize) -> bool {
    !words[last].punctuated()
        && words.get(last + 1).is_some_and(|n| {
            if n.capitalised() || n.masked() {
                return false;
            }
            let f = n.lex();
            f.is_person_role()
                || (f.is_org_head() && !n.is("administration"))
                || n.s.eq_ignore_ascii_case("news")
                // "Mr Hicks' Salisbury Park family", "the Morrow family": a household.
                || n.is("family")
        })
}

/// A run's words joined by single spaces: the name a person mention carries.
fn name_of(run: &[Word]) -> String {
    let mut name = String::with_capacity(run.iter().map(|w| w.s.len() + 1).sum());
    for (k, w) in run.iter().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(w.s);
    }
    name
}

fn person(words: &[Word], r: &Run, none: &Arc<Vec<String>>) -> Mention {
    let name = name_of(&words[r.first..=r.last]);
    let titles = &words[r.title..r.first];
    let mut descriptors: Vec<String> = titles.iter().map(|w| descriptor(w.s)).collect();
    descriptors.extend(role_before(words, r.title).map(|w| descriptor(w.s)));
    descriptors.extend(appositive_after(words, r.last).map(|w| descriptor(w.s)));
    descriptors.extend(kin_before(words, r).map(|w| descriptor(w.s)));
    descriptors.extend(role_set_off_before(words, r).map(|w| descriptor(w.s)));
    let gender = descriptors.iter().find_map(|d| gender_of(d));
    let (start, end) = (words[r.first].start, words[r.last].end());
    // "He has told Channel Nine": whom one tells is no subject, as after a preposition.
    let object = r.title.checked_sub(1).map(|p| &words[p]).is_some_and(|p| {
        !p.punctuated()
            && (p.lex().is_preposition()
                || lex::with_lower(p.s, |l| matches!(l, "told" | "tells" | "tell")))
    });
    Mention {
        start,
        end,
        name,
        group: false,
        org: false,
        sentence: 0,
        gender,
        object,
        descriptors: if descriptors.is_empty() {
            Arc::clone(none)
        } else {
            Arc::new(descriptors)
        },
    }
}

/// "U.S. envoy Richard Grenell": the title and role words just before a name's run.
fn role_before<'w, 'a>(words: &'w [Word<'a>], at: usize) -> impl Iterator<Item = &'w Word<'a>> {
    let from = at.saturating_sub(ROLE_WORDS_BEFORE);
    let start = (from..at)
        .rev()
        .find(|&k| {
            let w = &words[k];
            w.punctuated() || !(w.lex().is_title() || w.lex().is_person_role())
        })
        .map_or(from, |k| k + 1);
    words[start..at].iter()
}

/// "Rachel Reeves, the chancellor,": the words of an appositive that follows a name.
fn appositive_after<'w, 'a>(
    words: &'w [Word<'a>],
    last: usize,
) -> impl Iterator<Item = &'w Word<'a>> {
    let opens = words[last].comma
        && words
            .get(last + 1)
            .is_some_and(|w| lex::with_lower(w.s, |l| matches!(l, "the" | "a" | "an")));
    let span = if opens {
        let rest = &words[last + 2..];
        let n = rest
            .iter()
            .take(APPOSITIVE_WORDS)
            .position(Word::punctuated)
            .map_or(rest.len().min(APPOSITIVE_WORDS), |p| p + 1);
        &rest[..n]
    } else {
        &[]
    };
    span.iter()
}

/// A describing word in its comparison form: lower case, abbreviations spelled out.
pub fn descriptor(word: &str) -> String {
    // Lower-cased on the stack: most words are kept as they are, copied once.
    lex::with_lower(word, |lower| {
        let full = match lower.trim_end_matches('.') {
            "sen" => "senator",
            "rep" => "representative",
            "gov" => "governor",
            "gen" => "general",
            "adm" => "admiral",
            "dr" => "doctor",
            "prof" => "professor",
            "lt" => "lieutenant",
            "sgt" => "sergeant",
            "capt" => "captain",
            "col" => "colonel",
            "mr" => "mr",
            "mrs" => "mrs",
            "ms" => "ms",
            _ if lower.contains('’') => return lower.replace('’', "'"),
            _ => return lower.to_string(),
        };
        full.to_string()
    })
}

fn gender_of(descriptor: &str) -> Option<Gender> {
    match descriptor {
        "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "chairman" | "spokesman"
        | "father" | "brother" | "son" | "husband" | "businessman" | "man" | "widower"
        | "boyfriend" | "uncle" | "nephew" | "grandson" | "grandfather" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "congresswoman"
        | "chairwoman" | "spokeswoman" | "mother" | "sister" | "daughter" | "wife"
        | "businesswoman" | "woman" | "widow" | "girlfriend" | "aunt" | "niece"
        | "granddaughter" | "grandmother" => Some(Gender::Female),
        _ => None,
    }
}

/// The last word of a person mention's name: the surname its mentions are pooled by.
pub(crate) fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or("")
}

/// One person is often named in full once and by surname after: every mention of a
/// surname shares the descriptors and gender of all of them.
fn pool_by_surname(mentions: &mut [Mention], none: &Arc<Vec<String>>) {
    // A gender comes only with a describing word: a surname no mention of which is
    // described pools nothing, and its mentions keep the empty list they have. Most
    // surnames are such, and in many articles all are.
    if !mentions
        .iter()
        .any(|m| !m.group && !m.descriptors.is_empty())
    {
        return;
    }
    // The pools of the described surnames, by each one's first described mention.
    let mut pool_of: Vec<usize> = vec![usize::MAX; mentions.len()];
    let mut pools = 0;
    {
        let mut index: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, m) in mentions.iter().enumerate() {
            if !m.group && !m.descriptors.is_empty() {
                pool_of[k] = *index.entry(surname(&m.name)).or_insert_with(|| {
                    pools += 1;
                    pools - 1
                });
            }
        }
        for (k, m) in mentions.iter().enumerate() {
            if !m.group && pool_of[k] == usize::MAX {
                pool_of[k] = index.get(surname(&m.name)).copied().unwrap_or(usize::MAX);
            }
        }
    }
    // Each described mention's own descriptors are moved into its pool (they are
    // replaced by the pool's), not copied; in order of the mentions, as they come.
    let mut pooled: Vec<(Vec<String>, Option<Gender>)> = vec![(Vec::new(), None); pools];
    for (m, &p) in mentions.iter_mut().zip(&pool_of) {
        if p == usize::MAX || m.descriptors.is_empty() {
            continue;
        }
        let entry = &mut pooled[p];
        let own = Arc::try_unwrap(std::mem::replace(&mut m.descriptors, Arc::clone(none)))
            .unwrap_or_else(|shared| shared.as_ref().clone());
        for d in own {
            if !entry.0.contains(&d) {
                entry.0.push(d);
            }
        }
        entry.1 = entry.1.or(m.gender);
    }
    let pooled: Vec<(Arc<Vec<String>>, Option<Gender>)> =
        pooled.into_iter().map(|(d, g)| (Arc::new(d), g)).collect();
    for (m, &p) in mentions.iter_mut().zip(&pool_of) {
        if let Some((d, g)) = pooled.get(p) {
            m.descriptors = Arc::clone(d);
            m.gender = *g;
        }
    }
}

/// Lines written in title case (headlines, section heads): their capitals name nobody.
/// A line that ends a sentence is prose, however many names it holds. `lines` are the
/// lines of the unmasked text (see [`find`]).
fn headline_lines(text: &str, lines: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for &(start, body_end) in lines {
        // The line up to its `\n`: the `\r`s `lines` left off may be masked ('Q').
        let raw_end = body_end
            + bytes[body_end..]
                .iter()
                .take_while(|&&b| b != b'\n')
                .count();
        // Most lines are blank or end a sentence, and end in ASCII: judged on their last
        // byte, as the general reading below would judge them.
        match bytes[start..raw_end]
            .iter()
            .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C))
        {
            None => continue,
            Some(k) if matches!(bytes[start + k], b'.' | b'!' | b'?') => continue,
            _ => {}
        }
        let line = &text[start..raw_end];
        let (s, e) = (start, start + line.trim_end().len());
        // A reference mark after the last sentence ("… the Association. [2]") hides
        // its end.
        let body = without_reference_marks(text[s..e].trim());
        // Blank lines (every other line of most articles) hold no words.
        if body.is_empty() || body.ends_with(['.', '!', '?']) {
            continue;
        }
        let (long, caps) = long_and_capitalised(body);
        if long >= 3 && caps * 4 >= long * 3 {
            out.push((s, e));
        }
    }
    out
}

/// How many words of `line` have four letters or more, and how many of those start with
/// an upper-case letter. A masked quote is nobody's capitals.
fn long_and_capitalised(line: &str) -> (usize, usize) {
    let (mut long, mut caps) = (0, 0);
    let mut count = |(is_long, upper): (bool, bool)| {
        if is_long {
            long += 1;
            caps += usize::from(upper);
        }
    };
    if line.is_ascii() {
        // The bytes `split_whitespace` splits an ASCII line at, read as bytes.
        line.as_bytes()
            .split(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
            .filter(|w| !w.is_empty() && !super::words::is_masked_bytes(w))
            .for_each(|w| count(long_ascii_word(w)));
    } else {
        line.split_whitespace()
            .filter(|w| !super::words::is_masked(w))
            .for_each(|w| count(long_word(w)));
    }
    (long, caps)
}

/// `line` without the reference marks that end it ("[2]", "[1][3]").
fn without_reference_marks(line: &str) -> &str {
    let mut rest = line;
    while let Some(open) = rest
        .strip_suffix(']')
        .and_then(|r| r.rfind('['))
        .filter(|&k| {
            rest[k + 1..rest.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
    {
        rest = rest[..open].trim_end();
    }
    rest
}

/// Whether a word has four letters or more, and whether it starts with an upper-case
/// letter (ASCII read as bytes, with the answers `char`'s methods give).
fn long_word(w: &str) -> (bool, bool) {
    if w.is_ascii() {
        return long_ascii_word(w.as_bytes());
    }
    (
        w.chars().filter(|c| c.is_alphabetic()).nth(3).is_some(),
        w.chars().next().is_some_and(char::is_uppercase),
    )
}

/// [`long_word`] of a non-empty ASCII word's bytes.
fn long_ascii_word(w: &[u8]) -> (bool, bool) {
    let long = w
        .iter()
        .filter(|b| b.is_ascii_alphabetic())
        .nth(3)
        .is_some();
    (long, w[0].is_ascii_uppercase())
}

/// "the Trump administration", "U.S. officials", "Richmond police".
/// `caps` are the indices of the capitalised words, in order.
fn group_mentions(
    words: &[Word],
    caps: &[usize],
    masked: &str,
    none: &Arc<Vec<String>>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    // The group noun stands one or two words after a capitalised word: those words, in
    // order, each once.
    let mut last = 0;
    let candidates = caps.iter().flat_map(|&c| [c + 1, c + 2]).filter(move |&i| {
        let new = i > last && i < words.len();
        if new {
            last = i;
        }
        new
    });
    for i in candidates {
        let w = &words[i];
        // A group noun after a capitalised word ("Richmond police"): the cheap tests
        // first, the lexicon last.
        if w.capitalised() || words[i - 1].punctuated() || !lex::may_be_group(w.s) {
            continue;
        }
        // "Richmond city officials": one modifier between the place and the noun.
        let modified = !words[i - 1].capitalised();
        if modified
            && !(i >= 2
                && words[i - 2].capitalised()
                && !words[i - 2].punctuated()
                && w.lex().is_group()
                && lex::with_lower(words[i - 1].s, lex::is_group_modifier))
        {
            continue;
        }
        if !w.lex().is_group() {
            continue;
        }
        let head = if modified { i - 1 } else { i };
        let mut k = head;
        // Not back over a line break: "Advertisement" above "City officials" is no part
        // of the group's name.
        while k > 0
            && words[k - 1].capitalised()
            && !words[k - 1].punctuated()
            && head - k < 3
            && !line_break_between(masked, &words[k - 1], &words[k])
        {
            k -= 1;
        }
        if k < head && words[k].is("the") {
            k += 1;
        }
        if k >= head || words[k..i].iter().any(Word::masked) {
            continue;
        }
        out.push(Mention {
            start: words[k].start,
            end: w.end(),
            name: masked[words[k].start..w.end()].to_string(),
            group: true,
            org: false,
            sentence: 0,
            gender: None,
            object: false,
            descriptors: Arc::clone(none),
        });
    }
    out
}

/// How many capitalised words may stand before an organisation's head noun.
const ORG_WORDS_BEFORE: usize = 5;

/// Named organisations: capitalised words ending in a head noun such as "Agency" or
/// "Union" ("the New Ardurgrad Environmental Agency", "the Fire and Rescue Service"),
/// with an "of" phrase after the head ("the Department of Transportation"). A head
/// alone ("Police said") names no particular body. Sorted by position.
/// `caps` are the indices of the capitalised words, in order.
fn org_mentions(
    words: &[Word],
    caps: &[usize],
    masked: &str,
    none: &Arc<Vec<String>>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let name_word = |w: &Word| {
        w.capitalised()
            && !w.masked()
            && !w.s.ends_with("'s")
            && !w.s.ends_with("’s")
            && !(w.lex().is_determiner()
                || w.lex().is_preposition()
                || w.lex().stops_phrase()
                || w.lex().is_pronoun())
    };
    // Only a capitalised word is an organisation's head.
    let mut next = 0;
    for &i in caps {
        let w = &words[i];
        if i < next || !(w.capitalised() && !w.masked() && w.lex().is_org_head()) {
            continue;
        }
        // A name runs on within a line, never from a heading or a page's furniture.
        let joined = |a: usize| !line_break_between(masked, &words[a], &words[a + 1]);
        // Back over the name words, and "and" between two of them.
        let mut k = i;
        while k > 0 && i - k < ORG_WORDS_BEFORE {
            let p = &words[k - 1];
            if !p.punctuated() && name_word(p) && joined(k - 1) {
                k -= 1;
            } else if k >= 2
                && (p.s == "and" || p.s == "&")
                && !p.punctuated()
                && !words[k - 2].punctuated()
                && name_word(&words[k - 2])
                && joined(k - 2)
                && joined(k - 1)
            {
                k -= 2;
            } else {
                break;
            }
        }
        // Forwards over further heads ("Hospital Trust") and an "of" phrase.
        let mut e = i;
        while !words[e].punctuated()
            && words
                .get(e + 1)
                .is_some_and(|n| n.capitalised() && !n.masked() && n.lex().is_org_head())
            && joined(e)
        {
            e += 1;
        }
        if !words[e].punctuated() && words.get(e + 1).is_some_and(|n| n.s == "of") && joined(e) {
            let mut t = e + 1;
            while t + 1 < words.len()
                && t - e <= 3
                && name_word(&words[t + 1])
                && !bracketed_acronym(words, t + 1)
                && !words[t].punctuated()
                && joined(t)
            {
                t += 1;
            }
            if t > e + 1 {
                e = t;
            }
        }
        if k == i && e == i {
            continue;
        }
        let before = k.checked_sub(1).map(|p| &words[p]);
        let object = before.is_some_and(|p| {
            !p.punctuated()
                && (p.lex().is_preposition()
                    || (p.is("the")
                        && k >= 2
                        && !words[k - 2].punctuated()
                        && words[k - 2].lex().is_preposition()))
        });
        out.push(Mention {
            start: words[k].start,
            end: words[e].end(),
            name: masked[words[k].start..words[e].end()].to_string(),
            group: true,
            org: true,
            sentence: 0,
            gender: None,
            object,
            descriptors: Arc::clone(none),
        });
        next = e + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<Gender>)> {
        find(text, &[(0, text.len())], &crate::quotes::find::lines(text))
            .into_iter()
            .map(|m| (m.name, m.gender))
            .collect()
    }

    #[test]
    fn ascii_lines_count_their_long_and_capitalised_words_as_other_lines_do() {
        for line in [
            "Radley Moves to Clarify Marioia Electoral Roll",
            "By Xavier Zamora | Published: May 19, 2022",
            "Fenwood: QQQQQQQQQQ",
            "Q QQ QQQ Quartz qqqq",
            "a\tb\x0bWord\x0cWORD\rwords  Four",
            "",
            "   ",
            "ab-cd efgh 1234 a1b2c3d4",
        ] {
            // The same line with one non-ASCII word appended reads through the general
            // path; the appended word adds nothing to either count.
            let general = format!("{line} é");
            assert_eq!(
                long_and_capitalised(line),
                long_and_capitalised(&general),
                "{line:?}"
            );
        }
    }

    /// A line above a body's name (a section label, page furniture) is no part of it,
    /// nor is the line below its head.
    #[test]
    fn organisations_stay_within_their_line() {
        let orgs = |text: &str| -> Vec<String> {
            find(text, &[(0, text.len())], &crate::quotes::find::lines(text))
                .into_iter()
                .filter(|m| m.org)
                .map(|m| m.name)
                .collect()
        };
        assert_eq!(
            orgs("Politics\nEnvironmental Agency officials met on Friday."),
            ["Environmental Agency"]
        );
        assert_eq!(
            orgs("He wrote to the Fire Service\nOf Marioia Region, it said."),
            ["Fire Service"]
        );
        assert_eq!(
            orgs("The Fire and Rescue Service of New Ardurgrad said so."),
            ["Fire and Rescue Service of New Ardurgrad"]
        );
    }

    /// A batch read pass by pass gives each article what it would be given alone: the
    /// same mentions, fields and order, or the same full names.
    #[test]
    fn a_batch_reads_each_article_as_it_would_be_read_alone() {
        let texts = [
            "Politics\nRadley Moves to Clarify Marioia Electoral Roll\n\nPresident Nicolás \
             Maduro met U.S. envoy Richard Grenell. Maduro, 63, spoke first.",
            "The New Ardurgrad Environmental Agency hired Dr. Amira van der Berg, who \
             leads the Fire and Rescue Service of New Ardurgrad, and General Oluwaseun Park.",
            "",
            "Rachel Reeves, the British chancellor, met Ms. Lopez. She said QQQQ. \
             Halomova city officials and NATO stayed away. Reeves left.",
            "Mr Crean says the Opposition leader, Simon Crean, and the groups added more.",
        ];
        let lines: Vec<_> = texts
            .iter()
            .map(|t| crate::quotes::speaker::paragraphs(crate::quotes::find::lines(t)))
            .collect();
        let sentences: Vec<_> = texts
            .iter()
            .map(|t| {
                let mut out = Vec::new();
                crate::quotes::sentence::push_ranges(t, 0, &mut out);
                out
            })
            .collect();
        let show = |m: &Mention| format!("{m:?}");
        // Every other article read for its full names only, in both orders.
        for parity in [0, 1] {
            let batch: Vec<Reading> = (0..texts.len())
                .map(|k| {
                    if k % 2 == parity {
                        Reading::Names {
                            text: texts[k],
                            lines: &lines[k],
                        }
                    } else {
                        Reading::Mentions {
                            masked: texts[k],
                            sentences: &sentences[k],
                            lines: &lines[k],
                        }
                    }
                })
                .collect();
            let read = read_batch(&batch);
            assert_eq!(read.len(), texts.len());
            for (k, people) in read.into_iter().enumerate() {
                match people {
                    People::Names(names) => {
                        assert_eq!(k % 2, parity);
                        assert_eq!(names, full_names(texts[k], &lines[k]), "{}", texts[k]);
                    }
                    People::Mentions(got) => {
                        assert_ne!(k % 2, parity);
                        let want = find(texts[k], &sentences[k], &lines[k]);
                        let got: Vec<String> = got.iter().map(show).collect();
                        let want: Vec<String> = want.iter().map(show).collect();
                        assert_eq!(got, want, "{}", texts[k]);
                    }
                }
            }
        }
    }

    /// An article with no quote is read for its full names alone: they are the names of
    /// two words or more among the person mentions the whole reading finds.
    #[test]
    fn full_names_are_those_of_the_whole_reading() {
        for text in [
            "Politics\nRadley Moves to Clarify Marioia Electoral Roll\n\nPresident Nicolás \
             Maduro met U.S. envoy Richard Grenell. Maduro, 63, spoke first.",
            "The New Ardurgrad Environmental Agency hired Dr. Amira van der Berg, who \
             leads the Fire and Rescue Service of New Ardurgrad, and General Oluwaseun Park.",
            "Rachel Reeves, the British chancellor, met Ms. Lopez and Robert F. Kennedy \
             Jr. in Port Caseton. Halomova city officials and NATO stayed away.",
            "Advertisement\nProfessor Tamar Langson wrote to Lincoln Park Zoo on Friday.\n\
             Burton explained. Critics said nothing. Residents of Halomova said so.",
        ] {
            let paragraphs = super::super::speaker::paragraphs(crate::quotes::find::lines(text));
            let mut fast = full_names(text, &paragraphs);
            let mut whole: Vec<String> = find(text, &[(0, text.len())], &paragraphs)
                .into_iter()
                .filter(|m| !m.group && m.name.split_whitespace().nth(1).is_some())
                .map(|m| m.name)
                .collect();
            fast.sort();
            whole.sort();
            assert!(!whole.is_empty(), "{text}");
            assert_eq!(fast, whole, "{text}");
        }
    }

    #[test]
    fn names_stop_at_sentence_ends_and_carry_gender() {
        assert_eq!(
            names("That was Terrance Mannery. Rogers watched as Ms. Lopez left."),
            [
                ("Terrance Mannery".to_string(), None),
                ("Lopez".to_string(), Some(Gender::Female))
            ]
        );
    }

    #[test]
    fn a_lone_name_counts_when_it_speaks() {
        let n = names("Burton explained from a podium. Critics said nothing.");
        assert_eq!(n, [("Burton".to_string(), None)]);
    }

    #[test]
    fn descriptors_come_from_titles_roles_and_appositives() {
        let text = "U.S. envoy Richard Grenell met Rachel Reeves, the British chancellor, here.";
        let m = find(text, &[(0, text.len())], &crate::quotes::find::lines(text));
        assert_eq!(*m[0].descriptors, ["u.s.", "envoy"]);
        assert_eq!(*m[1].descriptors, ["british", "chancellor"]);
    }
}

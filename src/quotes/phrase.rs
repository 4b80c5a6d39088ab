//! Reading the speaker's noun phrase next to a verb of saying: forwards after a leading
//! cue ("said House Speaker John Boehner"), backwards before a trailing one ("The
//! Venezuelan leader accused", "Hugh Hill, a doctor, said"), and the name inside it once
//! titles and appositives are stripped. Every reader looks at a bounded number of words.

use super::lexicon as lex;
use super::words::{bracketed_acronym, Word};

/// Longest speaker phrase read forwards, in words.
const MAX_FORWARD: usize = 6;
/// Longest name run that may follow a description ("the spokeswoman, Maria Lopez").
const MAX_NAME: usize = 4;

/// The speaker phrase after a leading cue: "said House Speaker John Boehner", "said a
/// homeless man who …", "said the company's spokeswoman, Maria Lopez" (the name).
pub fn np_forward(words: &[Word], i: usize) -> Option<(usize, usize)> {
    let first = words.get(i).filter(|w| !w.masked())?;
    if first.lex().is_pronoun() {
        return Some((first.start, first.end()));
    }
    let described =
        first.lex().is_determiner() && !lex::with_lower(first.s, |l| matches!(l, "that" | "this"));
    let mut j = i;
    while let Some(w) = words.get(j) {
        let ok = if j == i {
            described
                || w.capitalised()
                || w.lex().is_group()
                || role_before_name(words, j)
                || modifies_group(words, j)
        } else if described {
            !w.lex().stops_phrase() && !w.lex().is_cue()
        } else {
            w.capitalised()
                || w.lex().is_particle()
                || w.lex().is_group()
                || title_of(words, j)
                || role_before_name(words, j)
                || modifies_group(words, j)
        };
        if !ok
            || w.masked()
            || j - i >= MAX_FORWARD
            || (j > i
                && w.lex().stops_phrase()
                && !title_of(words, j)
                && !super::mentions::month_named(words, j))
        {
            break;
        }
        j += 1;
        if w.punctuated() {
            break;
        }
    }
    if j == i || (described && j == i + 1) {
        return None;
    }
    if described && words[j - 1].comma {
        if let Some(name) = name_after(words, j) {
            return Some(name);
        }
    }
    Some((words[i].start, words[j - 1].end()))
}

/// "said union leader Ray Quinn", "said police chief Ann Lee": lower-case role words
/// (at most two) that a name follows.
fn role_before_name(words: &[Word], j: usize) -> bool {
    let role = |w: &Word| {
        !w.capitalised()
            && !w.punctuated()
            && (w.lex().is_title() || w.lex().is_person_role() || w.lex().is_group())
    };
    let name = |w: &Word| w.capitalised() && w.lex().may_be_name();
    words.get(j).is_some_and(role)
        && (words.get(j + 1).is_some_and(name)
            || (words.get(j + 1).is_some_and(role) && words.get(j + 2).is_some_and(name)))
}

/// "said city officials", "said Richmond state police": a modifier of the group noun
/// that follows it.
fn modifies_group(words: &[Word], j: usize) -> bool {
    let w = &words[j];
    !w.capitalised()
        && !w.punctuated()
        && words.get(j + 1).is_some_and(|n| n.lex().is_group())
        && lex::with_lower(w.s, lex::is_group_modifier)
}

/// "of" inside a title ("Secretary of State Marco Rubio"): after a title, before a
/// capitalised word that more name follows.
fn title_of(words: &[Word], j: usize) -> bool {
    words[j].s == "of"
        && j > 0
        && words[j - 1].lex().is_title()
        && !words[j - 1].comma
        && words.get(j + 1).is_some_and(Word::capitalised)
        && words.get(j + 2).is_some_and(Word::capitalised)
}

/// A name that ends the phrase after a description: "the spokeswoman, Maria Lopez".
fn name_after(words: &[Word], j: usize) -> Option<(usize, usize)> {
    let mut k = j;
    while k < words.len() && k - j < MAX_NAME {
        let w = &words[k];
        let name_word = w.capitalised() && w.lex().may_be_name();
        if !(name_word || w.lex().is_particle()) {
            break;
        }
        k += 1;
        if w.comma || w.stop || w.brk {
            break;
        }
    }
    let ends = k == words.len() || words[k - 1].comma || words[k - 1].stop;
    (k > j + 1 && ends).then(|| (words[j].start, words[k - 1].end()))
}

/// The subject before the cue at `ci`: "Maduro declared", "The Venezuelan leader
/// accused", "Hugh Hill, a doctor, said", "Maduro, who …, complained".
pub fn np_backward(words: &[Word], ci: usize) -> Option<(usize, usize)> {
    let mut j = ci.checked_sub(1)?;
    while words[j].lex().is_aux_or_adverb() && !words[j].comma {
        j = j.checked_sub(1)?;
    }
    if words[j].masked() {
        return None;
    }
    if words[j].comma || words[j].brk {
        return appositive_subject(words, j);
    }
    let mut np = trailing_np(words, 0, j)?;
    if let Some(named) = unclosed_appositive_subject(words, np.0) {
        return Some(named);
    }
    let mut subject = plausible(words, np.0, np.1).then_some(np);
    // "a staff member at Hillcrest Christian College in Berwick told": twice at most
    // from a subject; "The biowarfare expert under scrutiny in the anthrax attacks
    // declared": on past phrases no one could be until one is.
    for _ in 0..3 {
        let Some(outer) = located_subject(words, np.0) else {
            break;
        };
        if plausible(words, outer.0, outer.1) {
            subject = Some(outer);
        } else if subject.is_some() {
            break;
        }
        np = outer;
    }
    subject
}

/// "Nabil Abu Rudeina, an advisor to Mr Arafat said": the phrase before the cue, at
/// byte `start`, is the object of a role in an appositive the writer left open (no
/// comma before the cue); the subject is the name the appositive describes.
fn unclosed_appositive_subject(words: &[Word], start: usize) -> Option<(usize, usize)> {
    let first = words.iter().rposition(|w| w.start == start)?;
    let p = first.checked_sub(1)?;
    if words[p].punctuated()
        || !lex::with_lower(words[p].s, |l| {
            matches!(l, "to" | "for" | "of" | "at" | "with")
        })
    {
        return None;
    }
    // "an advisor", "a senior adviser", "the chief spokesman": an article, a role, and
    // at most two words more, after the comma that opens the appositive.
    let comma = (p.saturating_sub(5)..p)
        .rev()
        .find(|&k| words[k].punctuated())?;
    if !words[comma].comma || words[comma].stop {
        return None;
    }
    let seg = &words[comma + 1..p];
    let opens = seg
        .first()
        .is_some_and(|w| lex::with_lower(w.s, |l| matches!(l, "a" | "an" | "the")));
    let role = seg.last().is_some_and(|w| w.lex().is_person_role());
    if !(opens && role && seg.len() >= 2) {
        return None;
    }
    appositive_subject(words, comma).filter(|&(s, e)| {
        plausible(words, s, e) && words.iter().any(|w| w.start == s && w.capitalised())
    })
}

/// "The U.S. Central Command in Florida said", "Officials in Washington said", "The
/// expert under scrutiny …": the phrase before the cue says where or how its subject
/// is; the subject is the phrase before "in", "at" or "under", for a phrase that starts
/// at byte `start` (whether it could speak is the caller's to judge).
fn located_subject(words: &[Word], start: usize) -> Option<(usize, usize)> {
    let first = words.iter().rposition(|w| w.start == start)?;
    let p = first.checked_sub(1)?;
    let at = &words[p];
    if p == 0
        || at.punctuated()
        || words[p - 1].punctuated()
        || words[p - 1].lex().is_pronoun()
        || !lex::with_lower(at.s, |l| matches!(l, "in" | "at" | "under"))
    {
        return None;
    }
    trailing_np(words, 0, p - 1)
}

/// Words that open an appositive, a relative clause or a phrase of where and how set off
/// by commas.
fn opens_appositive(seg: &[Word]) -> bool {
    (seg.len() == 1 && seg[0].s.chars().all(|c| c.is_ascii_digit()))
        || lex::with_lower(seg[0].s, |first| {
            matches!(
                first,
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
                    // "The group, in a statement, said": where or how, not who.
                    | "in"
                    | "at"
                    | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "from"
                    | "via"
                    | "through"
                    | "with"
                    | "despite"
                    | "amid"
                    | "under"
            )
        })
        || seg.last().is_some_and(|w| w.s.ends_with("-old"))
        || participle_clause(seg)
}

/// "Thabo Mbeki, speaking at the opening ceremony, said": a clause opened by a
/// participle, which says what the subject was doing, not who it is.
fn participle_clause(seg: &[Word]) -> bool {
    let first = seg[0].s;
    first.len() >= 6
        && first.ends_with("ing")
        && first.bytes().all(|b| b.is_ascii_lowercase())
        // Nouns in -ing that open an appositive ("Jones, morning host, said").
        && !matches!(
            first,
            "morning" | "evening" | "building" | "meeting" | "offspring" | "sibling" | "darling"
                | "nothing" | "something" | "anything" | "everything" | "ceiling" | "string"
                | "viking" | "briefing" | "hearing" | "training" | "funding" | "housing"
                | "shipping" | "banking" | "mining" | "polling" | "ruling" | "spring"
        )
}

/// Walks back over comma-set appositives to the name they describe.
fn appositive_subject(words: &[Word], mut end: usize) -> Option<(usize, usize)> {
    loop {
        let start = (0..end)
            .rev()
            .find(|&k| words[k].comma || words[k].brk)
            .map_or(0, |k| k + 1);
        let seg = &words[start..=end];
        if opens_appositive(seg) && start > 0 {
            end = start - 1;
            continue;
        }
        if let Some(np) = trailing_np(words, start, end).filter(|&(s, e)| plausible(words, s, e)) {
            return Some(np);
        }
        return clause_subject(words, start, end);
    }
}

/// A participle after a clause ("Maduro was reticent, stating"): the clause's subject.
fn clause_subject(words: &[Word], start: usize, end: usize) -> Option<(usize, usize)> {
    let k = (start..=end).find(|&k| {
        let w = &words[k];
        !w.masked() && ((w.capitalised() && w.lex().may_be_name()) || w.lex().is_pronoun())
    })?;
    let mut e = k;
    while e < end
        && words[e + 1].capitalised()
        && words[e + 1].lex().may_be_name()
        && !words[e].comma
    {
        e += 1;
    }
    Some((words[k].start, words[e].end()))
}

/// The noun phrase ending at `words[end]`, not reaching before `floor`.
pub fn trailing_np(words: &[Word], floor: usize, end: usize) -> Option<(usize, usize)> {
    // "the Patriotic Union of Kurdistan (PUK)": the phrase ends at the name the acronym
    // in brackets abbreviates.
    if end > floor && bracketed_acronym(words, end) {
        return trailing_np(words, floor, end - 1);
    }
    let head = &words[end];
    if head.masked() {
        return None;
    }
    if head.lex().is_pronoun() {
        return Some((head.start, head.end()));
    }
    // "hoping to ease their workload today but are predicting", "a week ago when,
    // according to": no noun phrase ends in a conjunction or preposition.
    if head.lex().stops_phrase() {
        return None;
    }
    if head.capitalised() {
        return Some(capitalised_np(words, floor, end));
    }
    if let Some(start) = described_start(words, floor, end) {
        return Some((start, head.end()));
    }
    // "Richmond police", "U.S. officials", "Portland city officials".
    let mut k = end;
    let modified = head.lex().is_group()
        && k > floor
        && !words[k - 1].capitalised()
        && !(words[k - 1].comma || words[k - 1].masked())
        && lex::with_lower(words[k - 1].s, lex::is_group_modifier);
    if modified {
        k -= 1;
    }
    let modifier = k;
    while k > floor
        && words[k - 1].capitalised()
        && !words[k - 1].comma
        && !words[k - 1].masked()
        && !words[k - 1].lex().stops_phrase()
    {
        k -= 1;
    }
    if k == end && !head.lex().is_group() {
        return None;
    }
    // A modifier capitalised as the sentence's first word ("City officials said") is
    // kept as one written in lower case would be.
    while k < end
        && !(modified && k == modifier)
        && !words[k].lex().may_be_name()
        && words[k].s != "U.S."
        && !words[k].lex().is_group()
        && !(k + 1 == end
            && head.lex().is_group()
            && lex::with_lower(words[k].s, lex::is_group_modifier))
    {
        k += 1;
    }
    Some((words[k].start, head.end()))
}

/// A capitalised head and the name and title words before it: "Secretary of State Marco
/// Rubio", "the Metropolitan Police".
fn capitalised_np(words: &[Word], floor: usize, end: usize) -> (usize, usize) {
    let head = &words[end];
    let mut k = end;
    while k > floor {
        let w = &words[k - 1];
        if w.punctuated() || w.masked() {
            break;
        }
        let name_word = w.capitalised() && !w.lex().stops_phrase() && !w.lex().is_cue();
        if name_word
            || w.lex().is_particle()
            || (w.is("the") && head.lex().is_group())
            || title_of(words, k - 1)
        {
            k -= 1;
        } else {
            break;
        }
    }
    // Sentence-initial function words are not part of the name ("When Maduro"); place
    // words are ("Port Belamridge Health Authority", "South African President Kgosi
    // Mabena", "the New Mexico Environment Department").
    while k < end
        && !words[k].lex().may_speak()
        && !opens_place_name(words, k)
        && !words[k].lex().is_title()
        && !words[k].lex().is_group()
        && words[k].s != "U.S."
    {
        k += 1;
    }
    (words[k].start, head.end())
}

/// "New Mexico", "South African", "United States": a capitalised word that the lexicon
/// keeps from heading a phrase, opening a place's name with the capitalised word after.
fn opens_place_name(words: &[Word], k: usize) -> bool {
    words[k].capitalised()
        && words.get(k + 1).is_some_and(Word::capitalised)
        && lex::with_lower(words[k].s, |l| {
            matches!(
                l,
                "new" | "north" | "south" | "east" | "west" | "united" | "latin"
            )
        })
}

/// A lower-case head with its determiner up to four words back: "the clown", "The
/// Venezuelan leader", "one trader".
fn described_start(words: &[Word], floor: usize, end: usize) -> Option<usize> {
    for back in 1..=4 {
        let i = end.checked_sub(back).filter(|&i| i >= floor)?;
        let w = &words[i];
        if w.punctuated() || w.masked() {
            return None;
        }
        if w.lex().is_determiner() {
            return Some(w.start);
        }
        if w.lex().stops_phrase() || w.lex().is_cue() {
            return None;
        }
    }
    None
}

/// A speaker phrase must name someone: a pronoun, a name, a group, a person role, or
/// an institution standing for its people.
fn plausible(words: &[Word], start: usize, end: usize) -> bool {
    let inside: Vec<&Word> = words
        .iter()
        .filter(|w| w.start >= start && w.end() <= end)
        .collect();
    let Some(head) = inside.last() else {
        return false;
    };
    head.lex().is_pronoun()
        || head.lex().may_speak()
        || inside
            .iter()
            .any(|w| w.capitalised() && w.lex().may_be_name())
        || head.lex().is_group()
        || head.lex().is_person_role()
        // "Mr Jan", "Mrs May": whatever else the word may be, a title makes it a name.
        || inside
            .windows(2)
            .any(|p| p[0].lex().is_title() && p[1].capitalised() && !p[1].lex().is_title())
        || (inside.len() >= 2
            && inside[0].lex().is_determiner()
            && !head.capitalised()
            // A plural ("the talks") is no speaker; "the witness", "the boss" are (and
            // "the address" is not).
            && (!head.s.ends_with('s') || singular_in_s(head)))
}

/// A person, or a body of them, named by a singular noun ending in "s".
fn singular_in_s(w: &Word) -> bool {
    lex::with_lower(w.s, |l| {
        matches!(
            l,
            "witness"
                | "boss"
                | "actress"
                | "waitress"
                | "hostess"
                | "princess"
                | "duchess"
                | "countess"
                | "heiress"
                | "stewardess"
                | "press"
        )
    })
}

/// Where a name of words `from..=last` starts once what stands before its last title or
/// role is left out ("New York Mayor Rudolph Giuliani": at "Rudolph"): past the last word
/// that `is_title` holds of, when two words or more follow it and it holds of none of
/// them; else `from` ("Martin Luther King", and "Homeland Security Department", whose one
/// word left would be no name).
pub(crate) fn after_last_title(
    from: usize,
    last: usize,
    is_title: impl Fn(usize) -> bool,
) -> usize {
    match (from..last).rev().find(|&t| is_title(t)) {
        // `t` is the last title before `last`: only `last` itself is left to ask.
        Some(t) if last - t >= 2 && !is_title(last) => t + 1,
        _ => from,
    }
}

/// Titles and honorifics off the front ("Secretary of State"), "of Venezuela" off the
/// back; groups lose their article; descriptions stay as written.
pub fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.iter().all(|w| lex::is_title(w)) {
        return name.trim().to_string();
    }
    let described = lex::is_determiner(words[0]);
    let grouped = words.last().is_some_and(|w| lex::is_group(w));
    let mut i = 0;
    while !described && !grouped && i + 1 < words.len() {
        if lex::is_title(words[i]) {
            i += 1;
        } else if words[i] == "of" && i > 0 && lex::is_title(words[i - 1]) && i + 2 < words.len() {
            i += 2;
        } else {
            break;
        }
    }
    if !described && !grouped {
        // "Queensland Premier Peter Beattie", "Foreign Affairs Minister Alexander Downer":
        // a place or portfolio before the title, the name after it.
        let end = words[i..]
            .iter()
            .position(|w| *w == "of")
            .map_or(words.len(), |n| i + n);
        // "Ostomine State Water Utility" names a body: no person's name is in it.
        if end > i && !lex::is_org_head(words[end - 1]) {
            i = after_last_title(i, end - 1, |x| lex::word_flags(words[x]).is_title_or_role());
        }
    }
    let core: Vec<&str> = words[i..]
        .iter()
        .copied()
        .take_while(|w| *w != "of")
        .skip_while(|w| grouped && w.eq_ignore_ascii_case("the"))
        .collect();
    if core.is_empty() {
        name.trim().to_string()
    } else {
        core.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::split;

    fn forward(text: &str) -> Option<&str> {
        let w = split(text, 0);
        np_forward(&w, 1).map(|(s, e)| &text[s..e])
    }

    fn backward(text: &str) -> Option<&str> {
        let w = split(text, 0);
        let ci = w.iter().rposition(|w| w.lex().is_cue())?;
        np_backward(&w, ci).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn reads_speakers_forwards() {
        assert_eq!(
            forward("said House Speaker John Boehner."),
            Some("House Speaker John Boehner")
        );
        assert_eq!(
            forward("said the company's spokeswoman, Maria Lopez."),
            Some("Maria Lopez")
        );
        assert_eq!(
            forward("told Secretary of State Marco Rubio in"),
            Some("Secretary of State Marco Rubio")
        );
        assert_eq!(forward("said Maduro of Venezuela"), Some("Maduro"));
    }

    #[test]
    fn reads_speakers_backwards() {
        assert_eq!(backward("Hugh Hill, a doctor, said:"), Some("Hugh Hill"));
        assert_eq!(
            backward("Nabil Abu Rudeina, an advisor to Mr Arafat said"),
            Some("Nabil Abu Rudeina")
        );
        assert_eq!(
            backward("Ali Khan, a spokesman for the ministry said"),
            Some("Ali Khan")
        );
        // Closed by a comma before the cue, or no appositive: as before.
        assert_eq!(backward("a visit to Mr Arafat said"), Some("Mr Arafat"));
        assert_eq!(backward("Maduro, 63, said"), Some("Maduro"));
        assert_eq!(
            backward("Secretary of State Marco Rubio told"),
            Some("Secretary of State Marco Rubio")
        );
        assert_eq!(backward("the White House said"), Some("White House"));
        assert_eq!(backward("Chevron said"), Some("Chevron"));
    }

    #[test]
    fn strips_titles_and_places() {
        assert_eq!(
            strip_titles("President Nicolás Maduro of Venezuela"),
            "Nicolás Maduro"
        );
        assert_eq!(
            strip_titles("Secretary of State Marco Rubio"),
            "Marco Rubio"
        );
        assert_eq!(
            strip_titles("the Trump administration"),
            "Trump administration"
        );
        assert_eq!(strip_titles("White House"), "White House");
        assert_eq!(
            strip_titles("the Venezuelan leader"),
            "the Venezuelan leader"
        );
    }

    #[test]
    fn strips_what_stands_before_the_last_title() {
        for (written, name) in [
            ("Queensland Premier Anna Brightwater", "Anna Brightwater"),
            ("Foreign Affairs Minister Lena Okafor", "Lena Okafor"),
            ("New York Mayor Rudolph Giuliani", "Rudolph Giuliani"),
            ("Vice-President Tomas Reyna", "Tomas Reyna"),
            ("Scientist David Vaughan", "David Vaughan"),
            ("Coretta Scott King", "Coretta Scott King"),
            ("Ostra State Water Board", "Ostra State Water Board"),
        ] {
            assert_eq!(strip_titles(written), name, "{written}");
        }
    }

    #[test]
    fn a_name_starts_after_its_last_title_when_two_words_follow() {
        let titles = |t: &'static [usize]| move |x: usize| t.contains(&x);
        // "New York Mayor Rudolph Giuliani"
        assert_eq!(after_last_title(0, 4, titles(&[2])), 3);
        // "Homeland Security Department": one word after the title is no name.
        assert_eq!(after_last_title(0, 2, titles(&[0, 1])), 0);
        // "Martin Luther King": the last word is the title.
        assert_eq!(after_last_title(0, 2, titles(&[2])), 0);
        // No title at all, and a start already past the leading titles.
        assert_eq!(after_last_title(0, 3, titles(&[])), 0);
        assert_eq!(after_last_title(2, 5, titles(&[0, 1, 3])), 4);
    }
}

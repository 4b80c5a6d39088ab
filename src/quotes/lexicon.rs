//! Word lists for attribution: verbs and phrases of saying, titles, role nouns, and the
//! capitalised words that are never a speaker's name. One place, so that the rules in
//! `speaker` read as rules.

use std::cell::Cell;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Verbs of saying (base forms). Inflections are generated; irregular ones are listed.
#[rustfmt::skip]
const CUE_BASES: &[&str] = &[
    "say", "tell", "add", "declare", "state", "remark", "claim", "insist", "warn", "write",
    "post", "tweet", "explain", "note", "argue", "concede", "admit", "acknowledge", "announce",
    "assert", "complain", "confirm", "deny", "describe", "emphasize", "emphasise", "stress",
    "suggest", "urge", "reply", "respond", "answer", "ask", "recall", "recount", "report",
    "reiterate", "repeat", "predict", "promise", "pledge", "vow", "threaten", "boast", "joke",
    "quip", "laugh", "shout", "yell", "scream", "whisper", "mutter", "murmur", "cry",
    "exclaim", "observe", "comment", "mention", "contend", "maintain", "allege", "charge",
    "accuse", "blame", "criticize", "criticise", "condemn", "praise", "thank", "conclude",
    "testify", "inform", "advise", "caution", "counter", "retort", "rebut", "lament", "bemoan",
    "agree", "disagree", "object", "protest", "demand", "plead", "beg", "propose", "recommend",
    "speculate", "wonder", "muse", "reflect", "reason", "estimate", "characterize",
    "characterise", "call", "dub", "label", "brand", "term", "quote", "cite", "affirm",
    "assure", "declaim", "proclaim", "pronounce", "specify", "clarify", "elaborate",
    "highlight", "underline", "underscore", "point", "signal", "indicate", "hint", "imply",
    "tout", "hail", "decry", "denounce", "dismiss", "scoff", "sneer", "snap", "growl", "sigh",
    "gush", "rave", "rant", "grumble", "chide", "scold", "rebuke", "caution", "predict",
    "guarantee", "swear", "vow", "share", "text", "email", "message", "broadcast", "publish",
    "echo", "continue", "begin", "interject", "interrupt", "volunteer", "offer", "stammer",
    "stutter", "suppose", "theorize", "acknowledge", "concur", "reaffirm", "recollect",
    "relate", "narrate", "joke",
];

/// Forms a suffix rule would get wrong.
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
    "said", "says", "saying", "told", "tells", "telling", "wrote", "written", "writes",
    "writing", "spoke", "spoken", "speaks", "speaking", "swore", "sworn", "began", "begun",
    "admitted", "admitting", "regretted", "submitted", "committed", "omitted", "shared",
    "snapped", "snapping", "begged", "begging", "chatted", "quipped", "quipping", "texted",
    "cried", "cries", "replied", "replies", "testified", "testifies", "specified", "clarified",
    "implied", "denied", "denies", "objected", "dijo", "afirmó", "declaró", "señaló",
    "explicó", "aseguró", "añadió", "indicó", "agregó", "dice", "afirma", "sagte", "erklärte",
    "dit", "déclare", "affirme", "a déclaré", "a affirmé", "ajouté", "a ajouté", "disse",
    "according",
];

/// Cue words that introduce a speaker only inside a phrase ("according to").
pub const ACCORDING: &str = "according";

/// Verbs that name or label rather than say: their quotes are usually terms.
#[rustfmt::skip]
pub const LABEL_CUES: &[&str] = &[
    "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label",
    "labels", "labeled", "labelled", "brand", "brands", "branded", "term", "terms", "termed",
    "describe", "describes", "described", "describing",
];

fn inflect(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    if let Some(stem) = base.strip_suffix('e') {
        v.push(format!("{base}s"));
        v.push(format!("{base}d"));
        v.push(format!("{stem}ing"));
    } else if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{base}ing"));
    } else {
        let s = if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
            "es"
        } else {
            "s"
        };
        v.push(format!("{base}{s}"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    }
    v
}

/// Inflections too common as other parts of speech to be cues on their own.
#[rustfmt::skip]
const NOT_ALONE: &[&str] = &[
    "point", "points", "text", "offer", "offers", "offering", "continue", "continues",
    "continued", "continuing", "begin", "begins", "began", "begun", "beginning", "share",
    "shares", "charge", "charges", "object", "objects", "state", "states", "term", "terms",
    "reason", "reasons", "quote", "quotes", "report", "reports", "answer", "answers",
    "comment", "comments", "post", "posts", "message", "signal", "signals", "counter",
    "counters", "echo", "cry", "reflect", "relate", "publish", "broadcast", "highlight",
    "highlights", "hail", "cite", "cites", "estimate", "estimates",
];

fn cues() -> HashSet<String> {
    let mut set: HashSet<String> = CUE_BASES.iter().flat_map(|b| inflect(b)).collect();
    set.extend(IRREGULAR.iter().map(|s| s.to_string()));
    for w in NOT_ALONE {
        set.remove(*w);
    }
    set
}

/// Whether a lower-cased word is a verb of saying.
pub fn is_cue(word: &str) -> bool {
    lookup(word) & CUE != 0
}

/// Whether a word, lower-cased, is a verb of saying (`is_cue(&word.to_lowercase())`).
pub fn is_cue_word(word: &str) -> bool {
    has(word, CUE)
}

/// Every answer this module gives about one word, as bits (see [`Flags`]), computed
/// afresh; [`word_flags`] asks the thread's memo first.
fn computed_word_flags(word: &str) -> Flags {
    let b = word.as_bytes();
    // Loading the key reads every byte: whether any is not ASCII comes free. Most words
    // fit in eight bytes, and their key in one register.
    match b.len() {
        1..=8 => {
            let k = le_u64(b);
            if k & HIGH_BITS == 0 {
                return short_ascii_word_flags(b, u128::from(k), u128::from(ascii_lower(k)));
            }
        }
        9..=KEY_BYTES => {
            let (lo, hi) = (le_u64(&b[..8]), le_u64(&b[8..]));
            if (lo | hi) & HIGH_BITS == 0 {
                let k = u128::from(lo) | (u128::from(hi) << 64);
                let lower = u128::from(ascii_lower(lo)) | (u128::from(ascii_lower(hi)) << 64);
                return short_ascii_word_flags(b, k, lower);
            }
        }
        _ => {}
    }
    general_word_flags(word)
}

/// Slots of each thread's memo of [`computed_word_flags`] for short ASCII words: a
/// power of two.
const MEMO_SLOTS: usize = 1024;
const _: () = assert!(MEMO_SLOTS.is_power_of_two());

thread_local! {
    /// The last answers of [`computed_word_flags`] for ASCII words of one to eight bytes, one
    /// per slot, by word and length (an empty slot has length 0, which no word has).
    /// An article names its people and places again and again, and each mention is a
    /// word of its own to be asked about: the memo answers the repeats without the
    /// table's probe and the tests after it.
    static MEMO: [Cell<(u64, u8, Flags)>; MEMO_SLOTS] =
        const { [const { Cell::new((0, 0, Flags(0))) }; MEMO_SLOTS] };
}

/// Every answer this module gives about one word, as bits (see [`Flags`]): from the
/// thread's memo when the word was asked about recently, the same answers (they are a
/// function of the word's bytes alone).
pub fn word_flags(word: &str) -> Flags {
    let b = word.as_bytes();
    if !(1..=8).contains(&b.len()) {
        return computed_word_flags(word);
    }
    let k = le_u64(b);
    if k & HIGH_BITS != 0 {
        return computed_word_flags(word);
    }
    let len = b.len() as u8;
    // The product's top bits pick the slot.
    let slot = ((k ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        >> (64 - MEMO_SLOTS.trailing_zeros())) as usize;
    MEMO.with(|memo| {
        let cell = &memo[slot % MEMO_SLOTS];
        let (key, n, f) = cell.get();
        if key == k && n == len {
            return f;
        }
        let f = short_ascii_word_flags(b, u128::from(k), u128::from(ascii_lower(k)));
        cell.set((k, len, f));
        f
    })
}

/// [`word_flags`] of an ASCII word of 1 to `KEY_BYTES` bytes, keyed `as_written` and
/// `lower`: every answer read from the keys and the word's end bytes, none from its
/// characters.
#[inline(always)]
fn short_ascii_word_flags(b: &[u8], as_written: u128, lower: u128) -> Flags {
    let n = b.len();
    let listed = TABLE.get(lower, n as u8);
    let mut f = Flags(u32::from(listed) | Flags::KNOWN);
    if listed & PARTICLE != 0 && lower == as_written {
        f.0 |= Flags::PARTICLE;
    }
    // "-ly" adverbs of five letters or more.
    let ly = n > 4
        && b[n - 2].eq_ignore_ascii_case(&b'l')
        && b[n - 1].eq_ignore_ascii_case(&b'y')
        && ly_adverb(b, &lower.to_le_bytes()[..n]);
    if listed & AUX != 0 || ly {
        f.0 |= Flags::AUX_OR_ADVERB;
    }
    if b[0].is_ascii_uppercase() {
        f.0 |= Flags::UPPER;
        // "'s" lower-cases from "'S" only; "’s" is not ASCII.
        let possessive = n >= 2 && b[n - 2] == b'\'' && b[n - 1].eq_ignore_ascii_case(&b's');
        if listed & (CANNOT_SPEAK | PLACE) == 0
            && !possessive
            && ascii_letters(lower as u64) + ascii_letters((lower >> 64) as u64) >= 2
            && !(has_hyphen(as_written) && hyphen_before_lower(b))
        {
            f.0 |= Flags::MAY_BE_NAME;
        }
    }
    f
}

/// Whether a word of five letters or more ending in "ly" (`b` as written, `lower` its
/// ASCII lower case) is an adverb: not when capitalised ("Mayor Beverly Kelly said",
/// "Italy said"), nor one of the nouns so spelled ("The family said", "The assembly
/// said", "The daily reported").
fn ly_adverb(b: &[u8], lower: &[u8]) -> bool {
    !b[0].is_ascii_uppercase()
        && !matches!(
            lower,
            b"family"
                | b"assembly"
                | b"supply"
                | b"monopoly"
                | b"oligopoly"
                | b"anomaly"
                | b"homily"
                | b"rally"
                | b"bully"
                | b"belly"
                | b"jelly"
                | b"folly"
                | b"tally"
                | b"gully"
                | b"reply"
                | b"butterfly"
                | b"daily"
                | b"weekly"
                | b"monthly"
                | b"quarterly"
                | b"melancholy"
        )
}

/// Whether a hyphen stands in the key's bytes: a byte of `key ^ '-'` that is zero, found
/// all eight at once and exactly (no borrow crosses a byte).
#[inline]
fn has_hyphen(key: u128) -> bool {
    let zero_byte = |x: u64| {
        let t = x ^ (BYTE_ONES * u64::from(b'-'));
        !(((t & !HIGH_BITS) + !HIGH_BITS) | t) & HIGH_BITS != 0
    };
    zero_byte(key as u64) || zero_byte((key >> 64) as u64)
}

/// A hyphen before a lower-case letter ("Leg-spinner", "Ex-president", "Pro-democracy"):
/// a compound no person's name is, whose parts of a name are capitalised ("Jean-Pierre",
/// "Sanchez-Vicario").
fn hyphen_before_lower(b: &[u8]) -> bool {
    b.windows(2)
        .any(|w| w[0] == b'-' && w[1].is_ascii_lowercase())
}

/// How many bytes of lower-cased ASCII are letters: those in `a..=z`, found all eight
/// at once as in [`ascii_lower`] (padding bytes are 0, no letter).
#[inline]
fn ascii_letters(lower: u64) -> u32 {
    let ge_a = lower + BYTE_ONES * (0x80 - u64::from(b'a'));
    let gt_z = lower + BYTE_ONES * (0x80 - u64::from(b'z') - 1);
    (ge_a & !gt_z & HIGH_BITS).count_ones()
}

/// `TITLE` for an ASCII word too long for the table whose parts between hyphens are each
/// a title ("Lieutenant-General", "Brigadier-General"), else nothing.
fn long_title(b: &[u8]) -> u16 {
    // A title before a name is capitalised.
    let all = b.first().is_some_and(u8::is_ascii_uppercase)
        && b.contains(&b'-')
        && b.split(|&c| c == b'-').all(|part| {
            !part.is_empty()
                && part.len() <= KEY_BYTES
                && TABLE.get(ascii_lower_key(key(part)), part.len() as u8) & TITLE != 0
        });
    if all {
        TITLE
    } else {
        0
    }
}

/// [`word_flags`] of any word, reading its characters. Kept out of line: the short
/// ASCII words that nearly all are need none of its registers.
#[inline(never)]
fn general_word_flags(word: &str) -> Flags {
    let b = word.as_bytes();
    let (listed, lower_case, ly) = if b.is_ascii() {
        let n = b.len();
        // "-ly" adverbs of five letters or more.
        let ly = n > 4
            && b[n - 2].eq_ignore_ascii_case(&b'l')
            && b[n - 1].eq_ignore_ascii_case(&b'y')
            && ly_adverb(b, &b.to_ascii_lowercase());
        if n == 0 || n > KEY_BYTES {
            (long_title(b), !b.iter().any(u8::is_ascii_uppercase), ly)
        } else {
            let as_written = key(b);
            let lower = ascii_lower_key(as_written);
            (TABLE.get(lower, n as u8), lower == as_written, ly)
        }
    } else {
        let lower = word.to_lowercase();
        let ly = lower.ends_with("ly") && lower.len() > 4 && !starts_upper(word);
        // Every particle is ASCII: a word that is not is none.
        (lookup(&lower), false, ly)
    };
    let mut f = Flags(u32::from(listed) | Flags::KNOWN);
    if listed & PARTICLE != 0 && lower_case {
        f.0 |= Flags::PARTICLE;
    }
    if listed & AUX != 0 || ly {
        f.0 |= Flags::AUX_OR_ADVERB;
    }
    if starts_upper(word) {
        f.0 |= Flags::UPPER;
        // "'s" and "’s" lower-case from "'S" and "’S" only.
        if listed & (CANNOT_SPEAK | PLACE) == 0
            && !(word.ends_with("'s") || word.ends_with("'S"))
            && !(word.ends_with("’s") || word.ends_with("’S"))
            && alphabetic_at_least_2(word)
            && !hyphen_before_lower(b)
        {
            f.0 |= Flags::MAY_BE_NAME;
        }
    }
    f
}

/// What [`word_flags`] knows about a word: computed once, asked many times.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags(u32);

impl Flags {
    /// Set once computed (a `Flags` of 0 is "not yet known").
    pub const KNOWN: u32 = 1 << 31;
    const UPPER: u32 = 1 << 16;
    const MAY_BE_NAME: u32 = 1 << 17;
    const AUX_OR_ADVERB: u32 = 1 << 18;
    const PARTICLE: u32 = 1 << 19;
    /// Not the lexicon's: the word is a stretch of a masked-out quote (see
    /// `Word::masked`), a fact known when the word is split, kept here for room.
    const MASKED: u32 = 1 << 20;

    pub fn is_known(self) -> bool {
        self.0 & Self::KNOWN != 0
    }

    /// What is known of a word before the lexicon is asked: whether it starts with an
    /// upper-case letter (as `word_flags` says) and whether it is a masked quote's.
    /// Both are asked of nearly every word, the lexicon only of some.
    pub fn before_lookup(word: &str, masked: bool) -> Flags {
        let mut f = 0;
        if starts_upper(word) {
            f |= Self::UPPER;
        }
        if masked {
            f |= Self::MASKED;
        }
        Flags(f)
    }

    pub fn is_masked(self) -> bool {
        self.0 & Self::MASKED != 0
    }

    /// The lexicon's answers `self`, with what `before` knew that the lexicon does not.
    pub fn keeping_mask_of(self, before: Flags) -> Flags {
        Flags(self.0 | (before.0 & Self::MASKED))
    }

    fn listed(self, f: u16) -> bool {
        self.0 & u32::from(f) != 0
    }

    pub fn is_cue(self) -> bool {
        self.listed(CUE)
    }
    pub fn is_title(self) -> bool {
        self.listed(TITLE)
    }
    /// A title or a person's role: what a name's last such word starts it after.
    pub fn is_title_or_role(self) -> bool {
        self.listed(TITLE | PERSON_ROLE)
    }
    pub fn is_person_role(self) -> bool {
        self.listed(PERSON_ROLE)
    }
    pub fn is_group(self) -> bool {
        self.listed(GROUP)
    }
    pub fn is_determiner(self) -> bool {
        self.listed(DETERMINER)
    }
    pub fn is_preposition(self) -> bool {
        self.listed(PREPOSITION)
    }
    pub fn stops_phrase(self) -> bool {
        self.listed(PHRASE_STOP)
    }
    pub fn is_pronoun(self) -> bool {
        self.listed(PRONOUN)
    }
    /// Starts with an upper-case letter.
    pub fn is_upper(self) -> bool {
        self.0 & Self::UPPER != 0
    }
    pub fn may_be_name(self) -> bool {
        self.0 & Self::MAY_BE_NAME != 0
    }
    pub fn may_speak(self) -> bool {
        self.is_upper() && (self.may_be_name() || self.listed(PLACE)) && !self.listed(CANNOT_SPEAK)
    }
    pub fn is_aux_or_adverb(self) -> bool {
        self.0 & Self::AUX_OR_ADVERB != 0
    }
    pub fn is_particle(self) -> bool {
        self.0 & Self::PARTICLE != 0
    }
    pub fn is_org_head(self) -> bool {
        self.listed(ORG_HEAD)
    }
    /// In the list of places and bodies ("Australia", "U.S.", "Chevron").
    pub fn is_place_or_body(self) -> bool {
        self.listed(PLACE)
    }
    /// A place word that is also a common surname ("Park", "House"): the last word of a
    /// person's name when a given name comes before it.
    pub fn may_end_name(self) -> bool {
        self.is_upper() && self.listed(SURNAME_PLACE)
    }
}

/// Titles and honorifics that stand before a name and are stripped from it.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "vice", "former", "prime", "minister", "senator", "sen.", "rep.",
    "representative", "congressman", "congresswoman", "gov.", "governor", "mayor", "secretary",
    "speaker", "house", "councillor", "councilor", "councilman", "councilwoman", "alderman",
    "assemblyman", "assemblywoman", "chairwoman", "chairman", "chair", "commissioner", "officer",
    "detective", "sheriff", "chief", "judge", "justice", "general", "gen.", "col.", "colonel",
    "lt.", "lieutenant", "sgt.", "sergeant", "capt.", "captain", "dr.", "mr.", "mrs.", "ms.",
    // Ranks of two titles; the longer ones ("Lieutenant-General") are read by their parts.
    "major-general", "rear-admiral", "vice-admiral", "admiral", "brigadier",
    "miss", "prof.", "professor", "rev.", "reverend", "sir", "dame", "lord", "lady", "king",
    "queen", "prince", "princess", "pope", "ambassador", "attorney", "deputy", "acting",
    "spokesman", "spokeswoman", "spokesperson", "strongman", "leader", "venezuelan",
    "american", "u.s.", "us", "state", "foreign", "defense", "defence", "interior",
    // Portfolios, as in "Health Secretary", "Homeland Security Secretary".
    "health", "treasury", "commerce", "education", "energy", "labor", "labour", "transportation",
    "transport", "agriculture", "homeland", "security", "finance", "trade", "home", "culture",
    "environment", "housing", "economy", "petroleum", "oil", "communications", "information",
    "journalist", "reporter", "analyst", "dictator", "director", "admiral", "adm.", "marshal",
    "premier", "chancellor", "ceo", "founder", "coach", "player", "economist", "lawyer",
    "doctor", "nurse", "pastor", "father", "bishop", "cardinal", "rabbi", "imam", "sheikh",
    "emir", "sultan", "senior", "top", "then", "late", "white", "republican", "democratic",
    "democrat", "gop", "spanish", "british", "french", "german", "russian", "chinese",
    "mexican", "colombian", "cuban", "brazilian", "socialist", "opposition", "sen", "rep",
    "gov", "gen", "dr", "mr", "mrs", "ms", "prof",
    // Offices written as one hyphenated word, and more portfolios and ranks.
    "vice-president", "attorney-general", "governor-general", "major-general",
    "vice-chancellor", "vice-premier", "vice-chairman", "treasurer", "shadow", "affairs",
    "science", "immigration", "employment", "tourism", "resources", "relations",
    "industrial", "rear", "inspector", "superintendent", "constable", "associate", "mp",
    "administrator", "firefighter", "businessman", "businessmen", "businesswoman",
];

pub fn is_title(word: &str) -> bool {
    word_flags(word).is_title()
}

/// Nouns that name a person by role: a description made of them may be resolved to a
/// person the article names ("the Venezuelan leader").
#[rustfmt::skip]
const PERSON_ROLES: &[&str] = &[
    "leader", "president", "minister", "official", "spokesman", "spokeswoman", "spokesperson",
    "senator", "governor", "mayor", "chief", "director", "secretary", "chancellor", "premier",
    "king", "queen", "strongman", "dictator", "candidate", "lawmaker", "congressman",
    "congresswoman", "ambassador", "general", "commander", "doctor", "detective", "officer",
    "sheriff", "judge", "lawyer", "attorney", "executive", "ceo", "founder", "chairman", "chairwoman",
    "head", "incumbent", "ruler", "autocrat", "politician", "diplomat", "envoy", "prosecutor",
    "manager", "coach", "owner", "researcher", "scientist", "professor", "economist",
    "analyst", "councillor", "councilor", "commissioner", "captain", "organizer",
    "organiser", "activist", "legislator", "spokesperson", "resident", "chair",
    "negotiator", "mediator", "adviser", "advisor", "aide", "correspondent", "editor",
    "investigator", "inspector", "administrator", "treasurer", "campaigner", "lobbyist",
    "consultant", "surgeon", "physician", "teacher", "firefighter", "historian",
];

/// Nouns that end the name of an organisation ("the Port Authority", "the Steelworkers
/// Union", "the Department of Transportation"): a run of capitalised words ending in one
/// names a body, not a person, and "it" or "the authority" may stand for it later.
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "agency", "authority", "association", "board", "bureau", "center", "centre", "chamber",
    "coalition", "commission", "committee", "company", "corporation", "council", "court",
    "department", "district", "federation", "foundation", "group", "guard", "institute",
    "league", "ministry", "mission", "office", "service", "society", "trust", "union",
    "utility", "alliance", "network", "organization", "organisation", "party", "bank",
    "university", "college", "hospital", "administration", "police", "inc", "inc.", "corp",
    "corp.", "ltd", "ltd.", "command",
];

/// Nouns that end the name of a scheme or a document, not a body: "the Rosabora
/// Floodwater Plan" names no person, but it says nothing either.
#[rustfmt::skip]
const SCHEME_HEADS: &[&str] = &[
    "plan", "project", "program", "programme", "initiative", "agreement",
];

/// Nouns that end the name of a news outlet: "The Veladia Sentinel reported" names a
/// paper, not a person. Organisation heads too, but an outlet that reports is seldom
/// the "it" of a quote.
#[rustfmt::skip]
const OUTLET_HEADS: &[&str] = &[
    "times", "post", "journal", "herald", "tribune", "sentinel", "mirror", "gazette",
    "bulletin", "chronicle", "inquirer", "courier", "telegraph", "observer", "dispatch",
    "examiner", "globe", "register", "advocate", "review", "record", "standard", "express",
    "monitor", "messenger", "star", "reporter", "press", "wire", "daily", "ledger", "beacon",
];

/// Whether a lower-case word ends the name of an organisation that is seldom the "it"
/// of a quote: a news outlet's, or a scheme's.
pub fn is_mute_head(lower: &str) -> bool {
    OUTLET_HEADS.contains(&lower) || SCHEME_HEADS.contains(&lower)
}

/// Nouns that name a group or institution that can speak.
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "officials", "authorities", "police", "sources", "administration", "government",
    "ministry", "department", "spokespeople", "analysts", "experts", "witnesses", "residents",
    "critics", "lawmakers", "prosecutors", "investigators", "officers", "military", "army",
    "pentagon", "agency", "office", "company", "campaign", "regime", "court", "committee",
    "council", "commission", "white house", "kremlin", "statement", "organization",
    "organisation", "group", "coalition", "union", "party", "team", "spokesmen", "observers",
    "diplomats", "leaders", "people", "researchers", "scientists", "doctors", "teachers",
    "workers", "activists", "protesters", "demonstrators", "supporters", "opponents",
    "members", "voters", "citizens", "investors", "inspectors", "economists", "executives",
    "organizers", "organisers", "engineers", "lawyers", "farmers", "parents", "students",
    "nurses", "tenants", "landlords", "drivers", "firefighters", "soldiers", "troops",
    "regulators", "auditors", "officers", "unions", "employees", "staff", "locals",
    "groups", "militants", "rebels",
    // The people of a country, speaking as one: "Afghans posted a letter".
    "afghans", "americans", "australians", "britons", "canadians", "egyptians", "englishmen",
    "europeans", "germans", "indians", "indonesians", "iranians", "iraqis", "israelis",
    "italians", "kurds", "pakistanis", "palestinians", "russians", "syrians", "ukrainians",
    "venezuelans",
];

pub fn is_person_role(word: &str) -> bool {
    word_flags(word).is_person_role()
}

pub fn is_group(word: &str) -> bool {
    word_flags(word).is_group()
}

/// Per byte length of a group noun (ASCII, so at most `KEY_BYTES`), a bit per letter
/// that one of that length starts with.
const GROUP_STARTS: [u32; KEY_BYTES + 1] = {
    let mut t = [0u32; KEY_BYTES + 1];
    let mut k = 0;
    while k < GROUPS.len() {
        let b = GROUPS[k].as_bytes();
        assert!(!b.is_empty() && b.len() <= KEY_BYTES && b[0].is_ascii_lowercase());
        t[b.len()] |= 1 << (b[0] - b'a');
        k += 1;
    }
    t
};

/// False only when `word` cannot be a group noun ([`is_group`]): an ASCII word whose
/// length and first letter no group noun has. A test of two bytes for the many words
/// after a capitalised one that group mentions ask about, most of which are no noun
/// of a group, before the full look-up. Anything else may be one.
pub fn may_be_group(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > KEY_BYTES || !b.is_ascii() {
        return true;
    }
    let first = b[0].to_ascii_lowercase();
    first.is_ascii_lowercase() && GROUP_STARTS[b.len()] & (1 << (first - b'a')) != 0
}

/// Lower-case words that narrow a group noun down ("city officials", "state police").
pub fn is_group_modifier(l: &str) -> bool {
    matches!(
        l,
        "city"
            | "state"
            | "county"
            | "provincial"
            | "federal"
            | "local"
            | "regional"
            | "municipal"
            | "government"
            | "party"
            | "union"
            | "company"
            | "police"
            | "health"
            | "hospital"
            | "school"
            | "election"
            | "military"
            | "security"
            | "court"
    )
}

/// Whether a word, lower-cased, can end an organisation's name ("Agency", "Union").
pub fn is_org_head(word: &str) -> bool {
    word_flags(word).is_org_head()
}

/// Words capitalised only because they start a sentence: never a name, never a speaker.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "of", "for", "and",
    "but", "or", "if", "when", "while", "after", "before", "since", "as", "so", "yet", "still",
    "meanwhile", "however", "it", "its", "he", "she", "they", "we", "i", "his", "her", "their",
    "our", "my", "you", "your", "there", "here", "what", "why", "how", "who", "which", "where",
    "some", "many", "most", "all", "any", "no", "not", "one", "two", "three", "with", "from",
    "by", "to", "into", "about", "over", "under", "several", "another", "both", "each",
    "every", "few", "such", "other", "others", "earlier", "later", "via", "follow",
];

/// Dates and times: capitalised, but nobody.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "new", "year", "year's", "eve", "christmas", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
];

/// Adjectives, titles and the furniture of web pages: capitalised, never a name, never
/// the head of a speaker phrase.
#[rustfmt::skip]
const NOT_HEADS: &[&str] = &[
    "key", "read", "more", "share", "updated", "sources", "timeline", "conclusion", "context",
    "sign", "subscribe", "ok", "yes", "venezuelan", "venezuelans", "american", "americans",
    "european", "spanish", "english", "french", "german", "general", "former", "president",
    "official", "officials", "supreme", "republican", "republicans", "democrat", "democrats",
    "democratic", "trump's", "maduro's", "dr", "mr", "mrs", "ms", "national", "federal",
    "latin", "north", "south", "east", "west", "eastern", "western", "united",
];

/// Places and institutions: never (part of) a person's name, but they may speak
/// ("Chevron said", "Washington has said").
#[rustfmt::skip]
const PLACES_AND_BODIES: &[&str] = &[
    "venezuela", "u.s.", "us", "usa", "u.s.a.", "states", "america", "washington", "caracas",
    "cia", "fbi", "dea", "congress", "senate", "white", "house", "pentagon", "caribbean",
    "pacific", "atlantic", "tv", "state", "government", "administration", "chevron",
    "telegram", "twitter", "facebook", "x", "instagram", "youtube", "tiktok", "europe",
    "china", "russia", "cuba", "colombia", "mexico", "brazil", "iran", "israel", "ukraine",
    "gaza", "uk", "britain", "london", "paris", "moscow", "beijing", "un", "nato", "eu",
    "opec", "reuters", "ap", "afp", "fox", "news", "newsweek", "cnn", "bbc", "police",
    "department", "ministry", "court", "gop", "biden", "god", "internet", "airport", "city",
    "county", "street", "avenue", "river", "sea", "coast", "island", "military", "army",
    "navy", "force", "forces", "corporation", "inc", "inc.", "corp", "tren", "aragua", "de",
    "la", "del", "los", "las", "el", "festival", "university", "college", "school", "hospital",
    "church", "party", "times", "post", "journal", "herald", "tribune", "press", "agency",
    "bank", "fund", "group", "institute", "center", "centre", "foundation", "association",
    "council", "committee", "commission", "club", "league", "hotel", "restaurant", "shop",
    "store", "mall", "park", "bridge", "station", "port", "robot", "fest", "utah", "texas",
    "florida", "california", "province", "region", "falls", "valley", "heights", "springs",
    "bay", "harbor", "harbour", "beach", "hills", "creek", "village", "town", "township",
    "territory", "republic", "kingdom",
    // Countries and continents, less those that are as often a person's first name
    // (Jordan, Georgia, Chad, India, Kenya): "Australia said" is no person to complete.
    "afghanistan", "africa", "albania", "algeria", "angola", "argentina", "armenia", "asia",
    "australia", "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium",
    "bolivia", "bosnia", "bulgaria", "burma", "cambodia", "cameroon", "canada", "chile",
    "congo", "croatia", "cyprus", "czechia", "denmark", "ecuador", "egypt", "eritrea",
    "estonia", "ethiopia", "fiji", "finland", "france", "germany", "ghana", "greece",
    "guatemala", "haiti", "honduras", "hungary", "iceland", "indonesia", "iraq", "ireland",
    "italy", "japan", "kazakhstan", "korea", "kosovo", "kuwait", "laos", "latvia", "lebanon",
    "libya", "lithuania", "malaysia", "mali", "mongolia", "morocco", "mozambique", "myanmar",
    "namibia", "nepal", "netherlands", "nicaragua", "niger", "nigeria", "norway", "oman",
    "pakistan", "palestine", "panama", "paraguay", "peru", "philippines", "poland",
    "portugal", "qatar", "romania", "rwanda", "serbia", "singapore", "slovakia", "slovenia",
    "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan", "tajikistan",
    "tanzania", "thailand", "tunisia", "turkey", "turkmenistan", "uganda", "uruguay",
    "uzbekistan", "vietnam", "yemen", "zambia", "zealand", "zimbabwe",
];

/// Place words that are also common surnames: "said Carmen Park" is a person.
#[rustfmt::skip]
const SURNAME_PLACES: &[&str] = &["park", "house", "church", "bay", "bridge", "street", "ireland"];

/// Whether a capitalised word can be part of a person's name.
pub fn may_be_name(word: &str) -> bool {
    word_flags(word).may_be_name()
}

/// Whether a capitalised word can head a speaker phrase: a name, a place or an
/// institution standing for the people in it ("Chevron said", "the White House said").
pub fn may_speak(word: &str) -> bool {
    word_flags(word).may_speak()
}

/// Name particles that may stand lower-case inside a name (Ludwig van Beethoven).
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

#[rustfmt::skip]
const PARTICLES: &[&str] = &["van", "von", "de", "da", "del", "della", "di", "du", "le", "bin", "al"];

/// Determiners that can open a description ("the clown", "a homeless man").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "one",
    "another", "several", "two", "three", "some", "many",
];

/// Prepositions: a name right after one is the object of the clause, not its subject.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "than",
    "against", "toward", "towards", "like", "after", "before", "without", "between",
];

/// Words that end a noun phrase when reading it backwards or forwards.
#[rustfmt::skip]
const PHRASE_STOPS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "that", "who",
    "which", "whom", "whose", "where", "when", "while", "and", "but", "or", "as", "than",
    "into", "during", "after", "before", "because", "if", "is", "was", "are", "were", "has",
    "have", "had", "be", "been", "will", "would", "could", "should", "may", "might", "can",
    "not", "also", "only", "even", "then", "there", "here", "said", "says", "so", "yet",
];

/// Words that may stand between a subject and its verb of saying ("Maduro has also said").
#[rustfmt::skip]
const AUX_OR_ADVERBS: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "also", "reportedly", "later", "then",
    "once", "again", "previously", "recently", "repeatedly", "earlier", "would", "will",
    "could", "did", "does", "do", "long", "simply", "only", "further", "often",
    "frequently", "publicly", "privately", "first", "just", "already", "still", "never",
    "not", "clearly", "flatly", "bluntly", "angrily", "calmly", "quietly", "loudly",
    "openly", "famously", "once,", "had,", "has,", "allegedly", "apparently", "himself",
    "herself",
];

/// Pronouns that can be a speaker.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we",
];

/// Determiners that can open a description ("the clown", "a homeless man").
pub fn is_determiner(word: &str) -> bool {
    word_flags(word).is_determiner()
}

/// Prepositions: a name right after one is the object of the clause, not its subject.
pub fn is_preposition(word: &str) -> bool {
    word_flags(word).is_preposition()
}

/// Words that end a noun phrase when reading it backwards or forwards.
pub fn stops_phrase(word: &str) -> bool {
    word_flags(word).stops_phrase()
}

/// Words that may stand between a subject and its verb of saying ("Maduro has also said").
pub fn is_aux_or_adverb(word: &str) -> bool {
    word_flags(word).is_aux_or_adverb()
}

/// Pronouns that can be a speaker.
pub fn is_pronoun(word: &str) -> bool {
    word_flags(word).is_pronoun()
}

// Every list above in one table from a lower-case word to the lists that hold it, so
// that a word is looked up once per question, not compared with each list entry.
const CUE: u16 = 1;
const TITLE: u16 = 1 << 1;
const PERSON_ROLE: u16 = 1 << 2;
const GROUP: u16 = 1 << 3;
const FUNCTION: u16 = 1 << 4;
const TIME: u16 = 1 << 5;
const NOT_HEAD: u16 = 1 << 6;
const PLACE: u16 = 1 << 7;
const DETERMINER: u16 = 1 << 8;
const PREPOSITION: u16 = 1 << 9;
const PHRASE_STOP: u16 = 1 << 10;
const AUX: u16 = 1 << 11;
const PRONOUN: u16 = 1 << 12;
/// In `PARTICLES` once lower-cased (a particle itself only if written so).
const PARTICLE: u16 = 1 << 13;
const ORG_HEAD: u16 = 1 << 14;
const SURNAME_PLACE: u16 = 1 << 15;
const CANNOT_SPEAK: u16 = FUNCTION | TIME | NOT_HEAD;

/// Longest ASCII word lower-cased on the stack; longer ones are lower-cased on the heap.
const STACK_WORD: usize = 32;
/// Longest entry of any list, in bytes: entries are keyed by their bytes in a `u128`.
const KEY_BYTES: usize = 16;

/// An open-addressing table from an entry's bytes (zero-padded to 16, with its length,
/// so that a word holding NUL bytes cannot collide) to the lists that hold it. A
/// lookup is one multiply and, as a rule, one probe of a small array of tags (which
/// stays in the first-level cache): the slot, key and lists together, is read only on
/// a tag match.
struct Table {
    /// Per slot: 0 when empty, else a few bits of the entry's hash (never 0).
    tags: Box<[u16; TABLE_SLOTS]>,
    slots: Box<[Slot; TABLE_SLOTS]>,
}

/// Slots of the table: a power of two, at least twice the entries (asserted when it is
/// built). Fixed, so that a probe's index needs no bounds check and its mask no load.
const TABLE_SLOTS: usize = 4096;
const TABLE_MASK: usize = TABLE_SLOTS - 1;

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u128,
    len: u8,
    flags: u16,
}

/// Up to `KEY_BYTES` bytes as a little-endian `u128`, zero-padded.
#[inline]
fn key(bytes: &[u8]) -> u128 {
    let n = bytes.len().min(KEY_BYTES);
    if n > 8 {
        u128::from(le_u64(&bytes[..8])) | (u128::from(le_u64(&bytes[8..n])) << 64)
    } else {
        u128::from(le_u64(&bytes[..n]))
    }
}

/// A short ASCII string as its bytes in a `u128` with its length: a key that hashes
/// and compares without touching the string again (None for other strings).
pub(crate) fn ascii_key(s: &str) -> Option<(u128, u8)> {
    let b = s.as_bytes();
    (b.len() <= KEY_BYTES && b.is_ascii()).then(|| (key(b), b.len() as u8))
}

/// Up to 8 bytes as a little-endian `u64`, zero-padded: two overlapping loads.
#[inline]
fn le_u64(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        u64::from_le_bytes(b[..8].try_into().expect("8 bytes"))
    } else if n >= 4 {
        let lo = u32::from_le_bytes(b[..4].try_into().expect("4 bytes"));
        let hi = u32::from_le_bytes(b[n - 4..n].try_into().expect("4 bytes"));
        u64::from(lo) | (u64::from(hi) << (8 * (n - 4)))
    } else if n >= 2 {
        let lo = u16::from_le_bytes(b[..2].try_into().expect("2 bytes"));
        let hi = u16::from_le_bytes(b[n - 2..n].try_into().expect("2 bytes"));
        u64::from(lo) | (u64::from(hi) << (8 * (n - 2)))
    } else if n == 1 {
        u64::from(b[0])
    } else {
        0
    }
}

/// A one in every byte of eight.
const BYTE_ONES: u64 = u64::MAX / 0xFF;
/// The high bit of every byte of eight.
const HIGH_BITS: u64 = BYTE_ONES * 0x80;

/// The key of ASCII bytes, lower-cased, one half at a time (see [`ascii_lower`]).
#[inline]
pub(crate) fn ascii_lower_key(k: u128) -> u128 {
    u128::from(ascii_lower(k as u64)) | (u128::from(ascii_lower((k >> 64) as u64)) << 64)
}

/// Eight ASCII bytes, lower-cased: 0x20 added to every byte in `A..=Z`, all eight at
/// once (no byte is 0x80 or more, so no addition carries into the next).
#[inline]
fn ascii_lower(k: u64) -> u64 {
    let ge_a = k + BYTE_ONES * (0x80 - u64::from(b'A'));
    let gt_z = k + BYTE_ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !gt_z & HIGH_BITS;
    k | (upper >> 2)
}

/// A key's hash: its slot from the low bits, its tag from the high ones. Most words
/// fit in the low half of the key; one multiply of both halves folded mixes every
/// byte into the high bits, and the shift brings them down to the slot's.
#[inline]
fn hash(key: u128, len: u8) -> u64 {
    let lo = key as u64;
    let hi = (key >> 64) as u64;
    let z = (lo ^ hi.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31) ^ u64::from(len))
        .wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^ (z >> 29)
}

#[inline]
fn tag(h: u64) -> u16 {
    ((h >> 48) as u16) | 1
}

impl Table {
    fn build() -> Table {
        let mut entries: Vec<(String, u16)> = cues().into_iter().map(|w| (w, CUE)).collect();
        let lists: [(&[&str], u16); 17] = [
            (TITLES, TITLE),
            (PERSON_ROLES, PERSON_ROLE),
            (GROUPS, GROUP),
            (FUNCTION_WORDS, FUNCTION),
            (TIME_WORDS, TIME),
            (NOT_HEADS, NOT_HEAD),
            (PLACES_AND_BODIES, PLACE),
            (DETERMINERS, DETERMINER),
            (PREPOSITIONS, PREPOSITION),
            (PHRASE_STOPS, PHRASE_STOP),
            (AUX_OR_ADVERBS, AUX),
            (PRONOUNS, PRONOUN),
            (PARTICLES, PARTICLE),
            (ORG_HEADS, ORG_HEAD),
            (OUTLET_HEADS, ORG_HEAD),
            (SCHEME_HEADS, ORG_HEAD),
            (SURNAME_PLACES, SURNAME_PLACE),
        ];
        for (list, f) in lists {
            entries.extend(list.iter().map(|w| (w.to_string(), f)));
        }
        assert!(
            entries.len() * 2 <= TABLE_SLOTS,
            "{} lexicon entries need a larger table",
            entries.len()
        );
        let mut t = Table {
            tags: Box::new([0; TABLE_SLOTS]),
            slots: Box::new([Slot::default(); TABLE_SLOTS]),
        };
        for (w, f) in entries {
            let b = w.as_bytes();
            assert!(
                !b.is_empty() && b.len() <= KEY_BYTES,
                "lexicon entry {w:?} must be 1 to {KEY_BYTES} bytes"
            );
            let (k, len) = (key(b), b.len() as u8);
            let h = hash(k, len);
            let mut i = h as usize & TABLE_MASK;
            while t.tags[i] != 0 && (t.slots[i].key, t.slots[i].len) != (k, len) {
                i = (i + 1) & TABLE_MASK;
            }
            t.tags[i] = tag(h);
            let slot = &mut t.slots[i];
            (slot.key, slot.len) = (k, len);
            slot.flags |= f;
        }
        t
    }

    /// The lists that hold exactly the key's bytes.
    #[inline]
    fn get(&self, k: u128, len: u8) -> u16 {
        let h = hash(k, len);
        let want = tag(h);
        let mut i = h as usize & TABLE_MASK;
        loop {
            let t = self.tags[i];
            if t == 0 {
                return 0;
            }
            let slot = &self.slots[i];
            if t == want && slot.key == k && slot.len == len {
                return slot.flags;
            }
            i = (i + 1) & TABLE_MASK;
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(Table::build);

/// The lists that hold `lower` exactly as given.
fn lookup(lower: &str) -> u16 {
    let b = lower.as_bytes();
    if b.is_empty() || b.len() > KEY_BYTES {
        return 0;
    }
    TABLE.get(key(b), b.len() as u8)
}

/// The lists that hold `word` lower-cased.
fn flags(word: &str) -> u16 {
    let b = word.as_bytes();
    if b.is_ascii() {
        if b.is_empty() || b.len() > KEY_BYTES {
            return 0;
        }
        TABLE.get(ascii_lower_key(key(b)), b.len() as u8)
    } else {
        lookup(&word.to_lowercase())
    }
}

fn has(word: &str, f: u16) -> bool {
    flags(word) & f != 0
}

/// Calls `f` with `word.to_lowercase()`, lower-casing short ASCII words on the stack
/// (for ASCII, `to_lowercase` is `to_ascii_lowercase`).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = word.as_bytes();
    if b.len() <= STACK_WORD && b.is_ascii() {
        let mut buf = [0u8; STACK_WORD];
        let lower = &mut buf[..b.len()];
        lower.copy_from_slice(b);
        lower.make_ascii_lowercase();
        // SAFETY: `lower` is ASCII: copied from `b`, which is, and lower-casing maps
        // ASCII to ASCII. ASCII is UTF-8; validating it again cost more than the rest
        // of the call (`with_lower_is_to_lowercase` pins the result).
        f(unsafe { std::str::from_utf8_unchecked(lower) })
    } else {
        f(&word.to_lowercase())
    }
}

/// `word.to_lowercase() == lower`, without allocating for ASCII words.
pub fn lower_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.len() == lower.len() && word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// At least two alphabetic characters.
fn alphabetic_at_least_2(word: &str) -> bool {
    let mut n = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            n += 1;
            if n >= 2 {
                return true;
            }
        }
    }
    false
}
#[cfg(test)]
mod tests {
    use super::*;

    /// The memo answers as the function does, for words asked once, again, and after
    /// others that took their slot: made-up words of every short length and case, and
    /// every listed word.
    #[test]
    fn the_memo_answers_as_the_lexicon_does() {
        let mut words: Vec<String> =
            crate::quotes::words_over(&["a", "Ly", "s", "'S", "-", "é", "Q", "\0"]);
        for list in [
            GROUPS,
            TITLES,
            PERSON_ROLES,
            FUNCTION_WORDS,
            AUX_OR_ADVERBS,
            PARTICLES,
        ] {
            for w in list {
                words.push(w.to_string());
                words.push(w.to_uppercase());
            }
        }
        for round in 0..3 {
            for w in words.iter().rev().skip(round) {
                assert_eq!(word_flags(w), computed_word_flags(w), "{w:?}");
            }
        }
    }

    /// Every word the lexicon reads as a group noun passes the two-byte test: the group
    /// nouns in every case, and every listed word and short made-up word besides.
    #[test]
    fn the_group_test_lets_every_group_noun_through() {
        let mut words: Vec<String> = crate::quotes::words_over(&["o", "P", "s", "-", "é", "K"]);
        for list in [GROUPS, TITLES, PERSON_ROLES, FUNCTION_WORDS, ORG_HEADS] {
            for w in list {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                let mut cs = w.chars();
                if let Some(c) = cs.next() {
                    words.push(c.to_uppercase().chain(cs).collect());
                }
            }
        }
        // The Kelvin sign lower-cases to an ASCII 'k': such a word is judged in full.
        words.push("spo\u{212A}espeople".to_string());
        for w in &words {
            assert!(!is_group(w) || may_be_group(w), "{w:?}");
        }
        assert!(!may_be_group("said") && !may_be_group("the") && may_be_group("police"));
    }

    #[test]
    fn hyphens_are_found_in_keys_as_in_bytes() {
        let mut words: Vec<String> = crate::quotes::words_over(&["-", "a", "Z", ",", "\x7f"]);
        words.extend(
            [
                "Leg-spinner",
                "Jean-Pierre",
                "Sanchez-Vicario",
                "Attorney-General",
            ]
            .map(String::from),
        );
        words.push("abcdefgh-ijklmno".into());
        words.push("abcdefg-hijklmno".into());
        for w in words {
            let b = w.as_bytes();
            assert_eq!(has_hyphen(key(b)), b.contains(&b'-'), "{w:?}");
        }
    }

    #[test]
    fn a_compound_with_a_lower_case_part_is_no_name() {
        for (w, name) in [
            ("Leg-spinner", false),
            ("Ex-president", false),
            ("Jean-Pierre", true),
            ("Sanchez-Vicario", true),
            ("Ex-présidente", false),
            ("Müller-Lüdenscheidt", true),
        ] {
            assert_eq!(word_flags(w).may_be_name(), name, "{w}");
        }
    }

    #[test]
    fn keys_are_the_zero_padded_bytes() {
        let text = b"abcdefghijklmnopq";
        for n in 0..=KEY_BYTES {
            let mut buf = [0u8; KEY_BYTES];
            buf[..n].copy_from_slice(&text[..n]);
            assert_eq!(key(&text[..n]), u128::from_le_bytes(buf), "{n}");
        }
    }

    #[test]
    fn keys_lower_case_like_the_standard_library() {
        for b in 0u8..0x80 {
            for pos in [0, 7, 15] {
                let mut w = *b"Ab1-zZ@[`{mixedQ";
                w[pos] = b;
                let mut lower = w;
                lower.make_ascii_lowercase();
                assert_eq!(ascii_lower_key(key(&w)), key(&lower), "{b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn word_flags_agree_with_the_lists() {
        for w in [
            "Maduro",
            "MADURO",
            "said",
            "Said",
            "Officials",
            "van",
            "Van",
            "de",
            "quickly",
        ] {
            let f = word_flags(w);
            let lower = w.to_lowercase();
            assert_eq!(f.is_cue(), is_cue(&lower), "{w}");
            assert_eq!(f.is_group(), GROUPS.contains(&lower.as_str()), "{w}");
            assert_eq!(f.is_particle(), PARTICLES.contains(&w), "{w}");
            assert_eq!(
                f.may_be_name(),
                w.chars().next().is_some_and(char::is_uppercase)
                    && !FUNCTION_WORDS.contains(&lower.as_str())
                    && !TIME_WORDS.contains(&lower.as_str())
                    && !NOT_HEADS.contains(&lower.as_str())
                    && !PLACES_AND_BODIES.contains(&lower.as_str())
                    && !lower.ends_with("'s")
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 2,
                "{w}"
            );
        }
        assert!(word_flags("quickly").is_aux_or_adverb());
        assert!(!word_flags("fly").is_aux_or_adverb());
        // Capitalised words and nouns so spelled are no "-ly" adverbs.
        for w in [
            "Kelly", "Beverly", "Donnelly", "KELLY", "family", "Assembly", "daily",
        ] {
            assert!(!word_flags(w).is_aux_or_adverb(), "{w}");
        }
    }

    #[test]
    fn short_ascii_words_are_flagged_as_any_word() {
        let mut words: Vec<String> = [
            "Maduro",
            "MADURO",
            "said",
            "Said",
            "SAID",
            "Officials",
            "van",
            "Van",
            "VAN",
            "de",
            "De",
            "quickly",
            "Quickly",
            "fly",
            "ly",
            "Holy",
            "Ly",
            "x",
            "X",
            "I",
            "A",
            "a",
            "QQ",
            "Q",
            "O'Brien",
            "Park",
            "park",
            "House",
            "Times",
            "Monday",
            "Mr.",
            "U.S.",
            "Dr",
            "McDonald's",
            "Trump's",
            "TRUMP'S",
            "A's",
            "'s",
            "'S",
            "A1",
            "B2B",
            "1st",
            "12345",
            "Jean-Luc",
            "Abcdefghijklmnop",
            "Abcdefghijklmnopq",
            "reportedly",
            "Reportedly",
            "had,",
            "Once,",
            "a'",
            "\u{0}",
            "A\u{0}",
            "Z'z",
            "[a]",
            "@Aa",
            "Ab",
            "Zz",
            "Az",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        // Every listed entry, as written, capitalised and upper-cased.
        for slot in TABLE.slots.iter().filter(|s| s.len != 0) {
            let bytes = slot.key.to_le_bytes();
            let w = String::from_utf8(bytes[..usize::from(slot.len)].to_vec()).unwrap();
            let mut cs = w.chars();
            let cap: String = cs
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(cs)
                .collect();
            words.extend([w.to_ascii_uppercase(), cap, w]);
        }
        for b in 0u8..0x80 {
            for w in ["", "a", "Ab", "Abcdefghijklmno"] {
                words.push(format!("{w}{}", char::from(b)));
                words.push(format!("{}{w}", char::from(b)));
            }
        }
        for w in &words {
            assert_eq!(word_flags(w), general_word_flags(w), "{w:?}");
        }
    }

    #[test]
    fn with_lower_is_to_lowercase() {
        let mut words: Vec<String> = [
            "",
            "A",
            "Said",
            "U.S.",
            "MixedCASE-Word_1",
            "İstanbul",
            "ΣΑΣ",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for n in [STACK_WORD - 1, STACK_WORD, STACK_WORD + 1] {
            words.push("AbC".repeat(n)[..n].to_string());
        }
        for b in 0u8..0x80 {
            words.push(format!("X{}y", char::from(b)));
        }
        for w in &words {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn lexicon_is_large_and_inflected() {
        let bases: HashSet<&str> = CUE_BASES.iter().copied().collect();
        assert!(bases.len() >= 100, "{} cue verbs", bases.len());
        for w in [
            "said",
            "told",
            "declared",
            "insists",
            "conceded",
            "tweeted",
            "stating",
            "replied",
            "emphasized",
            "noted",
            "added",
            "dijo",
            "afirmó",
            "warns",
        ] {
            assert!(is_cue(w), "{w}");
        }
        for w in ["points", "offering", "the", "state"] {
            assert!(!is_cue(w), "{w}");
        }
    }
}

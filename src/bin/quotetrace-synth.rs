//! `quotetrace-synth`: writes a synthetic news corpus whose truth is known, so that every
//! stage of quotetrace (quote extraction, speakers, variant clustering, drift audit,
//! provenance) can be scored instead of eyeballed. It shares no code with the library on
//! purpose: a generator built on the library's own notions would share its blind spots.
//!
//! ```text
//! quotetrace-synth --articles N --seed S --out DIR [--force]
//! ```
//!
//! The same N and S give byte-identical output whatever the number of threads
//! (`RAYON_NUM_THREADS`). Written (all UTF-8):
//!
//! * `DIR/articles/<id>.txt`: the title on the first line, a blank line, then paragraphs
//!   separated by blank lines. Ids are `a` and a zero-padded number (6 digits or more),
//!   shuffled so that neither id order nor file order gives the stories away.
//! * `DIR/manifest.json`: `{"articles":[{"id","file","outlet","title","date","byline",
//!   "url","cites":[{"outlet","url","how"}]}]}`, sorted by id, an entry a line; `file` is
//!   relative to DIR. The metadata as the article itself states it: `date` (YYYY-MM-DD)
//!   null when the text shows none, `byline` null when unsigned, `url` null unless the
//!   text prints its own link; `cites` are the other outlets the text names as sources.
//!   `DIR/articles/manifest.json` is the same with bare file names, for tools that look
//!   for a manifest in the articles' own folder.
//! * `DIR/truth.json`: `{"seed","articles","quotes":[..],"edges":[..],"facts":[..],
//!   "utterances":[..],"stories":[..]}`, an element a line; see [`QuoteRow`], [`EdgeRow`],
//!   [`FactRow`], [`UtteranceRow`] and [`StoryRow`].
//!
//! The newsroom modelled: stories (10 to 40 articles each) with 2 to 4 speakers (people
//! with titles, organisations) and their original statements; 1 to 3 first-hand reports
//! quoting them verbatim (one often by a wire service); wire reprints; rewrites that copy
//! and edit an earlier article of the story (sometimes two), mutate quotes, drift
//! numbers, and cite the source or not; aggregators with numbered source lists; sources
//! outside the corpus; per-outlet quote styles, date formats, bylines and boilerplate.
//!
//! Memory holds one batch of stories at a time (the manifest rows are kept to sort them
//! by id); article text is written as it is made.

use clap::Parser;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use lex::{capitalize, plural, third, title_case};
use rng::Rng;

/// Generate a synthetic news corpus with known quote provenance.
#[derive(Parser, Debug)]
#[command(name = "quotetrace-synth")]
struct Args {
    /// Number of articles to write.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// Seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Output folder (created when missing).
    #[arg(long)]
    out: PathBuf,
    /// Replace the articles an earlier run left in DIR/articles.
    #[arg(long)]
    force: bool,
}

fn main() {
    let args = Args::parse();
    let started = std::time::Instant::now();
    match generate(&args.out, args.articles, args.seed, args.force) {
        Ok(s) => eprintln!(
            "quotetrace-synth: {} articles in {} stories, {} quotes, {:.1} MB of text in {:.1} s -> {}",
            s.articles,
            s.stories,
            s.quotes,
            s.bytes as f64 / 1e6,
            started.elapsed().as_secs_f64(),
            args.out.display()
        ),
        Err(e) => {
            eprintln!("quotetrace-synth: {e}");
            std::process::exit(1);
        }
    }
}

/// Stream labels: each part of the generator draws from its own stream, so adding a draw
/// in one part does not reshuffle the others.
const L_LAYOUT: u64 = 1;
const L_OUTLETS: u64 = 2;
const L_STORY: u64 = 3;
const L_DESK: u64 = 4;
const L_RENDER: u64 = 5;

/// Stories generated (in parallel) before their rows are written out: bounds memory.
const BATCH: usize = 96;

// ------------------------------------------------------------------------------- rng

mod rng {
    /// SplitMix64 finaliser: a good 64-bit mixer, used both as the generator's step and to
    /// derive independent streams from (seed, label, index).
    pub fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// SplitMix64: tiny and fast; statistical quality is ample for test data. Each story
    /// gets its own stream, which is what makes the parallel output deterministic.
    #[derive(Clone, Debug)]
    pub struct Rng(u64);

    impl Rng {
        pub fn stream(seed: u64, label: u64, index: u64) -> Rng {
            let key = mix(label.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ mix(index ^ 0x5bd1_e995));
            Rng(mix(seed ^ 0x243f_6a88_85a3_08d3) ^ key)
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            mix(self.0)
        }

        /// Uniform in `0..n` (multiply-shift: no modulo bias worth the name).
        pub fn below(&mut self, n: usize) -> usize {
            assert!(n > 0, "below(0)");
            ((self.next_u64() as u128 * n as u128) >> 64) as usize
        }

        /// Uniform in `lo..=hi`.
        pub fn range(&mut self, lo: usize, hi: usize) -> usize {
            lo + self.below(hi.saturating_sub(lo) + 1)
        }

        pub fn unit(&mut self) -> f64 {
            (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
        }

        pub fn chance(&mut self, p: f64) -> bool {
            self.unit() < p
        }

        pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
            &xs[self.below(xs.len())]
        }

        /// `pick` for small `Copy` items such as `&str`, by value.
        pub fn pick_copy<T: Copy>(&mut self, xs: &[T]) -> T {
            xs[self.below(xs.len())]
        }

        pub fn weighted(&mut self, weights: &[u32]) -> usize {
            let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
            let mut x = (self.unit() * total as f64) as u64;
            for (i, &w) in weights.iter().enumerate() {
                if x < u64::from(w) {
                    return i;
                }
                x -= u64::from(w);
            }
            weights.len() - 1
        }

        pub fn shuffle<T>(&mut self, xs: &mut [T]) {
            for i in (1..xs.len()).rev() {
                let j = self.below(i + 1);
                xs.swap(i, j);
            }
        }

        /// `k` distinct items of `xs`, in random order.
        pub fn sample<T: Copy>(&mut self, xs: &[T], k: usize) -> Vec<T> {
            let mut v = xs.to_vec();
            let k = k.min(v.len());
            for i in 0..k {
                let j = i + self.below(v.len() - i);
                v.swap(i, j);
            }
            v.truncate(k);
            v
        }
    }
}

// ------------------------------------------------------------------------------- lex

/// Word lists and English inflection. Lists are large, and each story draws its own
/// subset plus invented place and organisation names, so that two stories rarely share
/// a run of more than a few words.
mod lex {
    use std::collections::HashMap;
    use std::sync::LazyLock;

    pub fn list(s: &'static str) -> Vec<&'static str> {
        s.split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect()
    }

    macro_rules! words {
        ($name:ident, $text:expr) => {
            pub static $name: LazyLock<Vec<&'static str>> = LazyLock::new(|| list($text));
        };
    }

    words!(FEMALE, "Maria, Amara, Sofia, Elena, Grace, Nadia, Priya, Leila, Hannah, Chloe, Ingrid, Yuki, Fatima, Rosa, Claire, Mei, Aisha, Julia, Irene, Tamar, Olga, Beatriz, Nkechi, Sara, Helena, Lucia, Marta, Anika, Eva, Zainab, Catherine, Monique, Diana, Teresa, Lena, Ruth, Esther, Naomi, Carmen, Ivana, Keiko, Ana, Isabel, Margaret, Joanna, Patricia, Renee, Simone, Aaliyah, Bianca, Dolores, Farah, Gloria, Hiroko, Imani, Jasmine, Kerstin, Lorena, Mariam, Noor, Odile, Paula, Rania, Sunita, Thandiwe, Ursula, Valeria, Wanjiru, Ximena, Yasmin, Zofia, Adaeze, Brigitte, Consuelo, Daniela, Emilia, Freya, Giulia, Hana, Charlotte");
    words!(MALE, "David, Samuel, Tomas, Kwame, Rafael, Daniel, Ahmed, Lucas, Marco, Jonas, Viktor, Omar, Hiroshi, Carlos, Felix, Arjun, Mateo, Pierre, Ibrahim, Nikolai, Stefan, Patrick, Emeka, Andres, Benjamin, Chidi, Dmitri, Elias, Farid, Gabriel, Hassan, Ivan, Jorge, Kenji, Lars, Miguel, Nathan, Oscar, Pablo, Rashid, Sergei, Thomas, Umar, Vikram, Walter, Xavier, Yusuf, Zoran, Alejandro, Bruno, Cedric, Diego, Edgar, Fernando, Gustavo, Henrik, Idris, Julian, Karim, Leon, Martin, Nils, Oluwaseun, Paolo, Raul, Simon, Tariq, Ulrich, Vincent, Wei, Yannick, Anton, Bastian, Cyril, Dario, Enzo, Florian, Gideon, Hamid, Joaquin");
    words!(SURNAMES, "Okafor, Reynolds, Alvarez, Nakamura, Lindqvist, Mensah, Castillo, Petrov, Haddad, Osei, Kowalski, Moreau, Brennan, Adeyemi, Sato, Fischer, Romero, Quinn, Delgado, Haugen, Novak, Farouk, Ibarra, Jensen, Kariuki, Laurent, Nair, Ortega, Pellegrini, Rahman, Silva, Tanaka, Umarov, Vasquez, Whitfield, Yilmaz, Zeller, Abernathy, Bakker, Chaudhry, Dubois, Eriksen, Fontaine, Gallagher, Hoffmann, Iwu, Jovanovic, Kaplan, Lombardi, Marchetti, Ndiaye, O'Connell, Park, Rossi, Santos, Thornton, Valdez, Wagner, Xu, Yamamoto, Zamora, Achterberg, Bianchi, Carvalho, Draper, Ekwueme, Ferreira, Gonzaga, Halvorsen, Ishikawa, Janssen, Kruger, Lachance, Mwangi, Nilsen, Okonkwo, Popescu, Rasmussen, Sorensen, Takahashi, Urquhart, Vogel, Whitaker, Yoshida, Ziegler, Ambrose, Bertrand, Coleman, Dimitrov, Esposito, Fitzgerald, Hargreaves, Jaramillo, Kessler, Lindgren, Montoya, Navarro, Oyelaran, Pacheco, Rinaldi, Salazar, Toivonen, Underwood, Villanueva, Westbrook, Yeboah, Zubiri, Asante, Beaumont, Cardenas, Donnelly, Espinoza, Falk, Gutierrez, Holloway, Ilunga, Jablonski, Kimura, Lozano, Mahlangu, Nwosu, Oduya, Prescott, Quiroga, Ramsay, Strand, Trujillo, Ueda, Voss, Wilkins, Yadav, Zapata, Abara, Blackwood, Cisse, Drummond, Eze, Forsyth, Gallo, Hakimi, Ingram, Juarez, Kovac, Lyons, Mendoza, Nakagawa, Obi, Pruitt, Renner, Soto, Tembo, Ulloa, Varga, Waweru, Yates, Zimmer");
    words!(SUR_A, "Ash, Bel, Cor, Dal, Ell, Fen, Gar, Hal, Ivers, Kell, Lang, Mar, Nor, Ost, Pem, Rad, Sel, Tor, Vane, Wex, Brad, Carr, Dun, Fair, Holl, Kirk, Lind, Mel, Stan, Thorn");
    words!(SUR_B, "ford, wood, by, ton, field, worth, well, more, dale, ridge, stone, brook, son, ley, wick, holm, gate, mere, combe, shaw, croft, ham, vale, bury");
    words!(ONSET, "Vel, Ost, Car, Bren, Hal, Mor, Tal, Ker, Lun, Sav, Dor, Ard, Bel, Cas, Fen, Gor, Iss, Jar, Kal, Mar, Nev, Orr, Pell, Quen, Ros, Sil, Tor, Ul, Var, Wel");
    words!(
        MID,
        "a, e, i, o, an, en, ar, or, il, el, am, om, ess, ad, ur, io, ev, ab, ith, ol"
    );
    words!(END, "mar, ton, ford, ia, ova, grad, ham, wick, port, stad, by, mont, dale, vik, ora, ine, burg, haven, ridge, lia, ssa, nor, ock, well, ane");

    words!(VERBS, "rebuild, reconstruct, protect, shield, repair, fix, fund, finance, expand, extend, review, examine, support, bolster, deliver, provide, secure, safeguard, investigate, probe, reform, strengthen, reduce, replace, monitor, track, finish, complete, approve, endorse, reject, challenge, address, resolve, settle, prevent, restore, improve, upgrade, inspect, evacuate, compensate, negotiate, release, publish, explain, guarantee, recover, manage, handle, cover, build, close, measure, enforce, respect, accept, question, demand, oppose, block, delay, pause, halt, launch, begin, start, continue, share, offer, raise, lower, lift, ease, tighten, double, answer, confront, train, hire, equip, supply, reach, consult, warn, inform, help, assist, serve, organize, prepare, design, test, verify, audit, disclose, correct, clarify, sustain, maintain, preserve, rescue, shelter, feed, house, treat, clear, reinforce, patrol, guard, restrict, ban, allow, license, subsidize, modernize, overhaul, rethink, defend, honor, keep");
    words!(ADJS, "ready, prepared, willing, determined, committed, dedicated, unacceptable, intolerable, serious, grave, urgent, pressing, critical, essential, vital, necessary, needed, fair, just, safe, secure, stable, fragile, difficult, hard, complex, transparent, accountable, responsible, reckless, dangerous, hazardous, costly, expensive, affordable, temporary, interim, permanent, lasting, historic, unprecedented, immediate, modest, significant, major, substantial, limited, broad, strong, robust, weak, open, vulnerable, resilient, angry, furious, worried, concerned, confident, hopeful, disappointed, frustrated, unfair, reasonable, realistic, ambitious, credible, honest, overdue, avoidable, preventable, shameful, deliberate, careful, cautious, calm, orderly, chaotic, desperate, alarming, troubling, encouraging, promising, partial, sustainable, independent");
    words!(NOUNS, "plan, proposal, agreement, deal, investigation, inquiry, report, review, program, project, policy, measure, deadline, decision, commitment, response, effort, process, system, service, network, facility, road, school, clinic, family, household, community, neighborhood, district, worker, employee, resident, business, firm, official, agency, department, council, committee, contractor, inspector, engineer, volunteer, budget, fund, grant, loan, payment, contract, permit, schedule, timeline, standard, rule, regulation, record, document, statement, promise, pledge, warning, alert, risk, danger, concern, question, solution, challenge, problem, issue, emergency, recovery, investment, partnership, coalition, vote, hearing, appeal, audit, supply, reserve, border, corridor, shelter, checkpoint, unit, truck, village, farmer, teacher, nurse, leader, neighbor, owner, taxpayer, voter, priority, option, compromise, framework, timetable");

    /// Synonyms for rewording (`a=b` both ways, `a>b` one way): paraphrase in rewrites and
    /// the word-swap mutation. Plural and third-person forms are derived.
    const SYNONYM_PAIRS: &str = "rebuild=reconstruct, protect=shield, repair=fix, fund=finance, expand=extend, review=examine, support=bolster, deliver=provide, secure=safeguard, investigate=probe, reduce>cut, monitor=track, finish=complete, approve=endorse, resolve=settle, prevent>stop, improve=upgrade, help=assist, begin=start, began=started, ready=prepared, urgent=pressing, serious=grave, essential=vital, necessary=needed, fair=just, difficult=hard, costly=expensive, significant=major, strong=robust, dangerous=hazardous, unacceptable=intolerable, determined=resolved, committed=dedicated, temporary=interim, permanent=lasting, angry=furious, worried=concerned, plan=proposal, agreement=deal, investigation=inquiry, worker=employee, business=firm, problem=issue, emergency>crisis, rule=regulation, promise=pledge, warning=alert, risk=danger, family=household, community=neighborhood, officials=authorities, residents=locals, announced=unveiled, criticism=condemnation, several=a number of, recent=latest, questions=doubts, expected=likely, declined=refused, demanded=called for, remains=is still";

    pub static SYNONYMS: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
        let mut map = HashMap::new();
        for pair in list(SYNONYM_PAIRS) {
            let (a, b, both) = match pair.split_once('=') {
                Some((a, b)) => (a, b, true),
                None => {
                    let (a, b) = pair.split_once('>').expect("pair has = or >");
                    (a, b, false)
                }
            };
            let mut add = |x: &'static str, y: &'static str| {
                map.entry(x).or_insert_with(|| y.to_string());
                if !x.contains(' ') && !y.contains(' ') && !x.ends_with('d') {
                    let (px, py) = (plural(x), plural(y));
                    let leaked: &'static str = Box::leak(px.into_boxed_str());
                    map.entry(leaked).or_insert(py);
                }
            };
            add(a, b);
            if both {
                add(b, a);
            }
        }
        map
    });

    /// Irregular plurals of words the lists use.
    fn irregular(noun: &str) -> Option<&'static str> {
        Some(match noun {
            "crisis" => "crises",
            "analysis" => "analyses",
            "person" => "people",
            "child" => "children",
            _ => return None,
        })
    }

    pub fn plural(noun: &str) -> String {
        if let Some((head, last)) = noun.rsplit_once(' ') {
            return format!("{head} {}", plural(last));
        }
        if let Some(p) = irregular(noun) {
            return p.to_string();
        }
        suffix_s(noun)
    }

    /// Third person singular ("invest in" -> "invests in").
    pub fn third(verb: &str) -> String {
        match verb.split_once(' ') {
            Some((head, rest)) => format!("{} {rest}", suffix_s(head)),
            None => suffix_s(verb),
        }
    }

    fn suffix_s(w: &str) -> String {
        let b = w.as_bytes();
        let consonant_y =
            b.len() > 1 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]);
        if consonant_y {
            format!("{}ies", &w[..w.len() - 1])
        } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
            format!("{w}es")
        } else {
            format!("{w}s")
        }
    }

    pub fn capitalize(s: &str) -> String {
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    }

    /// Headline case: every word capitalised but the short function words.
    pub fn title_case(s: &str) -> String {
        const SMALL: &[&str] = &[
            "a", "an", "the", "of", "in", "on", "to", "for", "and", "as", "at", "by", "or", "with",
            "over",
        ];
        s.split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i > 0 && SMALL.contains(&w) {
                    w.to_string()
                } else {
                    capitalize(w)
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

// ------------------------------------------------------------------------------ topics

type Phrase = (&'static str, &'static str);

/// What a story is about: its vocabulary, organisations, and how its numbers are told.
struct Topic {
    key: &'static str,
    section: &'static str,
    events: &'static [&'static str],
    nouns: &'static str,
    orgs: &'static [&'static str],
    toll: &'static [Phrase],
    count: &'static [Phrase],
    money: &'static [Phrase],
}

const TOPICS: &[Topic] = &[
    Topic {
        key: "flood",
        section: "Environment",
        events: &["the flooding", "the floods", "the flood emergency"],
        nouns: "levee, floodwater, riverbank, pump station, embankment, drainage canal, sandbag, evacuation route, storm drain, flood barrier, reservoir, spillway",
        orgs: &["Flood Control District", "Water Board", "Emergency Management Office"],
        toll: &[("at least ", " people have been displaced by the flooding"), ("", " residents remain in emergency shelters"), ("the number of people forced from their homes has risen to ", "")],
        count: &[("", " homes have been flooded"), ("water has damaged ", " homes along the river")],
        money: &[("the state has released ", " in flood relief"), ("repairs to the levee are expected to cost ", "")],
    },
    Topic {
        key: "wildfire",
        section: "Environment",
        events: &["the wildfire", "the fires", "the blaze"],
        nouns: "firebreak, fire crew, evacuation center, ridge, water tanker, burn zone, power line, fire engine, air tanker, forest road, containment line, smoke plume",
        orgs: &["Fire Department", "Forestry Service", "Emergency Management Office"],
        toll: &[("at least ", " people have been evacuated from the fire zone"), ("the fire has forced ", " people from their homes")],
        count: &[("", " buildings have been destroyed"), ("the blaze has burned through ", " structures")],
        money: &[("firefighting costs have already reached ", ""), ("the county has requested ", " in disaster aid")],
    },
    Topic {
        key: "transit strike",
        section: "Local",
        events: &["the strike", "the walkout", "the transit strike"],
        nouns: "bus line, depot, rail line, timetable, wage offer, picket line, fare, route, driver, shift pattern, overtime rule, station, contract",
        orgs: &["Transit Authority", "Transport Workers Union", "Chamber of Commerce"],
        toll: &[("", " workers have joined the strike"), ("more than ", " transit workers walked off the job")],
        count: &[("", " bus routes have been suspended"), ("service has been halted on ", " routes")],
        money: &[("the authority says the strike is costing ", " a week"), ("the union is seeking ", " in back pay")],
    },
    Topic {
        key: "hospital funding",
        section: "Health",
        events: &["the funding crisis", "the hospital cuts", "the budget shortfall"],
        nouns: "ward, emergency room, clinic, nursing shift, waiting list, ambulance, surgery, staff rota, maternity unit, hospital bed, pharmacy, outpatient service",
        orgs: &["Health Authority", "Nurses Association", "Hospital Trust"],
        toll: &[("at least ", " patients are waiting for surgery"), ("", " nurses have left the hospital this year")],
        count: &[("", " beds have been closed"), ("the hospital has shut ", " wards")],
        money: &[("the hospital faces a shortfall of ", ""), ("the province has promised ", " in emergency funding")],
    },
    Topic {
        key: "port expansion",
        section: "Business",
        events: &["the port expansion", "the harbor project", "the dredging plan"],
        nouns: "terminal, dock, container yard, shipping lane, breakwater, crane, berth, harbor, dredging permit, cargo line, warehouse, freight rail",
        orgs: &["Port Authority", "Harbor Commission", "Dockworkers Union"],
        toll: &[("", " dockworkers could lose their jobs"), ("the project would displace ", " residents")],
        count: &[("the plan adds ", " new berths"), ("", " cranes would be installed")],
        money: &[("the expansion is expected to cost ", ""), ("investors have committed ", " to the terminal")],
    },
    Topic {
        key: "mining dispute",
        section: "Business",
        events: &["the mine dispute", "the mining protests", "the blockade"],
        nouns: "mine, tailings dam, concession, blockade, access road, water permit, ore shipment, royalty, smelter, quarry, drilling site, land claim",
        orgs: &["Mining Corporation", "Indigenous Council", "Environmental Agency"],
        toll: &[("at least ", " protesters have been arrested"), ("", " people were injured in clashes near the mine")],
        count: &[("", " trucks have been blocked on the access road"), ("the company has suspended ", " drilling sites")],
        money: &[("the company says the blockade has cost ", ""), ("royalty payments of ", " remain in dispute")],
    },
    Topic {
        key: "election dispute",
        section: "Politics",
        events: &["the disputed election", "the recount", "the vote dispute"],
        nouns: "ballot, recount, polling station, tally sheet, electoral roll, observer, certification, runoff, voter list, count center, district result, electoral court",
        orgs: &["Electoral Commission", "Election Observers Mission", "Electoral Court"],
        toll: &[("at least ", " people have been detained since the vote"), ("", " protesters were arrested outside the count center")],
        count: &[("", " polling stations reported irregularities"), ("observers flagged ", " districts for review")],
        money: &[("the recount is expected to cost ", ""), ("the commission has requested ", " for the runoff")],
    },
    Topic {
        key: "maritime crackdown",
        section: "World",
        events: &["the maritime strikes", "the crackdown", "the interdiction campaign"],
        nouns: "vessel, smuggling route, patrol boat, port, cartel, shipment, coast guard, checkpoint, airstrip, naval unit, trafficking network, fishing boat",
        orgs: &["Coast Guard", "Defense Ministry", "Anti-Narcotics Agency"],
        toll: &[("at least ", " people have been killed in the strikes"), ("the operations have killed ", " people since they began")],
        count: &[("", " vessels have been destroyed"), ("forces have struck ", " boats")],
        money: &[("seized shipments were valued at ", ""), ("the campaign has cost ", " so far")],
    },
    Topic {
        key: "factory closure",
        section: "Business",
        events: &["the plant closure", "the layoffs", "the factory shutdown"],
        nouns: "assembly line, plant, shift, severance package, supplier, pension fund, production line, warehouse, retraining program, union contract, factory gate, order book",
        orgs: &["Manufacturing Group", "Steelworkers Union", "Economic Development Agency"],
        toll: &[("", " workers will lose their jobs"), ("the closure affects ", " employees")],
        count: &[("", " suppliers depend on the plant"), ("the company is closing ", " production lines")],
        money: &[("the company is offering ", " in severance"), ("the region stands to lose ", " in wages")],
    },
    Topic {
        key: "outbreak",
        section: "Health",
        events: &["the outbreak", "the measles outbreak", "the health emergency"],
        nouns: "vaccination clinic, case count, quarantine, test site, isolation ward, contact tracer, booster dose, health advisory, symptom, infection cluster, lab, school nurse",
        orgs: &["Health Department", "Medical Association", "Disease Control Center"],
        toll: &[("at least ", " people have been sickened"), ("", " cases have been confirmed"), ("health officials have recorded ", " infections")],
        count: &[("", " schools have closed temporarily"), ("", " clinics have opened")],
        money: &[("the state has allocated ", " for vaccines"), ("the response has cost ", " so far")],
    },
    Topic {
        key: "housing evictions",
        section: "Local",
        events: &["the eviction wave", "the housing crisis", "the rent dispute"],
        nouns: "tenant, landlord, eviction notice, rent increase, housing court, apartment block, shelter bed, rent freeze, lease, housing voucher, waiting list, building inspector",
        orgs: &["Housing Authority", "Tenants Union", "Landlords Association"],
        toll: &[("at least ", " families have been evicted"), ("", " households face eviction this month")],
        count: &[("", " buildings have been sold to investors"), ("inspectors cited ", " apartment blocks")],
        money: &[("the city has set aside ", " for rental assistance"), ("back rent now totals ", "")],
    },
    Topic {
        key: "bridge collapse",
        section: "National",
        events: &["the bridge collapse", "the collapse", "the bridge disaster"],
        nouns: "bridge, span, girder, inspection report, detour, rescue team, river crossing, steel beam, traffic lane, support pier, road closure, ferry service",
        orgs: &["Department of Transportation", "Highway Safety Board", "Fire and Rescue Service"],
        toll: &[("at least ", " people were killed when the bridge fell"), ("", " people were injured in the collapse")],
        count: &[("", " vehicles fell into the river"), ("divers have recovered ", " vehicles")],
        money: &[("a new bridge could cost ", ""), ("the state has approved ", " for emergency repairs")],
    },
    Topic {
        key: "water contamination",
        section: "Health",
        events: &["the water crisis", "the contamination", "the boil-water order"],
        nouns: "water main, treatment plant, lead pipe, test result, boil notice, filter, pumping station, water tower, sample, supply line, aquifer, service line",
        orgs: &["Water Utility", "Environmental Protection Agency", "Public Health Office"],
        toll: &[("at least ", " residents have reported illness"), ("the advisory affects ", " residents")],
        count: &[("", " samples exceeded the safety limit"), ("crews have replaced ", " lead pipes")],
        money: &[("replacing the pipes will cost ", ""), ("the utility has received ", " in federal aid")],
    },
    Topic {
        key: "trade talks",
        section: "Business",
        events: &["the trade talks", "the tariff dispute", "the negotiations"],
        nouns: "tariff, quota, export license, trade deal, customs rule, negotiating round, import duty, supply chain, market access, subsidy, trade envoy, grain shipment",
        orgs: &["Trade Ministry", "Exporters Federation", "Farmers Union"],
        toll: &[("", " jobs depend on the export sector"), ("the dispute has put ", " jobs at risk")],
        count: &[("", " products face new tariffs"), ("the deal covers ", " product categories")],
        money: &[("exports worth ", " are at stake"), ("the tariffs could cost farmers ", "")],
    },
];

// ------------------------------------------------------------------------------- names

/// Invented names. People and cities come from bijections of a global counter, so two
/// stories never share a speaker or a home town by accident (which would merge their
/// truth); outlets, regions and staff names are free draws.
mod names {
    use super::lex::*;
    use super::rng::{mix, Rng};

    /// Maps `n` to `(a*n + b) mod m` with `a` prime to `m`: a bijection of `0..m`.
    fn affine(seed: u64, salt: u64, n: u64, m: u64) -> u64 {
        let mut a = (mix(seed ^ salt) % m) | 1;
        while gcd(a, m) != 1 {
            a += 2;
        }
        let b = mix(seed ^ salt ^ 0xb0b) % m;
        ((u128::from(a) * u128::from(n % m) + u128::from(b)) % u128::from(m)) as u64
    }

    fn gcd(mut a: u64, mut b: u64) -> u64 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }

    /// (first name, surname, female) for global speaker number `n`.
    pub fn person(seed: u64, n: u64) -> (String, String, bool) {
        let firsts = (FEMALE.len() + MALE.len()) as u64;
        let lasts = (SURNAMES.len() + SUR_A.len() * SUR_B.len()) as u64;
        let k = affine(seed, 0x9e50, n, firsts * lasts);
        let (f, l) = ((k % firsts) as usize, (k / firsts) as usize);
        let female = f < FEMALE.len();
        let first = if female {
            FEMALE[f]
        } else {
            MALE[f - FEMALE.len()]
        };
        let last = match l.checked_sub(SURNAMES.len()) {
            None => SURNAMES[l].to_string(),
            Some(g) => format!("{}{}", SUR_A[g % SUR_A.len()], SUR_B[g / SUR_A.len()]),
        };
        (first.to_string(), last, female)
    }

    /// A journalist's name: staff may well share names across outlets, as in life.
    pub fn staff(rng: &mut Rng) -> String {
        let first = if rng.chance(0.5) {
            rng.pick(&FEMALE)
        } else {
            rng.pick(&MALE)
        };
        format!("{first} {}", rng.pick(&SURNAMES))
    }

    fn core(i: usize) -> String {
        let (o, m, e) = (ONSET.len(), MID.len(), END.len());
        format!(
            "{}{}{}",
            ONSET[i % o],
            MID[(i / o) % m],
            END[(i / (o * m)) % e]
        )
    }

    /// The home city of story `n`: unique for the first 15 000 stories.
    pub fn city(seed: u64, n: u64, rng: &mut Rng) -> String {
        let size = (ONSET.len() * MID.len() * END.len()) as u64;
        let name = core(affine(seed, 0xc17, n, size) as usize);
        match rng.below(10) {
            0 => format!("Port {name}"),
            1 => format!("New {name}"),
            2 => format!("{name} Falls"),
            _ => name,
        }
    }

    pub fn town(rng: &mut Rng) -> String {
        core(rng.below(ONSET.len() * MID.len() * END.len()))
    }

    pub fn region(rng: &mut Rng) -> String {
        let t = town(rng);
        match rng.below(5) {
            0 => format!("{t} Province"),
            1 => format!("{t} County"),
            2 => format!("North {t}"),
            3 => format!("{t} State"),
            _ => t,
        }
    }
}

// ------------------------------------------------------------------------------ outlets

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OutletKind {
    Wire,
    Aggregator,
    Regular,
    /// Cited, copied from, but never in the corpus.
    OffCorpus,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Curly,
    Straight,
    British,
}

impl Style {
    fn marks(self) -> (char, char) {
        match self {
            Style::Curly => ('\u{201C}', '\u{201D}'),
            Style::Straight => ('"', '"'),
            Style::British => ('\u{2018}', '\u{2019}'),
        }
    }

    fn any(rng: &mut Rng) -> Style {
        match rng.weighted(&[55, 35, 10]) {
            0 => Style::Curly,
            1 => Style::Straight,
            _ => Style::British,
        }
    }
}

/// A publication's house style: everything that repeats across its articles.
struct Outlet {
    name: String,
    domain: String,
    kind: OutletKind,
    /// Dateline code of a wire service ("AW").
    code: &'static str,
    style: Style,
    curly_apostrophe: bool,
    date_format: usize,
    byline_rate: f64,
    staff: Vec<String>,
    masthead: Option<String>,
    show_section: bool,
    byline_with_date: bool,
    top: Vec<String>,
    bottom: Vec<String>,
    ads: bool,
    copyright: bool,
    show_url: bool,
    url_dated: bool,
    /// Weights of: according to, reported, reported by, via, source line, no citation.
    cite_habit: [u32; 6],
    /// How often it publishes, relative to others.
    weight: u32,
    /// Aggregators: print the sources' links in the numbered list.
    list_urls: bool,
}

const WIRE_SERVICES: &[(&str, &str, &str)] = &[
    ("Associated Wire", "AW", "associatedwire.com"),
    ("Global Press Agency", "GPA", "globalpressagency.com"),
    ("Continental News Service", "CNS", "cns-news.com"),
];
const PAPERS: &str = "Ledger, Courier, Gazette, Herald, Sentinel, Tribune, Observer, Chronicle, Dispatch, Post, Times, Record, Examiner, Monitor, Register, Standard, Bulletin, Beacon, Journal, Star, Express, Mirror, Inquirer, Reporter, Review, Telegram, Advocate, Messenger, Citizen, Press";
const PAPER_ADJS: &str = "Daily, Morning, Evening, Weekly, National, Metro, Coastal, Valley, Capital, Northern, Southern, Western, Eastern, Central, Independent, Free, Global, Civic, Public, Frontier";
const DIGI_A: &str = "News, Brief, Signal, Pulse, Story, Clip, Feed, Scoop, Beat, Current, Headline, Daybreak, Insight, Open, Fact";
const DIGI_B: &str =
    "Hub, Line, Now, Point, Desk, Stream, Room, Watch, Base, Lab, Digest, Wave, Grid, Check, Spot";
const TOP_LINES: &str = "Share this article|Listen to this article|Share on X · Share on Facebook · Share on LinkedIn|Reading time: 4 min|Follow us for the latest updates|Advertisement";
const BOTTOM_LINES: &str = "Sign up for our newsletter to get the day's top stories in your inbox.|Share this article|Have a news tip? Contact our newsroom.|Support independent journalism: subscribe today.|Comments are closed.|Follow {outlet} on social media for the latest updates.|Copy link|Related coverage|Report a correction or typo.|Our journalists follow the {outlet} editorial standards.";
const TAGLINES: &str = "Local News|Independent Journalism|News You Can Trust|Social News Discovery|Top Stories, Summarized|Headlines from Everywhere|The News in Brief|Your Community, Your News";

fn bars(s: &'static str) -> Vec<&'static str> {
    s.split('|').collect()
}

impl Outlet {
    fn new(name: String, domain: String, kind: OutletKind, rng: &mut Rng) -> Outlet {
        let style = Style::any(rng);
        let tops = bars(TOP_LINES);
        let bottoms = bars(BOTTOM_LINES);
        let boiler = rng.chance(0.45);
        let top = if boiler {
            let k = rng.below(3);
            rng.sample(&tops, k)
        } else {
            vec![]
        };
        let bottom = if boiler {
            let k = rng.range(1, 3);
            rng.sample(&bottoms, k)
        } else {
            vec![]
        };
        let fill = |s: &&str| s.replace("{outlet}", &name);
        let masthead_p = if kind == OutletKind::Aggregator {
            1.0
        } else {
            0.3
        };
        let masthead = rng
            .chance(masthead_p)
            .then(|| format!("{name} \u{2014} {}", rng.pick(&bars(TAGLINES))));
        let mut o = Outlet {
            style,
            curly_apostrophe: style != Style::Straight && rng.chance(0.8),
            date_format: rng.below(7),
            byline_rate: [0.0, 0.4, 0.75, 0.95][rng.below(4)],
            staff: (0..rng.range(3, 8)).map(|_| names::staff(rng)).collect(),
            masthead,
            show_section: rng.chance(0.4),
            byline_with_date: rng.chance(0.4),
            top: top.iter().map(fill).collect(),
            bottom: bottom.iter().map(fill).collect(),
            ads: rng.chance(0.25),
            copyright: rng.chance(0.6),
            show_url: rng.chance(0.35),
            url_dated: rng.chance(0.5),
            cite_habit: [
                rng.range(0, 4) as u32,
                rng.range(0, 3) as u32,
                rng.range(0, 2) as u32,
                rng.range(0, 1) as u32,
                rng.range(0, 3) as u32,
                rng.range(1, 6) as u32,
            ],
            weight: [1, 1, 2, 3, 5, 8][rng.below(6)],
            list_urls: rng.chance(0.5),
            code: "",
            name,
            domain,
            kind,
        };
        // The outlet must be stated somewhere in its articles.
        if o.masthead.is_none() && !o.copyright {
            o.copyright = true;
        }
        o
    }
}

/// The media landscape: the same for every story of a seed.
struct World {
    seed: u64,
    outlets: Vec<Outlet>,
    wires: Vec<usize>,
    aggregators: Vec<usize>,
    regulars: Vec<usize>,
    regular_weights: Vec<u32>,
    offcorpus: Vec<usize>,
}

impl World {
    fn new(seed: u64) -> World {
        let mut rng = Rng::stream(seed, L_OUTLETS, 0);
        let mut taken: HashSet<String> = HashSet::new();
        let mut outlets = Vec::new();
        for &(name, code, domain) in WIRE_SERVICES {
            taken.insert(name.to_string());
            let mut o = Outlet::new(name.into(), domain.into(), OutletKind::Wire, &mut rng);
            o.code = code;
            o.masthead = None;
            o.top.clear();
            o.bottom.clear();
            o.copyright = true;
            o.byline_rate = 0.7;
            outlets.push(o);
        }
        let plan = [
            (OutletKind::Aggregator, 16),
            (OutletKind::Regular, 150),
            (OutletKind::OffCorpus, 31),
        ];
        for (kind, count) in plan {
            for _ in 0..count {
                let name = loop {
                    let n = outlet_name(kind, &mut rng);
                    if taken.insert(n.clone()) {
                        break n;
                    }
                };
                let domain = domain_of(&name, &mut rng);
                outlets.push(Outlet::new(name, domain, kind, &mut rng));
            }
        }
        let of = |k: OutletKind| -> Vec<usize> {
            (0..outlets.len())
                .filter(|&i| outlets[i].kind == k)
                .collect()
        };
        let regulars = of(OutletKind::Regular);
        World {
            seed,
            wires: of(OutletKind::Wire),
            aggregators: of(OutletKind::Aggregator),
            regular_weights: regulars.iter().map(|&i| outlets[i].weight).collect(),
            offcorpus: of(OutletKind::OffCorpus),
            regulars,
            outlets,
        }
    }
}

fn outlet_name(kind: OutletKind, rng: &mut Rng) -> String {
    let papers = lex::list(PAPERS);
    let digital = || -> bool { kind == OutletKind::Aggregator };
    let roll = if digital() { 9 } else { rng.below(10) };
    match roll {
        0..=5 => {
            let the = if rng.chance(0.6) { "The " } else { "" };
            format!("{the}{} {}", names::town(rng), rng.pick(&papers))
        }
        6..=7 => format!(
            "The {} {}",
            rng.pick(&lex::list(PAPER_ADJS)),
            rng.pick(&papers)
        ),
        _ => format!(
            "{}{}",
            rng.pick(&lex::list(DIGI_A)),
            rng.pick(&lex::list(DIGI_B))
        ),
    }
}

fn domain_of(name: &str, rng: &mut Rng) -> String {
    let base: String = name
        .strip_prefix("The ")
        .unwrap_or(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    let tld = [".com", ".com", ".com", ".net", ".news", ".org", ".co.uk"][rng.below(7)];
    format!("{base}{tld}")
}

// ------------------------------------------------------------------------------- story

struct Speaker {
    /// The name the truth uses: full name without title, or the organisation's name.
    canonical: String,
    /// First mention ("Senator Maria Okafor", "the Velamar Water Board").
    first: String,
    /// Later mentions ("Okafor", "the board").
    short: String,
    /// Occasional later mention by role ("the senator").
    alt: Option<String>,
    /// The "NAME, a TITLE, said:" form, without "said".
    intro: String,
    pronoun: &'static str,
    org: bool,
}

struct Utterance {
    id: String,
    speaker: usize,
    text: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FactKind {
    Toll,
    Count,
    Money,
}

struct Fact {
    id: String,
    kind: FactKind,
    /// People or things; dollars for money.
    value: u64,
}

/// One news event: who speaks, what they said, the numbers, and the words it is told in.
struct Story {
    id: String,
    topic: &'static Topic,
    city: String,
    region: String,
    orgs: Vec<String>,
    project: String,
    event: &'static str,
    nouns: Vec<&'static str>,
    verbs: Vec<&'static str>,
    adjs: Vec<&'static str>,
    templates: Vec<&'static str>,
    speakers: Vec<Speaker>,
    utterances: Vec<Utterance>,
    facts: Vec<Fact>,
    start_day: i64,
}

/// (title, introduction, role) of people who speak in stories.
const ROLES: &[(&str, &str, &str)] = &[
    ("Senator", "a senator representing {region}", "the senator"),
    ("Mayor", "the mayor of {place}", "the mayor"),
    ("Governor", "the governor of {region}", "the governor"),
    (
        "Dr.",
        "a researcher at the University of {region}",
        "the researcher",
    ),
    (
        "Chief",
        "the head of the {place} police department",
        "the chief",
    ),
    (
        "Councillor",
        "a member of the {place} city council",
        "the councillor",
    ),
    (
        "Minister",
        "a minister in the {region} government",
        "the minister",
    ),
    (
        "Professor",
        "an economist at {region} State University",
        "the professor",
    ),
    ("", "a spokesperson for {org}", "the spokesperson"),
    ("", "a resident of {place}", ""),
    ("Judge", "a judge on the {region} high court", "the judge"),
    (
        "Captain",
        "a captain with the {place} fire service",
        "the captain",
    ),
    ("Representative", "a lawmaker from {region}", "the lawmaker"),
    ("", "the chief executive of {org}", "the executive"),
    ("", "an organizer with {org}", "the organizer"),
    (
        "General",
        "the commander of forces in {region}",
        "the general",
    ),
    (
        "Commissioner",
        "a commissioner at {org}",
        "the commissioner",
    ),
];

impl Story {
    fn new(seed: u64, index: usize) -> Story {
        let mut rng = Rng::stream(seed, L_STORY, index as u64);
        let topic = &TOPICS[rng.below(TOPICS.len())];
        let city = names::city(seed, index as u64, &mut rng);
        let region = names::region(&mut rng);
        let orgs: Vec<String> = topic
            .orgs
            .iter()
            .map(|o| {
                let home = if rng.chance(0.6) { &city } else { &region };
                format!("{home} {o}")
            })
            .collect();
        let topic_nouns = lex::list(topic.nouns);
        let project = format!(
            "{city} {} {}",
            title_case(rng.pick_copy(&topic_nouns)),
            rng.pick(&["Plan", "Project", "Program", "Initiative", "Agreement"])
        );
        let mut nouns = topic_nouns;
        nouns.extend(rng.sample(&lex::NOUNS, 14));
        let mut story = Story {
            id: format!("s{index:06}"),
            topic,
            event: rng.pick_copy(topic.events),
            nouns,
            verbs: rng.sample(&lex::VERBS, 26),
            adjs: rng.sample(&lex::ADJS, 22),
            templates: rng.sample(STATEMENTS, 16),
            speakers: Vec::new(),
            utterances: Vec::new(),
            facts: Vec::new(),
            start_day: 18_993 + rng.below(1461) as i64, // 2022-01-01 .. 2025-12-31
            city,
            region,
            orgs,
            project,
        };
        story.facts = story.make_facts(&mut rng);
        let speakers = rng.range(2, 4);
        let roles = rng.sample(&(0..ROLES.len()).collect::<Vec<_>>(), speakers);
        story.speakers = (0..speakers)
            .map(|k| {
                let org = k > 0 && rng.chance(0.3);
                let global = (index * 4 + k) as u64;
                story.speaker(seed, global, org.then_some(k), roles[k], &mut rng)
            })
            .collect();
        story.utterances = story.statements(&mut rng);
        story
    }

    fn make_facts(&self, rng: &mut Rng) -> Vec<Fact> {
        let kinds = [FactKind::Toll, FactKind::Count, FactKind::Money];
        kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| Fact {
                id: format!("{}-f{i}", self.id),
                kind,
                value: match kind {
                    FactKind::Toll => rng.range(15, 900) as u64,
                    FactKind::Count => rng.range(2, 80) as u64,
                    FactKind::Money => rng.range(12, 950) as u64 * 100_000,
                },
            })
            .collect()
    }

    fn fill_role(&self, template: &str, org: &str) -> String {
        template
            .replace("{region}", &self.region)
            .replace("{place}", &self.city)
            .replace("{org}", &format!("the {org}"))
    }

    /// A person (`org` None) or an organisation that speaks as one.
    fn speaker(
        &self,
        seed: u64,
        global: u64,
        org: Option<usize>,
        role: usize,
        rng: &mut Rng,
    ) -> Speaker {
        let some_org = rng.pick(&self.orgs).clone();
        if let Some(k) = org {
            if k % 2 == 1 || rng.chance(0.5) {
                let name = self.orgs[(k + rng.below(3)) % self.orgs.len()].clone();
                let head = match name.split_once(" of ") {
                    Some((h, _)) => h.rsplit(' ').next().unwrap_or("agency"),
                    None => name.rsplit(' ').next().unwrap_or("agency"),
                };
                return Speaker {
                    first: format!("the {name}"),
                    short: format!("the {}", head.to_lowercase()),
                    alt: None,
                    intro: format!("A spokesperson for the {name}"),
                    pronoun: "it",
                    org: true,
                    canonical: name,
                };
            }
            let name = format!("{} city officials", self.city);
            return Speaker {
                first: name.clone(),
                short: "city officials".into(),
                alt: Some("officials".into()),
                intro: format!("A spokesperson for {} city hall", self.city),
                pronoun: "they",
                org: true,
                canonical: name,
            };
        }
        let (first, last, female) = names::person(seed, global);
        let (title, intro, alt) = ROLES[role];
        let full = format!("{first} {last}");
        Speaker {
            first: if title.is_empty() {
                full.clone()
            } else {
                format!("{title} {full}")
            },
            short: last,
            alt: (!alt.is_empty()).then(|| alt.to_string()),
            intro: format!("{full}, {},", self.fill_role(intro, &some_org)),
            pronoun: if female { "she" } else { "he" },
            org: false,
            canonical: full,
        }
    }

    fn statements(&self, rng: &mut Rng) -> Vec<Utterance> {
        let mut out = Vec::new();
        for sp in 0..self.speakers.len() {
            for _ in 0..rng.range(3, 8) {
                let mut c = Composer::new(self, rng, sp);
                let text = c.statement();
                out.push(Utterance {
                    id: format!("{}-u{:02}", self.id, out.len()),
                    speaker: sp,
                    text,
                });
            }
        }
        out
    }

    fn utterances_of(&self, sp: usize) -> Vec<usize> {
        (0..self.utterances.len())
            .filter(|&u| self.utterances[u].speaker == sp)
            .collect()
    }
}

// -------------------------------------------------------------------------- text model

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Statement,
    Fragment,
    Term,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Statement => "statement",
            Kind::Fragment => "fragment",
            Kind::Term => "term",
        }
    }
}

/// A quote with its truth, carried through copies and mutations.
#[derive(Clone, Debug)]
struct Quote {
    text: String,
    utterance: String,
    /// Who really said it (None: invented, or a scare-quoted term nobody said).
    said_by: Option<usize>,
    /// Whom the article attributes it to.
    speaker: Option<usize>,
    /// Mutations applied along the copy chain, oldest first.
    mutations: Vec<&'static str>,
    kind: Kind,
    /// Quote marks kept from a sloppy paste; None: the article's own style.
    style: Option<Style>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
struct Cite {
    outlet: String,
    url: Option<String>,
    how: String,
}

/// Pieces of a sentence. Names and numbers stay symbolic so that a copy renders them
/// for its own context (first mention or not, drifted number or not).
#[derive(Clone, Debug)]
enum Seg {
    Text(String),
    Name(usize),
    Quote(Quote),
    Fact(usize),
    /// Zero-width: the text around it names a source.
    Cite(Cite),
}

type Sentence = Vec<Seg>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    /// "Q," said NAME.
    SaidName,
    /// "Q," NAME said.
    NameAfter,
    /// NAME said: "Q"
    NameColon,
    /// NAME said, "Q"
    NameComma,
    /// NAME, a TITLE, said: "Q"
    Intro,
    /// "Q," he said.
    Pronoun,
    /// "Q" alone: attributed by the paragraph before.
    Standalone,
    /// "Q1," NAME said, "Q2"
    Split,
}

#[derive(Clone, Debug)]
enum Block {
    Prose(Vec<Sentence>),
    Said {
        quote: Quote,
        form: Form,
        tail: Sentence,
    },
    Bullets {
        head: &'static str,
        items: Vec<Sentence>,
    },
    /// "Source reference: URL"
    SourceLine(Cite),
    /// An aggregator's numbered list.
    Sources(Vec<Listed>),
}

#[derive(Clone, Debug)]
struct Listed {
    outlet: String,
    headline: String,
    url: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ArtKind {
    FirstHand,
    Rewrite,
    Reprint,
    Aggregator,
}

#[derive(Clone, Debug)]
struct Article {
    id: String,
    serial: u64,
    outlet: usize,
    kind: ArtKind,
    day: i64,
    dated: bool,
    byline: Option<String>,
    url: String,
    headline: String,
    title: Sentence,
    /// (CITY, wire outlet) of a wire dateline.
    dateline: Option<(String, usize)>,
    blocks: Vec<Block>,
    /// Each story fact as this article tells it.
    facts: Vec<u64>,
    style: Style,
    /// Derived from: (source id or "outlet:NAME", kind).
    edges: Vec<(String, &'static str)>,
}

// -------------------------------------------------------------------------- templates

/// Statements: what speakers say. Literal runs are kept short (slots every few words)
/// so that stories, which fill the slots from their own vocabulary, share no long runs.
const STATEMENTS: &[&str] = &[
    "{We} will {verb} {obj} {time}.",
    "{We} are {adj} to {verb} {obj}, and {we} will not {verb} {obj}.",
    "If {they} want {obj}, {place} is {adj}.",
    "{I} {think} {obj} {must} be {adj} {pp}.",
    "This is not about {obj}; it is about {obj}.",
    "Nobody in {place} should have to {verb} {obj} alone.",
    "{They} know, because {we} have told them {again}, that {we} are {adj} to {verb} {obj}.",
    "{We} will not {verb} {obj} while {obj} {remains} {adj}.",
    "Every {noun} in {place} deserves {obj}.",
    "{We} need {obj} {time}, not {later}.",
    "The people of {place} have waited {long} for {obj}.",
    "{We} can {verb} {obj} and {verb} {obj} {pp}.",
    "There is no {noun} here that {we} cannot {verb}.",
    "{Our} {noun} is {adj}, but {our} {noun} is {adj}.",
    "{They} are trying to {verb} {obj} through {nouns}, {nouns} and {nouns}.",
    "{We} have a {adj} {noun} for {obj}, and {we} will {verb} it {time}.",
    "What happened {pp} is {adj}, and {we} will {verb} {obj}.",
    "{I} have spoken with {org}, and {we} are {adj} to {verb} {obj}.",
    "{We} are asking {org} to {verb} {obj} {time}.",
    "{Our} priority is to {verb} {obj} and to {verb} {obj}.",
    "{We} cannot {verb} {obj} without {obj}.",
    "The {noun} {pp} is {adj}, and {they} know it.",
    "{We} will {verb} {obj} whenever {they} want it, wherever {they} want it.",
    "Make no mistake: {we} will {verb} {obj}.",
    "{We} are {adj}, {we} are {adj}, and {we} are not going anywhere.",
    "Families in {place} are {adj}, and {they} are right to be.",
    "{We} expect {org} to {verb} {obj} {time}.",
    "Let me be clear: {obj} is {adj}.",
    "{Our} {nouns} have been {adj} for {long}, and that has to change.",
    "{We} have {num} {nouns} ready, and {we} will {verb} more if {we} must.",
    "{They} said {obj} would be {adj}; {they} were wrong.",
    "{I} will not {verb} {obj} until {org} is {adj} to {verb} {obj}.",
    "{We} owe it to {place} to {verb} {obj} {time}.",
    "The {event} has made {obj} {adj}, and {we} will {verb} {obj}.",
    "{We} were never {adj} about {obj}, and {we} are not {adj} now.",
    "Our message to {org} is simple: {verb} {obj} {time}.",
];

/// Reporter's prose.
const PROSE: &[&str] = &[
    "{Place} has faced {adj} {nouns} since {month}, and the {noun} remains {adj}.",
    "{Fact}, according to {org}.",
    "The {noun} was first proposed in {year} by {org}, but {nouns} {delayed} it.",
    "Critics say the {project} {verbs} {pobj} while {nouns} remain {adj}.",
    "{S} has long faced {adj} questions over the {noun}.",
    "The {event} comes as {org} {weighs} {pobj}.",
    "Since {month}, {fact}.",
    "Residents of {place} said {nouns} had become {adj} in recent weeks.",
    "It was not immediately clear whether the {noun} would {verb} {pobj}.",
    "{Money}, officials said.",
    "Analysts expect the {noun} to {verb} {pobj} {time}.",
    "{S} made the remarks during a {meeting} in {place} on {weekday}.",
    "Earlier this {period}, {org} announced plans to {verb} {pobj}.",
    "The {noun} serves {nouns} across {place} and {region}.",
    "{Fact}, officials said.",
    "Several {nouns} in {place} have already been {pverb}.",
    "The {region} government has not said when the {noun} will be {pverb}.",
    "Local media reported {adj} {nouns} near the {noun} on {weekday}.",
    "The {noun} has drawn {adj} criticism from {nouns} and {nouns}.",
    "{Org} said it would {verb} {pobj} {time}.",
    "At a briefing on {weekday}, {S} declined to say whether {pobj} would be {pverb}.",
    "The dispute over the {noun} dates back to {year}.",
    "{Place}, a {citysize} of about {pop} people, sits {geo}.",
    "The latest figures show that {fact}.",
    "Opposition figures called the {noun} {adj} and demanded {pobj}.",
    "Many {nouns} in {place} depend on the {noun}.",
    "{Toll}, and the number is expected to rise.",
    "Officials in {region} have {pverb} {nouns} twice this {period}.",
    "The {project} was meant to {verb} {pobj} by {nextyear}.",
    "{Count}, according to a preliminary assessment.",
    "Under the {project}, {org} would {verb} {pobj}.",
    "Some {nouns} said they had not been consulted about the {noun}.",
    "{S} has been under {adj} pressure since the {event} began.",
    "The {event} has also raised questions about {pobj}.",
    "{Money}, according to figures released this {period}.",
];

const LEADS: &[&str] = &[
    "{S0} said on {weekday} that {place} was {adj} to {verb} {pobj}, as {fact}.",
    "{S0} has {hpast} to {verb} {pobj} after {adj} {nouns} in {place}.",
    "Officials in {place} are under {adj} pressure to {verb} {pobj} after {fact}.",
    "{S0} on {weekday} {hpast} to {verb} {pobj}, saying {region} could not afford {adj} {nouns}.",
    "In a {meeting} on {weekday}, {S0} {hpast} to {verb} {pobj} as the {event} entered its {nth} {period}.",
    "{S0} signaled on {weekday} that {pron} {was} open to {pobj}, weeks after the {event} began.",
];

const CLOSINGS: &[&str] = &[
    "{Org} did not respond to a request for comment.",
    "{S} is expected to meet with {org} {time}.",
    "The {noun} is expected to be {pverb} {time}.",
    "This is a developing story and will be updated.",
    "{Org} said it would release more details {time}.",
    "A hearing on the {noun} is scheduled for {month}.",
];

const TAILS: &[&str] = &[
    "The remarks came as {fact}.",
    "{Pron} did not say how the {noun} would be paid for.",
    "The comments drew {adj} reactions in {place}.",
    "It was the {nth} time this {period} that {pron} had raised the {noun}.",
    "{Pron} gave no timeline.",
];

/// Reported speech around a fragment (`{q}`) of a statement.
const FRAGMENTS: &[&str] = &[
    "{S0} {rverb} that the {noun} was meant to {q}.",
    "{S0} also {rverb} that {pron} wanted to {q}.",
    "In the same {meeting}, {S0} said {pron} would {q}.",
    "{S0} accused {org} of trying to {q}.",
    "Asked about the {noun}, {S0} said only that {q}.",
];

/// Reported speech around a single quoted word or two.
const TERMS: &[&str] = &[
    "{S0} described the {noun} as {q}.",
    "{S0} called the situation {q}.",
    "{S0} said {place} was {q} to {verb} {pobj}.",
    "{S0} insisted that the {noun} was {q}.",
];

/// Scare quotes: quoted words nobody in particular said.
const SCARES: &[&str] = &[
    "The so-called {q} has become a rallying cry in {place}.",
    "Residents have taken to calling the {noun} {q}.",
    "Critics have dubbed the {project} a {q}.",
];

const HEADLINES: &[&str] = &[
    "{Last} {hverb} to {verb} {Place} {noun}",
    "{Place} {noun} {pverb} amid {eventt}",
    "{Last} {hverb2} {orgt} over {noun}",
    "{eventt} leaves {Place} facing {adj} {nouns}",
    "what we know about the {eventt} in {Place}",
    "{Region} officials weigh {noun} as {eventt} drags on",
    "{Place} faces {adj} questions over {noun}",
    "{Last} says {Place} is ready to {verb} {noun}",
    "{Last} signals openness to {noun} talks as {eventt} escalates",
    "{Place} {nouns} brace for {adj} week as {eventt} continues",
];

const BULLET_HEADS: &[&str] = &["Key developments:", "What to know:", "Key points:"];

fn word_list(key: &str) -> &'static [&'static str] {
    match key {
        "time" => &[
            "by {month}",
            "before the end of the year",
            "within {n} days",
            "this week",
            "next year",
            "as soon as possible",
            "without further delay",
            "over the coming weeks",
            "before the next session",
            "by the end of {month}",
            "in the next {n} months",
            "before winter",
        ],
        "later" => &[
            "next year",
            "after the next election",
            "in a decade",
            "when it is too late",
            "someday",
        ],
        "again" => &[
            "many times",
            "again and again",
            "repeatedly",
            "more than once",
            "in every meeting",
        ],
        "think" => &["think", "believe", "know", "expect"],
        "must" => &["must", "should", "will", "has to"],
        "remains" => &["remains", "is still", "stays"],
        "long" => &[
            "long enough",
            "far too long",
            "for years",
            "a very long time",
        ],
        "num" => &["two", "three", "four", "five", "six", "ten", "twelve"],
        "n" => &["two", "three", "five", "ten", "30", "60", "90"],
        "meeting" => &[
            "news conference",
            "council meeting",
            "radio interview",
            "televised address",
            "town hall",
            "press briefing",
            "interview with local television",
            "emergency session",
        ],
        "period" => &["week", "month", "year"],
        "pverb" => &[
            "closed",
            "reopened",
            "delayed",
            "suspended",
            "expanded",
            "approved",
            "rejected",
            "halted",
            "postponed",
            "reduced",
            "inspected",
            "reviewed",
            "repaired",
            "evacuated",
            "cleared",
        ],
        "delayed" => &["delayed", "stalled", "blocked", "held up"],
        "weighs" => &["weighs", "considers", "reviews", "debates"],
        "rverb" => &[
            "said",
            "argued",
            "insisted",
            "warned",
            "stressed",
            "acknowledged",
            "claimed",
            "noted",
        ],
        "hpast" => &[
            "vowed",
            "pledged",
            "promised",
            "threatened",
            "offered",
            "moved",
        ],
        "hverb" => &["vows", "pledges", "promises", "moves", "pushes", "seeks"],
        "hverb2" => &[
            "challenges",
            "criticizes",
            "confronts",
            "praises",
            "backs",
            "rebukes",
        ],
        "nth" => &["second", "third", "fourth", "sixth"],
        "citysize" => &["city", "town", "port city", "market town"],
        "geo" => &[
            "near the border with {region}",
            "on the coast",
            "in the foothills of {region}",
            "on the banks of the {Town} River",
            "at the edge of {region}",
        ],
        "pp" => &[
            "in {place}",
            "across {region}",
            "for the {nouns}",
            "at the {noun}",
            "before {month}",
            "in {region}",
            "along the {noun}",
            "near the {noun}",
        ],
        "cond" => &[
            "{org} {verbs} the {noun}",
            "the {noun} is {adj}",
            "{they} agree to {verb} the {noun}",
            "the funding arrives by {month}",
            "{org} keeps its {noun}",
        ],
        "condlead" => &[", but only if ", ", as long as ", ", provided that "],
        "obj" => &[
            "the {noun}",
            "the {adj} {noun}",
            "{our} {nouns}",
            "the {nouns} of {place}",
            "{org}",
            "{project}",
            "every {noun} in {place}",
            "the {noun} and the {noun}",
            "{place}'s {nouns}",
            "the {adj} {nouns}",
        ],
        "pobj" => &[
            "the {noun}",
            "the {adj} {noun}",
            "the {nouns} of {place}",
            "{org}",
            "{project}",
            "{place}'s {nouns}",
        ],
        _ => panic!("no word list {key}"),
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

// -------------------------------------------------------------------------- composing

#[derive(Default)]
struct SegBuf(Vec<Seg>);

impl SegBuf {
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(Seg::Text(t)) = self.0.last_mut() {
            t.push_str(s);
        } else {
            self.0.push(Seg::Text(s.to_string()));
        }
    }
}

/// Expands templates with a story's vocabulary. `focus` is the speaker the text is about
/// (or speaks as: "I" and "we" in statements).
struct Composer<'a, 'r> {
    st: &'a Story,
    rng: &'r mut Rng,
    focus: usize,
    /// The quote a `{q}` slot takes.
    pending: Option<Quote>,
}

impl<'a, 'r> Composer<'a, 'r> {
    fn new(st: &'a Story, rng: &'r mut Rng, focus: usize) -> Self {
        Composer {
            st,
            rng,
            focus,
            pending: None,
        }
    }

    fn sentence(&mut self, tpl: &str) -> Sentence {
        let mut b = SegBuf::default();
        self.fill(tpl, &mut b);
        if let Some(Seg::Text(t)) = b.0.first_mut() {
            *t = capitalize(t);
        }
        b.0
    }

    fn string(&mut self, tpl: &str) -> String {
        let mut b = SegBuf::default();
        self.fill(tpl, &mut b);
        b.0.into_iter()
            .map(|s| match s {
                Seg::Text(t) => t,
                _ => unreachable!("plain templates hold only text"),
            })
            .collect()
    }

    fn fill(&mut self, tpl: &str, b: &mut SegBuf) {
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            b.text(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            self.slot(&rest[open + 1..close], b);
            rest = &rest[close + 1..];
        }
        b.text(rest);
    }

    fn slot(&mut self, key: &str, b: &mut SegBuf) {
        let cap = key.starts_with(|c: char| c.is_ascii_uppercase());
        let lower = key.to_ascii_lowercase();
        match lower.as_str() {
            "s" => b.0.push(Seg::Name(self.rng.below(self.st.speakers.len()))),
            "s0" => b.0.push(Seg::Name(self.focus)),
            "q" => {
                let q = self.pending.take().expect("a quote for {q}");
                b.0.push(Seg::Quote(q));
            }
            "fact" | "toll" | "count" | "money" => self.fact(&lower, cap, b),
            _ => {
                let w = self.word(&lower);
                b.text(&if cap { capitalize(&w) } else { w });
            }
        }
    }

    fn fact(&mut self, key: &str, cap: bool, b: &mut SegBuf) {
        let i = match key {
            "toll" => 0,
            "count" => 1,
            "money" => 2,
            _ => self.rng.below(self.st.facts.len()),
        };
        let t = self.st.topic;
        let phrases = [t.toll, t.count, t.money][i];
        let (before, after) = self.rng.pick_copy(phrases);
        b.text(&if cap {
            capitalize(before)
        } else {
            before.to_string()
        });
        b.0.push(Seg::Fact(i));
        b.text(after);
    }

    fn word(&mut self, key: &str) -> String {
        let st = self.st;
        let person = !st.speakers[self.focus].org;
        let pick = |rng: &mut Rng, xs: &[&'static str]| -> String { rng.pick(xs).to_string() };
        match key {
            "we" => "we".into(),
            "i" => if person { "I" } else { "we" }.into(),
            "our" => "our".into(),
            "they" => "they".into(),
            "verb" => pick(self.rng, &st.verbs),
            "verbs" => third(self.rng.pick_copy(&st.verbs)),
            "adj" => pick(self.rng, &st.adjs),
            "noun" => pick(self.rng, &st.nouns),
            "nouns" => plural(self.rng.pick_copy(&st.nouns)),
            "place" => st.city.clone(),
            "region" => st.region.clone(),
            "town" => names::town(self.rng),
            "org" => format!("the {}", self.rng.pick(&st.orgs)),
            "orgt" => self.rng.pick(&st.orgs).clone(),
            "project" => format!("the {}", st.project),
            "event" => st.event.into(),
            "eventt" => st.event.trim_start_matches("the ").into(),
            "last" => {
                let s = &st.speakers[self.focus];
                if s.org {
                    s.canonical.clone()
                } else {
                    s.short.clone()
                }
            }
            "pron" => st.speakers[self.focus].pronoun.into(),
            "was" => if st.speakers[self.focus].pronoun == "they" {
                "were"
            } else {
                "was"
            }
            .into(),
            "month" => pick(self.rng, MONTHS),
            "weekday" => WEEKDAYS[weekday(st.start_day)].into(),
            "year" => (civil(st.start_day).0 - self.rng.range(1, 9) as i64).to_string(),
            "nextyear" => (civil(st.start_day).0 + self.rng.range(1, 4) as i64).to_string(),
            "pop" => thousands(self.rng.range(8, 400) as u64 * 1000),
            "obj" | "pobj" | "time" | "pp" | "cond" | "geo" => {
                let tpl = self.rng.pick_copy(word_list(key));
                self.string(tpl)
            }
            _ => pick(self.rng, word_list(key)),
        }
    }

    /// An original statement by the focus speaker: one to three sentences.
    fn statement(&mut self) -> String {
        let n = [1, 1, 2, 2, 2, 3][self.rng.below(6)];
        let mut out: Vec<String> = Vec::with_capacity(n);
        for _ in 0..n {
            let tpl = self.rng.pick_copy(&self.st.templates);
            out.push(capitalize(&self.string(tpl)));
        }
        out.join(" ")
    }

    fn prose(&mut self, templates: &[&str]) -> Sentence {
        let tpl = self.rng.pick_copy(templates);
        self.sentence(tpl)
    }

    /// A reporter's paragraph of `n` sentences, without repeating a template.
    fn paragraph(&mut self, n: usize) -> Block {
        let picks = self.rng.sample(PROSE, n);
        let mut sents: Vec<Sentence> = picks.iter().map(|t| self.sentence(t)).collect();
        if self.rng.chance(0.1) {
            sents.push(self.scare());
        }
        Block::Prose(sents)
    }

    fn lead(&mut self, term: Option<Quote>) -> Block {
        let first = match term {
            Some(q) => {
                self.pending = Some(q);
                self.sentence(
                    "{S0} said {pron} {was} {q} to {verb} {pobj} as the {event} continued.",
                )
            }
            None => self.prose(LEADS),
        };
        let mut sents = vec![first];
        for _ in 0..self.rng.range(1, 2) {
            sents.push(self.prose(PROSE));
        }
        Block::Prose(sents)
    }

    fn closing(&mut self) -> Block {
        let mut sents = vec![self.prose(CLOSINGS)];
        if self.rng.chance(0.5) {
            sents.push(self.prose(PROSE));
        }
        Block::Prose(sents)
    }

    fn bullets(&mut self) -> Block {
        let n = self.rng.range(3, 4);
        let items = self
            .rng
            .sample(PROSE, n)
            .iter()
            .map(|t| self.sentence(t))
            .collect();
        Block::Bullets {
            head: self.rng.pick_copy(BULLET_HEADS),
            items,
        }
    }

    fn verbatim(&self, u: usize) -> Quote {
        let ut = &self.st.utterances[u];
        Quote {
            text: ut.text.clone(),
            utterance: ut.id.clone(),
            said_by: Some(ut.speaker),
            speaker: Some(ut.speaker),
            mutations: Vec::new(),
            kind: Kind::Statement,
            style: None,
        }
    }

    /// A paragraph quoting utterance `u` in full.
    fn said(&mut self, u: usize, first_of_speaker: bool) -> Block {
        let forms: &[(Form, u32)] = if first_of_speaker {
            &[
                (Form::SaidName, 3),
                (Form::NameAfter, 2),
                (Form::NameColon, 2),
                (Form::NameComma, 1),
                (Form::Intro, 2),
                (Form::Split, 1),
            ]
        } else {
            &[
                (Form::Pronoun, 3),
                (Form::Standalone, 1),
                (Form::SaidName, 2),
                (Form::NameAfter, 1),
                (Form::Split, 1),
            ]
        };
        let weights: Vec<u32> = forms.iter().map(|f| f.1).collect();
        let form = forms[self.rng.weighted(&weights)].0;
        let tail = if self.rng.chance(0.3) {
            self.prose(TAILS)
        } else {
            Vec::new()
        };
        Block::Said {
            quote: self.verbatim(u),
            form,
            tail,
        }
    }

    /// Reported speech quoting a fragment or a single term of utterance `u`.
    fn reported(&mut self, u: usize) -> Sentence {
        let text = self.st.utterances[u].text.clone();
        let mut q = self.verbatim(u);
        if self.rng.chance(0.5) {
            if let Some(term) = term_of(&text, self.st) {
                q.text = term;
                q.kind = Kind::Term;
                self.pending = Some(q);
                return self.prose(TERMS);
            }
        }
        q.text = fragment_of(&text, self.rng);
        q.kind = Kind::Fragment;
        self.pending = Some(q);
        self.prose(FRAGMENTS)
    }

    /// A scare-quoted phrase: a quote with no speaker. Its id is its text, so copies of
    /// the same phrase cluster together in the truth.
    fn scare(&mut self) -> Sentence {
        let text = format!(
            "{} {}",
            self.rng.pick(&self.st.adjs),
            self.rng.pick(&self.st.nouns)
        );
        self.pending = Some(Quote {
            utterance: format!("{}-term-{}", self.st.id, text.replace(' ', "-")),
            text,
            said_by: None,
            speaker: None,
            mutations: Vec::new(),
            kind: Kind::Term,
            style: None,
        });
        self.prose(SCARES)
    }

    fn headline(&mut self, quote_ok: bool) -> Sentence {
        let st = self.st;
        if quote_ok && self.rng.chance(0.12) {
            let mine = st.utterances_of(self.focus);
            if let Some(&u) = mine.first() {
                let mut q = self.verbatim(u);
                q.text = fragment_of(&st.utterances[u].text, self.rng);
                q.kind = Kind::Fragment;
                let who = title_case(&self.word("last"));
                return vec![Seg::Text(format!("{who}: ")), Seg::Quote(q)];
            }
        }
        let tpl = self.rng.pick_copy(HEADLINES);
        vec![Seg::Text(title_case(&capitalize(&self.string(tpl))))]
    }
}

/// A run of four to eight words from inside one sentence of `text`, verbatim, without
/// its end punctuation.
fn fragment_of(text: &str, rng: &mut Rng) -> String {
    let sents = sentences(text);
    let s = sents[rng.below(sents.len())];
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() < 6 {
        return s
            .trim_end_matches(['.', ',', ';', ':', '?', '!'])
            .to_string();
    }
    let len = rng.range(4, 8.min(words.len() - 2));
    let start = rng.range(1, words.len() - len);
    words[start..start + len]
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':', '?', '!'])
        .to_string()
}

/// A word of `text` the story uses as an adjective, as written.
fn term_of(text: &str, st: &Story) -> Option<String> {
    text.split(' ')
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', '?', '!']))
        .find(|w| st.adjs.contains(w))
        .map(str::to_string)
}

/// Sentences of a statement: split after . ? ! when a capital follows.
fn sentences(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..b.len().saturating_sub(2) {
        if matches!(b[i], b'.' | b'?' | b'!') && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase() {
            out.push(&text[start..=i]);
            start = i + 2;
        }
    }
    out.push(&text[start..]);
    out
}

// ------------------------------------------------------------------------- mutations

/// How a copied quote drifts from what was said, with relative frequencies.
const MUTATIONS: &[(&str, u32)] = &[
    ("truncated", 24),
    ("spliced", 12),
    ("word-swap", 20),
    ("pronoun-change", 10),
    ("tense-change", 10),
    ("condition-added", 9),
    ("misattributed", 10),
];

/// Mutates `q` in place; false when no mutation applied (text too short, nothing to swap).
fn mutate(q: &mut Quote, st: &Story, rng: &mut Rng) -> bool {
    let weights: Vec<u32> = MUTATIONS.iter().map(|m| m.1).collect();
    for _ in 0..6 {
        let name = MUTATIONS[rng.weighted(&weights)].0;
        if name == "misattributed" {
            let Some(sp) = q.speaker else { continue };
            if st.speakers.len() < 2 || q.kind != Kind::Statement {
                continue;
            }
            let other = (sp + rng.range(1, st.speakers.len() - 1)) % st.speakers.len();
            q.speaker = Some(other);
            q.mutations.push(name);
            return true;
        }
        let changed = match name {
            "truncated" => truncate(&q.text, rng),
            "spliced" => splice(&q.text, rng),
            "word-swap" => swap_word(&q.text, st, rng),
            "pronoun-change" => replace_word(&q.text, rng, pronoun_flip),
            "tense-change" => replace_word(&q.text, rng, tense_shift),
            _ => Some(add_condition(&q.text, st, rng)),
        };
        if let Some(text) = changed.filter(|t| *t != q.text) {
            q.text = text;
            q.mutations.push(name);
            return true;
        }
    }
    false
}

/// Drops whole sentences, or cuts a lone sentence at a word and closes it with a period.
fn truncate(text: &str, rng: &mut Rng) -> Option<String> {
    let sents = sentences(text);
    if sents.len() >= 2 {
        let k = rng.range(1, sents.len() - 1);
        let kept = if rng.chance(0.5) {
            &sents[..k]
        } else {
            &sents[k..]
        };
        return Some(kept.join(" "));
    }
    let words: Vec<&str> = text.split(' ').collect();
    let n = words.len();
    if n < 9 {
        return None;
    }
    let k = rng.range(5, n - 3);
    if rng.chance(0.6) {
        let head = words[..k].join(" ");
        Some(format!("{}.", head.trim_end_matches([',', ';', ':', '.'])))
    } else {
        Some(capitalize(&words[n - k..].join(" ")))
    }
}

/// Cuts a run out of the middle and marks the cut with an ellipsis.
fn splice(text: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let n = words.len();
    if n < 10 {
        return None;
    }
    let a = rng.range(3, n - 7);
    let b = rng.range(a + 2, n - 3);
    let head = words[..a].join(" ");
    let head = head.trim_end_matches([',', ';', ':', '.']);
    let mark = if rng.chance(0.7) { "..." } else { " ..." };
    Some(format!("{head}{mark} {}", words[b..].join(" ")))
}

fn swap_word(text: &str, st: &Story, rng: &mut Rng) -> Option<String> {
    replace_word(text, rng, |w| lex::SYNONYMS.get(w).cloned()).or_else(|| {
        let nouns: Vec<&str> = st
            .nouns
            .iter()
            .copied()
            .filter(|n| !n.contains(' '))
            .collect();
        let pick = nouns[rng.below(nouns.len())];
        replace_word(text, rng, |w| {
            (w != pick && nouns.contains(&w)).then(|| pick.to_string())
        })
    })
}

fn pronoun_flip(w: &str) -> Option<String> {
    Some(
        match w {
            "we" => "they",
            "our" => "their",
            "us" => "them",
            "they" => "we",
            "their" => "our",
            "them" => "us",
            "i" => "we",
            "my" => "our",
            "me" => "us",
            _ => return None,
        }
        .to_string(),
    )
}

fn tense_shift(w: &str) -> Option<String> {
    Some(
        match w {
            "will" => "would",
            "is" => "was",
            "are" => "were",
            "can" => "could",
            "have" => "had",
            "has" => "had",
            "cannot" => "could not",
            "must" => "had to",
            _ => return None,
        }
        .to_string(),
    )
}

/// Replaces one word (chosen at random among those `map` knows, by lower case) keeping
/// its punctuation and capital. Capitalised words inside a sentence are names: left alone.
fn replace_word(text: &str, rng: &mut Rng, map: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    let mut hits = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let start = i == 0 || words[i - 1].ends_with(['.', '?', '!', ':']);
        let capital = core.starts_with(|c: char| c.is_uppercase());
        if core.is_empty() || (capital && !start && core != "I") {
            continue;
        }
        if let Some(r) = map(&core.to_lowercase()) {
            hits.push((i, core.to_string(), r));
        }
    }
    if hits.is_empty() {
        return None;
    }
    let (i, core, r) = hits.swap_remove(rng.below(hits.len()));
    let start = i == 0 || words[i - 1].ends_with(['.', '?', '!', ':']);
    let r = if start { capitalize(&r) } else { r };
    words[i] = words[i].replacen(&core, &r, 1);
    Some(words.join(" "))
}

fn add_condition(text: &str, st: &Story, rng: &mut Rng) -> String {
    let end = text
        .chars()
        .last()
        .filter(|c| matches!(c, '.' | '?' | '!'))
        .unwrap_or('.');
    let body = text.trim_end_matches(['.', '?', '!']);
    let mut c = Composer::new(st, rng, 0);
    let lead = c.word("condlead");
    let cond = c.word("cond");
    format!("{body}{lead}{cond}{end}")
}

/// A number a rewrite got wrong: off by one, digits swapped, or rounded.
fn drift(value: u64, kind: FactKind, rng: &mut Rng) -> u64 {
    let unit = if kind == FactKind::Money { 100_000 } else { 1 };
    let v = value / unit;
    let swapped = || {
        let (a, b) = (v % 10, (v / 10) % 10);
        (v >= 10 && a != b).then(|| v - a - b * 10 + a * 10 + b)
    };
    let new = match rng.below(4) {
        0 | 1 => v + 1,
        2 => swapped().unwrap_or(v + 1),
        _ if v > 20 && !v.is_multiple_of(10) => (v + 5) / 10 * 10,
        _ => v.saturating_sub(1).max(1),
    };
    let new = if new == v { v + 1 } else { new };
    new * unit
}

// ------------------------------------------------------------------------------- dates

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil(day: i64) -> (i64, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// 0 = Monday (1970-01-01 was a Thursday).
fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

fn iso(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A date the way an outlet prints it.
fn show_date(day: i64, format: usize) -> String {
    const AP: &[&str] = &[
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    let (y, m, d) = civil(day);
    let month = MONTHS[m as usize - 1];
    match format {
        0 => format!("{month} {d}, {y}"),
        1 => iso(day),
        2 => format!("{} {d}, {y}", AP[m as usize - 1]),
        3 => format!("{d} {month} {y}"),
        4 => format!("Published: {month} {d}, {y}"),
        5 => format!("{} {d} {} {y}", &WEEKDAYS[weekday(day)][..3], &month[..3]),
        _ => format!("{m:02}/{d:02}/{y}"),
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn show_fact(value: u64, kind: FactKind) -> String {
    match kind {
        FactKind::Money => {
            let tenths = value / 100_000;
            format!("${}.{} million", tenths / 10, tenths % 10)
        }
        _ => thousands(value),
    }
}

// ------------------------------------------------------------------------------- desk

/// Where an article's text comes from: an earlier article of the story, or the story's
/// report by an outlet outside the corpus.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Src {
    Art(usize),
    Ghost,
}

/// The newsroom of one story: writes its articles in order, each from what came before.
struct Desk<'a> {
    world: &'a World,
    st: &'a Story,
    rng: Rng,
    arts: Vec<Article>,
    ghost: Option<Article>,
    invented: usize,
}

impl<'a> Desk<'a> {
    fn run(world: &'a World, st: &'a Story, slot: &StorySlot, layout: &Layout) -> Vec<Article> {
        let mut d = Desk {
            world,
            st,
            rng: Rng::stream(world.seed, L_DESK, slot.index as u64),
            arts: Vec::with_capacity(slot.len),
            ghost: None,
            invented: 0,
        };
        let n = slot.len;
        let firsts = d.rng.range(1, 3).min(n);
        let wire = d.rng.chance(0.55).then(|| *d.rng.pick(&world.wires));
        if d.rng.chance(0.25) {
            let o = *d.rng.pick(&world.offcorpus);
            let id = format!("outlet:{}", world.outlets[o].name);
            let ghost = d.first_hand(id, u64::MAX - slot.index as u64, o, st.start_day);
            d.ghost = Some(ghost);
        }
        for k in 0..n {
            let serial = (slot.first + k) as u64;
            let id = layout.id(slot.first + k);
            let art = if k < firsts {
                let outlet = match (k, wire) {
                    (0, Some(w)) => w,
                    _ => d.regular(None),
                };
                let day = st.start_day + i64::from(k > 0 && d.rng.chance(0.4));
                d.first_hand(id, serial, outlet, day)
            } else {
                let roll = d.rng.below(100);
                if wire.is_some() && roll < 22 {
                    d.reprint(id, serial)
                } else if roll < 33 && d.candidates().len() >= 2 {
                    d.aggregate(id, serial)
                } else {
                    d.rewrite(id, serial)
                }
            };
            d.arts.push(art);
        }
        d.arts
    }

    fn src(&self, s: Src) -> &Article {
        match s {
            Src::Art(i) => &self.arts[i],
            Src::Ghost => self.ghost.as_ref().expect("ghost exists when picked"),
        }
    }

    /// Articles a later one may copy from, weighted: first-hand reports most.
    fn candidates(&self) -> Vec<(Src, u32)> {
        let mut out: Vec<(Src, u32)> = self
            .arts
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let w = match a.kind {
                    ArtKind::FirstHand => 4,
                    ArtKind::Rewrite => 2,
                    ArtKind::Reprint => 1,
                    ArtKind::Aggregator => return None,
                };
                Some((Src::Art(i), w))
            })
            .collect();
        if self.ghost.is_some() {
            out.push((Src::Ghost, 4));
        }
        out
    }

    fn pick_source(&mut self, not: Option<Src>) -> Option<Src> {
        let c: Vec<(Src, u32)> = self
            .candidates()
            .into_iter()
            .filter(|&(s, _)| Some(s) != not)
            .collect();
        if c.is_empty() {
            return None;
        }
        let w: Vec<u32> = c.iter().map(|x| x.1).collect();
        Some(c[self.rng.weighted(&w)].0)
    }

    fn regular(&mut self, not: Option<usize>) -> usize {
        let w = self.world;
        for _ in 0..8 {
            let o = w.regulars[self.rng.weighted(&w.regular_weights)];
            if Some(o) != not {
                return o;
            }
        }
        w.regulars[0]
    }

    /// Days after a source: mostly the same day or the next.
    fn later(&mut self, day: i64) -> i64 {
        day + [0, 0, 0, 1, 1, 1, 2, 3, 5][self.rng.below(9)]
    }

    fn new_article(
        &mut self,
        id: String,
        serial: u64,
        outlet: usize,
        kind: ArtKind,
        day: i64,
    ) -> Article {
        let o = &self.world.outlets[outlet];
        let byline = self
            .rng
            .chance(o.byline_rate)
            .then(|| self.rng.pick(&o.staff).clone());
        let style = if self.rng.chance(0.85) {
            o.style
        } else {
            Style::any(&mut self.rng)
        };
        Article {
            id,
            serial,
            outlet,
            kind,
            day,
            dated: !self.rng.chance(0.1),
            byline,
            url: String::new(),
            headline: String::new(),
            title: Vec::new(),
            dateline: None,
            blocks: Vec::new(),
            facts: self.st.facts.iter().map(|f| f.value).collect(),
            style,
            edges: Vec::new(),
        }
    }

    /// Sets the plain headline and the URL built from it.
    fn finish(&mut self, a: &mut Article) {
        a.headline = plain(&a.title);
        let o = &self.world.outlets[a.outlet];
        let slug: Vec<String> = a
            .headline
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(8)
            .map(str::to_lowercase)
            .collect();
        let slug = slug.join("-");
        let section = self.st.topic.section.to_lowercase();
        a.url = if o.url_dated && a.dated {
            let (y, m, d) = civil(a.day);
            format!(
                "https://www.{}/{section}/{y}/{m:02}/{d:02}/{slug}",
                o.domain
            )
        } else {
            let tag = rng::mix(self.world.seed ^ a.serial) & 0xff_ffff;
            format!("https://{}/news/{slug}-{tag:06x}", o.domain)
        };
    }

    fn first_hand(&mut self, id: String, serial: u64, outlet: usize, day: i64) -> Article {
        let st = self.st;
        let mut a = self.new_article(id, serial, outlet, ArtKind::FirstHand, day);
        if self.world.outlets[outlet].kind == OutletKind::Wire {
            a.dateline = Some((st.city.to_uppercase(), outlet));
        }
        let mut order: Vec<usize> = (0..st.speakers.len()).collect();
        self.rng.shuffle(&mut order);
        let focus = order[0];
        let mut c = Composer::new(st, &mut self.rng, focus);
        let lead_term = if c.rng.chance(0.3) {
            st.utterances_of(focus)
                .iter()
                .find_map(|&u| term_of(&st.utterances[u].text, st).map(|t| (u, t)))
                .map(|(u, t)| Quote {
                    text: t,
                    kind: Kind::Term,
                    ..c.verbatim(u)
                })
        } else {
            None
        };
        let mut blocks = vec![c.lead(lead_term)];
        for (rank, &sp) in order.iter().enumerate() {
            c.focus = sp;
            let mut mine = st.utterances_of(sp);
            c.rng.shuffle(&mut mine);
            let take = if rank == 0 {
                c.rng.range(2, 4)
            } else {
                c.rng.range(1, 3)
            }
            .min(mine.len());
            for (j, &u) in mine[..take].iter().enumerate() {
                blocks.push(c.said(u, j == 0));
                if c.rng.chance(0.55) {
                    let n = c.rng.range(2, 4);
                    blocks.push(c.paragraph(n));
                }
            }
            if mine.len() > take && c.rng.chance(0.6) {
                let mut sents = vec![c.reported(mine[take])];
                sents.push(c.prose(PROSE));
                blocks.push(Block::Prose(sents));
            }
        }
        c.focus = focus;
        if c.rng.chance(0.25) {
            let at = c.rng.range(2, blocks.len());
            blocks.insert(at, c.bullets());
        }
        let n = c.rng.range(3, 5);
        blocks.push(c.paragraph(n));
        blocks.push(c.closing());
        a.title = c.headline(true);
        a.blocks = blocks;
        self.finish(&mut a);
        a
    }

    fn rewrite(&mut self, id: String, serial: u64) -> Article {
        let primary = self.pick_source(None).expect("a first-hand report exists");
        let src = self.src(primary).clone();
        let second = if self.rng.chance(0.15) {
            self.pick_source(Some(primary)).map(|s| self.src(s).clone())
        } else {
            None
        };
        let outlet = self.regular(Some(src.outlet));
        let base = second.as_ref().map_or(src.day, |s| s.day.max(src.day));
        let day = self.later(base);
        let mut a = self.new_article(id, serial, outlet, ArtKind::Rewrite, day);
        a.facts = src.facts.clone();
        self.maybe_drift(&mut a.facts, 0.15);
        let mut blocks = self.copy_blocks(&src.blocks);
        let focus = first_name_in(&blocks).unwrap_or(0);
        let mut c = Composer::new(self.st, &mut self.rng, focus);
        if c.rng.chance(0.7) || !matches!(blocks.first(), Some(Block::Prose(_))) {
            let lead = c.lead(None);
            match blocks.first_mut() {
                Some(b @ Block::Prose(_)) => *b = lead,
                _ => blocks.insert(0, lead),
            }
        }
        for _ in 0..c.rng.range(1, 3) {
            let at = c.rng.range(1, blocks.len());
            let n = c.rng.range(2, 4);
            blocks.insert(at, c.paragraph(n));
        }
        if c.rng.chance(0.06) {
            let at = c.rng.range(1, blocks.len());
            let q = self.invent(focus);
            blocks.insert(
                at,
                Block::Said {
                    quote: q,
                    form: Form::SaidName,
                    tail: Vec::new(),
                },
            );
        }
        if let Some(s2) = &second {
            let borrowed = self.borrow_quotes(s2, 2);
            for b in borrowed {
                let at = self.rng.range(1, blocks.len());
                blocks.insert(at, b);
            }
        }
        a.blocks = blocks;
        let named = self.cite(&mut a, &src);
        a.edges
            .push((src.id.clone(), if named { "cited" } else { "copied" }));
        if let Some(s2) = &second {
            let named = self.rng.chance(0.4) && self.cite(&mut a, s2);
            a.edges
                .push((s2.id.clone(), if named { "cited" } else { "copied" }));
        }
        a.title = if self.rng.chance(0.3) {
            src.title.clone()
        } else {
            Composer::new(self.st, &mut self.rng, focus).headline(true)
        };
        self.finish(&mut a);
        a
    }

    /// A copy of a source's body, edited the way a rewriter edits: some paragraphs
    /// dropped, words replaced, quotes re-attributed and now and then mutated.
    fn copy_blocks(&mut self, from: &[Block]) -> Vec<Block> {
        let mut out = Vec::new();
        for b in from {
            let keep = match b {
                Block::Prose(_) | Block::Said { .. } => true,
                Block::Bullets { .. } => self.rng.chance(0.6),
                Block::SourceLine(_) => self.rng.chance(0.2),
                Block::Sources(_) => false,
            };
            if keep {
                out.push(b.clone());
            }
        }
        let mut i = 1;
        while i < out.len() {
            if out.len() > 5 && self.rng.chance(0.15) {
                out.remove(i);
            } else {
                i += 1;
            }
        }
        for b in out.iter_mut().skip(1) {
            self.edit(b, 0.2);
        }
        if out.len() > 4 && self.rng.chance(0.2) {
            let i = self.rng.range(1, out.len() - 2);
            out.swap(i, i + 1);
        }
        out
    }

    fn edit(&mut self, b: &mut Block, mutation_rate: f64) {
        let st = self.st;
        let rng = &mut self.rng;
        match b {
            Block::Prose(sents) => {
                for s in sents.iter_mut() {
                    paraphrase(s, rng, 0.3);
                }
                if sents.len() > 1 && rng.chance(0.15) {
                    sents.remove(rng.below(sents.len()));
                }
            }
            Block::Said { quote, form, tail } => {
                if rng.chance(0.4) {
                    *form = [
                        Form::SaidName,
                        Form::NameAfter,
                        Form::NameColon,
                        Form::Pronoun,
                        Form::Intro,
                        Form::Split,
                    ][rng.below(6)];
                }
                if rng.chance(mutation_rate) {
                    mutate(quote, st, rng);
                }
                if rng.chance(0.15) {
                    quote.style = Some(Style::any(rng));
                }
                paraphrase(tail, rng, 0.3);
            }
            Block::Bullets { items, .. } => {
                for s in items.iter_mut() {
                    paraphrase(s, rng, 0.3);
                }
            }
            Block::SourceLine(_) | Block::Sources(_) => {}
        }
    }

    /// Up to `n` quote paragraphs of `from`, edited, for an article drawing on two sources.
    fn borrow_quotes(&mut self, from: &Article, n: usize) -> Vec<Block> {
        let said: Vec<&Block> = from
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Said { .. }))
            .collect();
        let picks = self.rng.sample(&said, n);
        picks
            .into_iter()
            .map(|b| {
                let mut b = b.clone();
                self.edit(&mut b, 0.2);
                b
            })
            .collect()
    }

    /// A quote nobody said, attributed to `sp`.
    fn invent(&mut self, sp: usize) -> Quote {
        self.invented += 1;
        let text = Composer::new(self.st, &mut self.rng, sp).statement();
        Quote {
            text,
            utterance: format!("{}-x{:03}", self.st.id, self.invented),
            said_by: None,
            speaker: Some(sp),
            mutations: vec!["invented"],
            kind: Kind::Statement,
            style: None,
        }
    }

    fn maybe_drift(&mut self, facts: &mut [u64], p: f64) {
        if self.rng.chance(p) {
            let i = self.rng.below(facts.len());
            facts[i] = drift(facts[i], self.st.facts[i].kind, &mut self.rng);
        }
    }

    /// Names `src` the way the outlet habitually does, or not at all; true when named.
    fn cite(&mut self, a: &mut Article, src: &Article) -> bool {
        let habit = self.world.outlets[a.outlet].cite_habit;
        let name = self.world.outlets[src.outlet].name.clone();
        let cite = |how: &str, url: Option<String>| Cite {
            outlet: name.clone(),
            url,
            how: how.to_string(),
        };
        match self.rng.weighted(&habit) {
            0 => {
                let segs = vec![
                    Seg::Text(", according to ".into()),
                    Seg::Text(name.clone()),
                    Seg::Cite(cite("according to", None)),
                ];
                append_to_lead(&mut a.blocks, segs);
            }
            1 => {
                let s = vec![
                    Seg::Text(format!("{name} reported the remarks earlier.")),
                    Seg::Cite(cite("reported", None)),
                ];
                insert_in_lead(&mut a.blocks, s);
            }
            2 => {
                let s = vec![
                    Seg::Text(format!("The comments were first reported by {name}.")),
                    Seg::Cite(cite("reported by", None)),
                ];
                insert_in_lead(&mut a.blocks, s);
            }
            3 => {
                let s = vec![
                    Seg::Text(format!("Via {name}.")),
                    Seg::Cite(cite("via", None)),
                ];
                a.blocks.push(Block::Prose(vec![s]));
            }
            4 => a.blocks.push(Block::SourceLine(cite(
                "Source reference: line",
                Some(src.url.clone()),
            ))),
            _ => return false,
        }
        true
    }

    fn reprint(&mut self, id: String, serial: u64) -> Article {
        let src = self.arts[0].clone();
        let outlet = self.regular(Some(src.outlet));
        let day = src.day + i64::from(self.rng.chance(0.3));
        let mut a = self.new_article(id, serial, outlet, ArtKind::Reprint, day);
        a.dateline = src.dateline.clone();
        a.facts = src.facts.clone();
        a.byline = if self.rng.chance(0.5) {
            src.byline.clone()
        } else {
            None
        };
        a.blocks = src.blocks.clone();
        if a.blocks.len() > 6 && self.rng.chance(0.5) {
            let cut = self.rng.range(1, 2);
            a.blocks.truncate(a.blocks.len() - cut);
        }
        for b in a.blocks.iter_mut() {
            if let Block::Said { quote, .. } = b {
                if self.rng.chance(0.03) {
                    mutate(quote, self.st, &mut self.rng);
                }
            }
        }
        a.title = if self.rng.chance(0.7) {
            src.title.clone()
        } else {
            Composer::new(self.st, &mut self.rng, 0).headline(false)
        };
        a.edges.push((src.id.clone(), "wire"));
        self.finish(&mut a);
        a
    }

    fn aggregate(&mut self, id: String, serial: u64) -> Article {
        let mut cands: Vec<Src> = self.candidates().into_iter().map(|c| c.0).collect();
        self.rng.shuffle(&mut cands);
        cands.truncate(self.rng.range(2, 4));
        let srcs: Vec<Article> = cands.iter().map(|&s| self.src(s).clone()).collect();
        let day = self.later(
            srcs.iter()
                .map(|s| s.day)
                .max()
                .unwrap_or(self.st.start_day),
        );
        let outlet = self.rng.pick_copy(&self.world.aggregators);
        let mut a = self.new_article(id, serial, outlet, ArtKind::Aggregator, day);
        a.facts = srcs[0].facts.clone();
        self.maybe_drift(&mut a.facts, 0.1);
        let focus = first_name_in(&srcs[0].blocks).unwrap_or(0);
        let mut blocks = vec![Composer::new(self.st, &mut self.rng, focus).lead(None)];
        let list_urls = self.world.outlets[outlet].list_urls;
        let mut listed = Vec::new();
        for (i, s) in srcs.iter().enumerate() {
            let marker = format!(" [{}]", i + 1);
            let mut sents = Vec::new();
            if let Some(Block::Prose(ps)) = s.blocks.first() {
                let mut first = ps[0].clone();
                paraphrase(&mut first, &mut self.rng, 0.4);
                append_before_period(&mut first, vec![Seg::Text(marker.clone())]);
                sents.push(first);
            }
            if sents.is_empty() || self.rng.chance(0.5) {
                let mut c = Composer::new(self.st, &mut self.rng, focus);
                let mut extra = c.prose(PROSE);
                append_before_period(&mut extra, vec![Seg::Text(marker.clone())]);
                sents.push(extra);
            }
            blocks.push(Block::Prose(sents));
            for b in self.borrow_quotes(s, 1) {
                if let Block::Said { mut quote, .. } = b {
                    if self.rng.chance(0.25) {
                        mutate(&mut quote, self.st, &mut self.rng);
                    }
                    blocks.push(Block::Said {
                        quote,
                        form: [Form::NameColon, Form::SaidName, Form::NameAfter][self.rng.below(3)],
                        tail: vec![Seg::Text(marker.trim().to_string())],
                    });
                }
            }
            listed.push(Listed {
                outlet: self.world.outlets[s.outlet].name.clone(),
                headline: s.headline.clone(),
                url: list_urls.then(|| s.url.clone()),
            });
            a.edges.push((s.id.clone(), "cited"));
        }
        blocks.push(Block::Sources(listed));
        a.blocks = blocks;
        a.title = Composer::new(self.st, &mut self.rng, focus).headline(false);
        self.finish(&mut a);
        a
    }
}

/// The first speaker a set of blocks quotes (to keep a rewrite's new lead on topic).
fn first_name_in(blocks: &[Block]) -> Option<usize> {
    blocks.iter().find_map(|b| match b {
        Block::Said { quote, .. } => quote.speaker,
        _ => None,
    })
}

/// Rewords a sentence: each lower-case word the synonym table knows is replaced with
/// probability `p`. Quotes, names and numbers are separate segments and stay as they are.
fn paraphrase(s: &mut Sentence, rng: &mut Rng, p: f64) {
    for seg in s.iter_mut() {
        if let Seg::Text(t) = seg {
            if let Some(new) = reword(t, rng, p) {
                *t = new;
            }
        }
    }
}

fn reword(text: &str, rng: &mut Rng, p: f64) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = text
        .split(' ')
        .map(|w| {
            let core = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
            if core.starts_with(|c: char| c.is_ascii_lowercase()) {
                if let Some(r) = lex::SYNONYMS.get(core) {
                    if rng.chance(p) {
                        changed = true;
                        return w.replacen(core, r, 1);
                    }
                }
            }
            w.to_string()
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Inserts `segs` before the final period of a sentence ("..., according to X.").
fn append_before_period(s: &mut Sentence, segs: Vec<Seg>) {
    if let Some(Seg::Text(t)) = s.last_mut() {
        if let Some(body) = t.strip_suffix('.') {
            *t = body.to_string();
            s.extend(segs);
            s.push(Seg::Text(".".into()));
            return;
        }
    }
    s.extend(segs);
}

fn append_to_lead(blocks: &mut Vec<Block>, segs: Vec<Seg>) {
    match blocks.first_mut() {
        Some(Block::Prose(sents)) if !sents.is_empty() => append_before_period(&mut sents[0], segs),
        _ => {
            let mut s = segs;
            s.push(Seg::Text(".".into()));
            blocks.insert(0, Block::Prose(vec![s]));
        }
    }
}

fn insert_in_lead(blocks: &mut Vec<Block>, sentence: Sentence) {
    match blocks.first_mut() {
        Some(Block::Prose(sents)) => {
            let at = sents.len().min(1 + usize::from(sents.len() > 2));
            sents.insert(at, sentence);
        }
        _ => blocks.insert(0, Block::Prose(vec![sentence])),
    }
}

/// A title or headline as plain text (curly quotes), for URLs and source lists.
fn plain(s: &Sentence) -> String {
    s.iter()
        .map(|seg| match seg {
            Seg::Text(t) => t.clone(),
            Seg::Quote(q) => format!("\u{201C}{}\u{201D}", q.text),
            _ => String::new(),
        })
        .collect()
}

// ----------------------------------------------------------------------------- render

struct QSpan {
    start: usize,
    end: usize,
    quote: Quote,
}

struct FSpan {
    start: usize,
    end: usize,
    fact: usize,
    value: u64,
}

#[derive(Default)]
struct Rendered {
    text: String,
    quotes: Vec<QSpan>,
    facts: Vec<FSpan>,
    cites: Vec<Cite>,
}

/// Turns an article into text, recording where every quote and number lands.
struct Renderer<'a> {
    world: &'a World,
    st: &'a Story,
    art: &'a Article,
    outlet: &'a Outlet,
    rng: Rng,
    out: Rendered,
    mentioned: Vec<bool>,
    last: Option<usize>,
    para_start: usize,
}

fn render(world: &World, st: &Story, art: &Article) -> Rendered {
    let outlet = &world.outlets[art.outlet];
    let mut r = Renderer {
        world,
        st,
        art,
        outlet,
        rng: Rng::stream(world.seed, L_RENDER, art.serial),
        out: Rendered::default(),
        mentioned: vec![false; st.speakers.len()],
        last: None,
        para_start: 0,
    };
    r.segs(&art.title);
    r.header();
    for (i, b) in art.blocks.iter().enumerate() {
        r.block(b, i == 0);
        if outlet.ads && i == 2 {
            r.line("Advertisement");
        }
    }
    r.footer();
    r.out.text.push('\n');
    let own = &outlet.name;
    dedupe_cites(&mut r.out.cites, own);
    r.out
}

/// One entry per outlet, in order of first mention, never the article's own outlet.
fn dedupe_cites(cites: &mut Vec<Cite>, own: &str) {
    let mut out: Vec<Cite> = Vec::new();
    for c in cites.drain(..) {
        if c.outlet == own {
            continue;
        }
        match out.iter_mut().find(|o| o.outlet == c.outlet) {
            Some(o) if o.url.is_none() => o.url = c.url,
            Some(_) => {}
            None => out.push(c),
        }
    }
    *cites = out;
}

impl Renderer<'_> {
    fn push(&mut self, s: &str) {
        if self.outlet.curly_apostrophe && s.contains('\'') {
            self.out.text.push_str(&s.replace('\'', "\u{2019}"));
        } else {
            self.out.text.push_str(s);
        }
    }

    fn paragraph(&mut self) {
        self.out.text.push_str("\n\n");
        self.para_start = self.out.text.len();
    }

    fn line(&mut self, s: &str) {
        self.paragraph();
        self.push(s);
    }

    /// True where a capital is due: paragraph start, after a full stop (and its quote
    /// mark), after a dash or bullet.
    fn at_sentence_start(&self) -> bool {
        let p = self.out.text[self.para_start..].trim_end();
        let p = p.trim_end_matches(['\u{201D}', '"', '\u{2019}']);
        p.is_empty() || p.ends_with(['.', '!', '?', '\u{2014}', '\u{2022}'])
    }

    fn header(&mut self) {
        let o = self.outlet;
        if let Some(m) = &o.masthead {
            self.line(m);
        }
        if o.show_section {
            self.line(self.st.topic.section);
        }
        let date = self
            .art
            .dated
            .then(|| show_date(self.art.day, o.date_format));
        match (&self.art.byline, date) {
            (Some(b), Some(d)) if o.byline_with_date => self.line(&format!("By {b} | {d}")),
            (Some(b), d) => {
                self.line(&format!("By {b}"));
                if let Some(d) = d {
                    self.line(&d);
                }
            }
            (None, Some(d)) => self.line(&d),
            (None, None) => {}
        }
        for t in &o.top {
            self.line(t);
        }
    }

    fn footer(&mut self) {
        let o = self.outlet;
        for b in &o.bottom {
            self.line(b);
        }
        if o.copyright {
            let line = if self.art.dated {
                format!(
                    "\u{a9} {} {}. All rights reserved.",
                    civil(self.art.day).0,
                    o.name
                )
            } else {
                format!("\u{a9} {}. All rights reserved.", o.name)
            };
            self.line(&line);
        }
        if o.show_url {
            self.line(&format!("Permalink: {}", self.art.url));
        }
    }

    fn block(&mut self, b: &Block, first: bool) {
        self.paragraph();
        if first {
            if let Some((city, wire)) = &self.art.dateline {
                let w = &self.world.outlets[*wire];
                self.push(&format!("{city} ({}) \u{2014} ", w.code));
                self.out.cites.push(Cite {
                    outlet: w.name.clone(),
                    url: None,
                    how: "wire dateline".into(),
                });
            }
        }
        match b {
            Block::Prose(sents) => {
                for (i, s) in sents.iter().enumerate() {
                    if i > 0 {
                        self.push(" ");
                    }
                    self.segs(s);
                }
            }
            Block::Said { quote, form, tail } => self.said(quote, *form, tail),
            Block::Bullets { head, items } => {
                self.push(head);
                for it in items {
                    self.paragraph();
                    self.push("  \u{2022} ");
                    self.segs(it);
                }
            }
            Block::SourceLine(c) => {
                self.push(&format!(
                    "Source reference: {}",
                    c.url.as_deref().unwrap_or("")
                ));
                self.out.cites.push(c.clone());
            }
            Block::Sources(list) => {
                self.push("Sources:");
                for (i, l) in list.iter().enumerate() {
                    self.push(&format!("\n[{}] {}: {}", i + 1, l.outlet, l.headline));
                    if let Some(u) = &l.url {
                        self.push(&format!(" \u{2014} {u}"));
                    }
                    self.out.cites.push(Cite {
                        outlet: l.outlet.clone(),
                        url: l.url.clone(),
                        how: format!("[{}] in Sources list", i + 1),
                    });
                }
            }
        }
    }

    fn segs(&mut self, segs: &[Seg]) {
        for s in segs {
            match s {
                Seg::Text(t) => self.push(t),
                Seg::Name(sp) => self.name(*sp),
                Seg::Quote(q) => self.quote(q, &q.text, q.kind),
                Seg::Fact(i) => self.fact(*i),
                Seg::Cite(c) => self.out.cites.push(c.clone()),
            }
        }
    }

    fn name(&mut self, sp: usize) {
        let s = &self.st.speakers[sp];
        let text = if !self.mentioned[sp] {
            s.first.clone()
        } else {
            match &s.alt {
                Some(alt) if self.rng.chance(0.2) => alt.clone(),
                _ => s.short.clone(),
            }
        };
        let text = if self.at_sentence_start() {
            capitalize(&text)
        } else {
            text
        };
        self.push(&text);
        self.mentioned[sp] = true;
        self.last = Some(sp);
    }

    fn intro(&mut self, sp: usize) {
        let s = &self.st.speakers[sp];
        let text = if self.mentioned[sp] && !s.org {
            s.short.clone()
        } else {
            s.intro.trim_end_matches(',').to_string()
        };
        let text = capitalize(&text);
        self.push(&text);
        if !s.org && !self.mentioned[sp] {
            self.push(",");
        }
        self.mentioned[sp] = true;
        self.last = Some(sp);
    }

    fn fact(&mut self, i: usize) {
        let value = self.art.facts[i];
        let start = self.out.text.len();
        self.out
            .text
            .push_str(&show_fact(value, self.st.facts[i].kind));
        let end = self.out.text.len();
        self.out.facts.push(FSpan {
            start,
            end,
            fact: i,
            value,
        });
    }

    /// Writes `inner` between the quote marks and records the span.
    fn quote(&mut self, q: &Quote, inner: &str, kind: Kind) {
        let (open, close) = q.style.unwrap_or(self.art.style).marks();
        self.out.text.push(open);
        let start = self.out.text.len();
        self.push(inner);
        let end = self.out.text.len();
        self.out.text.push(close);
        let mut quote = q.clone();
        quote.kind = kind;
        self.out.quotes.push(QSpan { start, end, quote });
    }

    fn said(&mut self, q: &Quote, form: Form, tail: &[Seg]) {
        let sp = q.speaker.unwrap_or(0);
        let known = self.last == Some(sp) && self.mentioned[sp];
        let words = q.text.split(' ').count();
        let form = match form {
            Form::Pronoun | Form::Standalone if !known => Form::SaidName,
            Form::Split if words < 9 => Form::NameAfter,
            f => f,
        };
        let verb = if known && self.rng.chance(0.3) {
            "added"
        } else {
            "said"
        };
        let full = q.text.as_str();
        match form {
            Form::SaidName => {
                self.quote(q, &comma_end(full), q.kind);
                self.push(&format!(" {verb} "));
                self.name(sp);
                self.push(".");
            }
            Form::NameAfter => {
                self.quote(q, &comma_end(full), q.kind);
                self.push(" ");
                self.name(sp);
                self.push(&format!(" {verb}."));
            }
            Form::NameColon => {
                self.name(sp);
                self.push(&format!(" {verb}: "));
                self.quote(q, full, q.kind);
            }
            Form::NameComma => {
                self.name(sp);
                self.push(" said, ");
                self.quote(q, full, q.kind);
            }
            Form::Intro => {
                self.intro(sp);
                self.push(" said: ");
                self.quote(q, full, q.kind);
            }
            Form::Pronoun => {
                self.quote(q, &comma_end(full), q.kind);
                let pron = self.st.speakers[sp].pronoun;
                self.push(&format!(" {pron} {verb}."));
                self.last = Some(sp);
            }
            Form::Standalone => self.quote(q, full, q.kind),
            Form::Split => self.split(q, sp, known),
        }
        if !tail.is_empty() {
            self.push(" ");
            self.segs(tail);
        }
    }

    /// "Q1," NAME said, "Q2" -- or, cut between sentences, "Q1," NAME said. "Q2"
    fn split(&mut self, q: &Quote, sp: usize, known: bool) {
        let words: Vec<&str> = q.text.split(' ').collect();
        let k = self.rng.range(3, words.len() - 4);
        let head = words[..k].join(" ");
        let rest = words[k..].join(" ");
        let boundary = head.ends_with(['.', '?', '!']);
        let kind = if boundary && q.kind == Kind::Statement {
            Kind::Statement
        } else {
            Kind::Fragment
        };
        self.quote(q, &comma_end(&head), kind);
        self.push(" ");
        if known {
            let pron = self.st.speakers[sp].pronoun;
            self.push(pron);
        } else {
            self.name(sp);
        }
        self.push(if boundary { " said. " } else { " said, " });
        self.quote(q, &rest, kind);
    }
}

/// A quote followed by its attribution ends in a comma: "We are ready," she said.
fn comma_end(text: &str) -> String {
    if text.ends_with(['?', '!', ',']) {
        return text.to_string();
    }
    format!("{},", text.trim_end_matches(['.', ';', ':']))
}

// ----------------------------------------------------------------------------- layout

#[derive(Clone, Copy, Debug)]
struct StorySlot {
    index: usize,
    first: usize,
    len: usize,
}

/// Story sizes and the shuffled article ids, drawn up front so that stories can be
/// generated in any order.
struct Layout {
    stories: Vec<StorySlot>,
    ids: Vec<u32>,
    width: usize,
}

impl Layout {
    fn new(n: usize, seed: u64) -> Layout {
        let mut rng = Rng::stream(seed, L_LAYOUT, 0);
        let mut stories = Vec::new();
        let mut used = 0;
        while used < n {
            let rest = n - used;
            // 10 to 39, mean about 20, so about n/20 stories.
            let draw = 10 + (30.0 * rng.unit().powi(2)) as usize;
            let len = if rest <= 40 {
                rest
            } else if rest - draw < 10 {
                rest - 10
            } else {
                draw
            };
            stories.push(StorySlot {
                index: stories.len(),
                first: used,
                len,
            });
            used += len;
        }
        let mut ids: Vec<u32> = (0..n as u32).collect();
        rng.shuffle(&mut ids);
        let width = n.saturating_sub(1).to_string().len().max(6);
        Layout {
            stories,
            ids,
            width,
        }
    }

    fn id(&self, slot: usize) -> String {
        format!("a{:0w$}", self.ids[slot], w = self.width)
    }
}

// ----------------------------------------------------------------------------- output

/// A quote in an article. `start..end` are byte offsets into the article's file of the
/// text between the quote marks; `text` is that slice. `speaker` is whom the article
/// attributes it to (null for scare quotes nobody said), `said_by` who really said it
/// (null for invented quotes and scare quotes). `utterance` groups every rendering of
/// one original statement (`<story>-uNN`), invented statement (`<story>-xNNN`) or
/// scare-quoted phrase (`<story>-term-...`). `mutation` is the latest mutation along
/// the copy chain (`verbatim` if none) and `mutations` the whole chain, oldest first.
/// Trailing punctuation inside the marks ("ready,") and a first letter capitalised by a
/// truncation are rendering, not mutation.
#[derive(Serialize)]
struct QuoteRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    said_by: Option<&'a str>,
    utterance: &'a str,
    mutation: &'a str,
    mutations: &'a [&'static str],
    kind: &'static str,
}

/// `target` derives from `source` (an article id, or `outlet:NAME` for a source outside
/// the corpus): `copied` (rewrote its text without naming it), `cited` (and names it),
/// `wire` (reprint of a wire story).
#[derive(Serialize)]
struct EdgeRow<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'a str,
}

/// A number as an article states it; `value` differs from `true_value` when a rewrite
/// (or one it copied) got it wrong. Money in dollars.
#[derive(Serialize)]
struct FactRow<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    fact: &'a str,
    value: u64,
    true_value: u64,
}

/// An original statement, as said.
#[derive(Serialize)]
struct UtteranceRow<'a> {
    id: &'a str,
    story: &'a str,
    speaker: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct StoryRow<'a> {
    id: &'a str,
    topic: &'a str,
    place: &'a str,
    speakers: Vec<&'a str>,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct ManifestEntry<'a> {
    id: &'a str,
    file: String,
    outlet: &'a str,
    title: &'a str,
    date: Option<String>,
    byline: Option<&'a str>,
    url: Option<&'a str>,
    cites: &'a [Cite],
}

/// What one story adds to the output files, as JSON lines.
#[derive(Default)]
struct StoryOut {
    manifest: Vec<(u32, String, String)>,
    quotes: Vec<String>,
    edges: Vec<String>,
    facts: Vec<String>,
    utterances: Vec<String>,
    story: String,
    bytes: u64,
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("rows serialise")
}

/// Generates, renders and writes one story's articles; returns its rows.
fn write_story(
    world: &World,
    layout: &Layout,
    slot: &StorySlot,
    dir: &Path,
) -> io::Result<StoryOut> {
    let st = Story::new(world.seed, slot.index);
    let arts = Desk::run(world, &st, slot, layout);
    let mut out = StoryOut::default();
    for a in &arts {
        let r = render(world, &st, a);
        fs::write(dir.join(format!("{}.txt", a.id)), &r.text)?;
        out.bytes += r.text.len() as u64;
        record(world, &st, a, &r, &mut out);
    }
    for u in &st.utterances {
        out.utterances.push(json(&UtteranceRow {
            id: &u.id,
            story: &st.id,
            speaker: &st.speakers[u.speaker].canonical,
            text: &u.text,
        }));
    }
    out.story = json(&StoryRow {
        id: &st.id,
        topic: st.topic.key,
        place: &st.city,
        speakers: st.speakers.iter().map(|s| s.canonical.as_str()).collect(),
        articles: arts.iter().map(|a| a.id.as_str()).collect(),
    });
    Ok(out)
}

fn record(world: &World, st: &Story, a: &Article, r: &Rendered, out: &mut StoryOut) {
    let o = &world.outlets[a.outlet];
    let title = r.text.split('\n').next().unwrap_or("");
    let entry = |file: String| {
        json(&ManifestEntry {
            id: &a.id,
            file,
            outlet: &o.name,
            title,
            date: a.dated.then(|| iso(a.day)),
            byline: a.byline.as_deref(),
            url: o.show_url.then_some(a.url.as_str()),
            cites: &r.cites,
        })
    };
    let number: u32 = a.id[1..].parse().expect("numeric id");
    out.manifest.push((
        number,
        entry(format!("articles/{}.txt", a.id)),
        entry(format!("{}.txt", a.id)),
    ));
    let canon = |sp: Option<usize>| sp.map(|i| st.speakers[i].canonical.as_str());
    for q in &r.quotes {
        out.quotes.push(json(&QuoteRow {
            article: &a.id,
            start: q.start,
            end: q.end,
            text: &r.text[q.start..q.end],
            speaker: canon(q.quote.speaker),
            said_by: canon(q.quote.said_by),
            utterance: &q.quote.utterance,
            mutation: q.quote.mutations.last().copied().unwrap_or("verbatim"),
            mutations: &q.quote.mutations,
            kind: q.quote.kind.name(),
        }));
    }
    for f in &r.facts {
        out.facts.push(json(&FactRow {
            article: &a.id,
            start: f.start,
            end: f.end,
            text: &r.text[f.start..f.end],
            fact: &st.facts[f.fact].id,
            value: f.value,
            true_value: st.facts[f.fact].value,
        }));
    }
    for (source, kind) in &a.edges {
        out.edges.push(json(&EdgeRow {
            source,
            target: &a.id,
            kind,
        }));
    }
}

/// A JSON array written an element a line, to a file of its own until the end.
struct Section {
    name: &'static str,
    path: PathBuf,
    w: BufWriter<File>,
    first: bool,
}

impl Section {
    fn create(path: PathBuf, name: &'static str) -> io::Result<Section> {
        Ok(Section {
            name,
            w: BufWriter::new(File::create(&path)?),
            path,
            first: true,
        })
    }

    fn row(&mut self, row: &str) -> io::Result<()> {
        if !self.first {
            self.w.write_all(b",")?;
        }
        self.first = false;
        self.w.write_all(b"\n")?;
        self.w.write_all(row.as_bytes())
    }
}

/// The output files. Truth sections go to temporary files and are joined at the end,
/// so nothing large is held in memory; manifest rows are kept to sort them by id.
struct Sink {
    out: PathBuf,
    seed: u64,
    n: usize,
    manifest: Vec<(u32, String, String)>,
    sections: Vec<Section>,
    summary: Summary,
}

#[derive(Debug, Default, Clone, Copy)]
struct Summary {
    articles: usize,
    stories: usize,
    quotes: usize,
    bytes: u64,
}

const SECTIONS: &[&str] = &["quotes", "edges", "facts", "utterances", "stories"];

impl Sink {
    fn create(out: &Path, seed: u64, n: usize) -> io::Result<Sink> {
        let sections = SECTIONS
            .iter()
            .map(|name| Section::create(out.join(format!(".truth-{name}.part")), name))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(Sink {
            out: out.to_path_buf(),
            seed,
            n,
            manifest: Vec::with_capacity(n),
            sections,
            summary: Summary::default(),
        })
    }

    fn add(&mut self, s: StoryOut) -> io::Result<()> {
        self.summary.articles += s.manifest.len();
        self.summary.stories += 1;
        self.summary.quotes += s.quotes.len();
        self.summary.bytes += s.bytes;
        self.manifest.extend(s.manifest);
        let groups = [s.quotes, s.edges, s.facts, s.utterances, vec![s.story]];
        for (section, rows) in self.sections.iter_mut().zip(groups) {
            for r in rows {
                section.row(&r)?;
            }
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<Summary> {
        self.manifest.sort_by_key(|m| m.0);
        write_manifest(
            &self.out.join("manifest.json"),
            self.manifest.iter().map(|m| &m.1),
        )?;
        let beside = self.out.join("articles").join("manifest.json");
        write_manifest(&beside, self.manifest.iter().map(|m| &m.2))?;
        let mut truth = BufWriter::new(File::create(self.out.join("truth.json"))?);
        write!(truth, "{{\"seed\":{},\"articles\":{}", self.seed, self.n)?;
        for s in self.sections {
            let mut w = s.w;
            w.flush()?;
            drop(w);
            write!(truth, ",\"{}\":[", s.name)?;
            io::copy(&mut File::open(&s.path)?, &mut truth)?;
            truth.write_all(b"\n]")?;
            fs::remove_file(&s.path)?;
        }
        truth.write_all(b"}\n")?;
        truth.flush()?;
        Ok(self.summary)
    }
}

fn write_manifest<'a>(path: &Path, rows: impl Iterator<Item = &'a String>) -> io::Result<()> {
    let mut w = BufWriter::new(File::create(path)?);
    w.write_all(b"{\"articles\":[")?;
    for (i, row) in rows.enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        w.write_all(row.as_bytes())?;
    }
    w.write_all(b"\n]}\n")?;
    w.flush()
}

/// Creates DIR/articles, refusing to mix with an earlier run's articles unless `force`
/// (which removes only files this tool writes there).
fn prepare(dir: &Path, force: bool) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let ours = |name: &str| {
        name == "manifest.json"
            || name
                .strip_prefix('a')
                .and_then(|r| r.strip_suffix(".txt"))
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !ours(&name) {
            continue;
        }
        if !force {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{} already holds articles; pass --force to replace them",
                    dir.display()
                ),
            ));
        }
        fs::remove_file(entry.path())?;
    }
    Ok(())
}

fn generate(out: &Path, n: usize, seed: u64, force: bool) -> io::Result<Summary> {
    let articles = out.join("articles");
    prepare(&articles, force)?;
    let world = World::new(seed);
    let layout = Layout::new(n, seed);
    let mut sink = Sink::create(out, seed, n)?;
    for batch in layout.stories.chunks(BATCH) {
        let done: Vec<io::Result<StoryOut>> = batch
            .par_iter()
            .map(|slot| write_story(&world, &layout, slot, &articles))
            .collect();
        for d in done {
            sink.add(d?)?;
        }
    }
    sink.finish()
}

// ------------------------------------------------------------------------------ tests

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::HashMap;

    fn corpus(n: usize, seed: u64) -> (tempfile::TempDir, Value, Value) {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), n, seed, false).unwrap();
        let truth =
            serde_json::from_slice(&fs::read(dir.path().join("truth.json")).unwrap()).unwrap();
        let manifest =
            serde_json::from_slice(&fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
        (dir, truth, manifest)
    }

    fn texts(dir: &Path, manifest: &Value) -> HashMap<String, String> {
        manifest["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let id = e["id"].as_str().unwrap().to_string();
                let text = fs::read_to_string(dir.join(e["file"].as_str().unwrap())).unwrap();
                (id, text)
            })
            .collect()
    }

    const OPEN: &[char] = &['\u{201C}', '"', '\u{2018}'];
    const CLOSE: &[char] = &['\u{201D}', '"', '\u{2019}'];

    #[test]
    fn quote_and_fact_offsets_are_exact() {
        let (dir, truth, manifest) = corpus(400, 11);
        let texts = texts(dir.path(), &manifest);
        let quotes = truth["quotes"].as_array().unwrap();
        assert!(quotes.len() > 2000, "{} quotes", quotes.len());
        for q in quotes {
            let text = &texts[q["article"].as_str().unwrap()];
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], q["text"].as_str().unwrap());
            assert!(text[..s].ends_with(OPEN), "no opening mark before {q}");
            assert!(text[e..].starts_with(CLOSE), "no closing mark after {q}");
        }
        for f in truth["facts"].as_array().unwrap() {
            let text = &texts[f["article"].as_str().unwrap()];
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], f["text"].as_str().unwrap());
        }
    }

    #[test]
    fn the_same_seed_writes_the_same_bytes_on_any_number_of_threads() {
        let run = |threads: usize, seed: u64| {
            let dir = tempfile::tempdir().unwrap();
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| generate(dir.path(), 300, seed, false))
                .unwrap();
            let read = |p: &str| fs::read(dir.path().join(p)).unwrap();
            (
                read("truth.json"),
                read("manifest.json"),
                read("articles/a000042.txt"),
            )
        };
        let one = run(1, 5);
        assert!(one == run(3, 5), "output depends on the thread count");
        assert!(one.0 != run(1, 6).0, "seed has no effect");
    }

    #[test]
    fn manifest_states_what_the_text_states() {
        let (dir, truth, manifest) = corpus(300, 3);
        let texts = texts(dir.path(), &manifest);
        let entries = manifest["articles"].as_array().unwrap();
        assert_eq!(entries.len(), 300);
        assert_eq!(truth["articles"], 300);
        let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "manifest sorted by unique id"
        );
        let files = fs::read_dir(dir.path().join("articles")).unwrap().count();
        assert_eq!(files, 301, "300 articles and the manifest beside them");
        let mut undated = 0;
        for e in entries {
            let text = &texts[e["id"].as_str().unwrap()];
            assert_eq!(text.lines().next().unwrap(), e["title"].as_str().unwrap());
            assert_eq!(text.split('\n').nth(1), Some(""), "blank line after title");
            assert!(
                text.contains(e["outlet"].as_str().unwrap()),
                "outlet stated"
            );
            if let Some(b) = e["byline"].as_str() {
                assert!(text.contains(&format!("By {b}")));
            }
            if let Some(u) = e["url"].as_str() {
                assert!(text.contains(u));
            }
            for c in e["cites"].as_array().unwrap() {
                let named = text.contains(c["outlet"].as_str().unwrap())
                    || c["how"] == "wire dateline"
                    || c["url"].as_str().is_some_and(|u| text.contains(u));
                assert!(named, "cite not in text: {c}");
            }
            undated += usize::from(e["date"].is_null());
        }
        assert!((10..=60).contains(&undated), "{undated} undated of 300");
    }

    #[test]
    fn derivations_are_never_older_than_their_sources() {
        let (_dir, truth, manifest) = corpus(600, 9);
        let date: HashMap<&str, &str> = manifest["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| Some((e["id"].as_str()?, e["date"].as_str()?)))
            .collect();
        let edges = truth["edges"].as_array().unwrap();
        let mut kinds: HashMap<&str, usize> = HashMap::new();
        for e in edges {
            *kinds.entry(e["kind"].as_str().unwrap()).or_default() += 1;
            let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
            if let (Some(ds), Some(dt)) = (date.get(s), date.get(t)) {
                assert!(ds <= dt, "{s} {ds} -> {t} {dt}");
            }
        }
        for k in ["copied", "cited", "wire"] {
            assert!(kinds.get(k).copied().unwrap_or(0) > 10, "{kinds:?}");
        }
        assert!(edges
            .iter()
            .any(|e| e["source"].as_str().unwrap().starts_with("outlet:")));
    }

    /// Unmutated quotes are the speaker's words (up to trailing punctuation), and every
    /// mutation class occurs.
    #[test]
    fn verbatim_quotes_are_what_was_said() {
        let (_dir, truth, _) = corpus(500, 4);
        let said: HashMap<&str, &str> = truth["utterances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| (u["id"].as_str().unwrap(), u["text"].as_str().unwrap()))
            .collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for q in truth["quotes"].as_array().unwrap() {
            let mutation = q["mutation"].as_str().unwrap();
            *seen.entry(mutation).or_default() += 1;
            let Some(original) = said.get(q["utterance"].as_str().unwrap()) else {
                continue;
            };
            if mutation != "verbatim" {
                continue;
            }
            let text = q["text"].as_str().unwrap().replace('\u{2019}', "'");
            let text = text.trim_end_matches([',', '.']);
            assert!(original.contains(text), "{text:?} not in {original:?}");
            assert_eq!(q["speaker"], q["said_by"]);
        }
        for (m, _) in MUTATIONS {
            assert!(seen.get(m).copied().unwrap_or(0) > 0, "no {m}: {seen:?}");
        }
        assert!(seen.get("invented").copied().unwrap_or(0) > 0, "{seen:?}");
    }

    #[test]
    fn mutations_change_the_words_they_claim_to() {
        let st = Story::new(1, 0);
        let mut rng = Rng::stream(1, 99, 0);
        let text = "We will rebuild the harbor in Velamar, and we are ready to protect our families before winter.";
        assert!(truncate(text, &mut rng).is_some_and(|t| t.len() < text.len()));
        assert!(splice(text, &mut rng).is_some_and(|t| t.contains("...")));
        assert!(replace_word(text, &mut rng, pronoun_flip)
            .is_some_and(|t| t.contains("they") || t.contains("their")));
        assert!(replace_word(text, &mut rng, tense_shift)
            .is_some_and(|t| t.contains("would") || t.contains("were")));
        assert!(add_condition(text, &st, &mut rng).contains(", "));
        assert!(swap_word(text, &st, &mut rng).is_some_and(|t| t != text));
        // Names are not words to swap.
        assert_eq!(
            replace_word("Ask Will about it.", &mut rng, tense_shift),
            None
        );
        assert_ne!(drift(114, FactKind::Toll, &mut rng), 114);
    }

    /// Stories fill templates from their own vocabulary: no long word runs in common.
    #[test]
    fn different_stories_share_no_long_runs() {
        let shingles = |st: &Story| -> HashSet<String> {
            let mut out = HashSet::new();
            for u in &st.utterances {
                let w: Vec<&str> = u.text.split(' ').collect();
                for win in w.windows(7) {
                    out.insert(win.join(" ").to_lowercase());
                }
            }
            out
        };
        let (a, b) = (Story::new(2, 10), Story::new(2, 11));
        let (sa, sb) = (shingles(&a), shingles(&b));
        let common = sa.intersection(&sb).count();
        assert!(
            common * 20 <= sa.len().min(sb.len()),
            "{common} of {} shared",
            sa.len()
        );
        assert_ne!(a.speakers[0].canonical, b.speakers[0].canonical);
        assert_ne!(a.city, b.city);
    }

    #[test]
    fn dates_and_numbers_print_right() {
        assert_eq!(iso(0), "1970-01-01");
        assert_eq!(iso(20_454), "2026-01-01");
        assert_eq!(WEEKDAYS[weekday(20_454)], "Thursday");
        assert_eq!(show_date(20_455, 2), "Jan. 2, 2026");
        assert_eq!(thousands(12_000), "12,000");
        assert_eq!(show_fact(2_300_000, FactKind::Money), "$2.3 million");
        assert_eq!(plural("family"), "families");
        assert_eq!(plural("pump station"), "pump stations");
        assert_eq!(third("fix"), "fixes");
    }

    #[test]
    fn refuses_to_mix_with_an_earlier_run() {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), 30, 1, false).unwrap();
        assert!(generate(dir.path(), 20, 1, false).is_err());
        generate(dir.path(), 20, 1, true).unwrap();
        let files = fs::read_dir(dir.path().join("articles")).unwrap().count();
        assert_eq!(files, 21);
    }
}

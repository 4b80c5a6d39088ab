//! data/maduro against the hand annotation in tests/fixtures/maduro-gold.json: the bars of
//! the pipeline, extraction, variants, drift and provenance issues.

mod common;

use common::{article_id, gold, json, maduro, norm};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Deserialize, Clone)]
struct Quote {
    id: String,
    article: String,
    text: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    speaker: Option<String>,
    speaker_text: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    kind: String,
    terminated: bool,
}

struct Gold {
    id: String,
    article: String,
    text: String,
    speaker: String,
    kind: String,
    family: String,
    relation: String,
    terminated: bool,
}

fn gold_quotes() -> Vec<Gold> {
    gold()["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| Gold {
            id: q["id"].as_str().unwrap().into(),
            article: article_id(q["file"].as_str().unwrap()),
            text: q["text"].as_str().unwrap().into(),
            speaker: q["speaker"].as_str().unwrap().into(),
            kind: q["kind"].as_str().unwrap().into(),
            family: q["family"].as_str().unwrap().into(),
            relation: q["relation"].as_str().unwrap().into(),
            terminated: q["terminated"].as_bool().unwrap_or(true),
        })
        .collect()
}

fn extracted() -> Vec<Quote> {
    let dir = maduro();
    let r = common::ok(&["extract", dir.to_str().unwrap(), "--format", "jsonl"]);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Our quote id for each gold id (same article, same normalised text).
fn matching(ours: &[Quote]) -> BTreeMap<String, Quote> {
    gold_quotes()
        .iter()
        .filter_map(|g| {
            ours.iter()
                .find(|q| q.article == g.article && norm(&q.text) == norm(&g.text))
                .map(|q| (g.id.clone(), q.clone()))
        })
        .collect()
}

#[test]
fn extract_finds_every_gold_quote_and_nothing_else() {
    let ours = extracted();
    let m = matching(&ours);
    let missing: Vec<String> = gold_quotes()
        .into_iter()
        .filter(|g| !m.contains_key(&g.id))
        .map(|g| g.id)
        .collect();
    assert!(missing.is_empty(), "gold quotes not found: {missing:?}");
    let extra: Vec<String> = ours
        .iter()
        .filter(|q| !m.values().any(|x| x.id == q.id))
        .map(|q| format!("{} {:?}", q.id, q.text))
        .collect();
    assert!(extra.is_empty(), "quotes not in the gold: {extra:?}");
}

#[test]
fn extract_speakers_kinds_and_unclosed_quotes_match_the_gold() {
    let ours = extracted();
    let m = matching(&ours);
    let golds = gold_quotes();
    let speakers_right: Vec<&str> = golds
        .iter()
        .filter(|g| m.get(&g.id).and_then(|q| q.speaker.as_deref()) == Some(g.speaker.as_str()))
        .map(|g| g.id.as_str())
        .collect();
    let wrong: Vec<String> = golds
        .iter()
        .filter(|g| !speakers_right.contains(&g.id.as_str()))
        .map(|g| {
            format!(
                "{}: {:?} not {:?}",
                g.id,
                m.get(&g.id).and_then(|q| q.speaker.clone()),
                g.speaker
            )
        })
        .collect();
    assert!(
        speakers_right.len() >= 22,
        "speakers right {}/24: {wrong:?}",
        speakers_right.len()
    );
    let kinds_right = golds
        .iter()
        .filter(|g| m.get(&g.id).is_some_and(|q| q.kind == g.kind))
        .count();
    assert!(kinds_right >= 20, "kinds right {kinds_right}/24");
    for g in &golds {
        let q = &m[&g.id];
        assert_eq!(q.terminated, g.terminated, "{}: terminated", g.id);
    }
}

#[test]
fn extract_spans_point_into_the_article_text() {
    let ours = extracted();
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(maduro()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let id = article_id(p.file_name().unwrap().to_str().unwrap());
            texts.insert(id, std::fs::read_to_string(&p).unwrap());
        }
    }
    for q in &ours {
        let t = &texts[&q.article];
        assert_eq!(&t[q.start..q.end], q.text, "{}", q.id);
        let line = t[..q.start].matches('\n').count() + 1;
        let col = t[..q.start].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!((q.line, q.column), (line, col), "{}", q.id);
        if let (Some(s), Some(e), Some(st)) = (q.speaker_start, q.speaker_end, &q.speaker_text) {
            assert_eq!(&t[s..e], st, "{} speaker span", q.id);
        }
    }
}

/// gold id -> cluster id, from `quotes --format json`.
fn clusters() -> (BTreeMap<String, u64>, serde_json::Value) {
    let dir = maduro();
    let doc = json(&["quotes", dir.to_str().unwrap(), "--format", "json"]);
    let golds = gold_quotes();
    let mut of = BTreeMap::new();
    for c in doc["clusters"].as_array().unwrap() {
        for m in c["members"].as_array().unwrap() {
            let art = m["article"].as_str().unwrap();
            let text = m["text"].as_str().unwrap();
            if let Some(g) = golds
                .iter()
                .find(|g| g.article == art && norm(&g.text) == norm(text))
            {
                of.insert(g.id.clone(), c["id"].as_u64().unwrap());
            }
        }
    }
    (of, doc)
}

#[test]
fn quotes_cluster_variants_together_and_families_apart() {
    let (of, doc) = clusters();
    let golds = gold_quotes();
    let (mut pairs, mut together) = (0, 0);
    for (i, a) in golds.iter().enumerate() {
        for b in &golds[i + 1..] {
            if a.family == b.family && a.relation == "variant" && b.relation == "variant" {
                pairs += 1;
                together += usize::from(of.get(&a.id) == of.get(&b.id));
            }
            if a.family != b.family {
                assert_ne!(of.get(&a.id), of.get(&b.id), "{} and {} merged", a.id, b.id);
            }
        }
    }
    assert!(
        together as f64 / pairs as f64 >= 0.95,
        "variant recall {together}/{pairs}"
    );
    // The named families.
    for fam in [
        ["000-2", "000-3", "001-2", "002-3"].as_slice(),
        &["001-3", "002-2", "003-1"],
    ] {
        let ids: BTreeSet<_> = fam.iter().map(|g| of[*g]).collect();
        assert_eq!(ids.len(), 1, "{fam:?} split over {ids:?}");
    }
    // The reference of OIL is its fullest rendering.
    let oil = doc["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_u64() == Some(of["002-3"]))
        .unwrap();
    assert!(norm(oil["reference"].as_str().unwrap()).contains("however they want it"));
}

fn findings() -> Vec<serde_json::Value> {
    let dir = maduro();
    json(&["drift", dir.to_str().unwrap(), "--format", "json"])["findings"]
        .as_array()
        .unwrap()
        .clone()
}

fn finding_for<'a>(fs: &'a [serde_json::Value], gold_id: &str) -> &'a serde_json::Value {
    let g = gold_quotes().into_iter().find(|g| g.id == gold_id).unwrap();
    fs.iter()
        .find(|f| {
            f["article"] == g.article.as_str() && norm(f["text"].as_str().unwrap()) == norm(&g.text)
        })
        .unwrap_or_else(|| panic!("no finding for {gold_id}"))
}

fn classes(f: &serde_json::Value) -> Vec<String> {
    f["classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn drift_classes_on_the_named_variants() {
    let fs = findings();
    let c = classes(finding_for(&fs, "001-2"));
    assert!(
        c.contains(&"truncated".into()) && c.contains(&"reworded".into()),
        "001-2: {c:?}"
    );
    assert!(classes(finding_for(&fs, "000-3")).contains(&"spliced".into()));
    assert!(classes(finding_for(&fs, "001-3")).contains(&"reworded".into()));
    let f = finding_for(&fs, "003-1");
    assert_eq!(f["severity"], "info", "003-1 against 002-2: {f}");
    let armed = finding_for(&fs, "004-1");
    assert!(classes(armed).contains(&"attribution-drift".into()));
    let speakers: Vec<&str> = armed["evidence"]["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["speaker"].as_str().unwrap())
        .collect();
    assert!(
        speakers.contains(&"Donald Trump") && speakers.contains(&"U.S. officials"),
        "{speakers:?}"
    );
    for f in &fs {
        assert!(!f["reason"].as_str().unwrap().is_empty());
        assert!(
            f["evidence"]["reference"].is_object()
                || f["classes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c == "uncorroborated")
        );
    }
}

#[test]
fn drift_flags_the_paraphrases_with_their_family_as_nearest_source() {
    let fs = findings();
    let (of, _) = clusters();
    let golds = gold_quotes();
    let family_clusters = |fam: &str| -> BTreeSet<u64> {
        golds
            .iter()
            .filter(|g| g.family == fam && g.relation == "variant")
            .filter_map(|g| of.get(&g.id).copied())
            .collect()
    };
    let mut good = 0;
    for g in golds.iter().filter(|g| g.relation == "paraphrase") {
        let f = finding_for(&fs, &g.id);
        let nearest = f["evidence"]["nearest"]["cluster_id"].as_u64();
        let ok = f["severity"] == "high"
            && nearest.is_some_and(|n| family_clusters(&g.family).contains(&n));
        good += usize::from(ok);
    }
    assert!(
        good >= 5,
        "{good}/6 paraphrases flagged high with their family as nearest"
    );
    assert!(classes(finding_for(&fs, "004-3")).contains(&"condition-added".into()));
    assert!(classes(finding_for(&fs, "004-4")).contains(&"condition-added".into()));
    assert!(classes(finding_for(&fs, "004-5")).contains(&"perspective-flip".into()));
}

fn graph() -> serde_json::Value {
    let dir = maduro();
    json(&[
        "graph",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--level",
        "article",
    ])
}

#[test]
fn graph_has_the_three_cited_edges_with_their_citing_lines() {
    let g = graph();
    let edges = g["edges"].as_array().unwrap();
    for (outlet, file) in [("Fox News", "001"), ("Newsweek", "004"), ("AP", "004")] {
        let e = edges
            .iter()
            .find(|e| {
                e["kind"] == "cited"
                    && e["source"] == format!("outlet:{outlet}").as_str()
                    && e["target"] == format!("article:{file}").as_str()
            })
            .unwrap_or_else(|| panic!("no cited edge {outlet} -> {file}"));
        let item = &e["evidence"][0];
        assert_eq!(item["kind"], "citation");
        assert_eq!(item["spots"][0]["article"], file);
        assert!(item["text"]
            .as_str()
            .unwrap()
            .contains(if outlet == "Fox News" {
                "foxnews.com"
            } else {
                outlet
            }));
        let node = g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == format!("outlet:{outlet}").as_str())
            .unwrap();
        assert_eq!(node["kind"], "external");
    }
    for e in edges {
        assert!(
            !e["evidence"].as_array().unwrap().is_empty(),
            "edge without evidence: {e}"
        );
    }
}

#[test]
fn graph_links_the_shared_pairs_and_not_the_unrelated_one() {
    let g = graph();
    let edges = g["edges"].as_array().unwrap();
    let link = |a: &str, b: &str| {
        edges.iter().find(|e| {
            let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
            matches!(e["kind"].as_str(), Some("derived" | "shares-source"))
                && ((s == format!("article:{a}") && t == format!("article:{b}"))
                    || (s == format!("article:{b}") && t == format!("article:{a}")))
        })
    };
    for pair in gold()["provenance"]["shared"].as_array().unwrap() {
        let (a, b) = (
            article_id(pair[0].as_str().unwrap()),
            article_id(pair[1].as_str().unwrap()),
        );
        let e = link(&a, &b).unwrap_or_else(|| panic!("no link {a} - {b}"));
        let kinds: BTreeSet<String> = e["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{}:{}", i["kind"], i["text"]))
            .collect();
        assert!(
            kinds.len() >= 2,
            "{a}-{b} has {} evidence items",
            kinds.len()
        );
    }
    for pair in gold()["provenance"]["unrelated"].as_array().unwrap() {
        let (a, b) = (
            article_id(pair[0].as_str().unwrap()),
            article_id(pair[1].as_str().unwrap()),
        );
        assert!(link(&a, &b).is_none(), "{a} - {b} linked");
    }
    // No arrow between two undated articles unless the article itself cites.
    let derived: Vec<_> = edges.iter().filter(|e| e["kind"] == "derived").collect();
    assert!(
        derived.is_empty(),
        "derived edges on undated or same-day articles: {derived:?}"
    );
}

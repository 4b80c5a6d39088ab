//! Real-world input formats, end to end: each fixture under tests/fixtures/inputs/ run
//! through the binary (the quotes it finds, and the metadata the outputs expose: graph
//! nodes carry outlets, titles and dates) and loaded through `quotetrace::corpus` (every
//! metadata field the loader must pick up: outlet, title, date, url, byline).
//!
//! Formats: plain text with a sniffed headline, dateline and byline; Markdown with YAML
//! and TOML front matter; trafilatura JSON Lines; newspaper3k NDJSON; a Media Cloud JSON
//! array; passim JSON Lines gzipped; saved web pages (head metadata, JSON-LD, main text
//! with the furniture dropped); an export of unknown field names mapped with `--field`.

mod common;

use common::{input_fixture, ok, run};
use quotetrace::corpus::{self, Article, FieldSpec};
use serde_json::Value;
use std::path::PathBuf;

/// The quotes `extract --format jsonl` prints for `args`, one JSON object each.
fn quotes(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["extract", "--format", "jsonl"];
    all.extend_from_slice(args);
    let r = ok(&all);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// `(text, speaker)` of each quote of one article.
fn said(quotes: &[Value], article: &str) -> Vec<(String, Option<String>)> {
    quotes
        .iter()
        .filter(|q| q["article"] == article)
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["speaker"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn pair(text: &str, speaker: &str) -> (String, Option<String>) {
    (text.to_string(), Some(speaker.to_string()))
}

/// The graph's nodes by id (`--level article` gives one node per article, labelled by
/// its outlet or title, with its date; `--level outlet` groups articles by outlet).
fn nodes(args: &[&str], level: &str) -> Vec<Value> {
    let mut all = vec!["graph", "--format", "json", "--level", level, "-q"];
    all.extend_from_slice(args);
    let doc = common::json(&all);
    doc["nodes"].as_array().expect("nodes").clone()
}

fn node<'a>(nodes: &'a [Value], id: &str) -> &'a Value {
    nodes
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no node {id} in {nodes:#?}"))
}

fn load(paths: &[&str], fields: &[&str]) -> corpus::Corpus {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let options = corpus::Options {
        fields: fields
            .iter()
            .map(|f| f.parse::<FieldSpec>().expect("valid --field"))
            .collect(),
    };
    corpus::load_with(&paths, &options).expect("something readable")
}

fn article<'a>(c: &'a corpus::Corpus, id: &str) -> &'a Article {
    c.articles.iter().find(|a| a.id == id).unwrap_or_else(|| {
        let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        panic!("no article {id} in {ids:?}")
    })
}

/// The metadata of an article, in one comparable tuple: outlet, title, date, url, byline.
type Meta<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn meta(a: &Article) -> Meta<'_> {
    (
        a.outlet.as_deref(),
        a.title.as_deref(),
        a.date.as_deref(),
        a.url.as_deref(),
        a.byline.as_deref(),
    )
}

#[test]
fn plain_text_metadata_is_sniffed_from_its_first_lines() {
    let path = input_fixture("text/plain.txt");
    let c = load(&[&path], &[]);
    let a = article(&c, "plain");
    assert_eq!(
        meta(a),
        (
            None,
            Some("Port Authority Approves Harbor Expansion"),
            Some("2024-03-04"),
            None,
            Some("Dana Whitfield")
        )
    );
    assert_eq!(a.source, path);
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "plain"),
        [
            pair(
                "This is the biggest investment in the port in fifty years,",
                "Elena Ortiz"
            ),
            pair("Nobody asked the fishermen,", "Tom Becker"),
        ]
    );
    // Spans point into the text as read (line 6 is the first paragraph of the body).
    assert_eq!(
        (&q[0]["line"], &q[0]["column"]),
        (&Value::from(6), &Value::from(59))
    );
    let n = nodes(&[&path], "article");
    let plain = node(&n, "article:plain");
    assert_eq!(
        plain["label"],
        "Port Authority Approves Harbor Expansion (plain)"
    );
    assert_eq!(plain["dates"], serde_json::json!(["2024-03-04"]));
}

#[test]
fn yaml_front_matter_is_read_and_cut_from_the_text() {
    let path = input_fixture("text/yaml-front.md");
    let c = load(&[&path], &[]);
    let a = article(&c, "yaml-front");
    assert_eq!(
        meta(a),
        (
            Some("Coastal Ledger"),
            Some("Harbor vote: what comes next"),
            Some("2024-03-05"),
            Some("https://coastal-ledger.example/harbor-vote"),
            Some("Rosa Lind, Sam Ng")
        )
    );
    assert!(
        a.text.starts_with("The harbor expansion passed on Monday."),
        "front matter left in the text: {:?}",
        a.text
    );
    assert!(!a.text.contains("---") && !a.text.contains("outlet:"));
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "yaml-front"),
        [
            pair(
                "This is the biggest investment in the port in fifty years,",
                "Elena Ortiz"
            ),
            pair("Nobody asked the fishermen.", "Tom Becker"),
        ]
    );
    // Offsets and lines are into the body, which starts after the closing `---`.
    assert_eq!(q[0]["line"], 3);
    assert_eq!(q[0]["start"], 41);
    let n = nodes(&[&path], "outlet");
    let ledger = node(&n, "outlet:Coastal Ledger");
    assert_eq!(ledger["articles"], serde_json::json!(["yaml-front"]));
    assert_eq!(ledger["dates"], serde_json::json!(["2024-03-05"]));
}

#[test]
fn toml_front_matter_is_read_and_cut_from_the_text() {
    let path = input_fixture("text/toml-front.md");
    let c = load(&[&path], &[]);
    let a = article(&c, "toml-front");
    // "Associated Press" is made the canonical "AP"; a TOML datetime gives its day.
    assert_eq!(
        meta(a),
        (
            Some("AP"),
            Some("Fishermen push back on harbor plan"),
            Some("2024-03-06"),
            Some("https://apnews.com/article/harbor-plan"),
            Some("Kim Osei")
        )
    );
    assert!(a.text.starts_with("Fishermen gathered"), "{:?}", a.text);
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "toml-front"),
        [
            pair("Nobody asked the fishermen,", "Tom Becker"),
            pair("We will be in court by Friday.", "Tom Becker"),
        ]
    );
    assert_eq!(q[1]["attribution"], "continued");
    let n = nodes(&[&path], "outlet");
    assert_eq!(
        node(&n, "outlet:AP")["dates"],
        serde_json::json!(["2024-03-06"])
    );
}

#[test]
fn trafilatura_json_lines() {
    let path = input_fixture("json/trafilatura.jsonl");
    let c = load(&[&path], &[]);
    let first = article(&c, "trafilatura:1");
    assert_eq!(
        meta(first),
        (
            Some("Reuters"),
            Some("Harbor plan draws fire"),
            Some("2024-03-06"),
            Some("https://www.reuters.com/world/harbor-plan"),
            Some("Lee Park")
        )
    );
    assert_eq!(first.source, format!("{path}:1"));
    // `text` is null: `raw_text` is read instead; `sitename` is null: the outlet is the
    // URL's domain; the date is an ISO timestamp.
    let second = article(&c, "trafilatura:2");
    assert_eq!(
        meta(second),
        (
            Some("bayside-times.example"),
            Some("Mayor defends port vote"),
            Some("2024-03-07"),
            Some("https://bayside-times.example/port"),
            None
        )
    );
    assert_eq!(second.source, format!("{path}:2"));
    assert!(second.text.starts_with("\"The port is the future"));
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "trafilatura:1"),
        [pair("We will be in court by Friday,", "Tom Becker")]
    );
    assert_eq!(
        said(&q, "trafilatura:2"),
        [pair("The port is the future of this city,", "Elena Ortiz")]
    );
    let n = nodes(&[&path], "outlet");
    assert_eq!(
        node(&n, "outlet:Reuters")["articles"],
        serde_json::json!(["trafilatura:1"])
    );
    assert_eq!(
        node(&n, "outlet:bayside-times.example")["dates"],
        serde_json::json!(["2024-03-07"])
    );
}

#[test]
fn newspaper3k_ndjson() {
    let path = input_fixture("json/newspaper.ndjson");
    let c = load(&[&path], &[]);
    let a = article(&c, "newspaper:1");
    // No outlet field: the URL's domain through the outlet table; authors joined.
    assert_eq!(
        meta(a),
        (
            Some("The Guardian"),
            Some("Port expansion: the numbers"),
            Some("2024-03-08"),
            Some("https://www.theguardian.com/world/port-numbers"),
            Some("Ana Ruiz, Ben Cole")
        )
    );
    let q = quotes(&[&path]);
    // Alone, "Ortiz" has no fuller name to be resolved to.
    assert_eq!(
        said(&q, "newspaper:1"),
        [pair(
            "This is the biggest investment in the port in fifty years,",
            "Ortiz"
        )]
    );
    let n = nodes(&[&path], "article");
    assert_eq!(
        node(&n, "article:newspaper:1")["label"],
        "The Guardian (newspaper:1)"
    );
}

#[test]
fn media_cloud_json_array() {
    let path = input_fixture("json/mediacloud.json");
    let c = load(&[&path], &[]);
    assert_eq!(c.articles.len(), 2);
    let ap = article(&c, "9001");
    assert_eq!(
        meta(ap),
        (
            Some("AP"),
            Some("Fishermen sue over port"),
            Some("2024-03-09"),
            Some("https://apnews.com/article/port-court"),
            None
        )
    );
    // Each record's source is the line its element starts on.
    assert_eq!(ap.source, format!("{path}:2"));
    let herald = article(&c, "9002");
    assert_eq!(
        meta(herald),
        (
            Some("Harbor Herald"),
            Some("Lawsuit filed"),
            Some("2024-03-09"),
            Some("https://harborherald.example/sue"),
            None
        )
    );
    assert_eq!(herald.source, format!("{path}:10"));
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "9001"),
        [pair(
            "We said we would be in court, and here we are,",
            "Tom Becker"
        )]
    );
    let texts: Vec<String> = said(&q, "9002").into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, ["Nobody asked the fishermen,"]);
    let n = nodes(&[&path], "outlet");
    let ap = node(&n, "outlet:AP");
    assert_eq!(ap["articles"], serde_json::json!(["9001"]));
    assert_eq!(ap["dates"], serde_json::json!(["2024-03-09"]));
}

#[test]
fn gzip_is_read_as_is_whatever_its_name() {
    let path = input_fixture("json/passim.jsonl.gz");
    let check = |c: &corpus::Corpus| {
        let a = article(c, "ledger-1890-04-02");
        assert_eq!(
            meta(a),
            (Some("Coastal Ledger"), None, Some("1890-04-02"), None, None)
        );
        assert!(a.text.starts_with("THE HARBOR."), "{:?}", a.text);
    };
    check(&load(&[&path], &[]));
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "ledger-1890-04-02"),
        [pair(
            "The harbor shall be deepened this summer,",
            "the engineer"
        )]
    );
    // The same bytes under a name without `.gz`, and on standard input.
    let tmp = tempfile::tempdir().unwrap();
    let renamed = tmp.path().join("feed.jsonl");
    std::fs::copy(&path, &renamed).unwrap();
    check(&load(&[renamed.to_str().unwrap()], &[]));
    let bytes = std::fs::read(&path).unwrap();
    let out = assert_cmd::Command::cargo_bin("quotetrace")
        .unwrap()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let line: Value = serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap())
        .expect("one quote from standard input");
    assert_eq!(line["article"], "ledger-1890-04-02");
    assert_eq!(line["text"], "The harbor shall be deepened this summer,");
}

#[test]
fn html_page_main_text_and_head_metadata() {
    let path = input_fixture("html/page.html");
    let c = load(&[&path], &[]);
    let a = article(&c, "page");
    // og:site_name wins over JSON-LD's publisher; og:title; article:published_time
    // (a timestamp with a zone) gives its day; the canonical link; JSON-LD's author.
    assert_eq!(
        meta(a),
        (
            Some("Bayside Times"),
            Some("Port vote splits the bay"),
            Some("2024-03-05"),
            Some("https://bayside-times.example/news/port-vote"),
            Some("Jo Marsh")
        )
    );
    assert_eq!(
        a.text,
        "Port vote splits the bay\n\n\
         The council approved the expansion late on Monday.\n\n\
         “This is the biggest investment in the port in fifty years,” said Mayor Elena Ortiz.\n\n\
         Tom Becker was blunt: “Nobody asked the fishermen.”\n"
    );
    for furniture in [
        "Home",
        "Share this story",
        "Related",
        "tracking",
        "not an article",
        "©",
        "display",
        "schema.org",
    ] {
        assert!(
            !a.text.contains(furniture),
            "{furniture:?} left in {:?}",
            a.text
        );
    }
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "page"),
        [
            pair(
                "This is the biggest investment in the port in fifty years,",
                "Elena Ortiz"
            ),
            pair("Nobody asked the fishermen.", "Tom Becker"),
        ]
    );
    // The script's "We are not an article" is no quote.
    assert!(q
        .iter()
        .all(|q| !q["text"].as_str().unwrap().contains("article")));
    let n = nodes(&[&path], "outlet");
    let bt = node(&n, "outlet:Bayside Times");
    assert_eq!(bt["articles"], serde_json::json!(["page"]));
    assert_eq!(bt["dates"], serde_json::json!(["2024-03-05"]));
}

#[test]
fn bare_html_keeps_the_paragraphs_and_drops_the_menu() {
    let path = input_fixture("html/bare.htm");
    let c = load(&[&path], &[]);
    let a = article(&c, "bare");
    assert_eq!(
        a.text,
        "Harbor Herald staff report.\n\n\"The dredging starts in May,\" a port spokesman said.\n"
    );
    assert_eq!(meta(a), (None, None, None, None, None));
    let q = quotes(&[&path]);
    assert_eq!(
        said(&q, "bare"),
        [pair("The dredging starts in May,", "a port spokesman")]
    );
}

#[test]
fn json_ld_stands_in_for_what_the_head_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("ld.html");
    std::fs::write(
        &page,
        r#"<!doctype html><html><head><title>x</title>
<script type="application/ld+json">[{"@type": "WebPage"}, {"@graph": [
  {"@type": "NewsArticle", "headline": "Dock strike ends",
   "datePublished": "2024-04-01T07:00:00+02:00",
   "author": [{"@type": "Person", "name": "Ada Quinn"}, {"name": "Bo Reyes"}],
   "publisher": {"@type": "Organization", "name": "Port Courier"},
   "url": "https://port-courier.example/strike",
   "articleBody": "\"We have a deal,\" Ray Quinn said."}]}]</script>
</head><body><nav>Menu</nav><script>var quote = "not a quote";</script></body></html>"#,
    )
    .unwrap();
    let p = page.to_str().unwrap();
    let c = load(&[p], &[]);
    let a = article(&c, "ld");
    assert_eq!(
        meta(a),
        (
            Some("Port Courier"),
            Some("Dock strike ends"),
            Some("2024-04-01"),
            Some("https://port-courier.example/strike"),
            Some("Ada Quinn, Bo Reyes")
        )
    );
    // No paragraph in the body: the JSON-LD articleBody is the text.
    assert_eq!(a.text, "\"We have a deal,\" Ray Quinn said.");
    let q = quotes(&[p]);
    assert_eq!(said(&q, "ld"), [pair("We have a deal,", "Ray Quinn")]);
}

#[test]
fn unknown_field_names_are_mapped_with_field() {
    let path = input_fixture("custom/custom.jsonl");
    // Without a mapping the record has no text field anyone knows: named, and with
    // nothing else to read, exit 2.
    let r = run(&["extract", &path]);
    assert_eq!(r.status, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&path), "{}", r.stderr);
    assert!(r.stderr.contains("no text field"), "{}", r.stderr);
    assert!(r.stdout.is_empty());

    let fields = [
        "--field",
        "text=body_text",
        "--field",
        "id=doc.key",
        "--field",
        "outlet=doc.site",
        "--field",
        "date=when",
    ];
    let mut args: Vec<&str> = vec![path.as_str()];
    args.extend_from_slice(&fields);
    let q = quotes(&args);
    assert_eq!(
        said(&q, "c-1"),
        [pair("We are watching the harbor closely,", "Perry White")]
    );
    let n = nodes(&args, "outlet");
    let planet = node(&n, "outlet:Daily Planet");
    assert_eq!(planet["articles"], serde_json::json!(["c-1"]));
    assert_eq!(planet["dates"], serde_json::json!(["2024-03-10"]));
    let c = load(
        &[&path],
        &[
            "text=body_text",
            "id=doc.key",
            "outlet=doc.site",
            "date=when",
        ],
    );
    let a = article(&c, "c-1");
    // `headline` is a known name for the title; the rest came from the mapping.
    assert_eq!(
        meta(a),
        (
            Some("Daily Planet"),
            Some("Custom export"),
            Some("2024-03-10"),
            None,
            None
        )
    );

    // A mapped field wins over a known name: `media_name` read as the title here.
    let c = load(
        &[&input_fixture("json/mediacloud.json")],
        &["title=media_name"],
    );
    assert_eq!(article(&c, "9002").title.as_deref(), Some("Harbor Herald"));

    let r = run(&["extract", &path, "--field", "nonsense=x"]);
    assert_eq!(r.status, 2);
    assert!(
        r.stderr.contains("unknown field 'nonsense'"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

#[test]
fn every_format_in_one_run() {
    let dirs = [
        input_fixture("json"),
        input_fixture("text"),
        input_fixture("html"),
    ];
    let args: Vec<&str> = dirs.iter().map(String::as_str).collect();
    let mut all = vec!["extract", "--format", "jsonl"];
    all.extend_from_slice(&args);
    let r = ok(&all);
    assert!(
        r.stderr.contains("quotetrace: 11 articles read, 0 skipped"),
        "{}",
        r.stderr
    );
    let mut ids: Vec<String> = r
        .stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["article"].as_str().unwrap().to_string()
        })
        .collect();
    ids.dedup();
    assert_eq!(
        ids,
        [
            "9001",
            "9002",
            "bare",
            "ledger-1890-04-02",
            "newspaper:1",
            "page",
            "plain",
            "toml-front",
            "trafilatura:1",
            "trafilatura:2",
            "yaml-front"
        ]
    );
    // The same statement in four formats is one cluster carried by four articles.
    let doc = common::json(&[
        "quotes", "--format", "json", "-q", &dirs[0], &dirs[1], &dirs[2],
    ]);
    let biggest = doc["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["reference"]
                .as_str()
                .is_some_and(|r| r.contains("biggest investment"))
        })
        .expect("the biggest-investment cluster");
    let mut arts: Vec<&str> = biggest["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    arts.sort();
    assert_eq!(arts, ["newspaper:1", "page", "plain", "yaml-front"]);
}

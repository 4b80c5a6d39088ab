//! `quotetrace report` and the new graph formats, end to end: the Maduro report holds
//! every gold quote, the cited edges and every drift finding; a hostile corpus comes out
//! escaped everywhere; GraphML parses; Graphviz formats fail clearly without Graphviz;
//! a corpus of thousands of articles gives a report that still opens; and, where
//! Chromium is installed, a real browser opens the report without a script error.

mod common;

use common::{gold, json, maduro, norm, ok, root, run_in};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn hostile() -> PathBuf {
    root().join("tests/fixtures/hostile")
}

fn has_graphviz() -> bool {
    Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Writes the report of `corpus` into `dir` and returns its text.
fn report(corpus: &Path, dir: &Path) -> String {
    let out = dir.join("report.html");
    ok(&[
        "report",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    std::fs::read_to_string(&out).expect("report written")
}

/// The HTML entities the report writes, decoded.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#45;", "-")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}

/// The text of a page: tags removed, entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

/// Words only: letters and digits, lowercased, one space between.
fn words(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        spaced
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// `html` without its `<del>…</del>` runs.
fn without_deleted(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<del>") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("</del>").expect("del closes");
        rest = &rest[i + end + "</del>".len()..];
    }
    out.push_str(rest);
    out
}

/// The part of `html` from `<section id="{id}"` to its `</section>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").expect("section closes");
    &html[start..start + end]
}

/// Every `<title>` inside the inline SVG, decoded.
fn svg_titles(html: &str) -> Vec<String> {
    let Some(start) = html.find("<svg") else {
        return Vec::new();
    };
    let svg = &html[start..html.find("</svg>").expect("svg closes")];
    svg.split("<title>")
        .skip(1)
        .map(|t| unescape(&t[..t.find("</title>").expect("title closes")]))
        .collect()
}

#[test]
fn maduro_report_holds_every_gold_quote() {
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&maduro(), tmp.path());
    assert!(html.starts_with("<!DOCTYPE html>"));
    let articles = norm(&visible_text(section(&html, "articles")));
    // In the cluster view each rendering is its words, cut words struck through.
    let clusters = words(&visible_text(&without_deleted(section(&html, "clusters"))));
    for q in gold()["quotes"].as_array().unwrap() {
        let text = q["text"].as_str().unwrap();
        assert!(
            articles.contains(&norm(text)),
            "article view lacks {text:?}"
        );
        assert!(
            clusters.contains(&words(text)),
            "cluster view lacks {text:?}"
        );
    }
    // Every quote has its anchor, highlighted with speaker and kind.
    let quotes = json(&["extract", maduro().to_str().unwrap(), "--format", "json"]);
    let n = quotes["quotes"].as_array().unwrap().len();
    for i in 0..n {
        assert!(
            html.contains(&format!("<mark id=\"q-{i}\"")),
            "no mark q-{i}"
        );
    }
    assert!(html.contains("title=\"Nicolás Maduro · statement · 001-1"));
    // Diffs are coloured.
    assert!(html.contains("<del>") && html.contains("<ins>"));
}

#[test]
fn maduro_report_draws_the_cited_edges() {
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&maduro(), tmp.path());
    let graph = json(&["graph", maduro().to_str().unwrap(), "--format", "json"]);
    let label = |id: &str| -> String {
        let n = graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap();
        n["label"].as_str().unwrap().to_string()
    };
    let cited: Vec<(String, String)> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "cited")
        .map(|e| {
            (
                label(e["source"].as_str().unwrap()),
                label(e["target"].as_str().unwrap()),
            )
        })
        .collect();
    assert_eq!(cited.len(), 3, "{cited:?}");
    let holds = |e: &serde_json::Value, art: &str| {
        e["articles"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == art))
    };
    let nodes = graph["nodes"].as_array().unwrap();
    for (src, art) in [("Fox News", "001"), ("Newsweek", "004"), ("AP", "004")] {
        let dst = label(
            nodes.iter().find(|n| holds(n, art)).unwrap()["id"]
                .as_str()
                .unwrap(),
        );
        assert!(
            cited.contains(&(src.to_string(), dst.clone())),
            "{src} -> {dst}"
        );
        let edges = visible_text(section(&html, "graph"));
        assert!(
            edges.contains(&format!("{src} → {dst}")),
            "edge list lacks {src} -> {dst}"
        );
        if has_graphviz() {
            let titles = svg_titles(&html);
            assert!(
                titles.iter().any(|t| t.starts_with(&format!("{src} → "))
                    && t.contains(&dst)
                    && t.contains("cited 0.95")
                    && t.contains("citation")),
                "no drawn edge {src} -> {dst} with its evidence in {titles:#?}"
            );
        }
    }
    if has_graphviz() {
        // Nodes link to their article sections, edges to their evidence.
        assert!(html.contains("xlink:href=\"#art-1\""));
        assert!(html.contains("xlink:href=\"#edge-0\""));
    } else {
        assert!(html.contains("No drawing") && html.contains("digraph provenance"));
    }
}

#[test]
fn maduro_report_lists_every_drift_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&maduro(), tmp.path());
    let drift = json(&["drift", maduro().to_str().unwrap(), "--format", "json"]);
    let findings = drift["findings"].as_array().unwrap();
    let part = section(&html, "findings");
    assert_eq!(
        part.matches("class=\"finding\"").count(),
        findings.len(),
        "one entry per finding"
    );
    for f in findings {
        let place = format!(
            "{}:{}:{}",
            f["article"].as_str().unwrap(),
            f["line"],
            f["column"]
        );
        let id = f["quote"].as_str().unwrap();
        assert!(
            part.contains(&format!("{place}</a> <code>{id}</code>")),
            "finding {id} at {place} missing or not linked"
        );
        let severity = f["severity"].as_str().unwrap();
        assert!(part.contains(&format!("sev-{severity}")));
    }
    // Ranked: the first listed is high.
    let first = part.find("class=\"finding\"").unwrap();
    assert!(part[first..].starts_with("class=\"finding\"><span class=\"badge sev sev-high\""));
    // The numbers on top agree with the stages.
    let numbers = visible_text(section(&html, "numbers"));
    assert!(numbers.contains(&format!("{}drift findings", findings.len())));
}

#[test]
fn the_report_is_self_contained_and_written_atomically() {
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&maduro(), tmp.path());
    let lower = html.to_lowercase();
    for banned in [
        "<script",
        "<link",
        "<iframe",
        "<img",
        "src=",
        "@import",
        "http-equiv=\"refresh",
    ] {
        assert!(!lower.contains(banned), "report holds {banned}");
    }
    assert!(lower.contains("content-security-policy"));
    for (i, _) in html.match_indices("href=\"") {
        assert_eq!(
            &html[i + 6..i + 7],
            "#",
            "external link at {}",
            &html[i..i + 40]
        );
    }
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.html"], "temporary file left behind");
    // Default name after the corpus; - for standard output.
    let r = run_in(tmp.path(), &["report", maduro().to_str().unwrap()], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(tmp.path().join("maduro-report.html").exists());
    let r = run_in(
        tmp.path(),
        &["report", maduro().to_str().unwrap(), "-o", "-"],
        None,
    );
    assert!(r.stdout.starts_with("<!DOCTYPE html>"));
}

#[test]
fn hostile_articles_are_escaped_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&hostile(), tmp.path());
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script tag got through");
    for raw in ["<b>", "<i>", "<img", "href=\"javascript"] {
        assert!(!lower.contains(raw), "{raw} got through");
    }
    for (i, _) in html.match_indices("href=\"") {
        assert_eq!(&html[i + 6..i + 7], "#", "link out at {}", &html[i..i + 40]);
    }
    let script = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    assert!(
        html.matches(script).count() >= 4,
        "escaped script text missing"
    );
    for shown in [
        "&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;Co&quot; {x}",
        "&#39;single&#39; &quot;double&quot; {braces}",
        "We will &lt;b&gt;never&lt;/b&gt; pay &amp; we mean it {now}",
        "evil&lt;i&gt;1&lt;/i&gt;&amp;&quot;&#39;{x}",
        "&lt;img src=x onerror=alert(4)&gt;",
        "{{x}}",
    ] {
        assert!(html.contains(shown), "missing {shown}");
    }
    if has_graphviz() {
        assert!(
            html.contains("<svg"),
            "the hostile drawing was not embedded"
        );
        let titles = svg_titles(&html);
        assert!(
            titles.iter().any(|t| t.starts_with(
                "</script><script>alert(1)</script> <b>Evil</b> & \"Co\" {x} (evil<i>1</i>&\"'{x}) → Daily Echo"
            )),
            "{titles:#?}"
        );
    }
}

/// A rough XML well-formedness check: tags nest, attributes are quoted, `&` starts an
/// entity, text holds no `<`. Returns the element names in order.
fn xml_elements(xml: &str) -> Vec<String> {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .expect("XML declaration");
    let mut stack: Vec<String> = Vec::new();
    let mut names = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        check_entities(&rest[..lt]);
        let gt = rest.find('>').expect("tag closes");
        let tag = &rest[lt + 1..gt];
        assert!(!tag.contains('<'), "< inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name),
                "bad nesting at </{name}>"
            );
        } else {
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name = tag.split_whitespace().next().expect("tag name").to_string();
            let attrs = &tag[name.len()..];
            assert_eq!(
                attrs.matches('"').count() % 2,
                0,
                "unquoted attribute in {tag}"
            );
            check_entities(attrs);
            names.push(name.clone());
            if !self_closing {
                stack.push(name);
            }
        }
        rest = &rest[gt + 1..];
    }
    assert!(
        stack.is_empty() && rest.trim().is_empty(),
        "unclosed {stack:?}"
    );
    names
}

fn check_entities(text: &str) {
    for (i, _) in text.match_indices('&') {
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
            .iter()
            .any(|e| text[i..].starts_with(e));
        assert!(ok, "bare & in {text:?}");
    }
}

#[test]
fn graphml_is_well_formed_with_attributes() {
    for corpus in [maduro(), hostile()] {
        let d = corpus.to_str().unwrap();
        let xml = ok(&["graph", d, "--format", "graphml"]).stdout;
        let names = xml_elements(&xml);
        let graph = json(&["graph", d, "--format", "json"]);
        let count = |n: &str| names.iter().filter(|x| *x == n).count();
        assert_eq!(count("node"), graph["nodes"].as_array().unwrap().len());
        assert_eq!(count("edge"), graph["edges"].as_array().unwrap().len());
        assert_eq!(count("graphml"), 1);
        for key in ["label", "kind", "confidence", "weight", "evidence", "pairs"] {
            assert!(
                xml.contains(&format!("attr.name=\"{key}\"")),
                "no key {key}"
            );
        }
        assert!(!xml.contains("<b>") && !xml.contains("<script"));
    }
    let xml = ok(&["graph", maduro().to_str().unwrap(), "--format", "graphml"]).stdout;
    assert!(xml.contains("<data key=\"ekind\">cited</data>"));
    assert!(
        xml.contains("directed=\"false\""),
        "shares-source edges are undirected"
    );
}

#[test]
fn graph_svg_and_png_need_graphviz_and_say_so() {
    let d = maduro();
    let d = d.to_str().unwrap();
    let empty = tempfile::tempdir().unwrap();
    for format in ["svg", "png"] {
        let out = assert_cmd::Command::cargo_bin("quotetrace")
            .unwrap()
            .env("PATH", empty.path())
            .args(["graph", d, "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format} without graphviz");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("Graphviz") && err.contains("install"), "{err}");
    }
    // The report still works without Graphviz, with a note and the DOT.
    let out = empty.path().join("r.html");
    let r = assert_cmd::Command::cargo_bin("quotetrace")
        .unwrap()
        .env("PATH", empty.path())
        .args(["report", d, "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Graphviz is not installed") && html.contains("digraph provenance"));
    assert!(!html.contains("<svg"));
    if !has_graphviz() {
        return;
    }
    let svg = assert_cmd::Command::cargo_bin("quotetrace")
        .unwrap()
        .args(["graph", d, "--format", "svg"])
        .output()
        .unwrap();
    assert!(svg.status.success());
    let text = String::from_utf8_lossy(&svg.stdout);
    assert!(text.contains("<svg") && text.contains("Fox News"));
    let png = assert_cmd::Command::cargo_bin("quotetrace")
        .unwrap()
        .args(["graph", d, "--format", "png"])
        .output()
        .unwrap();
    assert!(png.status.success());
    assert_eq!(&png.stdout[..8], b"\x89PNG\r\n\x1a\n");
}

/// A corpus of `n` short articles from 40 outlets: a few utterances quoted with small
/// edits everywhere, and one article in four citing another outlet.
fn synthetic_corpus(dir: &Path, n: usize) {
    let lines = [
        "We will not accept any deal that hurts our workers or our farmers",
        "The talks were productive and we expect an agreement within weeks",
        "Nobody in this government has ever taken a bribe from anyone",
        "Our army is ready to defend every inch of the national territory",
    ];
    let mut manifest = Vec::new();
    for i in 0..n {
        let said = lines[i % lines.len()];
        let said = if i % 3 == 0 {
            said.replace("will", "shall")
        } else {
            said.to_string()
        };
        let text = format!(
            "Story number {i}\n\n\"{said},\" Minister Ana Ruiz said on Tuesday in the capital.\n\n\
             Officials in district {i} said the figure was {i} percent, calling it \
             \"manageable\" for region {i}.\n"
        );
        let file = format!("a{i:05}.txt");
        std::fs::write(dir.join(&file), text).unwrap();
        let cites = if i % 4 == 0 {
            serde_json::json!([{"outlet": format!("Outlet {}", (i + 1) % 40), "url": null, "how": "according to"}])
        } else {
            serde_json::json!([])
        };
        manifest.push(serde_json::json!({
            "id": format!("a{i:05}"), "file": file, "outlet": format!("Outlet {}", i % 40),
            "title": format!("Story number {i}"), "date": format!("2026-01-{:02}", 1 + i % 28),
            "byline": null, "url": null, "cites": cites
        }));
    }
    let manifest = serde_json::json!({ "articles": manifest });
    std::fs::write(dir.join("manifest.json"), manifest.to_string()).unwrap();
}

#[test]
fn a_corpus_of_thousands_gives_a_report_that_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("big");
    std::fs::create_dir(&corpus).unwrap();
    synthetic_corpus(&corpus, 2_500);
    let out = tmp.path().join("big.html");
    let started = Instant::now();
    let args = [
        "report",
        corpus.to_str().unwrap(),
        "--level",
        "article",
        "-o",
    ];
    ok(&[&args[..], &[out.to_str().unwrap()]].concat());
    let html = std::fs::read_to_string(&out).unwrap();
    eprintln!(
        "report of 2500 articles: {} KB in {:.1} s",
        html.len() / 1000,
        started.elapsed().as_secs_f64()
    );
    assert!(
        html.len() < 40_000_000,
        "report too large: {} bytes",
        html.len()
    );
    assert!(html.ends_with("</html>\n"));
    let articles = section(&html, "articles");
    assert!(articles.matches("class=\"article\"").count() <= 400);
    assert!(articles.contains("more articles not shown here"));
    assert!(
        !articles.contains("class=\"article\" open"),
        "articles start collapsed"
    );
    let graph = section(&html, "graph");
    assert!(graph.contains("more edges not shown here"));
    if has_graphviz() {
        assert!(graph.contains("<svg"), "the large graph was not drawn");
        assert!(graph.contains("node(s) without edges are not drawn"));
    }
}

/// Chromium, if installed; in CI it must be (the CI script installs it).
fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!("chromium is required in CI (.ci/run installs it)");
    }
    eprintln!("chromium not installed: browser test skipped");
    None
}

/// Runs headless Chromium with `args` on `page`; returns (stdout, stderr).
fn headless(chrome: &Path, profile: &Path, args: &[&str], page: &Path) -> (String, String) {
    let mut child = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let drain = |p: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut p) = p {
                let _ = p.read_to_string(&mut s);
            }
            s
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    (out.join().unwrap(), err.join().unwrap())
}

#[test]
fn a_browser_opens_the_report_without_script_errors() {
    let Some(chrome) = chromium() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("report-maduro.html");
    ok(&[
        "report",
        maduro().to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
    ]);
    let shot = root().join("target/report-maduro.png");
    let _ = std::fs::remove_file(&shot);
    std::fs::create_dir_all(root().join("target")).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let (_, err) = headless(
        &chrome,
        profile.path(),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000",
            "--hide-scrollbars",
        ],
        &page,
    );
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "no screenshot; chromium said:\n{err}"
    );
    let logs = ["--dump-dom", "--enable-logging=stderr", "--v=0"];
    let (dom, err) = headless(&chrome, profile.path(), &logs, &page);
    assert!(!err.contains("Uncaught"), "script error:\n{err}");
    assert!(
        dom.contains("<svg") || !has_graphviz(),
        "drawing missing from the DOM"
    );
    assert!(
        dom.contains("id=\"findings\""),
        "DOM incomplete:\n{}",
        &dom[..dom.len().min(2000)]
    );
    // The hostile corpus: its markup stays text in the browser's DOM too.
    let evil = tmp.path().join("hostile.html");
    ok(&[
        "report",
        hostile().to_str().unwrap(),
        "-o",
        evil.to_str().unwrap(),
    ]);
    let (dom, err) = headless(&chrome, profile.path(), &logs, &evil);
    assert!(!err.contains("Uncaught"), "script error:\n{err}");
    let lower = dom.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<b>") && !lower.contains("<img"));
    assert!(dom.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
}

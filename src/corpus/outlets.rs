//! The one table that maps web domains and written names to outlet names. Every place
//! that needs to know that foxnews.com is Fox News asks here.

/// (outlet name, domains, other names it goes by in text).
const OUTLETS: &[(&str, &[&str], &[&str])] = &[
    (
        "AP",
        &["apnews.com", "ap.org"],
        &["Associated Press", "The Associated Press"],
    ),
    ("Reuters", &["reuters.com"], &[]),
    (
        "AFP",
        &["afp.com"],
        &["Agence France-Presse", "Agence France Presse"],
    ),
    (
        "Fox News",
        &["foxnews.com", "foxbusiness.com"],
        &["Fox", "Fox News Digital"],
    ),
    ("Newsweek", &["newsweek.com"], &[]),
    (
        "The New York Times",
        &["nytimes.com"],
        &["New York Times", "NYT"],
    ),
    (
        "The Washington Post",
        &["washingtonpost.com"],
        &["Washington Post"],
    ),
    (
        "The Wall Street Journal",
        &["wsj.com"],
        &["Wall Street Journal", "WSJ"],
    ),
    ("CNN", &["cnn.com"], &[]),
    ("BBC", &["bbc.com", "bbc.co.uk"], &["BBC News"]),
    (
        "The Guardian",
        &["theguardian.com", "guardian.co.uk"],
        &["Guardian"],
    ),
    ("Bloomberg", &["bloomberg.com"], &["Bloomberg News"]),
    ("NPR", &["npr.org"], &[]),
    ("NBC News", &["nbcnews.com"], &["NBC"]),
    ("CBS News", &["cbsnews.com"], &["CBS"]),
    ("ABC News", &["abcnews.go.com", "abcnews.com"], &["ABC"]),
    ("Politico", &["politico.com", "politico.eu"], &[]),
    ("Axios", &["axios.com"], &[]),
    ("The Hill", &["thehill.com"], &[]),
    ("USA Today", &["usatoday.com"], &[]),
    ("Los Angeles Times", &["latimes.com"], &["LA Times"]),
    ("New York Post", &["nypost.com"], &["NY Post"]),
    ("Financial Times", &["ft.com"], &["FT"]),
    ("The Economist", &["economist.com"], &[]),
    ("CNBC", &["cnbc.com"], &[]),
    ("Al Jazeera", &["aljazeera.com", "aljazeera.net"], &[]),
    ("France 24", &["france24.com"], &[]),
    ("DW", &["dw.com"], &["Deutsche Welle"]),
    ("El País", &["elpais.com"], &["El Pais"]),
    (
        "teleSUR",
        &["telesurtv.net", "telesurenglish.net"],
        &["Telesur"],
    ),
    ("Yahoo News", &["yahoo.com", "news.yahoo.com"], &[]),
    ("MSN", &["msn.com"], &[]),
    ("Breitbart", &["breitbart.com"], &[]),
    (
        "HuffPost",
        &["huffpost.com", "huffingtonpost.com"],
        &["Huffington Post"],
    ),
    ("The Times", &["thetimes.co.uk"], &[]),
    ("The Telegraph", &["telegraph.co.uk"], &["Telegraph"]),
    ("The Independent", &["independent.co.uk"], &["Independent"]),
    ("Daily Mail", &["dailymail.co.uk"], &[]),
    ("Miami Herald", &["miamiherald.com"], &[]),
    ("Newsclip", &["newsclip.com"], &[]),
];

/// The outlet behind a URL, by its host (subdomains included), if the table knows it.
pub fn outlet_for_url(url: &str) -> Option<&'static str> {
    let host = host_of(url)?;
    OUTLETS.iter().find_map(|(name, domains, _)| {
        domains
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
            .then_some(*name)
    })
}

/// The host part of a URL, lower-cased, without "www.".
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

/// The outlet a written name stands for ("Associated Press" is AP), if it is one.
pub fn outlet_for_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    OUTLETS.iter().find_map(|(canon, _, aliases)| {
        (canon.eq_ignore_ascii_case(name) || aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
            .then_some(*canon)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_names() {
        assert_eq!(
            outlet_for_url("https://www.foxnews.com/world/x"),
            Some("Fox News")
        );
        assert_eq!(outlet_for_url("https://apnews.com/article/1"), Some("AP"));
        assert_eq!(outlet_for_url("https://example.org/"), None);
        assert_eq!(outlet_for_name("Associated Press"), Some("AP"));
        assert_eq!(outlet_for_name("Newsweek"), Some("Newsweek"));
    }
}

//! The command line as the user types it (clap derive). Nothing here computes: `cmd`
//! turns these into a run.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Trace quotes through the news: who said what, how the words changed from outlet to
/// outlet, and which outlet appears to copy which, with the evidence for every claim.
#[derive(Debug, Parser)]
#[command(name = "quotetrace", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads (default: all cores). Output is identical for any number.
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// No notes on stderr about skipped or repaired files (errors still print).
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every direct quote with its speaker, kind and position.
    Extract(ExtractArgs),
    /// Clusters of quote variants: each utterance's renderings across articles.
    Quotes(QuotesArgs),
    /// Paraphrase-drift audit: how each rendering departs from its reference.
    Drift(DriftArgs),
    /// Provenance graph: which outlet appears to derive from which, and why.
    Graph(GraphArgs),
    /// The main job: everything at once, a summary on screen and DOT graphs on disk.
    Trace(TraceArgs),
    /// One self-contained HTML report of every stage (opens from disk, no network).
    Report(ReportArgs),
    /// Score a run against known truth (a synthetic corpus's truth.json).
    Evaluate(EvaluateArgs),
}

/// Where the articles are.
#[derive(Debug, Args)]
pub struct Input {
    /// Folders (read recursively), files, or - for standard input.
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Read article field NAME (id, outlet, title, date, url, byline, text) from the
    /// record field SOURCE of JSON records and front matter, before the names common
    /// tools use (repeatable; SOURCE may be a dotted path: meta.site).
    #[arg(long = "field", value_name = "NAME=SOURCE")]
    pub fields: Vec<quotetrace::corpus::FieldSpec>,
    /// Stop with exit status 2 at the first input skipped or repaired (a bad JSON line,
    /// invalid UTF-8, a binary file, a renamed duplicate id...); notes (empty files,
    /// UTF-16, a folder reached twice) do not count.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: Input,
    /// Output format: text for people, json or jsonl (one quote per line) for programs.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    Text,
    Json,
    Csv,
}

/// Which clusters or findings to show.
#[derive(Debug, Args, Clone, Default)]
pub struct Filter {
    /// Only those with this speaker (case-insensitive, part of the name is enough).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only those that involve this article id.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub filter: Filter,
    /// Only clusters carried by at least N outlets.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_outlets: usize,
    #[arg(long, value_enum, default_value_t = QuotesFormat::Text)]
    pub format: QuotesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Level {
    Info,
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DriftFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct DriftArgs {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub filter: Filter,
    /// Show only findings at this severity or above.
    #[arg(long, value_enum, default_value_t = Level::Info, value_name = "LEVEL")]
    pub min_severity: Level,
    /// Exit with status 1 when a finding at this severity or above exists (for
    /// publishing pipelines).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<Level>,
    #[arg(long, value_enum, default_value_t = DriftFormat::Text)]
    pub format: DriftFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Json,
    Text,
    /// Drawn by Graphviz (which must be installed).
    Svg,
    /// Drawn by Graphviz (which must be installed).
    Png,
    /// GraphML with node and edge attributes, for Gephi, yEd or networkx.
    Graphml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphLevel {
    /// One node per outlet (articles of unknown outlet stand alone).
    Outlet,
    /// One node per article.
    Article,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: Input,
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    #[arg(long, value_enum, default_value_t = GraphLevel::Outlet)]
    pub level: GraphLevel,
    /// Drop inferred edges below this confidence (0 to 1). Cited edges always stay.
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f64,
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    #[command(flatten)]
    pub input: Input,
    /// Folder for the DOT graphs (`<corpus>-provenance.dot`, `<corpus>-quotes.dot`).
    #[arg(long, value_name = "DIR", default_value = "graphs")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    #[command(flatten)]
    pub input: Input,
    /// The truth file (`truth.json` beside a `quotetrace-synth` corpus).
    #[arg(long, value_name = "FILE")]
    pub truth: PathBuf,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: Input,
    /// The HTML file to write (default `<corpus>-report.html`; - for standard output).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Nodes of the provenance graph: outlets, or articles.
    #[arg(long, value_enum, default_value_t = GraphLevel::Outlet)]
    pub level: GraphLevel,
    /// Drop inferred edges below this confidence (0 to 1). Cited edges always stay.
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f64,
}

pub fn parse() -> Cli {
    Cli::parse()
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}

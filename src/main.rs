//! The `dossier` binary: parse the command line, then run the reader or a
//! headless command. Exit codes: 0 success, 1 runtime error, 2 usage error.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use dossier::app::{action, keymap::Keymap};
use dossier::config::{self, Config};
use dossier::corpus::{LoadOptions, Source};
use dossier::headless;
use dossier::tui;
use dossier::ui::Theme;
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal reader for news article corpora: article list, reading pane
/// with people, places, organisations and dates highlighted, and a timeline.
#[derive(Parser)]
#[command(name = "dossier", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders of .txt, .md, .json, .jsonl articles (default: the sample corpus)
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// Print the default config (a commented config.toml to start from)
    #[arg(long)]
    print_config: bool,
}

#[derive(Args, Clone)]
struct Common {
    /// Anchor for relative dates in articles without a date of their own
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, global = true)]
    reference_date: Option<NaiveDate>,
    /// Config file (default: the config folder's config.toml)
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// One article per line: id, date, title
    List {
        paths: Vec<PathBuf>,
        /// JSON Lines output
        #[arg(long)]
        json: bool,
    },
    /// Entities and dates of each article (JSON Lines with --json)
    Analyze {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Dated events in timeline order
    Timeline {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Only events whose sentence names this entity
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
    },
    /// Articles ranked for a query (same language as `/` in the reader)
    Search {
        /// Words (fuzzy, all must match), "exact phrases", person: place: org: date:
        query: String,
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        /// At most this many results
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    tui::install_panic_hook();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    if cli.print_config {
        print!("{}", config::default_config_toml(&action::action_infos()));
        return Ok(0);
    }
    let names = action::action_names();
    let loaded = match &cli.common.config {
        Some(path) => Config::load(path, &names).map(Some),
        None => Config::load_default_location(&names),
    };
    let config = match loaded {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            // A bad config is a usage error: say where, and touch nothing.
            eprintln!("dossier: {e}");
            return Ok(2);
        }
    };
    let load = |paths: &[PathBuf], analyze: bool| {
        let opts = LoadOptions {
            reference_date: cli.common.reference_date.or(config.reference_date),
            size_cap: config.size_cap.unwrap_or(dossier::corpus::DEFAULT_SIZE_CAP),
            analyze,
        };
        (Source::from_args(paths), opts)
    };
    // Block-buffered: a line-buffered stdout costs a write per article.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match &cli.command {
        None => {
            // Before taking over the screen: a reader with nothing at all to
            // read is a mistyped path, said plainly on the shell.
            let missing: Vec<_> = cli.paths.iter().filter(|p| std::fs::metadata(p).is_err()).collect();
            if !cli.paths.is_empty() && missing.len() == cli.paths.len() {
                let names: Vec<String> = missing.iter().map(|p| p.display().to_string()).collect();
                eprintln!("dossier: no such file or folder: {}", names.join(", "));
                return Ok(1);
            }
            let (source, load) = load(&cli.paths, true);
            let keymap = Keymap::with_overrides(&config.keys);
            tui::run(tui::Options { source, load, keymap, theme: Theme::for_env(&config.theme) })
        }
        Some(Command::List { paths, json }) => {
            let (source, opts) = load(paths, false);
            headless::list(&source, &opts, *json, &mut out)
        }
        Some(Command::Analyze { paths, json }) => {
            let (source, opts) = load(paths, true);
            headless::analyze(&source, &opts, *json, &mut out)
        }
        Some(Command::Search { query, paths, json, limit }) => {
            let (source, opts) = load(paths, true);
            headless::search(&source, &opts, query, *json, *limit, &mut out)
        }
        Some(Command::Timeline { paths, json, entity }) => {
            let (source, opts) = load(paths, true);
            headless::timeline(&source, &opts, *json, entity.as_deref(), &mut out)
        }
    }
}

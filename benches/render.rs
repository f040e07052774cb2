//! One frame of the reader at 200x60, whatever the corpus size: the list,
//! an open article with its entities, the timeline and the status bar are
//! drawn into a `TestBackend`. Only the visible rows are built, so the cost
//! should not grow with the number of articles.
//!
//!     DOSSIER_BENCH_N=100000 cargo bench --bench render

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dossier::app::keymap::Keymap;
use dossier::app::{App, Effect, Msg, finalize};
use dossier::corpus::{Article, LoadEvent, Loaded};
use dossier::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rayon::prelude::*;

fn app_with(n: usize) -> App {
    let items: Vec<Loaded> = (0..n)
        .into_par_iter()
        .map(|i| {
            let s = dossier::synth::article(dossier::synth::DEFAULT_SEED, i);
            let date = dossier::corpus::parse_date(&s.date);
            let analysis = dossier::analysis::analyze(&s.body, date);
            let article = Article {
                id: format!("synth-{i}"),
                path: String::new(),
                title: s.title,
                date,
                source: None,
                url: None,
                author: None,
                body: s.body,
                order: (i as u32, 0),
            };
            Loaded { article, analysis }
        })
        .collect();
    let mut app = App::new(Keymap::default(), (200, 60));
    app.update(Msg::Load(LoadEvent::Batch { items, skips: Vec::new(), files: n, bytes: 0 }));
    app.update(Msg::LoadDone);
    for effect in std::mem::take(&mut app.effects) {
        if let Effect::Finalize(snapshot) = effect {
            app.update(Msg::Finalized(finalize::run(&snapshot)));
        }
    }
    // Somewhere in the middle, with an article open and an entity in focus.
    for key in ["G", "k", "enter", "]", "]", "3", "j"] {
        let code = match key {
            "enter" => ratatui::crossterm::event::KeyCode::Enter,
            k => ratatui::crossterm::event::KeyCode::Char(k.chars().next().unwrap()),
        };
        let m = if key == "G" {
            ratatui::crossterm::event::KeyModifiers::SHIFT
        } else {
            ratatui::crossterm::event::KeyModifiers::NONE
        };
        app.update(Msg::Key(ratatui::crossterm::event::KeyEvent::new(code, m)));
    }
    app
}

fn bench(c: &mut Criterion) {
    let max: usize = std::env::var("DOSSIER_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let theme = Theme::colour();
    let mut g = c.benchmark_group("frame 200x60");
    for n in [100, 10_000, max].into_iter().filter(|&n| n <= max) {
        let app = app_with(n);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                // A fresh back buffer each time, so every cell is compared
                // and written, as on a full redraw.
                terminal.clear().unwrap();
                terminal.draw(|f| ui::draw(&app, &theme, f)).unwrap();
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

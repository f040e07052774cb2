//! The timeline through the real `update`: every timeline key, the jump
//! into the article at the event's sentence, `t` from the reader, `f`.

mod common;
use common::{app_with, corpus_dir, press, sample_app, screen};
use dossier::app::{App, Pane};
use dossier::corpus::{LoadOptions, Source};

/// Three articles with events across months, years, and one shared event.
fn dated_app() -> App {
    let dir = corpus_dir(&[
        ("a.md", "---\ndate: 2025-12-10\n---\nOn 4 December 2025, Governor Alexander Khinstin announced a monument in Kursk. On 1 November 2025, Lavrov met Cho in Wonsan.".as_bytes()),
        ("b.md", "---\ndate: 2025-12-11\n---\nOn 4 December 2025, Governor Alexander Khinstin announced the monument in Kursk. In March 2024 the war went on.".as_bytes()),
        ("c.md", "---\ndate: 2025-12-12\n---\nOn 20 November 2025, Putin spoke in Moscow. On 21 November 2025, Putin spoke again in Moscow.".as_bytes()),
    ]);
    app_with(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default(), (120, 40))
}

fn dates(app: &App) -> Vec<String> {
    app.timeline.rows.iter().map(|&i| app.timeline.events[i].date.to_string()).collect()
}

fn selected_date(app: &App) -> String {
    app.timeline.event(app.timeline.selected).unwrap().date.to_string()
}

#[test]
fn events_are_chronological_and_a_shared_event_is_one_row() {
    let app = dated_app();
    assert_eq!(dates(&app), ["2024-03", "2025-11-01", "2025-11-20", "2025-11-21", "2025-12-04"]);
    let dec4 = app.timeline.event(4).unwrap();
    assert_eq!(dec4.source_count(), 2, "told by two articles, shown once");
    assert!(screen(&app).contains("×2"), "the source count shows");
}

#[test]
fn j_k_g_shift_g_move_between_events() {
    let mut app = dated_app();
    press(&mut app, "3");
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(app.timeline.selected, 0);
    press(&mut app, "j j");
    assert_eq!(selected_date(&app), "2025-11-20");
    press(&mut app, "k");
    assert_eq!(selected_date(&app), "2025-11-01");
    press(&mut app, "G");
    assert_eq!(selected_date(&app), "2025-12-04");
    press(&mut app, "g");
    assert_eq!(selected_date(&app), "2024-03");
    press(&mut app, "down end home");
    assert_eq!(app.timeline.selected, 0);
}

#[test]
fn braces_move_by_month() {
    let mut app = dated_app();
    press(&mut app, "3 }");
    assert_eq!(selected_date(&app), "2025-11-01");
    press(&mut app, "}");
    assert_eq!(selected_date(&app), "2025-12-04", "skips the rest of November");
    press(&mut app, "{");
    assert_eq!(selected_date(&app), "2025-11-01", "back to the start of November");
    press(&mut app, "j j {");
    assert_eq!(selected_date(&app), "2025-11-01", "from inside a month, to its start");
    press(&mut app, "{");
    assert_eq!(selected_date(&app), "2024-03");
}

#[test]
fn enter_opens_the_article_at_the_sentence_and_marks_it() {
    let mut app = dated_app();
    press(&mut app, "3 j j enter");
    assert_eq!(app.focus, Pane::Reader);
    let a = app.reader.article.unwrap();
    assert_eq!(app.library.article(a).id, "c.md");
    let marked = app.reader.marked.clone().expect("the sentence is marked");
    assert_eq!(&app.library.article(a).body[marked.clone()], "On 20 November 2025, Putin spoke in Moscow.");
    let row = dossier::text::row_of(&app.reader.rows, marked.start);
    assert!(app.reader.scroll <= row && row < app.reader.scroll + app.reader.height);
}

#[test]
fn t_in_the_reader_jumps_to_the_event_of_the_sentence() {
    let mut app = dated_app();
    press(&mut app, "3 j j j enter");
    assert_eq!(selected_date(&app), "2025-11-21");
    press(&mut app, "1 2 t");
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(selected_date(&app), "2025-11-21", "the marked sentence's event");
    // From an entity in another sentence: its event.
    press(&mut app, "1 G enter ] t");
    assert_eq!(app.focus, Pane::Timeline);
    let ev = app.timeline.event(app.timeline.selected).unwrap();
    assert!(ev.sources().any(|s| s == app.reader.article.unwrap()));
}

#[test]
fn f_shows_only_the_events_of_the_entity_in_focus() {
    let mut app = dated_app();
    press(&mut app, "3 j j enter");
    let a = app.reader.article.unwrap();
    let analysis = app.library.analysis(a);
    let putin = analysis.mentions.iter().position(|m| analysis.name(m).contains("Putin")).unwrap();
    while app.reader.entity != Some(putin) {
        press(&mut app, "]");
    }
    press(&mut app, "3 f");
    assert_eq!(dates(&app), ["2025-11-20", "2025-11-21"]);
    assert!(screen(&app).contains("events of Putin"), "{}", screen(&app));
    press(&mut app, "f");
    assert_eq!(dates(&app).len(), 5, "f again clears");
}

#[test]
fn sample_corpus_events_have_unknown_years_without_a_date() {
    let app = sample_app((120, 40));
    assert_eq!(dates(&app), ["????-01-01", "????-07", "????-12-04"]);
    let dir = tempfile::tempdir().unwrap();
    drop(dir);
    let opts = LoadOptions { reference_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 2), ..LoadOptions::default() };
    let app = app_with(&Source::Sample, &opts, (120, 40));
    assert_eq!(dates(&app), ["2025-07", "2025-12-04", "2026-01-01"]);
}

#[test]
fn the_timeline_pane_snapshot() {
    let mut app = dated_app();
    press(&mut app, "3 j");
    insta::assert_snapshot!(screen(&app));
}

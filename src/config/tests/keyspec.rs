//! Key spec parsing, printing and matching.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::*;

fn key(spec: &str) -> KeySpec {
    KeySpec::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"))
}

fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

#[test]
fn every_named_key_round_trips_through_display() {
    let mut names: Vec<String> = NAMED_KEYS.iter().map(|(n, _)| n.to_string()).collect();
    names.extend((1..=MAX_F_KEY).map(|n| format!("f{n}")));
    for name in &names {
        for mods in ["", "ctrl-", "alt-", "shift-", "ctrl-alt-", "ctrl-alt-shift-"] {
            if name == "space" && mods.contains("shift") {
                continue; // refused: see bad_specs_are_refused_with_a_reason
            }
            let spec = format!("{mods}{name}");
            let parsed = key(&spec);
            let shown = parsed.to_string();
            assert_eq!(key(&shown), parsed, "{spec} printed as {shown}");
            // Printing is canonical: printing again gives the same text.
            assert_eq!(key(&shown).to_string(), shown);
        }
        // Named keys are case-insensitive.
        assert_eq!(key(&name.to_uppercase()), key(name));
    }
}

#[test]
fn display_is_the_canonical_spec() {
    for (spec, shown) in [
        ("q", "q"),
        ("G", "G"),
        ("shift-g", "G"),
        ("Ctrl-c", "ctrl-c"),
        ("ctrl-C", "ctrl-C"),
        ("alt-ctrl-x", "ctrl-alt-x"),
        ("space", "space"),
        (" ", "space"),
        ("backtab", "shift-tab"),
        ("shift-tab", "shift-tab"),
        ("PgDn", "pgdn"),
        ("shift-up", "shift-up"),
        ("ctrl--", "ctrl--"),
        ("-", "-"),
        ("?", "?"),
        ("F12", "f12"),
        ("é", "é"),
        ("shift-é", "É"),
    ] {
        assert_eq!(key(spec).to_string(), shown, "{spec}");
    }
}

#[test]
fn single_characters_round_trip() {
    for c in ('!'..='~').chain(['é', 'ß', 'Ж', '€']) {
        let spec = c.to_string();
        assert_eq!(key(&spec).to_string(), spec);
        let ctrl = format!("ctrl-{c}");
        assert_eq!(key(&key(&ctrl).to_string()), key(&ctrl));
    }
}

#[test]
fn bad_specs_are_refused_with_a_reason() {
    for (spec, why) in [
        ("", "empty"),
        ("ctrl-", "unknown key"),
        ("ctrl-nope", "unknown key `nope`"),
        ("hyper-x", "unknown key"),
        ("f0", "unknown key"),
        ("f13", "unknown key"),
        ("f01", "unknown key"),
        ("f+1", "unknown key"),
        ("ctrl-ctrl-x", "repeats"),
        ("shift-1", "ambiguous"),
        ("shift-space", "ambiguous"),
        ("\t", "control character"),
        ("ab", "unknown key"),
    ] {
        let err = KeySpec::parse(spec).expect_err(spec);
        assert!(err.contains(why), "{spec:?}: {err}");
    }
}

#[test]
fn shift_with_a_letter_is_the_uppercase_letter() {
    assert_eq!(key("shift-g"), key("G"));
    assert_eq!(key("shift-G"), key("G"));
    assert_ne!(key("g"), key("G"));
    assert_eq!(key("ctrl-shift-c"), key("ctrl-C"));
    let g = key("G");
    // Terminals report shift-g in all these ways.
    assert!(g.matches(&event(KeyCode::Char('G'), SHIFT)));
    assert!(g.matches(&event(KeyCode::Char('G'), NONE)));
    assert!(g.matches(&event(KeyCode::Char('g'), SHIFT)));
    assert!(!g.matches(&event(KeyCode::Char('g'), NONE)));
    let lower = key("g");
    assert!(lower.matches(&event(KeyCode::Char('g'), NONE)));
    assert!(!lower.matches(&event(KeyCode::Char('g'), SHIFT)));
    assert!(!lower.matches(&event(KeyCode::Char('G'), NONE)));
}

#[test]
fn shifted_symbols_match_whether_or_not_shift_is_reported() {
    let question = key("?");
    assert!(question.matches(&event(KeyCode::Char('?'), NONE)));
    assert!(question.matches(&event(KeyCode::Char('?'), SHIFT)));
}

#[test]
fn modifiers_must_match_exactly() {
    let ctrl_c = key("ctrl-c");
    assert!(ctrl_c.matches(&event(KeyCode::Char('c'), CTRL)));
    assert!(!ctrl_c.matches(&event(KeyCode::Char('c'), NONE)));
    assert!(!ctrl_c.matches(&event(KeyCode::Char('c'), CTRL | ALT)));
    assert!(!key("c").matches(&event(KeyCode::Char('c'), CTRL)));
    // A modifier no spec can name keeps the event from matching.
    assert!(!key("q").matches(&event(KeyCode::Char('q'), KeyModifiers::SUPER)));
    let shift_up = key("shift-up");
    assert!(shift_up.matches(&event(KeyCode::Up, SHIFT)));
    assert!(!shift_up.matches(&event(KeyCode::Up, NONE)));
    assert!(!key("up").matches(&event(KeyCode::Up, SHIFT)));
}

#[test]
fn backtab_and_shift_tab_are_one_key() {
    assert_eq!(key("backtab"), key("shift-tab"));
    let back = key("shift-tab");
    assert!(back.matches(&event(KeyCode::BackTab, SHIFT)));
    assert!(back.matches(&event(KeyCode::BackTab, NONE)));
    assert!(back.matches(&event(KeyCode::Tab, SHIFT)));
    assert!(!back.matches(&event(KeyCode::Tab, NONE)));
    let tab = key("tab");
    assert!(tab.matches(&event(KeyCode::Tab, NONE)));
    assert!(!tab.matches(&event(KeyCode::BackTab, SHIFT)));
}

#[test]
fn space_is_the_space_character() {
    assert!(key("space").matches(&event(KeyCode::Char(' '), NONE)));
    assert!(key("ctrl-space").matches(&event(KeyCode::Char(' '), CTRL)));
}

#[test]
fn releases_do_not_match_but_repeats_do() {
    let q = key("q");
    let mut e = KeyEvent::new_with_kind_and_state(KeyCode::Char('q'), NONE, KeyEventKind::Release, KeyEventState::NONE);
    assert!(!q.matches(&e));
    e.kind = KeyEventKind::Repeat;
    assert!(q.matches(&e));
}

#[test]
fn named_keys_match_their_events() {
    for (name, code) in NAMED_KEYS {
        let expected = if *code == KeyCode::BackTab { KeyCode::BackTab } else { *code };
        assert!(key(name).matches(&event(expected, NONE)), "{name}");
    }
    assert!(key("f5").matches(&event(KeyCode::F(5), NONE)));
    assert!(key("ctrl-pgdn").matches(&event(KeyCode::PageDown, CTRL)));
}

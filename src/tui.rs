//! The terminal edge: the guard that always restores the terminal, the one
//! event loop, and the threads that feed it (input, loader, signals).

use crate::app::{App, Effect, Msg, finalize, keymap::Keymap};
use crate::corpus::{self, LoadOptions, Source};
use crate::search::worker::Searcher;
use crate::store::{self, Saver, Store};
use crate::ui::{self, Theme};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};
use ratatui::prelude::CrosstermBackend;
use ratatui::{DefaultTerminal, Terminal};
use signal_hook::consts::{SIGHUP, SIGTERM};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// What arrives on the event loop's one channel.
pub enum LoopEvent {
    Msg(Msg),
    Signal(i32),
    InputClosed,
}

pub struct Options {
    pub source: Source,
    pub load: LoadOptions,
    pub keymap: Keymap,
    pub theme: Theme,
}

/// Runs the reader until the user quits. Returns the process exit code.
pub fn run(opts: Options) -> anyhow::Result<i32> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "dossier: the reader needs a terminal; for scripts use `dossier list|analyze|timeline|search` (see --help)"
        );
        return Ok(1);
    }
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let warn_tx = tx.clone();
    let loop_tx = tx.clone();
    spawn_loader(opts.source.clone(), opts.load.clone(), tx.clone());
    let mut terminal = init_terminal()?;
    spawn_input(tx);
    let size = terminal.size()?;
    let (store, warnings) = Store::open_default();
    let key = match &opts.source {
        Source::Sample => store::corpus_key::<&str>(&[]),
        Source::Paths(paths) => store::corpus_key(paths),
    };
    let saver = Saver::spawn_with(
        &store,
        Saver::DEFAULT_DEBOUNCE,
        Some(Box::new(move |w| {
            let _ = warn_tx.send(LoopEvent::Msg(Msg::Warning(w)));
        })),
    );
    let mut app = App::new(opts.keymap, (size.width, size.height)).with_store(store, key);
    app.message = (!warnings.is_empty()).then(|| warnings.join("; "));
    let code = event_loop(&mut terminal, &mut app, &opts.theme, (&loop_tx, &rx), &saver);
    restore_terminal();
    // Saved on every way out of the loop: quit, signal, error.
    saver.changed(app.store.take_changes());
    let save_warnings = saver.flush_and_stop();
    let code = code?;
    for w in warnings.iter().chain(&save_warnings) {
        eprintln!("dossier: {w}");
    }
    if !app.library.skips.is_empty() {
        eprintln!("dossier: {} input(s) skipped:", app.library.skips.len());
        for s in &app.library.skips {
            eprintln!("  {s}");
        }
    }
    Ok(code)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    (tx, rx): (&Sender<LoopEvent>, &Receiver<LoopEvent>),
    saver: &Saver,
) -> anyhow::Result<i32> {
    let searcher = &mut None;
    terminal.draw(|f| ui::draw(app, theme, f))?;
    // Blocks while nothing happens: no polling, no CPU when idle.
    while let Ok(first) = rx.recv() {
        let mut redraw = false;
        // Take everything already queued before drawing once: a fast typist
        // or a loader burst costs one frame, not one frame per event.
        for ev in std::iter::once(first).chain(rx.try_iter()) {
            match ev {
                LoopEvent::Msg(msg) => redraw |= app.update(msg),
                LoopEvent::Signal(SIGHUP) => return Ok(128 + SIGHUP),
                LoopEvent::Signal(sig) => return Ok(128 + sig),
                LoopEvent::InputClosed => return Ok(0),
            }
            for effect in std::mem::take(&mut app.effects) {
                match effect {
                    Effect::Suspend => {
                        suspend(terminal)?;
                        redraw = true;
                    }
                    Effect::StartSearch(index) => {
                        let tx = tx.clone();
                        *searcher = Some(Searcher::spawn(index, move |generation, hits| {
                            let _ = tx.send(LoopEvent::Msg(Msg::SearchResults { generation, hits }));
                        }));
                    }
                    Effect::Search { generation, query } => {
                        if let Some(s) = searcher.as_ref() {
                            s.submit(generation, query);
                        }
                    }
                    Effect::Finalize(snapshot) => {
                        let tx = tx.clone();
                        let _ = thread::Builder::new().name("finalize".into()).spawn(move || {
                            let done = finalize::run(&snapshot);
                            drop(snapshot);
                            // The build's scratch memory is free now: give it
                            // back to the system rather than keep it resident.
                            finalize::release_free_memory();
                            let _ = tx.send(LoopEvent::Msg(Msg::Finalized(done)));
                        });
                    }
                }
            }
            if app.should_quit {
                return Ok(0);
            }
        }
        // The saver writes a short while after the last change, off this thread.
        let changes = app.store.take_changes();
        if !changes.is_empty() {
            saver.changed(changes);
        }
        if redraw {
            terminal.draw(|f| {
                ui::draw(app, theme, f);
                debug_panic_in_draw();
            })?;
        }
    }
    Ok(0)
}

/// Test hook, debug builds only: `DOSSIER_DEBUG_PANIC_IN_DRAW=1` panics
/// inside the first redraw after start, so the tests can check that a panic
/// in drawing gives the terminal back and prints its message.
fn debug_panic_in_draw() {
    if cfg!(debug_assertions) && std::env::var_os("DOSSIER_DEBUG_PANIC_IN_DRAW").is_some() {
        panic!("debug panic inside drawing");
    }
}

/// `Ctrl-z`: give the terminal back, stop, and on `fg` take it again and
/// redraw everything (the shell may have drawn over the screen).
fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // A fresh Terminal has an empty back buffer, so the next draw paints
    // every cell. (`Terminal::clear` would ask the terminal for the cursor
    // position, and the input thread holds crossterm's reader: deadlock.)
    *terminal = init_terminal()?;
    execute!(std::io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    Ok(())
}

fn spawn_signals(tx: Sender<LoopEvent>) -> anyhow::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    thread::Builder::new().name("signals".into()).spawn(move || {
        for sig in signals.forever() {
            if tx.send(LoopEvent::Signal(sig)).is_err() {
                break;
            }
        }
    })?;
    Ok(())
}

fn spawn_input(tx: Sender<LoopEvent>) {
    let _ = thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) => Msg::Key(key),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => {
                    let _ = tx.send(LoopEvent::InputClosed);
                    break;
                }
            };
            if tx.send(LoopEvent::Msg(msg)).is_err() {
                break;
            }
        }
    });
}

fn spawn_loader(source: Source, opts: LoadOptions, tx: Sender<LoopEvent>) {
    let _ = thread::Builder::new().name("loader".into()).spawn(move || {
        corpus::load_streaming(&source, &opts, &|ev| {
            let _ = tx.send(LoopEvent::Msg(Msg::Load(ev)));
        });
        let _ = tx.send(LoopEvent::Msg(Msg::LoadDone));
    });
}

/// Whether the terminal is in raw mode on the alternate screen, so that a
/// panic knows to give it back first.
static TERMINAL_ACTIVE: AtomicBool = AtomicBool::new(false);

fn init_terminal() -> std::io::Result<DefaultTerminal> {
    TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(std::io::stdout()))
}

/// Leaves raw mode and the alternate screen and shows the cursor. Safe to
/// call twice; errors are ignored because there is nothing left to do.
pub fn restore_terminal() {
    if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
        let _ = execute!(std::io::stdout(), LeaveAlternateScreen, cursor::Show);
    }
}

/// Panics restore the terminal before the message is printed, so the user
/// sees it on a sane screen. Inside guarded loader work a panic is caught
/// and reported as a skipped input instead, so it stays quiet here.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if corpus::in_guarded_work() {
            return;
        }
        restore_terminal();
        default(info);
    }));
}

//! Two dossier processes on one state file: saving merges, per field of
//! each article, and the later change wins.

use super::*;

#[test]
fn two_stores_saving_alternately_keep_each_others_marks() {
    let (_dir, path) = temp_state();
    let mut a = open_clean(&path);
    let mut b = open_clean(&path);
    a.set_read("k", "x", true);
    a.save().unwrap();
    b.set_read("k", "y", true);
    b.save().unwrap();
    a.set_bookmark("k", "z", true);
    a.save().unwrap();
    b.set_bookmark("k", "w", true);
    b.save().unwrap();

    let view = open_clean(&path).corpus("k");
    assert_eq!(view.read, set(&["x", "y"]));
    assert_eq!(view.bookmarks, set(&["w", "z"]));
    // Saving also brought the other side's marks into each store.
    assert_eq!(b.corpus("k"), view);
}

#[test]
fn later_change_to_the_same_article_wins_whoever_saves_last() {
    let (_dir, path) = temp_state();
    let mut a = open_clean(&path);
    let mut b = open_clean(&path);
    a.set_read("k", "x", true); // earlier
    b.set_read("k", "x", false); // later: un-mark
    b.save().unwrap();
    a.save().unwrap(); // A saves last, but its change is older
    assert!(!open_clean(&path).is_read("k", "x"));
    assert!(!a.is_read("k", "x"));
}

#[test]
fn fields_of_one_article_merge_separately() {
    let (_dir, path) = temp_state();
    let mut a = open_clean(&path);
    let mut b = open_clean(&path);
    a.set_read("k", "x", true);
    b.set_bookmark("k", "x", true);
    a.save().unwrap();
    b.save().unwrap();
    let reopened = open_clean(&path);
    assert!(reopened.is_read("k", "x") && reopened.is_bookmarked("k", "x"));
}

#[test]
fn last_position_is_the_latest_one_and_per_corpus() {
    let (_dir, path) = temp_state();
    let mut a = open_clean(&path);
    let mut b = open_clean(&path);
    a.set_last("k", "early", 1);
    b.set_last("k", "late", 2);
    a.set_last("other", "o", 9);
    b.save().unwrap();
    a.save().unwrap();
    let reopened = open_clean(&path);
    assert_eq!(reopened.last("k").map(|l| l.article.as_str()), Some("late"));
    assert_eq!(reopened.last("other").map(|l| l.scroll), Some(9));
}

#[test]
fn merge_is_commutative_and_idempotent() {
    let mut a = Store::in_memory();
    let mut b = Store::in_memory();
    a.set_read("k", "x", true);
    b.set_read("k", "x", false);
    b.set_bookmark("k", "y", true);
    a.set_last("k", "x", 1);
    let mut ab = a.state.clone();
    ab.merge(&b.state);
    let mut ba = b.state.clone();
    ba.merge(&a.state);
    assert_eq!(ab, ba);
    let mut twice = ab.clone();
    twice.merge(&ab);
    assert_eq!(twice, ab);
}

#[test]
fn concurrent_savers_lose_nothing() {
    let (_dir, path) = temp_state();
    let threads: Vec<_> = ["p", "q", "r"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = open_clean(&path);
                for i in 0..25 {
                    store.set_read("k", &format!("{who}{i}"), true);
                    store.save().unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(open_clean(&path).corpus("k").read.len(), 75);
}

#[test]
fn an_unchanged_state_is_not_rewritten() {
    let (_dir, path) = temp_state();
    let mut store = open_clean(&path);
    store.set_read("k", "x", true);
    store.save().unwrap();
    let before = std::fs::metadata(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store.save().unwrap();
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino());
    }
}

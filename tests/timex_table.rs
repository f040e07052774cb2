//! Table-driven tests for temporal expressions, in the manner of Duckling's
//! corpus: each row of `data/timex_table.tsv` gives a reference date (or
//! `-`), a text whose `[brackets]` mark the expected spans, and their TIMEX3
//! types and values. A row without brackets must yield no timex at all.
//! Every failing row is reported, then the test fails once.

use chrono::NaiveDate;
use dossier::analysis::{TimexType, sentences, timex};

fn ty(s: &str) -> Option<TimexType> {
    Some(match s {
        "DATE" => TimexType::Date,
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => return None,
    })
}

#[test]
fn timex_table() {
    let data = include_str!("data/timex_table.tsv");
    let (mut rows, mut failures) = (0, Vec::new());
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "line {}: want 4 tab-separated columns", n + 1);
        rows += 1;
        let dct = (cols[0] != "-").then(|| NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").expect("dct"));
        let marked = cols[1].replace("\\n", "\n");
        // strip the brackets, remembering the spans they mark
        let (mut text, mut spans, mut open) = (String::new(), Vec::new(), None);
        for c in marked.chars() {
            match c {
                '[' => open = Some(text.len()),
                ']' => spans.push((open.take().expect("] without ["), text.len())),
                _ => text.push(c),
            }
        }
        let want: Vec<(usize, usize, Option<TimexType>, String)> = if cols[2] == "-" {
            Vec::new()
        } else {
            let types: Vec<&str> = cols[2].split(';').collect();
            let values: Vec<&str> = cols[3].split(';').collect();
            if types.len() != spans.len() || values.len() != spans.len() {
                failures.push(format!(
                    "line {}: {} spans but {} types, {} values",
                    n + 1,
                    spans.len(),
                    types.len(),
                    values.len()
                ));
                continue;
            }
            spans
                .iter()
                .zip(types.iter().zip(values.iter()))
                .map(|(&(s, e), (t, v))| (s, e, ty(t), v.to_string()))
                .collect()
        };
        let got: Vec<(usize, usize, Option<TimexType>, String)> = timex::find(&text, &sentences::split(&text), dct)
            .into_iter()
            .map(|m| (m.start, m.end, Some(m.ty), m.value))
            .collect();
        if got != want {
            let show = |v: &[(usize, usize, Option<TimexType>, String)]| {
                v.iter()
                    .map(|(s, e, t, val)| format!("[{}] {:?} {}", &text[*s..*e], t.unwrap(), val))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            failures.push(format!(
                "line {}: {}\n    want: {}\n    got:  {}",
                n + 1,
                marked.replace('\n', "\\n"),
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(rows >= 300, "the table should keep at least 300 rows, has {rows}");
    if !failures.is_empty() {
        panic!("{} of {rows} rows failed:\n{}", failures.len(), failures.join("\n"));
    }
    eprintln!("{rows} rows passed");
}

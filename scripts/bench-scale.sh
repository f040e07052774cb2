#!/usr/bin/env bash
# Side-by-side timings and memory on synthetic corpora, for BENCHMARKS.md.
#   cargo build --release --examples
#   for n in 1000 10000 100000; do cargo run --release --example gen-corpus -- /tmp/synth$n $n; done
#   scripts/bench-scale.sh /tmp/synth1000 /tmp/synth10000 /tmp/synth100000
# Each figure is the median of 3 warm runs (the page cache is warmed first).
set -euo pipefail
bin=${BIN:-target/release/dossier}
median() { sort -n | sed -n 2p; }
t() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
echo "| corpus | MB | cat | rg -c | dossier list | fzf --filter (titles) | dossier timeline | timeline peak RSS | reader: first screen | reader: all ready | reader peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for c in "$@"; do
    mb=$(du -sm --apparent-size "$c" | cut -f1)
    find "$c" -type f -print0 | xargs -0 cat > /dev/null
    cat_s=$(for i in 1 2 3; do t sh -c "find '$c' -type f -print0 | xargs -0 cat" | cut -d' ' -f1; done | median)
    rg_s=$(for i in 1 2 3; do t sh -c "rg -c Minister '$c' || true" | cut -d' ' -f1; done | median)
    list_s=$(for i in 1 2 3; do t "$bin" list "$c" | cut -d' ' -f1; done | median)
    "$bin" list "$c" | cut -f3 > /tmp/bench-titles.txt
    fzf_s=$(for i in 1 2 3; do t sh -c "fzf --filter lavrov < /tmp/bench-titles.txt" | cut -d' ' -f1; done | median)
    tl=$(for i in 1 2 3; do t "$bin" timeline "$c"; done | sort -n | sed -n 2p)
    tui=$(scripts/tui-measure.sh "$c" "$bin")
    first=$(grep "first screen" <<<"$tui" | grep -oE "[0-9.]+ s")
    ready=$(grep "ready" <<<"$tui" | grep -oE "[0-9.]+ s")
    hwm=$(grep VmHWM <<<"$tui" | grep -oE "[0-9]+")
    echo "| $(basename "$c") | $mb | ${cat_s} s | ${rg_s} s | ${list_s} s | ${fzf_s} s | $(cut -d' ' -f1 <<<"$tl") s | $(( $(cut -d' ' -f2 <<<"$tl") / 1024 )) MB | $first | $ready | $((hwm / 1024)) MB |"
done

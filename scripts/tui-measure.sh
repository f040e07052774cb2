#!/usr/bin/env bash
# Measures the reader on a corpus, in tmux at 200x60: time to the first
# screen with titles, time until loading and the timeline/index are done,
# peak and final resident memory, and CPU use once idle.
#   scripts/tui-measure.sh CORPUS [BINARY]
set -euo pipefail
corpus=$1
bin=${2:-target/release/dossier}
sock=dossier-measure-$$
home=$(mktemp -d)
trap 'tmux -L $sock kill-server 2>/dev/null; rm -rf "$home"' EXIT
now() { date +%s.%N; }
start=$(now)
tmux -L $sock new-session -d -x 200 -y 60 -e XDG_DATA_HOME="$home" -e XDG_CONFIG_HOME="$home" "$bin" "$corpus"
first=""
while :; do
    screen=$(tmux -L $sock capture-pane -p)
    if [ -z "$first" ] && grep -qE "Articles \([1-9]" <<<"$screen"; then
        first=$(now)
    fi
    if grep -qE "Timeline \([1-9]" <<<"$screen"; then break; fi
    sleep 0.02
done
done_at=$(now)
pid=$(pgrep -f "^$bin $corpus" | head -1)
sleep 1
t0=$(awk '{print $14+$15}' /proc/$pid/stat)
sleep 5
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
ticks=$(getconf CLK_TCK)
echo "first screen with titles: $(echo "$first - $start" | bc) s"
echo "loaded, timeline and index ready: $(echo "$done_at - $start" | bc) s"
grep -E "VmHWM|VmRSS" /proc/$pid/status
echo "CPU while idle over 5 s: $(echo "scale=2; ($t1 - $t0) / $ticks / 5 * 100" | bc) %"
tmux -L $sock send-keys q

#!/usr/bin/env bash
# End-to-end scale runs on generated corpora whose truth is known.
#
# For each size (default 1k, 10k and 100k articles) it generates a corpus with
# quotetrace-synth, runs `quotetrace trace` under /usr/bin/time -v (wall time, peak RSS),
# scores the run with `quotetrace evaluate` (quote P/R, speaker accuracy, cluster
# pairwise P/R/F1, edge P/R, drift-class accuracy), and clusters the same generated
# quotes with quotetrace alone and with the Python baseline (rapidfuzz pairwise,
# datasketch MinHash LSH), installed from PyPI into a virtualenv by this script.
#
#   benches/scale.sh                      # 1k, 10k, 100k
#   SIZES="1000 10000" benches/scale.sh   # a quicker run
#   PAIRWISE_LIMIT=20000 benches/scale.sh # rapidfuzz all-pairs on more quotes (quadratic)
#
# Results: bench-out/results.md (a table) and the raw files beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
OUT=${OUT:-bench-out}
SEED=${SEED:-7}
mkdir -p "$OUT"

cargo build --release --bin quotetrace --bin quotetrace-synth --example cluster_quotes
QT=target/release/quotetrace
SYNTH=target/release/quotetrace-synth
CLUSTER=target/release/examples/cluster_quotes

if [ ! -x "$OUT/venv/bin/python" ]; then
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install -q rapidfuzz datasketch numpy
fi
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

field() { grep -m1 "$1" "$2" | sed 's/.*: //'; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['$1'])" "$2"; }

{
  echo "| articles | MB | trace wall | peak RSS | quotes P/R | speakers | cluster P/R/F1 | edges P/R | drift acc |"
  echo "|---:|---:|---:|---:|---|---:|---|---|---:|"
} > "$OUT/results.md"
: > "$OUT/clustering.jsonl"
: > "$OUT/stages.txt"

for n in $SIZES; do
  dir="$OUT/synth-$n"
  [ -f "$dir/truth.json" ] || "$SYNTH" --articles "$n" --seed "$SEED" --out "$dir"
  mb=$(du -sm "$dir/articles" | cut -f1)
  # The articles folder holds the corpus and its manifest; truth.json stays beside it.
  QUOTETRACE_TIMINGS=1 /usr/bin/time -v "$QT" --quiet trace "$dir/articles" --out "$OUT/graphs-$n" \
    > "$OUT/trace-$n.txt" 2> "$OUT/time-$n.txt"
  grep 'timing:' "$OUT/time-$n.txt" | sed "s/^/[$n] /" >> "$OUT/stages.txt"
  wall=$(field "Elapsed (wall clock)" "$OUT/time-$n.txt")
  rss_kb=$(field "Maximum resident set size" "$OUT/time-$n.txt")
  "$QT" --quiet evaluate "$dir/articles" --truth "$dir/truth.json" > "$OUT/eval-$n.json"
  e="$OUT/eval-$n.json"
  printf '| %s | %s | %s | %s MB | %s / %s | %s | %s / %s / %s | %s / %s | %s |\n' \
    "$n" "$mb" "$wall" "$((rss_kb / 1024))" \
    "$(json quote_precision "$e")" "$(json quote_recall "$e")" "$(json speaker_accuracy "$e")" \
    "$(json cluster_precision "$e")" "$(json cluster_recall "$e")" "$(json cluster_f1 "$e")" \
    "$(json edge_precision "$e")" "$(json edge_recall "$e")" "$(json drift_accuracy "$e")" \
    >> "$OUT/results.md"
  "$CLUSTER" "$dir/truth.json" | sed "s/^{/{\"articles\":$n,/" >> "$OUT/clustering.jsonl"
  "$OUT/venv/bin/python" benches/baseline.py "$dir/truth.json" --pairwise-limit "${PAIRWISE_LIMIT:-8000}" | sed "s/^{/{\"articles\":$n,/" >> "$OUT/clustering.jsonl"
done

echo >> "$OUT/results.md"
echo "Stages of trace (wall time, CPU time, peak RSS so far):" >> "$OUT/results.md"
sed 's/^/    /' "$OUT/stages.txt" >> "$OUT/results.md"
echo >> "$OUT/results.md"
echo "Clustering the same generated quotes (seconds, pairwise F1):" >> "$OUT/results.md"
sed 's/^/    /' "$OUT/clustering.jsonl" >> "$OUT/results.md"
cat "$OUT/results.md"

#!/usr/bin/env bash
# Two builds of examples/extract_throughput timed in turn on one core, round after
# round: this host's speed drifts by a quarter within the hour, and only runs made
# back to back compare. Prints each round's best-of-3 MB/s for A and B.
#
#   benches/alternate.sh OLD_BINARY NEW_BINARY [ROUNDS] [CORPUS_DIR]
#
# Copy target/release/examples/extract_throughput aside before rebuilding to keep the
# old build. The corpus defaults to the Lee articles benches/real-news.sh fetches, copied
# to 100 MB. Figures: docs/PERFORMANCE.md.
set -euo pipefail
A=$1
B=$2
ROUNDS=${3:-6}
DIR=${4:-bench-out/lee/articles}
best() {
  QT_BENCH_RUNS=3 QT_BENCH_THREADS=1 QT_BENCH_REPEAT_TO_MB=100 taskset -c 1 "$1" "$DIR" |
    awk '/^threads/ {print $3}'
}
for r in $(seq "$ROUNDS"); do
  echo "round $r: A $(best "$A") B $(best "$B")"
done

#!/usr/bin/env bash
# Extraction throughput on real news text: the 350 ABC (Australian Broadcasting
# Corporation) news articles of the Lee corpus, which gensim ships as test data, copied
# until the text reaches 100 MB, then `quotes::extract` timed on one core and on two
# (examples/extract_throughput.rs; loading excluded).
#
# The corpus is fetched from PyPI (the gensim wheel, not installed: its two .cor files
# are unpacked) into bench-out/, which git ignores; nothing of it is committed. Each
# line of a .cor file is one article, its paragraphs run together.
#
#   benches/real-news.sh                   # 100 MB, 5 runs, 1 and 2 threads
#   MB=200 RUNS=3 THREADS=1 benches/real-news.sh
#
# Why this corpus: the five bundled articles copied to 100 MB are 26 KB of distinct
# text read again and again, which the caches and branch predictors learn; these are
# 384 KB of distinct text on 350 stories. Figures: docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-bench-out}
MB=${MB:-100}
RUNS=${RUNS:-5}
THREADS=${THREADS:-"1 2"}
GENSIM=${GENSIM:-4.4.0}
LEE="$OUT/lee/articles"

if [ ! -d "$LEE" ]; then
  mkdir -p "$OUT/lee/wheel"
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$OUT/lee/wheel" "gensim==$GENSIM"
  python3 - "$OUT/lee" <<'EOF'
import glob, os, sys, zipfile
out = sys.argv[1]
wheel = glob.glob(os.path.join(out, "wheel", "gensim-*.whl"))[0]
os.makedirs(os.path.join(out, "articles"), exist_ok=True)
n = 0
with zipfile.ZipFile(wheel) as z:
    for name in ("lee_background.cor", "lee.cor"):
        text = z.read("gensim/test/test_data/" + name).decode("utf-8", "replace")
        for line in text.splitlines():
            line = line.strip()
            if line:
                with open(os.path.join(out, "articles", f"lee{n:04d}.txt"), "w") as f:
                    f.write(line + "\n")
                n += 1
print(f"{n} articles in {out}/articles")
EOF
fi

cargo build --release --example extract_throughput
QT_BENCH_REPEAT_TO_MB=$MB QT_BENCH_RUNS=$RUNS QT_BENCH_THREADS=$THREADS \
  target/release/examples/extract_throughput "$LEE"

"""The baseline a Python user would write to cluster quote variants, on the same quotes
quotetrace clusters (a truth.json written by quotetrace-synth):

* rapidfuzz: pairwise fuzz.token_sort_ratio over all pairs (process.cdist, all cores),
  an edge at score >= 80, clusters = connected components. All pairs is quadratic, so it
  runs on the first --pairwise-limit quotes only.
* datasketch: MinHash (128 permutations) of word 3-shingles, MinHashLSH at Jaccard
  threshold 0.5, clusters = connected components of the LSH candidates.

Prints one JSON line per method: quotes, seconds, pairwise precision/recall/F1 against
the true utterances.
"""

import argparse
import json
import time
from collections import Counter


def components(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def pairwise(truth, found):
    def pairs(c):
        return sum(v * (v - 1) // 2 for v in c.values())

    tp = pairs(Counter(zip(truth, found)))
    p = tp / max(pairs(Counter(found)), 1)
    r = tp / max(pairs(Counter(truth)), 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def report(tool, texts, utter, labels, seconds):
    p, r, f1 = pairwise(utter, labels)
    print(json.dumps({"tool": tool, "quotes": len(texts), "seconds": round(seconds, 3),
                      "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}))


def rapidfuzz_run(texts, utter):
    import numpy as np
    from rapidfuzz import fuzz, process

    start = time.time()
    scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, dtype=np.uint8,
                           score_cutoff=80, workers=-1)
    a, b = np.nonzero(scores)
    edges = [(int(x), int(y)) for x, y in zip(a, b) if x < y]
    labels = components(len(texts), edges)
    report("rapidfuzz-pairwise", texts, utter, labels, time.time() - start)


def minhash_run(texts, utter):
    from datasketch import MinHash, MinHashLSH

    start = time.time()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = []
    for i, t in enumerate(texts):
        words = t.lower().split()
        shingles = {" ".join(words[j:j + 3]) for j in range(max(1, len(words) - 2))}
        m = MinHash(num_perm=128)
        for s in shingles:
            m.update(s.encode("utf8"))
        lsh.insert(str(i), m)
        hashes.append(m)
    edges = []
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            j = int(j)
            if j > i:
                edges.append((i, j))
    labels = components(len(texts), edges)
    report("datasketch-minhash-lsh", texts, utter, labels, time.time() - start)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("truth")
    ap.add_argument("--pairwise-limit", type=int, default=20000)
    ap.add_argument("--minhash-limit", type=int, default=200000)
    args = ap.parse_args()
    quotes = json.load(open(args.truth))["quotes"]
    texts = [q["text"] for q in quotes]
    utter = [q["utterance"] for q in quotes]
    n = min(args.pairwise_limit, len(texts))
    rapidfuzz_run(texts[:n], utter[:n])
    n = min(args.minhash_limit, len(texts))
    minhash_run(texts[:n], utter[:n])


if __name__ == "__main__":
    main()

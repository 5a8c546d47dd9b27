#!/usr/bin/env python3
"""Score duplicate-document and near-duplicate against the pages of aeb-dev.

In /work/shared/corpus/aeb-dev.jsonl each of 81 pages appears in 33 records
(32 extractors' outputs and the ground truth), all with the page's doc_id.
A pair of records is a true "same page" pair when their doc_ids agree.

For each setting the script runs a corpuslint binary with
    lint --config CFG --format jsonl --fail-on never FILE
where CFG selects the one rule and sets its options, and reads the clusters
from the findings: each flagged record names the kept member it duplicates,
and a cluster is the kept member plus the records that name it. A predicted
pair is two records of one cluster. It prints, per setting: the LSH threshold
(1/b)^(1/r), predicted pairs, true positives, precision, recall over all
true pairs (81 x 528 = 42,768), and the clusters found.

Settings: duplicate-document; near-duplicate with its defaults (14 bands of
8 hashes, 5-word shingles); near-duplicate over other (bands, hashes) pairs,
the curve over LSH thresholds; and, at the defaults, the curve over a floor
on the estimated Jaccard similarity to the kept member (a flagged record
below the floor is taken as not in the cluster).

Standard library only. Usage:
    python3 scripts/dedup_eval.py [--bin corpuslint] [--corpus aeb-dev.jsonl]
Without --bin it builds ./cmd/corpuslint into a temporary folder.
"""
import argparse
import collections
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = "/work/shared/corpus/aeb-dev.jsonl"
KEPT = re.compile(r"duplicate of document (\S+) \(")
JACCARD = re.compile(r"estimated Jaccard similarity ([0-9.]+)")


def pages(corpus):
    """Return {record id: doc_id} and the number of true same-page pairs."""
    ids = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                ids[r["id"]] = r["doc_id"]
    per = collections.Counter(ids.values())
    return ids, sum(n * (n - 1) // 2 for n in per.values())


def run(binary, corpus, rule, options):
    """Run the binary with rule selected and return its findings."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "corpuslint.yaml")
        with open(cfg, "w") as f:
            f.write("select: [%s]\n" % rule)
            if options:
                f.write("rules:\n  %s:\n" % rule)
                for k, v in options.items():
                    f.write("    %s: %s\n" % (k, v))
        out = subprocess.run([binary, "lint", "--config", cfg, "--format", "jsonl", "--fail-on", "never", corpus],
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("corpuslint failed (%d): %s" % (out.returncode, out.stderr))
        return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def clusters(findings, floor=0.0):
    """Return {kept id: set of member ids} from the findings."""
    out = collections.defaultdict(set)
    for f in findings:
        m = KEPT.search(f["message"])
        if not m:
            sys.exit("unexpected message: " + f["message"])
        j = JACCARD.search(f["message"])
        if j and float(j.group(1)) < floor:
            continue
        out[m.group(1)].update([m.group(1), f["id"]])
    return out


def score(cl, ids, true_pairs):
    pred = tp = 0
    for members in cl.values():
        for a, b in itertools.combinations(sorted(members), 2):
            pred += 1
            tp += ids[a] == ids[b]
    p = tp / pred if pred else 1.0
    return pred, tp, p, tp / true_pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", help="corpuslint binary (default: build ./cmd/corpuslint)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit("no corpus at %s (the shared corpus is not here)" % args.corpus)
    binary = args.bin
    tmp = None
    if not binary:
        tmp = tempfile.TemporaryDirectory()
        binary = os.path.join(tmp.name, "corpuslint")
        subprocess.run(["go", "build", "-o", binary, "./cmd/corpuslint"], cwd=REPO, check=True)
    ids, true_pairs = pages(args.corpus)
    print("%s: %d records, %d pages, %d same-page pairs" % (os.path.basename(args.corpus), len(ids), len(set(ids.values())), true_pairs))
    print()
    print("| rule | setting | LSH threshold | predicted pairs | true pairs found | precision | recall | clusters |")
    print("|---|---|---|---|---|---|---|---|")

    def row(rule, setting, thr, cl):
        pred, tp, p, r = score(cl, ids, true_pairs)
        print("| %s | %s | %s | %d | %d | %.3f | %.3f | %d |" % (rule, setting, thr, pred, tp, p, r, len(cl)))
        sys.stdout.flush()

    row("duplicate-document", "defaults", "-", clusters(run(binary, args.corpus, "duplicate-document", {})))
    default = run(binary, args.corpus, "near-duplicate", {})
    row("near-duplicate", "**defaults: 14 bands x 8**", "%.3f" % (1 / 14) ** (1 / 8), clusters(default))
    for b, r in [(1, 8), (4, 8), (8, 8), (32, 8), (64, 8), (32, 4), (64, 3), (20, 2), (64, 2)]:
        cl = clusters(run(binary, args.corpus, "near-duplicate", {"num_buckets": b, "hashes_per_bucket": r}))
        row("near-duplicate", "%d bands x %d" % (b, r), "%.3f" % (1 / b) ** (1 / r), cl)
    print()
    print("At the defaults, with a floor on the estimated Jaccard similarity to the kept member:")
    print()
    print("| floor | predicted pairs | true pairs found | precision | recall | clusters |")
    print("|---|---|---|---|---|---|")
    for floor in [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9]:
        pred, tp, p, r = score(clusters(default, floor), ids, true_pairs)
        print("| %.1f | %d | %d | %.3f | %.3f | %d |" % (floor, pred, tp, p, r, len(clusters(default, floor))))


if __name__ == "__main__":
    main()

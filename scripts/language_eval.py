#!/usr/bin/env python3
"""Score the language rule against texts of known language.

Runs a corpuslint binary with the language rule configured so that every
detection is a finding (expected: [zu], a language none of the texts is in,
min-score 0) and reads the detected code from each finding's message; then
again with the defaults' min-score (0.65) and an empty expected list, to count
the texts the detector is unsure of. Sets:

  sentences   testdata/eval/language/sentences.tsv, 60 sentences in 10
              languages, whole and cut to their first three words;
  aeb-dev     every record of /work/shared/corpus/aeb-dev.jsonl (81 pages x 33
              extractor outputs) against its page's label in
              testdata/eval/language/aeb-dev-pages.tsv, by extractor kind;
  trafilatura every page of trafilatura-eval-dev.jsonl against lingua-go's
              reading of the whole text (agreement, not accuracy).

Standard library only. Usage:
    python3 scripts/language_eval.py [--bin corpuslint] [--corpus-dir /work/shared/corpus]
Without --bin it builds ./cmd/corpuslint into a temporary folder.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "testdata", "eval", "language")
CODE = re.compile(r"\((\w+)(?:, score| \) with| with)")
CODE2 = re.compile(r"(?:reads as|language) [^(]*\((\w+)")


def detect(binary, path, expected, min_score):
    """Return {record number: (code, unsure)} for the findings of the rule."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "corpuslint.yaml")
        with open(cfg, "w") as f:
            f.write("select: [language]\nrules:\n  language:\n    expected: [%s]\n    min-score: %s\n" % (", ".join(expected), min_score))
        out = subprocess.run([binary, "lint", "--config", cfg, "--format", "jsonl", "--fail-on", "never", path],
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("corpuslint failed (%d): %s" % (out.returncode, out.stderr))
    res = {}
    for line in out.stdout.splitlines():
        f = json.loads(line)
        m = CODE2.search(f["message"])
        if not m:
            sys.exit("unexpected message: " + f["message"])
        res[f["record"]] = (m.group(1), "below min-score" in f["message"])
    return res


def line(name, labels, got, unsure):
    """A table row: with min-score 0 and an impossible expected language, a
    text with letters always has a finding, so a text without one has none."""
    judged = {rec: lang for rec, lang in labels.items() if rec in got}
    right = sum(1 for rec, lang in judged.items() if got[rec][0] == lang)
    uns = sum(1 for rec in judged if rec in unsure)
    wrong = sum(1 for rec, lang in judged.items() if got[rec][0] != lang and rec not in unsure)
    n = max(len(judged), 1)
    return "| %s | %d | %d | %d (%.3f) | %d | %d |" % (name, len(labels), len(labels) - len(judged), right, right / n, uns, wrong)


def write_jsonl(path, texts):
    with open(path, "w", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin")
    ap.add_argument("--corpus-dir", default="/work/shared/corpus")
    args = ap.parse_args()
    binary = args.bin
    if not binary:
        tmp = tempfile.mkdtemp()
        binary = os.path.join(tmp, "corpuslint")
        subprocess.run(["go", "build", "-o", binary, "./cmd/corpuslint"], cwd=REPO, check=True)

    print("| set | texts | no letters (no language) | named right, of the rest | unsure at min-score 0.65 | wrong and sure |")
    print("|---|---|---|---|---|---|")

    def report(name, labels, path):
        got = detect(binary, path, ["zu"], 0)
        unsure = detect(binary, path, [], 0.65)
        print(line(name, labels, got, unsure))
        sys.stdout.flush()

    with tempfile.TemporaryDirectory() as tmp:
        rows = [l.rstrip("\n").split("\t", 1) for l in open(os.path.join(DATA, "sentences.tsv"), encoding="utf-8")]
        p = os.path.join(tmp, "s.jsonl")
        write_jsonl(p, [t for _, t in rows])
        report("sentences, whole", {i + 1: c for i, (c, _) in enumerate(rows)}, p)
        p3 = os.path.join(tmp, "s3.jsonl")
        write_jsonl(p3, [" ".join(t.split()[:3]) for _, t in rows])
        report("sentences, first three words", {i + 1: c for i, (c, _) in enumerate(rows)}, p3)

    aeb = os.path.join(args.corpus_dir, "aeb-dev.jsonl")
    if os.path.exists(aeb):
        page = {}
        for l in list(open(os.path.join(DATA, "aeb-dev-pages.tsv"), encoding="utf-8"))[1:]:
            d, lang = l.split("\t")[:2]
            page[d] = lang
        kinds = collections.defaultdict(dict)
        alls = {}
        for i, l in enumerate(open(aeb, encoding="utf-8")):
            r = json.loads(l)
            kinds[r["extractor_kind"]][i + 1] = page[r["doc_id"]]
            alls[i + 1] = page[r["doc_id"]]
        report("aeb-dev, all records", alls, aeb)
        # Per kind: the same run's verdicts, split.
        got = detect(binary, aeb, ["zu"], 0)
        unsure = detect(binary, aeb, [], 0.65)
        for kind in sorted(kinds):
            print(line("aeb-dev, " + kind, kinds[kind], got, unsure))
    else:
        print("(no %s: aeb-dev skipped)" % aeb)

    traf = os.path.join(args.corpus_dir, "trafilatura-eval-dev.jsonl")
    if os.path.exists(traf):
        ref = dict(l.rstrip("\n").split("\t") for l in list(open(os.path.join(DATA, "trafilatura-eval-dev.lingua.tsv"), encoding="utf-8"))[1:])
        labels = {}
        for i, l in enumerate(open(traf, encoding="utf-8")):
            labels[i + 1] = ref[json.loads(l)["id"]]
        report("trafilatura-eval-dev, agreement with lingua-go", labels, traf)
    else:
        print("(no %s: trafilatura skipped)" % traf)


if __name__ == "__main__":
    main()

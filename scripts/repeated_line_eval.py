#!/usr/bin/env python3
"""Score repeated-line on a batch that holds many copies of each page.

In /work/shared/corpus/aeb-dev.jsonl each of 81 pages appears in 33 records
(32 extractors' outputs and the ground truth), so the whole file as one batch
is the case of a crawl batch holding several copies of one page, exact or
near-duplicate. A rule that counts the article's lines in every copy takes
them for site chrome.

The script runs a corpuslint binary with
    lint --select repeated-line --ungrouped --format jsonl --fail-on never FILE
on the file as it is (documents carry their page's URL: the copies share it),
on a copy whose URLs get a query naming the extractor (the copies of a page
are on one site under different URLs, as re-crawls with tracking parameters
are) and on a copy without the "url" field (copies of one page with nothing
but their text in common; lines are then counted over the whole batch). For each
it reports, over the lines labeled body or boilerplate of records that are not
flattened (the corpus README's rule): the lines flagged (findings cover at least
half of the line's bytes), how many are body, and the lines the safe fixes
delete (edits cover at least half of the line's bytes), with their precision
(boilerplate / all deleted).

Standard library only. Usage:
    python3 scripts/repeated_line_eval.py [--bin corpuslint] [--corpus aeb-dev.jsonl]
Without --bin it builds ./cmd/corpuslint into a temporary folder.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = "/work/shared/corpus/aeb-dev.jsonl"


def load(corpus):
    """Return the records, in file order."""
    out = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
    return out


def run(binary, path):
    """Return the findings of repeated-line on path."""
    p = subprocess.run(
        [binary, "lint", "--select", "repeated-line", "--ungrouped", "--format", "jsonl",
         "--fail-on", "never", path],
        capture_output=True, text=True, check=False)
    if p.returncode != 0:
        sys.exit("corpuslint failed on %s: %s" % (path, p.stderr))
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def covered(spans, start, end):
    """Return the bytes of [start, end) that the sorted-or-not spans cover."""
    n = 0
    for s, e in spans:
        n += max(0, min(e, end) - max(s, start))
    return n


def score(records, findings):
    """Count flagged and safely deleted labeled lines, by label."""
    # Findings name the record by its id (their "record" is the JSONL line
    # number, counted from 1).
    flagged = {}
    deleted = {}
    for f in findings:
        r = f["id"]
        flagged.setdefault(r, []).append((f["offset"], f["end_offset"]))
        if f.get("fix"):
            for e in f["fix"]["edits"]:
                deleted.setdefault(r, []).append((e["offset"], e["end_offset"]))
    res = {"flag_body": 0, "flag_boiler": 0, "del_body": 0, "del_boiler": 0}
    for rec in records:
        if rec.get("flattened"):
            continue
        fs, ds = flagged.get(rec["id"], []), deleted.get(rec["id"], [])
        if not fs and not ds:
            continue
        for ln in rec.get("lines", []):
            lab = ln["label"]
            if lab not in ("body", "boilerplate"):
                continue
            key = "body" if lab == "body" else "boiler"
            size = ln["end"] - ln["start"]
            if size <= 0:
                continue
            if 2 * covered(fs, ln["start"], ln["end"]) >= size:
                res["flag_" + key] += 1
            if 2 * covered(ds, ln["start"], ln["end"]) >= size:
                res["del_" + key] += 1
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", help="corpuslint binary (default: build ./cmd/corpuslint)")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        sys.exit("no corpus at %s (pass --corpus)" % args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        binary = args.bin
        if not binary:
            binary = os.path.join(tmp, "corpuslint")
            subprocess.run(["go", "build", "-o", binary, "./cmd/corpuslint"], cwd=REPO, check=True)
        records = load(args.corpus)
        nourl = os.path.join(tmp, "aeb-nourl.jsonl")
        query = os.path.join(tmp, "aeb-query.jsonl")
        with open(nourl, "w", encoding="utf-8") as f, open(query, "w", encoding="utf-8") as g:
            for rec in records:
                rec = dict(rec)
                url = rec.pop("url", None)
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                if url:
                    sep = "&" if "?" in url else "?"
                    rec["url"] = url + sep + "utm_source=" + rec["extractor"]
                g.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print("| batch | findings | lines flagged | body | deleted by safe fixes | body | precision of safe deletions |")
        print("|---|---|---|---|---|---|---|")
        for name, path in (("with URLs", args.corpus), ("URLs with a query per copy", query),
                           ("without URLs", nourl)):
            fs = run(binary, path)
            r = score(records, fs)
            flag = r["flag_body"] + r["flag_boiler"]
            dele = r["del_body"] + r["del_boiler"]
            prec = "%.3f" % (r["del_boiler"] / dele) if dele else "-"
            print("| %s | %d | %d | %d | %d | %d | %s |" % (
                name, len(fs), flag, r["flag_body"], dele, r["del_body"], prec))


if __name__ == "__main__":
    main()

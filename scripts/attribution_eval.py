#!/usr/bin/env python3
"""Score the missing-attribution rule against the labeled set in
testdata/eval/attribution (see its README.md).

Runs a corpuslint binary on docs.jsonl with
    lint --select missing-attribution --format jsonl --ungrouped --fail-on never
and matches each finding to a labeled quote by byte-range overlap. A
finding of severity warning or error is a positive; info findings are
counted apart (the rule reports info outside reporting texts), unless
--count-info makes them positives too.

Prints, per part (tune, check, all) and per kind: positive findings,
true positives (finding on a quote labeled missing), false positives
(finding on an attributed quote or on no labeled quote), precision,
recall of the missing quotes, and the info findings (on missing and on
attributed quotes).

Then, unless --no-real, runs the same binary on the real corpora named
in real.tsv (files that are absent are skipped, saying so) and scores
its findings against the verdicts there: precision over the findings
whose range overlaps a judged row, the findings no row judges, and
recall of the rows judged missing (flagged and unflagged).

Standard library only. Exit status 0 unless the binary cannot be run or
the data is malformed.
"""
import argparse
import collections
import csv
import gzip
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(REPO, "testdata", "eval", "attribution")
RULE = "missing-attribution"
POSITIVE = {"warning", "error"}
# The corpora real.tsv was judged on; each is linted even when no row
# names it, so a finding new since the judging shows up as unjudged.
REAL_SOURCES = [
    "/work/shared/corpus/aeb-dev.jsonl",
    "/work/shared/corpus/unlabeled-fullpage.jsonl.gz",
    "/work/shared/corpus/readability-dev.jsonl",
    "/work/shared/corpus/trafilatura-eval-dev.jsonl",
    "testdata/eval/kinds.jsonl",
]


def run_lint(binary, path):
    """Return the missing-attribution findings of binary on path."""
    cmd = [binary, "lint", "--no-config", "--select", RULE, "--format", "jsonl",
           "--ungrouped", "--fail-on", "never", path]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except OSError as e:
        sys.exit(f"cannot run {binary}: {e}")
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr.strip()}")
    out = []
    for n, line in enumerate(p.stdout.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            f = json.loads(line)
        except json.JSONDecodeError as e:
            sys.exit(f"{path}: finding line {n} is not JSON: {e}")
        if f.get("rule") == RULE:
            out.append(f)
    return out


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def load_docs(path):
    docs = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            d = json.loads(line)
            b = d["text"].encode("utf-8")
            for q in d["quotes"]:
                seg = b[q["start"]:q["end"]]
                if not (seg.startswith(b'"') or seg.startswith("\u201c".encode())):
                    sys.exit(f"{path}:{n} ({d['id']}): quote at {q['start']} does not begin with a quote mark")
            docs[d["id"]] = d
    return docs


def load_split(path):
    part = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            doc_id, _kind, p = line.rstrip("\n").split("\t")
            part[doc_id] = p
    return part


class Tally:
    """Counts for one group of documents."""

    def __init__(self):
        self.findings = self.tp = self.fp_attr = self.fp_none = 0
        self.missing = self.found = self.attributed = 0
        self.info_missing = self.info_attr = self.info_none = 0

    def row(self, name):
        fp = self.fp_attr + self.fp_none
        prec = f"{self.tp / self.findings:.2f}" if self.findings else "-"
        rec = f"{self.found / self.missing:.2f}" if self.missing else "-"
        info = self.info_missing + self.info_attr + self.info_none
        return (f"{name:<14} {self.missing:>4} {self.attributed:>5} {self.findings:>5} {self.tp:>4} "
                f"{fp:>4} ({self.fp_attr:>2}/{self.fp_none:>2}) {prec:>5} {rec:>5}   "
                f"{info:>4} ({self.info_missing}/{self.info_attr}/{self.info_none})")


HEADER = (f"{'group':<14} {'miss':>4} {'attr':>5} {'finds':>5} {'tp':>4} {'fp':>4} (attr/none) "
          f"{'prec':>5} {'rec':>5}   info (on miss/attr/none)")


def score_docs(args):
    docs = load_docs(args.docs)
    part = load_split(args.split)
    unknown = set(docs) - set(part)
    if unknown:
        sys.exit(f"{args.split}: no part for {sorted(unknown)[:5]}")
    findings = collections.defaultdict(list)
    for f in run_lint(args.bin, args.docs):
        findings[f["id"]].append(f)
    groups = collections.defaultdict(Tally)
    for doc_id, d in docs.items():
        keys = [part[doc_id], "all", f"{part[doc_id]}:{d['kind']}", f"all:{d['kind']}"]
        tallies = [groups[k] for k in keys]
        hit = [False] * len(d["quotes"])
        for q in d["quotes"]:
            for t in tallies:
                if q["missing"]:
                    t.missing += 1
                else:
                    t.attributed += 1
        for f in findings.get(doc_id, []):
            matched = [i for i, q in enumerate(d["quotes"])
                       if overlaps(f["offset"], f["end_offset"], q["start"], q["end"])]
            on_missing = any(d["quotes"][i]["missing"] for i in matched)
            positive = f["severity"] in POSITIVE or args.count_info
            for t in tallies:
                if positive:
                    t.findings += 1
                    if on_missing:
                        t.tp += 1
                    elif matched:
                        t.fp_attr += 1
                    else:
                        t.fp_none += 1
                else:
                    if on_missing:
                        t.info_missing += 1
                    elif matched:
                        t.info_attr += 1
                    else:
                        t.info_none += 1
            if positive:
                for i in matched:
                    hit[i] = True
        for i, q in enumerate(d["quotes"]):
            if q["missing"] and hit[i]:
                for t in tallies:
                    t.found += 1
    print(f"labeled set: {args.docs} ({len(docs)} documents), binary {args.bin}")
    print("positives: " + ("every finding (--count-info)" if args.count_info else "warning and error findings; info counted apart"))
    print(HEADER)
    kinds = sorted({d["kind"] for d in docs.values()})
    for p in ("tune", "check", "all"):
        print(groups[p].row(p))
        if args.by_kind:
            for k in kinds:
                key = f"{p}:{k}"
                if key in groups:
                    print(groups[key].row("  " + k))
    if args.list:
        print("\nfindings on attributed or unlabeled quotes, and missed quotes:")
        for doc_id, d in sorted(docs.items()):
            b = d["text"].encode("utf-8")
            fs = findings.get(doc_id, [])
            for f in fs:
                m = [q for q in d["quotes"] if overlaps(f["offset"], f["end_offset"], q["start"], q["end"])]
                if not any(q["missing"] for q in m):
                    print(f"  FP {part[doc_id]:<5} {doc_id} [{f['severity']}] {b[f['offset']:f['end_offset']].decode(errors='replace')[:90]}")
            for q in d["quotes"]:
                if q["missing"] and not any(overlaps(f["offset"], f["end_offset"], q["start"], q["end"])
                                            and (f["severity"] in POSITIVE or args.count_info) for f in fs):
                    print(f"  FN {part[doc_id]:<5} {doc_id} {b[q['start']:q['end']].decode(errors='replace')[:90]}")


def resolve(source):
    return source if os.path.isabs(source) else os.path.join(REPO, source)


def check_rows(path, srows):
    """Fail when a row's offset does not open a quotation in its record."""
    want = {r["record_id"] for r in srows}
    if not want:
        return
    texts = {}
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("id") in want:
                texts[d["id"]] = d["text"].encode("utf-8")
    for r in srows:
        b = texts.get(r["record_id"])
        if b is None:
            sys.exit(f"real.tsv: record {r['record_id']} not in {path}")
        seg = b[r["offset"]:r["end_offset"]]
        if not (seg[:1] == b'"' or seg[:3] in ("\u201c".encode(), "\u201d".encode())):
            sys.exit(f"real.tsv: {r['record_id']} @{r['offset']} does not open a quotation: {seg[:40]!r}")


def score_real(args):
    with open(args.real, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_source = {src: [] for src in REAL_SOURCES}
    for r in rows:
        by_source.setdefault(r["source"], [])
        r["offset"], r["end_offset"] = int(r["offset"]), int(r["end_offset"])
        by_source[r["source"]].append(r)
    print(f"\nreal text: {args.real} ({len(rows)} judged quotations)")
    tot = collections.Counter()
    for source, srows in by_source.items():
        path = resolve(source)
        if not os.path.exists(path):
            print(f"  {source}: absent, skipped")
            continue
        check_rows(path, srows)
        c = collections.Counter()
        fs = run_lint(args.bin, path)
        judged = set()
        for f in fs:
            positive = f["severity"] in POSITIVE or args.count_info
            m = [i for i, r in enumerate(srows) if r["record_id"] == f["id"]
                 and overlaps(f["offset"], f["end_offset"], r["offset"], r["end_offset"])]
            tag = "pos" if positive else "info"
            c[f"{tag}_findings"] += 1
            if not m:
                c[f"{tag}_unjudged"] += 1
                continue
            judged.update(m)
            if any(srows[i]["verdict"] == "missing" for i in m):
                c[f"{tag}_missing"] += 1
            else:
                c[f"{tag}_attributed"] += 1
            if positive:
                for i in m:
                    srows[i]["hit"] = True
        for r in srows:
            if r["verdict"] == "missing":
                c["rows_missing"] += 1
                if r.get("hit"):
                    c["rows_missing_found"] += 1
        judged_pos = c["pos_missing"] + c["pos_attributed"]
        prec = f"{c['pos_missing'] / judged_pos:.2f}" if judged_pos else "-"
        print(f"  {os.path.basename(source):<32} findings {c['pos_findings']:>3} (judged {judged_pos}: "
              f"{c['pos_missing']} missing, {c['pos_attributed']} attributed; unjudged {c['pos_unjudged']}) "
              f"precision {prec}; info {c['info_findings']} (missing {c['info_missing']}, attributed {c['info_attributed']}, "
              f"unjudged {c['info_unjudged']}); missing rows found {c['rows_missing_found']}/{c['rows_missing']}")
        tot.update(c)
    judged_pos = tot["pos_missing"] + tot["pos_attributed"]
    prec = f"{tot['pos_missing'] / judged_pos:.2f}" if judged_pos else "-"
    rec = f"{tot['rows_missing_found'] / tot['rows_missing']:.2f}" if tot["rows_missing"] else "-"
    print(f"  {'total':<32} findings {tot['pos_findings']:>3} (judged {judged_pos}: {tot['pos_missing']} missing, "
          f"{tot['pos_attributed']} attributed; unjudged {tot['pos_unjudged']}) precision {prec}; "
          f"info {tot['info_findings']}; recall of judged-missing rows {tot['rows_missing_found']}/{tot['rows_missing']} = {rec}")
    if tot["pos_unjudged"] or tot["info_unjudged"]:
        print("  (unjudged findings are new since real.tsv was written: judge them and add rows)")


def score_sample(args):
    """Score the binary's findings on sample.jsonl against sample.tsv: a finding
    whose range overlaps a judged row takes that row's verdict; a finding no row
    judges is new since the judging and is counted apart."""
    with open(args.sample_tsv, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    kinds = {}
    with open(args.sample, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            kinds[d["id"]] = d.get("kind", "?")
    fs = run_lint(args.bin, args.sample)
    tab = collections.defaultdict(collections.Counter)
    listed = []
    for f in fs:
        sev = "pos" if f["severity"] in POSITIVE else "info"
        kind = kinds.get(f["id"], "?")
        m = [r for r in rows if r["id"] == f["id"] and overlaps(f["offset"], f["end_offset"], r["start"], r["end"])]
        verdict = "unjudged" if not m else ("missing" if any(r["verdict"] == "missing" for r in m) else "attributed")
        for k in (kind, "all"):
            tab[k][f"{sev}_{verdict}"] += 1
        if verdict != "missing":
            listed.append((f["id"], f["offset"], f["severity"], verdict, m[0]["reason"] if m else ""))
    print(f"\njudged sample: {args.sample_tsv} ({len(rows)} judged findings of an earlier binary)")
    print(f"  {'kind':<12} {'warnings missing/judged':>24} {'+info missing/judged':>22} {'unjudged':>9}")
    for k in sorted(tab, key=lambda k: (k == "all", k)):
        c = tab[k]
        pj = c["pos_missing"] + c["pos_attributed"]
        aj = pj + c["info_missing"] + c["info_attributed"]
        am = c["pos_missing"] + c["info_missing"]
        pp = f"{c['pos_missing']}/{pj} = {c['pos_missing'] / pj:.2f}" if pj else "-"
        ap_ = f"{am}/{aj} = {am / aj:.2f}" if aj else "-"
        print(f"  {k:<12} {pp:>24} {ap_:>22} {c['pos_unjudged'] + c['info_unjudged']:>9}")
    if args.list:
        for row in listed:
            print("   ", *row, sep="\t")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="corpuslint binary to score")
    ap.add_argument("--docs", default=os.path.join(DATA, "docs.jsonl"))
    ap.add_argument("--split", default=os.path.join(DATA, "split.tsv"))
    ap.add_argument("--real", default=os.path.join(DATA, "real.tsv"))
    ap.add_argument("--count-info", action="store_true", help="count info findings as positives too")
    ap.add_argument("--by-kind", action="store_true", default=True, help="per-kind rows (default on)")
    ap.add_argument("--no-by-kind", dest="by_kind", action="store_false")
    ap.add_argument("--no-real", action="store_true", help="skip the real-text figures")
    ap.add_argument("--list", action="store_true", help="list false positives and missed quotes")
    ap.add_argument("--sample", nargs="?", const=os.path.join(DATA, "sample.jsonl"), default=None,
                    help="score only the judged sample (sample.jsonl against sample.tsv)")
    ap.add_argument("--sample-tsv", default=os.path.join(DATA, "sample.tsv"))
    args = ap.parse_args()
    if args.sample:
        score_sample(args)
        return
    score_docs(args)
    if not args.no_real:
        score_real(args)


if __name__ == "__main__":
    main()

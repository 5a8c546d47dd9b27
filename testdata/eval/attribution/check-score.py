#!/usr/bin/env python3
"""Score a corpuslint binary's missing-attribution findings on check.jsonl
against the judged quotations in check.tsv (see README.md, "Check set of
judged quotations").

    python3 check-score.py --bin corpuslint [--list] [--config corpuslint.yaml]

A finding counts on the row of the same document whose byte span overlaps
it. Prints, per kind and overall: findings (warnings, and warnings+info) on
quotations judged missing / attributed, findings on no judged row, and how
many of the missing quotations were found. By default the binary runs with
--no-config (default options); --config runs it under that configuration
instead (for instance `rules: {missing-attribution: {elsewhere: warning}}`).
"""
import argparse, collections, csv, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--jsonl", default=os.path.join(HERE, "check.jsonl"))
    ap.add_argument("--tsv", default=os.path.join(HERE, "check.tsv"))
    ap.add_argument("--list", action="store_true", help="print every finding with its verdict")
    ap.add_argument("--config", help="configuration file for the binary (default: --no-config)")
    a = ap.parse_args()
    conf = ["--config", a.config] if a.config else ["--no-config"]
    p = subprocess.run([a.bin, "lint"] + conf + ["--select", "missing-attribution", "--format", "jsonl",
                        "--ungrouped", "--fail-on", "never", a.jsonl], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    finds = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    rows = list(csv.DictReader(open(a.tsv, encoding="utf-8"), delimiter="\t"))
    byid = collections.defaultdict(list)
    for r in rows:
        byid[r["id"]].append(r)
    c = collections.Counter()
    found = set()
    for f in finds:
        hit = [r for r in byid[f["id"]] if int(r["start"]) < f["end_offset"] and f["offset"] < int(r["end"])]
        v = hit[0]["verdict"] if hit else "unjudged"
        k = hit[0]["kind"] if hit else "?"
        if hit:
            found.add((hit[0]["id"], hit[0]["start"]))
        for kk in (k, "all"):
            c[(kk, f["severity"], v)] += 1
        if a.list:
            print(f["severity"], v, f["id"], f["offset"], f["end_offset"], hit[0]["reason"] if hit else "")
    kinds = sorted({r["kind"] for r in rows}) + ["all"]
    print("kind\twarn missing/all\twarn+info missing/all\tunjudged\tmissing found/judged missing")
    for k in kinds:
        w = {v: c[(k, "warning", v)] for v in ("missing", "attributed", "unjudged")}
        i = {v: c[(k, "info", v)] for v in ("missing", "attributed", "unjudged")}
        wa, wm = w["missing"] + w["attributed"], w["missing"]
        ta, tm = wa + i["missing"] + i["attributed"], wm + i["missing"]
        rs = [r for r in rows if (k == "all" or r["kind"] == k) and r["verdict"] == "missing"]
        fm = sum((r["id"], r["start"]) in found for r in rs)
        prec = lambda m, n: f"{m}/{n}" + (f" = {m / n:.2f}" if n else "")
        print(f"{k}\t{prec(wm, wa)}\t{prec(tm, ta)}\t{w['unjudged'] + i['unjudged']}\t{fm}/{len(rs)}")


if __name__ == "__main__":
    main()

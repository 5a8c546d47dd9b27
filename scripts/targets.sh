#!/usr/bin/env bash
# Prints the boilerplate targets of the "Safe means safe" issue for one part of the
# site split (testdata/eval/site-split.tsv): tune while working, check to report.
#
#   scripts/targets.sh check          # build, evaluate, print the summary
#   BIN=/tmp/corpuslint scripts/targets.sh tune
#
# On the shared dev pages (aeb-dev: news; readability-dev: whole pages of other
# sites) and the project's own set of other document kinds (testdata/eval/kinds.jsonl).
# Needs go and python3; SHARED defaults to ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
part=${1:?usage: scripts/targets.sh tune|check}
shared=${SHARED:-../shared}
bin=${BIN:-}
if [[ -z $bin ]]; then
  bin=$(mktemp -d)/corpuslint
  go build -o "$bin" ./cmd/corpuslint
fi
out=$(mktemp -d)
ev() { "$bin" eval --split testdata/eval/site-split.tsv --part "$part" --worst 0 --format json "$@"; }
ev --labels "$shared/corpus/aeb-dev.jsonl" > "$out/news.json"
ev --labels "$shared/corpus/readability-dev.jsonl" > "$out/readability.json"
ev --labels testdata/eval/kinds.jsonl > "$out/kinds.json"
python3 - "$out" "$part" <<'PY'
import json, sys, os
out, part = sys.argv[1], sys.argv[2]
def load(n): return json.load(open(os.path.join(out, n + ".json")))
def kind(rep, k):
    for r in rep.get("kinds") or []:
        if r["name"] == k: return r
    return None
def tail(rep, k):
    for t in rep.get("junk_tail") or []:
        if t["kind"] == k: return t
    return None
def safe(rep, k):
    for s in rep.get("safe_deletions") or []:
        if s["kind"] == k: return s
    return None
def pr(r):
    if not r: return "-"
    tp, fp, fn = r["tp"], r["fp"], r["fn"]
    p = tp / (tp + fp) if tp + fp else float("nan")
    rc = tp / (tp + fn) if tp + fn else float("nan")
    return f"P {p:.3f} R {rc:.3f} (tp {tp} fp {fp} fn {fn})"
news, rd, kinds = load("news"), load("readability"), load("kinds")
print(f"== part: {part}")
print("article outputs (news)          ", pr(kind(news, "article")), "  target P>=0.92 R>=0.30")
print("article_markdown (news)         ", pr(kind(news, "article_markdown")))
fm, ft = kind(news, "fullpage_markdown"), kind(news, "fullpage_text")
both = {k: (fm or {}).get(k, 0) + (ft or {}).get(k, 0) for k in ("tp", "fp", "fn")}
print("whole pages, news               ", pr(both), "  target P>=0.97 R>=0.90")
o1, o2 = kind(rd, "fullpage_text"), kind(kinds, "fullpage_text")
oth = {k: (o1 or {}).get(k, 0) + (o2 or {}).get(k, 0) for k in ("tp", "fp", "fn")}
print("whole pages, other kinds        ", pr(oth), "  target P>=0.95 R>=0.80")
print("   of which readability-dev     ", pr(o1))
print("   of which own kinds set       ", pr(o2))
t = tail(news, "article")
print("junk tails, article outputs     ", pr(t), "  target P>=0.85 R>=0.40")
for name, rep in (("news ground truth", news), ("own kinds ground truth", kinds)):
    c = rep["ground_truth"]
    if c["body_lines"]:
        print(f"clean lines flagged, {name:22s} {c['flagged']}/{c['body_lines']} = {100*c['flagged']/c['body_lines']:.2f}%   target <=0.5%")
        print(f"clean lines safe-deleted, {name:17s} {c['deleted']}/{c['body_lines']} = {100*c['deleted']/c['body_lines']:.2f}%   target <=0.2%")
for name, rep, k in (("news whole pages", news, "fullpage_markdown"), ("news whole pages", news, "fullpage_text"), ("news articles", news, "article"), ("readability pages", rd, "fullpage_text"), ("own kinds pages", kinds, "fullpage_text")):
    s = safe(rep, k)
    if s and s["boilerplate"] + s["body"]:
        print(f"safe deletions, {name:18s} {k:18s} precision {s['boilerplate']/(s['boilerplate']+s['body']):.4f} ({s['boilerplate']} bp, {s['body']} body)   target >=0.99")
PY

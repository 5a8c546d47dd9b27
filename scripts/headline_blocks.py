#!/usr/bin/env python3
"""Recall and precision of trailing-headlines on the headline blocks of junk tails.

A headline block is a run of three or more consecutive non-empty lines, all labeled
boilerplate, after the last body line of an article output (extractor_kind article or
article_markdown), each of which looks like a headline: 3 to 25 words, no sentence
inside ("word. Word"), not ending in a full stop, colon or comma (a " -" suffix
allowed), no URL, no copyright sign. The definition reads only the labels and the text,
never the rule. A block counts as found when trailing-headlines findings cover at least
half of its lines.

    scripts/headline_blocks.py --bin BIN --part check [--split testdata/eval/site-split.tsv]
        [--list] FILE.jsonl...

Precision is line-level over every line trailing-headlines flags in the article outputs
of the part: boilerplate lines / (boilerplate + body lines).
"""
import argparse, json, re, subprocess, sys, tempfile, os
from urllib.parse import urlparse

def site(url):
    u = urlparse(url)
    if (u.hostname or "").lower() == "web.archive.org" and "http" in u.path:
        return site(u.path[u.path.index("http"):])
    h = (u.hostname or "").lower()
    if h.startswith("www."):
        h = h[4:]
    parts = h.split(".")
    # registrable domain, as cmd/sitesplit: last two labels, three for co.uk-style
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in ("co", "com", "org", "net", "ac", "gov", "ne", "or"):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])

SENT = re.compile(r"[a-z0-9\)][.!?] +[A-Z]")

MDLINK = re.compile(r"^(?:[*+-]|\d+\.)?\s*\[+\s*(.*?)\s*\]+(?:\[\d+\]|\([^)]*\))?$")

def headline_like(s):
    """A line that reads as a headline: a title of another page. Captions (a
    credit), wrapped lines of prose (starting lower case), copyright lines and
    URLs are not. A markdown link line is read by its link text."""
    s = s.strip()
    m = MDLINK.match(s)
    if m:
        s = m.group(1)
    if s.endswith(" -"):
        s = s[:-2].rstrip()
    w = s.split()
    if not 3 <= len(w) <= 25:
        return False
    if not (s[0].isupper() or s[0].isdigit() or s[0] in "'\"‘“"):
        return False
    low = s.lower()
    if s[-1] in ".:,;" or "http" in low or "©" in s or "www." in low or "copyright" in low or "credit" in low:
        return False
    return not SENT.search(s)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--part", required=True)
    ap.add_argument("--split", default="testdata/eval/site-split.tsv")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    part = {}
    for l in open(a.split):
        if l.startswith("#") or not l.strip():
            continue
        f = l.rstrip("\n").split("\t")
        part[f[0]] = f[1]
    blocks = found = 0
    unknown = set()
    bp = body = 0
    for fn in a.files:
        recs = {}
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            for l in open(fn, encoding="utf-8"):
                r = json.loads(l)
                if r.get("extractor_kind") not in ("article", "article_markdown") or r.get("flattened"):
                    continue
                s = part.get(site(r.get("url", "")))
                if s is None:
                    unknown.add(site(r.get("url", "")))
                    continue
                if s != a.part:
                    continue
                recs[r["id"]] = r
                tmp.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
        if not recs:
            os.unlink(tmp.name)
            continue
        out = subprocess.run([a.bin, "lint", "--no-config", "--select", "trailing-headlines", "--ungrouped",
                              "--format", "jsonl", "--fail-on", "never", tmp.name],
                             capture_output=True, text=True, check=True).stdout
        os.unlink(tmp.name)
        spans = {}
        for l in out.splitlines():
            f = json.loads(l)
            spans.setdefault(f["id"], []).append((f["offset"], f["end_offset"]))
        for rid, r in recs.items():
            t = r["text"].encode("utf-8")
            lines = r["lines"]
            sp = spans.get(rid, [])
            def covered(ln):
                n = ln["end"] - ln["start"]
                c = sum(max(0, min(e, ln["end"]) - max(s, ln["start"])) for s, e in sp)
                return n > 0 and 2 * c >= n
            for ln in lines:
                if covered(ln):
                    if ln["label"] == "boilerplate":
                        bp += 1
                    elif ln["label"] == "body":
                        body += 1
            last_body = max((i for i, ln in enumerate(lines) if ln["label"] == "body"), default=-1)
            if last_body < 0:
                continue
            run = []
            def close():
                nonlocal blocks, found
                if len(run) >= 3:
                    blocks += 1
                    hit = sum(covered(ln) for ln in run)
                    ok = 2 * hit >= len(run)
                    found += ok
                    if a.list:
                        print(("FOUND " if ok else "MISSED"), rid)
                        for ln in run:
                            print("   ", t[ln["start"]:ln["end"]].decode("utf-8", "replace")[:120])
                run.clear()
            for ln in lines[last_body + 1:]:
                s = t[ln["start"]:ln["end"]].decode("utf-8", "replace")
                if not s.strip():
                    continue
                if ln["label"] == "boilerplate" and headline_like(s):
                    run.append(ln)
                else:
                    close()
            close()
    if unknown:
        print(f"note: {len(unknown)} sites not in {a.split} were left out: {sorted(unknown)[:8]}", file=sys.stderr)
    rec = found / blocks if blocks else float("nan")
    prec = bp / (bp + body) if bp + body else float("nan")
    print(f"part {a.part}: headline blocks {blocks}, found {found}, recall {rec:.3f}; "
          f"trailing-headlines lines flagged {bp + body} (boilerplate {bp}, body {body}), precision {prec:.3f}")

main()

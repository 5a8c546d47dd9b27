#!/usr/bin/env python3
"""Build the candidate documents of sample.jsonl (see README.md, "Sample of
judged findings") from real text nobody in this project wrote.

    python3 sample-build.py collect --deb DIR --out cand.jsonl
    python3 sample-build.py window --bin corpuslint --cand cand.jsonl --out sample.jsonl

collect: one record {id, kind, source, text} per document:
  - fortunes (Debian package fortunes 1:1.99.1-7.3, unpacked with
    `apt-get download fortunes; dpkg-deb -x fortunes_*.deb DIR`): every
    fortune (text between `%` lines) of every English file in
    DIR/usr/share/games/fortunes is one document; kind from the file
    (literature, songs-poems, pratchett, startrek -> fiction; news -> news;
    politics, law -> government; computers, linux, debian, perl -> technical;
    the rest -> epigraph, i.e. sayings and quotation pages).
  - /usr/share/common-licenses/* (Debian base-files): kind reference.
  - debian-reference-en 2.100 (DIR/usr/share/debian-reference/*.en.html),
    tags stripped, paragraphs kept: kind technical.
  - /usr/share/doc/*/README* of the packages installed here (plain and .gz):
    kind technical; the source names the package and its version.
  - /work/shared/corpus/*.jsonl(.gz): kind "web" (judged per page later).
  - the benchmark corpus: make_corpus.py --mb 40 --seed 11: kind news;
    window keeps a random sample of its documents with findings (--bench-sample).
window: run the binary on the candidates, keep the documents with a
missing-attribution finding, cut each longer than 6000 bytes to the
paragraphs around its findings (2 paragraphs either side, whole
paragraphs only), and write them. The findings are re-derived by running
the binary on the written file (scripts/attribution_eval.py --sample).
Deduplication: a document whose every finding's quote text was already
seen in an earlier document is dropped.
"""
import argparse, random, glob, gzip, html, json, os, re, subprocess, sys

FICTION = {"literature", "songs-poems", "pratchett", "startrek"}
TECH = {"computers", "linux", "debian", "perl", "linuxcookie"}
GOV = {"politics", "law"}
SKIP = {"ascii-art", "art", "translate-me"}


def fortunes(deb):
    d = os.path.join(deb, "usr/share/games/fortunes")
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        if "." in f or f.startswith("mario") or f in SKIP or not os.path.isfile(p):
            continue
        kind = ("fiction" if f in FICTION else "technical" if f in TECH else
                "government" if f in GOV else "news" if f == "news" else "epigraph")
        raw = open(p, encoding="utf-8", errors="replace").read()
        for n, t in enumerate(re.split(r"^%\n", raw, flags=re.M)):
            t = t.strip("\n")
            if t.strip():
                yield {"id": f"fortunes/{f}/{n}", "kind": kind,
                       "source": f"fortunes 1:1.99.1-7.3 /usr/share/games/fortunes/{f} #{n}",
                       "text": t + "\n"}


def licenses():
    for p in sorted(glob.glob("/usr/share/common-licenses/*")):
        if os.path.isfile(p):
            yield {"id": "license/" + os.path.basename(p), "kind": "reference",
                   "source": "base-files " + pkgver("base-files") + " " + p,
                   "text": open(p, encoding="utf-8", errors="replace").read()}


def strip_html(s):
    s = re.sub(r"(?is)<(script|style).*?</\1>", "", s)
    s = re.sub(r"(?i)</?(p|div|h\d|li|pre|tr|table|dt|dd|br)\b[^>]*>", "\n\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    s = re.sub(r"[ \t]+\n", "\n", s)
    return re.sub(r"\n{3,}", "\n\n", s).strip() + "\n"


def debref(deb):
    for p in sorted(glob.glob(os.path.join(deb, "usr/share/debian-reference/*.en.html"))):
        yield {"id": "debian-reference/" + os.path.basename(p), "kind": "technical",
               "source": "debian-reference-en 2.100 /usr/share/debian-reference/" + os.path.basename(p),
               "text": strip_html(open(p, encoding="utf-8", errors="replace").read())}


_ver = {}


def pkgver(pkg):
    if pkg not in _ver:
        p = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg], capture_output=True, text=True)
        _ver[pkg] = p.stdout.strip() or "?"
    return _ver[pkg]


def readmes():
    for p in sorted(glob.glob("/usr/share/doc/*/README*")):
        if not os.path.isfile(p) or os.path.getsize(p) > 400000:
            continue
        pkg = p.split("/")[4]
        op = gzip.open if p.endswith(".gz") else open
        try:
            t = op(p, "rt", encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        yield {"id": "readme/" + p[len("/usr/share/doc/"):], "kind": "technical",
               "source": f"{pkg} {pkgver(pkg)} {p}", "text": t}


def corpus():
    for p in sorted(glob.glob("/work/shared/corpus/*.jsonl*")):
        op = gzip.open if p.endswith(".gz") else open
        with op(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                yield {"id": "corpus/" + d["id"], "kind": "web", "source": p, "text": d["text"]}


def bench(path):
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            d = json.loads(line)
            yield {"id": f"bench/{d.get('id', n)}", "kind": "news",
                   "source": "make_corpus.py --mb 40 --seed 11 line %d" % (n + 1), "text": d["text"]}


def lint(binary, path):
    p = subprocess.run([binary, "lint", "--no-config", "--select", "missing-attribution", "--format",
                        "jsonl", "--ungrouped", "--fail-on", "never", path], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def window(text, spans, limit=6000):
    b = text.encode("utf-8")
    if len(b) <= limit:
        return text
    paras = [(m.start(), m.end()) for m in re.finditer(rb"(?s).+?(?:\n\s*\n|\Z)", b)]
    keep = set()
    for s, e in spans:
        for i, (ps, pe) in enumerate(paras):
            if ps < e and s < pe:
                keep.update(range(max(0, i - 2), min(len(paras), i + 3)))
    out, last = [], None
    for i in sorted(keep):
        if last is not None and i != last + 1:
            out.append(b"[...]\n\n")
        out.append(b[paras[i][0]:paras[i][1]])
        last = i
    return b"".join(out).decode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "window"])
    ap.add_argument("--deb", default="/tmp/judge/deb/x")
    ap.add_argument("--bench", default="/tmp/judge/bench.jsonl")
    ap.add_argument("--bin")
    ap.add_argument("--cand")
    ap.add_argument("--bench-sample", type=int, default=30,
                    help="bench documents with findings to keep, drawn with random.Random(15)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.mode == "collect":
        with open(a.out, "w", encoding="utf-8") as out:
            gens = [fortunes(a.deb), licenses(), debref(a.deb), readmes(), corpus()]
            if os.path.exists(a.bench):
                gens.append(bench(a.bench))
            for g in gens:
                for d in g:
                    out.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    docs = [json.loads(l) for l in open(a.cand, encoding="utf-8")]
    fs = {}
    for f in lint(a.bin, a.cand):
        fs.setdefault(f["id"], []).append(f)
    benchids = sorted(i for i in fs if i.startswith("bench/"))
    keepbench = set(random.Random(15).sample(benchids, min(a.bench_sample, len(benchids))))
    seen = set()
    with open(a.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d["id"] not in fs or (d["id"].startswith("bench/") and d["id"] not in keepbench):
                continue
            b = d["text"].encode("utf-8")
            quotes = {b[f["offset"]:f["end_offset"]] for f in fs[d["id"]]}
            if quotes <= seen:
                continue
            seen |= quotes
            d["text"] = window(d["text"], [(f["offset"], f["end_offset"]) for f in fs[d["id"]]])
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build the candidate documents of check.jsonl (see README.md, "Check set of
judged quotations") from real text nobody in this project wrote. Standard
library only.

    # unpack the packages (names and versions are in PKGS below)
    mkdir -p DEB && cd DEB && apt-get download PKG... && for f in *.deb; do dpkg-deb -x $f x; done
    python3 make_corpus.py --mb 40 --seed 23 --out bench.jsonl
    python3 check-build.py collect --deb DEB/x --bench bench.jsonl --out cand.jsonl
    python3 check-build.py select --bin corpuslint --cand cand.jsonl --out check.jsonl

collect: one record {id, kind, source, text} per document. Long texts are cut
into chunks of whole paragraphs of at most about 6000 bytes (one document per
chunk, id ...#N). Sources:
  fortune-anarchism  games/fortunes/anarchism, one fortune per doc: epigraph
  fortunes-bofh-excuses, fortunes-debian-hints: one fortune per doc: epigraph / technical
  tfortunes          games/tfortunes/epigrams/en.tfortunes, one epigram per doc: epigraph
  jargon-text        jargon.txt: one `:term:` entry per doc: glossary;
                     Appendix A (Hacker Folklore: koans, stories): fiction;
                     front matter and Appendix B: reference
  dict-foldoc        foldoc.dict.dz: one headword entry per doc: glossary
  debian-faq         FAQ/debian-faq.en.txt.gz: faq
  doc-debian         constitution.txt, social-contract.txt, debian-manifesto: government;
                     mailing-lists.txt, bug-*.txt: reference
  debian-history     project-history.en.txt, dedication-*.txt (English): reference
  developers-reference developers-reference.txt.gz: technical
  nethack-common     Guidebook.txt.gz: technical
  python3.11-doc     html/faq/*.html: faq; html/glossary.html: glossary;
                     html/whatsnew, howto, tutorial: technical (tags stripped)
  perl-doc           usr/share/perl/5.36.0/pod/*.pod: perlfaq*: faq; the rest: technical
  crawl-common       usr/share/crawl/dat/descript/*.txt and dat/database/*.txt (English),
                     one `%%%%` entry per doc: quotes.txt: epigraph; FAQ.txt: faq;
                     help.txt, tutorial.txt, hints.txt, commands.txt: technical;
                     the rest (monster, god, item lore, monster speech): fiction
  dict-devil         devil.dict.dz (Bierce, The Devil's Dictionary): one `WORD, n.` entry
                     per doc: fiction (a satirical book: verse, dialogue, invented poets)
  bench              make_corpus.py --mb 40 --seed 23: news
select: run the binary on the candidates; keep documents with at least one
missing-attribution finding, at most CAP documents per source package
(random.Random(23) sample), the bench news capped so that it holds at most a
third of the findings; plus RECALL documents that hold a paragraph-opening
quotation but no finding. Documents longer than 6000 bytes are cut to the
paragraphs around their quotations (1 paragraph either side, whole paragraphs,
"[...]" between runs). Documents whose findings' quote texts were all seen
before are dropped.
"""
import argparse, glob, gzip, html, json, os, random, re, subprocess, sys

PKGS = {  # package -> version unpacked
    "fortune-anarchism": "1.8.0-1",
    "fortunes-bofh-excuses": "1.2-3",
    "fortunes-debian-hints": "2.01.4",
    "tfortunes": "1.0.1-1",
    "jargon-text": "4.4.7-4.1",
    "dict-foldoc": "20230119-1",
    "debian-faq": "11.1",
    "doc-debian": "11.3+nmu1",
    "debian-history": "2.28",
    "developers-reference": "12.18",
    "nethack-common": "3.6.6-3+b2",
    "python3.11-doc": "3.11.2-6+deb12u9",
    "perl-doc": "5.36.0-7+deb12u4",
    "crawl-common": "2:0.28.0-1.1",
    "dict-devil": "1.0-13.1",
}


def src(pkg, path, extra=""):
    return f"{pkg} {PKGS[pkg]} /{path}{extra}"


def read(p):
    op = gzip.open if p.endswith((".gz", ".dz")) else open
    with op(p, "rt", encoding="utf-8", errors="replace") as fh:
        return fh.read()


def chunks(text, limit=6000):
    """Whole paragraphs, grouped up to about `limit` bytes."""
    paras = re.findall(r"(?s).+?(?:\n[ \t]*\n|\Z)", text)
    out, cur, n = [], [], 0
    for p in paras:
        b = len(p.encode("utf-8"))
        if cur and n + b > limit:
            out.append("".join(cur))
            cur, n = [], 0
        cur.append(p)
        n += b
    if cur:
        out.append("".join(cur))
    return [c.strip("\n") + "\n" for c in out if c.strip()]


def doc(i, kind, source, text):
    return {"id": i, "kind": kind, "source": source, "text": text}


def fortune_file(deb, pkg, rel, kind, sep=r"^%\n"):
    raw = read(os.path.join(deb, rel))
    name = os.path.basename(rel)
    for n, t in enumerate(re.split(sep, raw, flags=re.M)):
        t = t.strip("\n")
        if t.strip():
            yield doc(f"{name}/{n}", kind, src(pkg, rel, f" #{n}"), t + "\n")


def long_text(deb, pkg, rel, kind, prefix):
    for n, c in enumerate(chunks(read(os.path.join(deb, rel)))):
        yield doc(f"{prefix}#{n}", kind, src(pkg, rel, f" chunk {n}"), c)


def jargon(deb):
    rel = "usr/share/doc/jargon-text/jargon.txt.gz"
    lines = read(os.path.join(deb, rel)).splitlines(keepends=True)
    body_start = next(i for i, l in enumerate(lines) if l.startswith("   :"))
    appa = next(i for i, l in enumerate(lines) if re.match(r"Appendix\sA\.\sHacker Folklore", l))
    appb = next(i for i, l in enumerate(lines) if re.match(r"Appendix\sB\.\sA Portrait", l))
    entry, start = [], None
    for i in range(body_start, appa):
        l = lines[i]
        if re.match(r"   :[^ ].*:", l) and entry:
            yield doc(f"jargon/{start + 1}", "glossary", src("jargon-text", rel, f" line {start + 1}"),
                      "".join(entry).strip("\n") + "\n")
            entry = []
        if not entry:
            start = i
        entry.append(l)
    if entry:
        yield doc(f"jargon/{start + 1}", "glossary", src("jargon-text", rel, f" line {start + 1}"),
                  "".join(entry).strip("\n") + "\n")
    for n, c in enumerate(chunks("".join(lines[appa:appb]))):
        yield doc(f"jargon-appA#{n}", "fiction", src("jargon-text", rel, f" Appendix A chunk {n}"), c)
    for n, c in enumerate(chunks("".join(lines[:body_start]) + "".join(lines[appb:]))):
        yield doc(f"jargon-front#{n}", "reference", src("jargon-text", rel, f" front/Appendix B chunk {n}"), c)


def foldoc(deb):
    rel = "usr/share/dictd/foldoc.dict.dz"
    raw = read(os.path.join(deb, rel))
    for m in re.finditer(r"(?m)^(\S[^\n]*)\n(?:[ \t]*\n|[ \t]+[^\n]*\n)*", raw):
        t = m.group(0).strip("\n") + "\n"
        if len(t) > 40:
            yield doc(f"foldoc/{m.group(1)[:60]}", "glossary", src("dict-foldoc", rel, f" entry {m.group(1)[:60]!r}"), t)


def strip_html(s):
    s = re.sub(r"(?is)<(script|style|nav).*?</\1>", "", s)
    s = re.sub(r'(?is)<div class="(sphinxsidebar|related|footer)".*?</div>', "", s)
    s = re.sub(r"(?i)</?(p|div|h\d|li|pre|tr|table|dt|dd|br|blockquote|section)\b[^>]*>", "\n\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s).replace("\u00b6", "")
    s = re.sub(r"[ \t]+\n", "\n", s)
    return re.sub(r"\n{3,}", "\n\n", s).strip() + "\n"


def pydoc(deb):
    base = "usr/share/doc/python3.11-doc/html/"
    parts = [("faq/*.html", "faq"), ("glossary.html", "glossary"), ("whatsnew/*.html", "technical"),
             ("howto/*.html", "technical"), ("tutorial/*.html", "technical")]
    for pat, kind in parts:
        for p in sorted(glob.glob(os.path.join(deb, base + pat))):
            rel = os.path.relpath(p, deb)
            name = rel[len(base):]
            for n, c in enumerate(chunks(strip_html(read(p)))):
                yield doc(f"pydoc/{name}#{n}", kind, src("python3.11-doc", rel, f" chunk {n}"), c)


def perl(deb):
    for p in sorted(glob.glob(os.path.join(deb, "usr/share/perl/5.36.0/pod/*.pod"))):
        rel = os.path.relpath(p, deb)
        name = os.path.basename(p)
        kind = "faq" if name.startswith("perlfaq") else "technical"
        yield from long_text(deb, "perl-doc", rel, kind, "perl/" + name)


def crawl(deb):
    tech = {"help.txt", "tutorial.txt", "hints.txt", "commands.txt"}
    for sub in ("descript", "database"):
        for p in sorted(glob.glob(os.path.join(deb, f"usr/share/crawl/dat/{sub}/*.txt"))):
            rel = os.path.relpath(p, deb)
            name = os.path.basename(p)
            kind = ("epigraph" if name == "quotes.txt" else "faq" if name == "FAQ.txt" else
                    "technical" if name in tech else "fiction")
            for n, t in enumerate(re.split(r"^%%%%\n", read(p), flags=re.M)):
                t = t.strip("\n")
                if t.strip() and len(t) > 30:
                    yield doc(f"crawl/{sub}/{name}/{n}", kind, src("crawl-common", rel, f" #{n}"), t + "\n")


def devil(deb):
    rel = "usr/share/dictd/devil.dict.dz"
    raw = read(os.path.join(deb, rel))
    for t in re.split(r"\n\s*\n(?=[A-Z][A-Z' -]*[A-Z], )", raw):
        t = t.strip("\n")
        m = re.match(r"([A-Z][A-Z' -]*[A-Z]), ", t)
        if m:
            yield doc(f"devil/{m.group(1)}", "fiction", src("dict-devil", rel, f" entry {m.group(1)!r}"), t + "\n")


def collect(deb, bench):
    g = "usr/share/games/fortunes/"
    yield from fortune_file(deb, "fortune-anarchism", g + "anarchism", "epigraph")
    yield from fortune_file(deb, "fortunes-bofh-excuses", g + "bofh-excuses", "epigraph")
    yield from fortune_file(deb, "fortunes-debian-hints", g + "debian-hints", "technical")
    yield from fortune_file(deb, "tfortunes", "usr/share/games/tfortunes/epigrams/en.tfortunes", "epigraph",
                            sep=r"^---- .*\n")
    yield from jargon(deb)
    yield from foldoc(deb)
    yield from long_text(deb, "debian-faq", "usr/share/doc/debian/FAQ/debian-faq.en.txt.gz", "faq", "debian-faq")
    d = "usr/share/doc/debian/"
    for f, kind in [("constitution.txt.gz", "government"), ("social-contract.txt.gz", "government"),
                    ("debian-manifesto.gz", "government"), ("mailing-lists.txt.gz", "reference"),
                    ("bug-reporting.txt.gz", "reference"), ("bug-log-access.txt", "reference"),
                    ("bug-maint-info.txt.gz", "reference")]:
        yield from long_text(deb, "doc-debian", d + f, kind, "doc-debian/" + f.split(".")[0])
    h = "usr/share/doc/debian-history/"
    yield from long_text(deb, "debian-history", h + "docs/project-history.en.txt.gz", "reference", "debian-history")
    for v in ("2.2", "5.0", "9.0"):
        yield from long_text(deb, "debian-history", h + f"dedication/dedication-{v}.txt", "reference",
                             f"dedication-{v}")
    yield from long_text(deb, "developers-reference", "usr/share/developers-reference/developers-reference.txt.gz",
                         "technical", "developers-reference")
    yield from long_text(deb, "nethack-common", "usr/share/doc/nethack-common/Guidebook.txt.gz", "technical",
                         "nethack-guidebook")
    yield from pydoc(deb)
    yield from perl(deb)
    yield from crawl(deb)
    yield from devil(deb)
    if bench and os.path.exists(bench):
        with open(bench, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                r = json.loads(line)
                yield doc(f"bench/{r.get('id', n)}", "news",
                          "make_corpus.py --mb 40 --seed 23 line %d" % (n + 1), r["text"])


def lint(binary, path):
    p = subprocess.run([binary, "lint", "--no-config", "--select", "missing-attribution", "--format", "jsonl",
                        "--ungrouped", "--fail-on", "never", path], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


PARA = re.compile(rb"(?s).+?(?:\n[ \t]*\n|\Z)")
OPEN = re.compile(rb'^[ \t>*-]*(?:["\xe2\x80\x9c]|``)')  # straight, curly, or ``tex'' opening


def para_quotes(b):
    """Byte spans of paragraphs that open with a double quotation mark."""
    return [(m.start(), m.end()) for m in PARA.finditer(b) if OPEN.match(m.group(0).lstrip(b"\n"))]


def window(text, spans, limit=6000):
    b = text.encode("utf-8")
    if len(b) <= limit:
        return text
    paras = [(m.start(), m.end()) for m in PARA.finditer(b)]
    keep = set()
    for s, e in spans:
        for i, (ps, pe) in enumerate(paras):
            if ps < e and s < pe:
                keep.update(range(max(0, i - 1), min(len(paras), i + 2)))
    out, last = [], None
    for i in sorted(keep):
        if last is not None and i != last + 1:
            out.append(b"[...]\n\n")
        out.append(b[paras[i][0]:paras[i][1]])
        last = i
    return b"".join(out).decode("utf-8")


def pkg_of(d):
    return "bench" if d["id"].startswith("bench/") else d["source"].split()[0]


def select(a):
    docs = [json.loads(l) for l in open(a.cand, encoding="utf-8")]
    fs = {}
    for f in lint(a.bin, a.cand):
        fs.setdefault(f["id"], []).append(f)
    rnd = random.Random(23)
    bysrc = {}
    for d in docs:
        if d["id"] in fs:
            bysrc.setdefault(pkg_of(d), []).append(d)
    keep = set()
    for s in sorted(bysrc):
        ds = bysrc[s]
        cap = a.bench_cap if s == "bench" else a.cap
        keep |= {d["id"] for d in rnd.sample(ds, min(cap, len(ds)))}
    # recall: documents with a paragraph-opening quote and no finding
    noflag = [d for d in docs if d["id"] not in fs and para_quotes(d["text"].encode("utf-8"))]
    bysrc2 = {}
    for d in noflag:
        bysrc2.setdefault(pkg_of(d), []).append(d)
    rec, srcs = [], sorted(bysrc2)
    while len(rec) < a.recall and any(bysrc2.values()):
        for s in srcs:
            if bysrc2[s] and len(rec) < a.recall:
                rec.append(bysrc2[s].pop(rnd.randrange(len(bysrc2[s]))))
    keep |= {d["id"] for d in rec}
    seen = set()
    with open(a.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d["id"] not in keep:
                continue
            b = d["text"].encode("utf-8")
            spans = [(f["offset"], f["end_offset"]) for f in fs.get(d["id"], [])]
            quotes = {b[s:e] for s, e in spans}
            if quotes and quotes <= seen:
                continue
            seen |= quotes
            d["text"] = window(d["text"], spans + para_quotes(b))
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "select"])
    ap.add_argument("--deb", default="/tmp/judge2/deb/x")
    ap.add_argument("--bench", default="/tmp/judge2/bench.jsonl")
    ap.add_argument("--bin")
    ap.add_argument("--cand")
    ap.add_argument("--cap", type=int, default=14, help="documents with findings kept per package")
    ap.add_argument("--bench-cap", type=int, default=14, help="bench documents with findings kept")
    ap.add_argument("--recall", type=int, default=20, help="documents with quotes but no finding")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.mode == "collect":
        with open(a.out, "w", encoding="utf-8") as out:
            for d in collect(a.deb, a.bench):
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        select(a)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build check3.jsonl, the third held-out check set for missing-attribution
(see README.md, "Third check set"), from real text that no earlier set used.
Standard library only.

    mkdir -p DEB && cd DEB && apt-get download PKG... && for f in *.deb; do dpkg-deb -x $f x; done
    python3 make_corpus.py --mb 30 --seed 57 --out bench57.jsonl
    python3 check3-build.py collect --deb DEB/x --bench bench57.jsonl --out cand3.jsonl
    python3 check3-build.py select --bin corpuslint --cand cand3.jsonl --out check3.jsonl
    python3 check3-build.py spans --jsonl check3.jsonl --out spans3.tsv   # rows to judge

collect: one record {id, kind, source, text} per document; long texts are cut
into chunks of whole paragraphs of about 6000 bytes (id ...#N). Sources
(package versions in PKGS):
  r-cran-tm        texts/crude/*.xml, texts/acq/*.xml, texts/reuters-21578.xml
                   (Reuters-21578 newswire stories, 1987) and texts/rcv1_2330.xml
                   (one RCV1 story, 1996): news. Each story is rendered as an
                   extractor would a page: the TITLE line, then the DATELINE and
                   BODY, the BODY's wrapped lines joined and its indented
                   paragraphs separated by blank lines, entities unescaped.
  r-cran-wordcloud data/SOTU.RData: the 2010 and 2011 State of the Union
                   addresses, cut into chunks: government
  r-cran-tidytext  extdata/books.rda (Project Gutenberg texts, one line per
                   element): Great Expectations, Twenty Thousand Leagues under
                   the Sea, The War of the Worlds, cut into chunks: fiction.
                   Pride and Prejudice, also in the file, is left out (Austen
                   was in the second check set).
  r-cran-dslabs    data/Rdata.rdb, trump_tweets (20,761 tweets, 2009-2018, in
                   the data set's order): runs of 25 tweets, one paragraph per
                   tweet, as a timeline page shows them: forum (social posts)
  ikiwiki          usr/share/doc/ikiwiki/html/**/*.html (the ikiwiki
                   documentation wiki: plugin pages, tips, examples; tags
                   stripped): reference
  r-doc-html       usr/share/R/doc/manual/R-FAQ.html (tags stripped): faq
  python3-pattern  usr/share/doc/python3-pattern/test/corpora/spam-apache.csv
                   (250 mails of the SpamAssassin public corpus: label 1, mailing-
                   list posts of 2002 with their quoted replies: forum; label -1,
                   spam, HTML tags stripped: advert), one mail per document
  bench            make_corpus.py --mb 30 --seed 57: news
select: run the binary with `elsewhere: warning` (so that quotes in texts not
read as reporting are reported too); keep documents with at least one finding
(at most CAP per package, random.Random(57) sample; the bench capped at about a
third of the findings, skipping documents whose quotes were all seen); add
documents with quotations and no finding (RECALL per package, random.Random(57)
over the non-bench candidates with a quotation span of six words or more,
windowed around their first four such spans); drop
documents whose quotes were all seen before; cut documents longer than 6000
bytes to the paragraphs around their findings or quotations (one paragraph
either side, "[...]" between runs; functions shared with check-build.py).
spans: every double-quoted span of six words or more of each kept document,
one row per span with its context, for the judge to label (check3.tsv keeps
the rows that are full sentences, with verdicts).
"""
import argparse, glob, gzip, bz2, html, importlib.util, json, lzma, os, random, re, struct, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, fn):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, fn))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


cb = _load("check_build", "check-build.py")
c2 = _load("check2_build", "check2-build.py")

PKGS = {  # package -> version unpacked (apt-get download, Debian bookworm)
    "r-cran-tm": "0.7-11-1",
    "r-cran-wordcloud": "2.6-2",
    "r-cran-tidytext": "0.4.1-1",
    "r-cran-dslabs": "0.7.4-1",
    "ikiwiki": "3.20200202.3-1",
    "r-doc-html": "4.2.2.20221110-2",
    "python3-pattern": "2.6+git20180818-4",
}
RLIB = "usr/lib/R/site-library/"


def src(pkg, path, extra=""):
    return f"{pkg} {PKGS[pkg]} /{path}{extra}"


def reuters_story(x):
    """One <REUTERS> element as page text: title, then dateline and body."""
    def tag(t):
        m = re.search(rf"(?s)<{t}>(.*?)</{t}>", x)
        return html.unescape(m.group(1)) if m else ""
    body = tag("BODY")
    if not body.strip():
        return ""
    body = re.sub(r"\s*\bReuter\s*$", "", body)
    paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n(?=[ \t]{2,})", body)]
    paras = [p for p in paras if p]
    dl = tag("DATELINE").strip()
    if dl and paras:
        paras[0] = dl + " " + paras[0]
    title = tag("TITLE").strip()
    return "\n\n".join(([title] if title else []) + paras) + "\n"


def rcv1_story(x):
    title = html.unescape((re.search(r"(?s)<title>(.*?)</title>", x) or [None, ""])[1]).strip()
    paras = [html.unescape(re.sub(r"\s+", " ", p)).strip() for p in re.findall(r"(?s)<p>(.*?)</p>", x)]
    return "\n\n".join(([title] if title else []) + [p for p in paras if p]) + "\n"


def reuters(deb):
    base = RLIB + "tm/texts/"
    for sub in ("crude", "acq"):
        for p in sorted(glob.glob(os.path.join(deb, base + sub + "/*.xml"))):
            rel = os.path.relpath(p, deb)
            t = reuters_story(cb.read(p))
            if t.strip():
                yield cb.doc(f"reuters/{sub}/{os.path.basename(p)}", "news", src("r-cran-tm", rel), t)
    rel = base + "reuters-21578.xml"
    for m in re.finditer(r'(?s)<REUTERS\b[^>]*NEWID="(\d+)".*?</REUTERS>', cb.read(os.path.join(deb, rel))):
        t = reuters_story(m.group(0))
        if t.strip():
            yield cb.doc(f"reuters/21578/{m.group(1)}", "news", src("r-cran-tm", rel, f" NEWID {m.group(1)}"), t)
    rel = base + "rcv1_2330.xml"
    yield cb.doc("reuters/rcv1/2330", "news", src("r-cran-tm", rel), rcv1_story(cb.read(os.path.join(deb, rel))))


def rda_strings(path):
    """The character vectors of an .rda/.RData file (gzip, bzip2 or xz
    compressed "RDX2"/"RDX3" then R's XDR serialisation)."""
    raw = open(path, "rb").read()
    for f in (gzip.decompress, bz2.decompress, lzma.decompress):
        try:
            raw = f(raw)
            break
        except (OSError, ValueError, lzma.LZMAError):
            pass
    x = raw[5:]
    u = c2._Unser(x)
    u.i = 2
    ver = u.int()
    u.int()
    u.int()
    if ver == 3:
        u.i += 4 + struct.unpack(">i", x[u.i:u.i + 4])[0]
    out = []
    u.item(out)
    return out


def sotu(deb):
    rel = RLIB + "wordcloud/data/SOTU.RData"
    speeches = [v[0] for v in rda_strings(os.path.join(deb, rel)) if len(v) == 1 and v[0] and len(v[0]) > 10000]
    for year, s in zip((2010, 2011), speeches):
        for n, c in enumerate(cb.chunks(s.replace("\r\n", "\n"))):
            yield cb.doc(f"sotu/{year}#{n}", "government", src("r-cran-wordcloud", rel, f" SOTU {year} chunk {n}"), c)


def books(deb):
    rel = RLIB + "tidytext/extdata/books.rda"
    vecs = [v for v in rda_strings(os.path.join(deb, rel)) if len(v) > 1000]
    text, title = vecs[0], vecs[1]
    by = {}
    for line, t in zip(text, title):
        by.setdefault(t, []).append(line or "")
    for t, lines in by.items():
        if t == "Pride and Prejudice":
            continue
        slug = re.sub(r"\W+", "-", t.lower()).strip("-")
        for n, c in enumerate(cb.chunks("\n".join(lines) + "\n")):
            yield cb.doc(f"books/{slug}#{n}", "fiction", src("r-cran-tidytext", rel, f" {t} chunk {n}"), c)


def tweets(deb):
    rel = RLIB + "dslabs/data/Rdata.rdb"
    for vecs in c2.rdb_strings(os.path.join(deb, rel)):
        tw = [v for v in vecs if len(v) > 20000 and sum(len(s or "") for s in v) / len(v) > 60]
        if tw:
            v = tw[0]
            for n in range(0, len(v), 25):
                t = "\n\n".join(html.unescape(s or "").strip() for s in v[n:n + 25] if (s or "").strip())
                yield cb.doc(f"tweets/{n // 25}", "forum", src("r-cran-dslabs", rel, f" trump_tweets {n + 1}-{min(n + 25, len(v))}"), t + "\n")
            return


def ikiwiki(deb):
    base = "usr/share/doc/ikiwiki/html/"
    for p in sorted(glob.glob(os.path.join(deb, base + "**/*.html"), recursive=True)):
        rel = os.path.relpath(p, deb)
        raw = cb.read(p)
        m = re.search(r'(?s)<div id="pagebody">(.*?)<div id="footer"', raw) or re.search(r"(?s)<body[^>]*>(.*)</body>", raw)
        t = cb.strip_html(m.group(1) if m else raw)
        for n, c in enumerate(cb.chunks(t)):
            yield cb.doc(f"ikiwiki/{rel[len(base):]}#{n}", "reference", src("ikiwiki", rel, f" chunk {n}"), c)


def rfaq(deb):
    rel = "usr/share/R/doc/manual/R-FAQ.html"
    p = os.path.join(deb, rel)
    if not os.path.exists(p):
        rel = "usr/share/doc/r-doc-html/manual/R-FAQ.html"
        p = os.path.join(deb, rel)
    for n, c in enumerate(cb.chunks(cb.strip_html(cb.read(p)))):
        yield cb.doc(f"rfaq#{n}", "faq", src("r-doc-html", rel, f" chunk {n}"), c)


def mails(deb):
    import csv
    rel = "usr/share/doc/python3-pattern/test/corpora/spam-apache.csv"
    with open(os.path.join(deb, rel), encoding="utf-8", errors="replace", newline="") as fh:
        for n, row in enumerate(csv.reader(fh)):
            lab, t = row[0].lstrip("\ufeff"), row[1]
            kind = "forum" if lab == "1" else "advert"
            if "<" in t and re.search(r"(?i)<(html|body|div|p|br|font)\b", t):
                t = cb.strip_html(t)
            t = t.replace("\r\n", "\n").strip() + "\n"
            for k, c in enumerate(cb.chunks(t)):
                yield cb.doc(f"mail/{n}#{k}", kind, src("python3-pattern", rel, f" row {n + 1} chunk {k}"), c)


def collect(deb, bench):
    yield from reuters(deb)
    yield from sotu(deb)
    yield from books(deb)
    yield from tweets(deb)
    yield from ikiwiki(deb)
    yield from rfaq(deb)
    yield from mails(deb)
    if bench and os.path.exists(bench):
        with open(bench, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                r = json.loads(line)
                yield cb.doc(f"bench/{r.get('id', n)}", "news",
                             "make_corpus.py --mb 30 --seed 57 line %d" % (n + 1), r["text"])


RECALL = {"r-cran-tm": 20, "python3-pattern": 6, "r-cran-dslabs": 4, "ikiwiki": 4, "r-doc-html": 3,
          "r-cran-wordcloud": 3, "r-cran-tidytext": 3}  # recall documents per package
RECALL_SPANS = 4
CONFIG = "rules:\n  missing-attribution:\n    elsewhere: warning\n"


def lint(binary, path, config=None):
    """Findings of missing-attribution; with config, under that configuration."""
    args = [binary, "lint", "--select", "missing-attribution", "--format", "jsonl", "--ungrouped", "--fail-on", "never"]
    args += ["--config", config] if config else ["--no-config"]
    p = subprocess.run(args + [path], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def quote_spans(text, minwords=6):
    """Byte spans of the double-quoted spans of `minwords` words or more:
    per paragraph (blank-line separated; a line of its own in a document
    whose paragraphs are single lines), straight pairs, curly pairs and
    ``tex'' pairs. An unclosed quote runs to the end of its paragraph."""
    b = text.encode("utf-8")
    out = []
    single = "\n\n" not in text
    paras = [(m.start(), m.end()) for m in (re.finditer(rb"[^\n]*\n?", b) if single else cb.PARA.finditer(b))]
    pat = re.compile(rb'"|\xe2\x80\x9c|\xe2\x80\x9d|``|\'\'')
    for ps, pe in paras:
        seg = b[ps:pe]
        opened = None
        for m in pat.finditer(seg):
            tok = m.group(0)
            if opened is None:
                if tok in (b'"', b"\xe2\x80\x9c", b"``"):
                    opened = (m.start(), tok)
                continue
            o, otok = opened
            close = {b'"': b'"', b"\xe2\x80\x9c": b"\xe2\x80\x9d", b"``": b"''"}[otok]
            if tok == close:
                out.append((ps + o, ps + m.end()))
                opened = None
            elif tok == otok and otok == b"\xe2\x80\x9c":
                opened = (m.start(), tok)  # a new opening: the last one was never closed
        if opened is not None:
            end = len(seg.rstrip(b"\n"))
            out.append((ps + opened[0], ps + end))
    res = []
    for s, e in out:
        words = re.findall(r"[A-Za-z0-9']+", b[s:e].decode("utf-8", "replace"))
        if len(words) >= minwords:
            res.append((s, e))
    return res


def pkg_of(d):
    if d["id"].startswith("bench/"):
        return "bench"
    return d["source"].split()[0]


def select(a):
    docs = [json.loads(l) for l in open(a.cand, encoding="utf-8")]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as cf:
        cf.write(CONFIG)
    try:
        finds = lint(a.bin, a.cand, cf.name)
    finally:
        os.unlink(cf.name)
    fs = {}
    for f in finds:
        fs.setdefault(f["id"], []).append(f)
    rnd = random.Random(57)
    bysrc = {}
    for d in docs:
        if d["id"] in fs:
            bysrc.setdefault(pkg_of(d), []).append(d)
    keep = {}
    nonbench = 0
    for s in sorted(bysrc):
        if s == "bench":
            continue
        ds = rnd.sample(bysrc[s], min(a.cap, len(bysrc[s])))
        for d in ds:
            keep[d["id"]] = [(f["offset"], f["end_offset"]) for f in fs[d["id"]]]
        nonbench += sum(len(fs[d["id"]]) for d in ds)
    budget = nonbench // 2  # the bench: about a third of all findings
    bench = bysrc.get("bench", [])
    rnd.shuffle(bench)
    nb, bseen = 0, set()
    for d in bench:
        if nb >= budget:
            break
        b = d["text"].encode("utf-8")
        quotes = {b[f["offset"]:f["end_offset"]] for f in fs[d["id"]]}
        if quotes <= bseen:
            continue
        bseen |= quotes
        keep[d["id"]] = [(f["offset"], f["end_offset"]) for f in fs[d["id"]]]
        nb += len(fs[d["id"]])
    # recall documents: quotations, no finding; windowed around their first
    # RECALL_SPANS quotation spans so that a chunk of a novel stays readable
    pool = [d for d in docs if d["id"] not in fs and pkg_of(d) in RECALL and quote_spans(d["text"])]
    rnd.shuffle(pool)
    perpkg = {}
    for d in pool:
        p = pkg_of(d)
        if perpkg.get(p, 0) >= RECALL[p]:
            continue
        perpkg[p] = perpkg.get(p, 0) + 1
        keep[d["id"]] = quote_spans(d["text"])[:RECALL_SPANS]
    seen = set()
    with open(a.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d["id"] not in keep:
                continue
            b = d["text"].encode("utf-8")
            spans = keep[d["id"]]
            quotes = {b[s:e] for s, e in spans}
            if quotes <= seen:
                continue
            seen |= quotes
            d["text"] = cb.window(d["text"], spans)
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


def spans(a):
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("id\tstart\tend\tquote\n")
        for line in open(a.jsonl, encoding="utf-8"):
            d = json.loads(line)
            b = d["text"].encode("utf-8")
            for s, e in quote_spans(d["text"]):
                q = b[s:e].decode("utf-8").replace("\t", " ").replace("\n", " ")
                out.write(f"{d['id']}\t{s}\t{e}\t{q}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "select", "spans"])
    ap.add_argument("--deb", default="/tmp/judge3/deb/x")
    ap.add_argument("--bench", default="/tmp/judge3/bench57.jsonl")
    ap.add_argument("--bin")
    ap.add_argument("--cand")
    ap.add_argument("--jsonl", default=os.path.join(HERE, "check3.jsonl"))
    ap.add_argument("--cap", type=int, default=40, help="documents with findings kept per package")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.mode == "collect":
        with open(a.out, "w", encoding="utf-8") as out:
            for d in collect(a.deb, a.bench):
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif a.mode == "select":
        select(a)
    else:
        spans(a)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build check4.jsonl, the fourth held-out check set for missing-attribution
(see README.md, "Fourth check set"), from real scraped web pages that no
earlier set and no file of the project's corpus used. Standard library only.

    mkdir -p M && cd M && go mod init x && go mod download -json github.com/advancedlogic/GoOse@latest
    npm pack unfluff@3.2.0 && tar xzf unfluff-3.2.0.tgz
    (goose3: a snapshot of the goose3/goose3 repository, tests/data/content)
    python3 check4-build.py collect --goose GOOSE_DIR --unfluff UNFLUFF_DIR --goose3 GOOSE3_DIR --out cand4.jsonl
    python3 check4-build.py select --bin corpuslint --cand cand4.jsonl --out check4.jsonl
    python3 check4-build.py spans --jsonl check4.jsonl --out spans4.tsv   # rows to judge

Sources (the saved HTML pages of extractor test suites):
  GoOse     github.com/advancedlogic/GoOse v0.0.0-20191112112754-e742535969c1
            (Go module), sites/*.html: news sites, blogs, social pages
  unfluff   npm unfluff 3.2.0, package/fixtures/*.html (the pages of
            python-goose's test suite plus unfluff's own)
  goose3    the goose3 repository, tests/data/content/*.html, only the pages
            that unfluff does not also ship (same file name)
Pages not in English are left out (KIND maps them to None), and so are the
synthetic snippets of the suites (a page under 2000 bytes of HTML, or a
"TextNode" test page) and a page whose text another page already gave.

collect: one record {id, kind, source, text} per page. The text is the
page as a naive extractor renders it (`page_text`): the whole document, with
<script>, <style>, <noscript>, <template>, <svg> and <head> content dropped,
a paragraph break at every block element, runs of whitespace folded, blank
lines between paragraphs. Sidebars, teasers, captions, navigation and
comments stay in: that is where quotes lose their speakers.
select: run the binary with `elsewhere: warning`; keep every page with a
finding, and RECALL pages with a quotation span of six words or more and no
finding (random.Random(64)), and BARE more of them with a quote paragraph
that no speech word is near (`bare`: where untagged quotes are likeliest, for
recall); keep pages of up to 20000 bytes whole, and cut
longer ones to the paragraphs around their findings or (recall pages) all
their quotation spans, three paragraphs either side ("[...]" between runs).
spans: every double-quoted span of six words or more of each kept page, one
row per span, for the judge (check3-build.py's quote_spans).
"""
import argparse, glob, gzip, hashlib, html.parser, importlib.util, json, os, random, re, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, fn):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, fn))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


cb = _load("check_build", "check-build.py")
c3 = _load("check3_build", "check3-build.py")

SRC = {
    "goose": "github.com/advancedlogic/GoOse v0.0.0-20191112112754-e742535969c1 sites/",
    "unfluff": "npm unfluff 3.2.0 package/fixtures/",
    "goose3": "goose3/goose3 c5a8902eed0c tests/data/content/",
    "newspaper": "codelucas/newspaper 1618b547f31c tests/data/html/",
    "newspaper4k": "AndyTheFactory/newspaper4k 540bff3e8344 tests/data/html/",
    "htmldate": "github.com/markusmobius/go-htmldate v1.10.1 test-files/comparison/",
    "mediacloud": "github.com/markusmobius/go-htmldate v1.10.1 test-files/mediacloud/",
    "htmldate-mock": "github.com/markusmobius/go-htmldate v1.10.1 test-files/mock/",
}
DEFAULT = {"htmldate": "web", "htmldate-mock": "web", "newspaper": "web", "newspaper4k": "web", "mediacloud": "news"}

# page name (without .html, and without test_ in the suites that prefix it) ->
# kind; None: not English or not a page. Names not listed are news.
KIND = {
    # GoOse
    "blogspot.co.uk": "blog", "wordpress.com": "blog", "dev4510": "blog", "dev4510b": "blog", "dev4510c": "blog",
    "prnewswire.com": "press-release",
    "facebook.com": "social", "post.facebook.com": "social", "instagram": "social", "linkedin.com": "social",
    "twitter.com": "social", "youtube.com": "social", "soundcloud.com": "social", "soundcloud2.com": "social",
    "slideshare.net": "reference", "example.com": None,
    "charset_euc_jp": None, "charset_euc_kr": None, "charset_iso_8859_1": None, "charset_koi8_r": None,
    "charset_shift_jis": None, "globoesporte.globo.com": None, "huffingtonpost.jp": None, "vnexpress.net": None,
    "profit.lindorff.fi": None, "emeia.ey-vx.com": None,
    # unfluff / goose3
    "allnewlyrics1": "lyrics", "dcurtis": "blog", "mcsweeney": "humor", "github1": "technical",
    "wikipedia1": "reference", "sec1": "government", "tags_kexp": "blog", "twitter": "social",
    "cnet": "review", "tags_cnet": "review", "polygon": "review", "polygon_video": "review",
    "okaymarketing": "blog", "issue129": "blog", "msn1": "magazine",
    # pages of the other suites, kinds set by reading them (the rest stay "web")
    "newspaper/adoption.com1": "blog", "newspaper/foxbusiness.com1": "blog", "newspaper/graziadaily.co.uk2": "magazine",
    "newspaper/slate.com1": "magazine", "newspaper/tnr.com2": "magazine", "newspaper/youbeauty.com2": "review",
    "newspaper/ap_meta_refresh": "news", "newspaper/pe.com1": "news", "newspaper/reuters.com4": "news",
    "newspaper/theglobeandmail.com1": "news", "htmldate/boston.com-Feds": "news",
    "htmldate/chicagoreader.com-Distillery": "magazine", "htmldate/larnetimes.co.uk-Adam-Johnson": "news",
    "htmldate/walesonline.co.uk-beach": "news", "htmldate-mock/gnu.org.gpl": "reference",
    "newspaper/cnn_article": "news", "newspaper4k/cnn_001": "news", "htmldate/abcnews.com-Ramaswamy": "news",
    "htmldate/birminghammail.co.uk-48-hour": "news", "htmldate/thesun.co.uk-Linda-Nolan": "news",
    "embed": None, "iframe": None, "object": None, "issue24": None,  # synthetic "TextNode" snippets
    "issue4": None,
    "bbc_chinese": None, "cnn_arabic": None, "donga_korean": None, "elmondo1": None, "elpais": None,
    "lefigaro": None, "liberation": None, "wiwo": None,
}

SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select", "button"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
         "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
         "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr",
         "ul", "title", "option", "center"}


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras, self.cur, self.skip = [], [], 0

    def _flush(self):
        t = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        if t:
            self.paras.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self._flush()
        if tag == "title" and self.skip:
            pass

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def decode(raw):
    m = re.search(rb'(?i)<meta[^>]+charset=["\']?([A-Za-z0-9_-]+)', raw[:4000])
    for enc in ([m.group(1).decode()] if m else []) + ["utf-8"]:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("cp1252", errors="replace")


def page_text(raw):
    """Whole-page text of an HTML page, one paragraph per block element."""
    p = _Text()
    p.feed(decode(raw))
    p.close()
    p._flush()
    return "\n\n".join(p.paras) + "\n"


STOP = {"the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "on", "with", "was", "as", "are"}


def english(text):
    """A page of 150 words or more, at least 8% of them common English
    function words (navigation and link lists dilute the share)."""
    w = re.findall(r"[^\W\d_]+", text.lower())
    return len(w) >= 150 and sum(x in STOP for x in w) >= 0.08 * len(w)


def corpus_sentences(corpus):
    """Sentences of 60 characters or more of the project's corpus files, to
    leave out any page the corpus already holds (a page of which 3 sentences
    or more, and at least 30%, are there; boilerplate sentences such as cookie
    notices are shared by unrelated pages)."""
    out = set()
    for p in sorted(glob.glob(os.path.join(corpus, "*.jsonl*"))):
        op = gzip.open if p.endswith(".gz") else open
        with op(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                for x in SENT.findall(json.loads(line).get("text", "")):
                    out.add(hashlib.sha1(re.sub(r"\s+", " ", x).encode()).digest()[:8])
    return out


SENT = re.compile(r"[A-Z][^.!?\n]{58,}[.!?]")


def pages(dirs, corpus=None, exclude=()):
    """dirs: (tag, directory, file-name prefix) in order; a page name seen in
    an earlier directory, or whose text an earlier page gave, is skipped."""
    seen_names, seen_hash = set(), set()
    known = corpus_sentences(corpus) if corpus else set()
    for tag, d, prefix in dirs:
        if not d:
            continue
        for p in sorted(glob.glob(os.path.join(d, "*.html"))):
            fn = os.path.basename(p)
            name = fn[:-5]
            if prefix and name.startswith(prefix):
                name = name[len(prefix):]
            if fn in exclude:
                continue
            raw = open(p, "rb").read()
            h = hashlib.sha1(raw).hexdigest()
            if len(raw) < 2000 or h in seen_hash or name in seen_names:
                continue
            kind = KIND.get(f"{tag}/{name}", KIND.get(name, DEFAULT.get(tag, "news")))
            if kind is None:
                continue
            t = page_text(raw)
            th = hashlib.sha1(t.encode("utf-8")).hexdigest()
            if th in seen_hash or not english(t):
                continue
            ss = SENT.findall(t)
            k = sum(hashlib.sha1(re.sub(r"\s+", " ", x).encode()).digest()[:8] in known for x in ss)
            if k >= 3 and k >= 0.3 * len(ss):
                continue  # the project's corpus has this page
            seen_hash |= {h, th}
            seen_names.add(name)
            yield cb.doc(f"{tag}/{name}", kind, SRC[tag] + fn, t)


RECALL = 15
BARE = 8  # more recall pages: ones with a bare quote paragraph (see bare())
SPEECH = re.compile(r"(?i)\b(said|says|say|told|tells|according|wrote|writes|added|adds|asked|asks|explained|"
                    r"explains|stated|states|noted|notes|argued|argues|recalled|recalls|insisted|insists)\b|[:\u2014]")


def bare(text):
    """A paragraph that opens with a quotation span of six words or more and
    has no speech word (said, says, told, according, ...) or colon or dash in
    it or in the paragraph before: where an untagged quote is likeliest."""
    b = text.encode("utf-8")
    paras = [(m.start(), m.end()) for m in cb.PARA.finditer(b)]
    spans = c3.quote_spans(text)
    for i, (ps, pe) in enumerate(paras):
        if not any(s == ps for s, e in spans):
            continue
        near = b[paras[i - 1][0] if i else ps:pe].decode("utf-8", "replace")
        if not SPEECH.search(near):
            return True
    return False
CONFIG = "rules:\n  missing-attribution:\n    elsewhere: warning\n"


def window(text, spans, limit=20000, ctx=3):
    """The page whole up to `limit` bytes (a page's reporting read and the
    tags around its quotes need the page); a longer one cut to the paragraphs
    around `spans`, `ctx` paragraphs either side, "[...]" between runs."""
    b = text.encode("utf-8")
    if len(b) <= limit:
        return text
    paras = [(m.start(), m.end()) for m in cb.PARA.finditer(b)]
    keep = set()
    for s, e in spans:
        for i, (ps, pe) in enumerate(paras):
            if ps < e and s < pe:
                keep.update(range(max(0, i - ctx), min(len(paras), i + ctx + 1)))
    out, last = [], None
    for i in sorted(keep):
        if last is not None and i != last + 1:
            out.append(b"[...]\n\n")
        out.append(b[paras[i][0]:paras[i][1]])
        last = i
    return b"".join(out).decode("utf-8")


def select(a):
    docs = [json.loads(l) for l in open(a.cand, encoding="utf-8")]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as cf:
        cf.write(CONFIG)
    try:
        finds = c3.lint(a.bin, a.cand, cf.name)
    finally:
        os.unlink(cf.name)
    fs = {}
    for f in finds:
        fs.setdefault(f["id"], []).append(f)
    keep = {d["id"]: [(f["offset"], f["end_offset"]) for f in fs[d["id"]]] for d in docs if d["id"] in fs}
    pool = [d for d in docs if d["id"] not in fs and c3.quote_spans(d["text"])]
    random.Random(64).shuffle(pool)
    for d in pool[:RECALL]:
        keep[d["id"]] = c3.quote_spans(d["text"])
    for d in [d for d in pool[RECALL:] if bare(d["text"])][:BARE]:
        keep[d["id"]] = c3.quote_spans(d["text"])
    with open(a.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d["id"] in keep:
                d["text"] = window(d["text"], keep[d["id"]])
                out.write(json.dumps(d, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "select", "spans"])
    ap.add_argument("--goose")
    ap.add_argument("--unfluff")
    ap.add_argument("--goose3")
    ap.add_argument("--newspaper")
    ap.add_argument("--newspaper4k")
    ap.add_argument("--htmldate", help="go-htmldate's test-files directory")
    ap.add_argument("--corpus", help="the project's corpus directory: pages it holds are left out")
    ap.add_argument("--exclude", help="file of page file names to leave out (trafilatura's tests/eval and tests/cache)")
    ap.add_argument("--bin")
    ap.add_argument("--cand")
    ap.add_argument("--jsonl", default=os.path.join(HERE, "check4.jsonl"))
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.mode == "collect":
        with open(a.out, "w", encoding="utf-8") as out:
            hd = a.htmldate
            dirs = [("goose", a.goose, ""), ("unfluff", a.unfluff, "test_"), ("goose3", a.goose3, "test_"),
                    ("newspaper", a.newspaper, ""), ("newspaper4k", a.newspaper4k, ""),
                    ("mediacloud", hd and os.path.join(hd, "mediacloud"), ""),
                    ("htmldate", hd and os.path.join(hd, "comparison"), ""),
                    ("htmldate-mock", hd and os.path.join(hd, "mock"), "")]
            ex = set(open(a.exclude).read().split()) if a.exclude else set()
            for d in pages(dirs, a.corpus, ex):
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif a.mode == "select":
        select(a)
    else:
        c3.spans(a)


if __name__ == "__main__":
    main()

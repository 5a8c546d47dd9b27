#!/usr/bin/env python3
"""Build check2.jsonl, the second held-out check set for missing-attribution
(see README.md, "Second check set"), from real text nobody in this project
wrote and no earlier set used. Standard library only.

    mkdir -p DEB && cd DEB && apt-get download PKG... && for f in *.deb; do dpkg-deb -x $f x; done
    python3 make_corpus.py --mb 30 --seed 41 --out bench41.jsonl
    python3 check2-build.py collect --deb DEB/x --bench bench41.jsonl --out cand2.jsonl
    python3 check2-build.py select --bin corpuslint --cand cand2.jsonl --out check2.jsonl

collect: one record {id, kind, source, text} per document; long texts are cut
into chunks of whole paragraphs of about 6000 bytes (id ...#N). Sources
(package versions in PKGS):
  git-doc            usr/share/doc/git-doc/*.txt, technical/*.txt, user-manual.txt:
                     technical; howto/*.txt (mailing-list posts kept as how-tos,
                     with their From: headers and quoted replies): forum
  gnu-standards      standards.text.gz, maintain.text.gz: technical
  wesnoth-1.16-httt, -tsg, -sof
                     campaign scenario files data/campaigns/*/scenarios/*.cfg and
                     utils/*.cfg: the story= texts and [message]s in file order,
                     one document per file, a message rendered as "Speaker: text"
                     (the name the game shows beside it; "Narrator" for the
                     narrator), markup tags removed: fiction
  display-dhammapada dhammapada-english-transl.txt, dhammapada-alternate.txt: epigraph
                     (verse sayings; the translator's notes are in the same file)
  dict-gcide         gcide.dict.dz (GNU Collaborative International Dictionary of
                     English, from Webster 1913): one headword entry per doc: glossary
                     (literary citations follow definitions, "..." --Shak.)
  crossfire-maps     every map file's msg ... endmsg blocks (signs, books, NPC
                     replies), one paragraph per block, one document per map file;
                     "@match" lines dropped: fiction
  freeciv-data       nation/*.ruleset legend= texts, one per doc, and helpdata.txt
                     text= entries: reference
  debian-handbook    html/en-US/*.html (tags stripped): technical
  r-cran-janeaustenr data/Rdata.rdb (R lazy-load database: zlib blobs, each an
                     XDR-serialised character vector, one line per element): the six
                     novels, cut into chunks: fiction
  r-cran-modeldata   data/Rdata.rdb, small_fine_foods (Amazon fine-food reviews,
                     5000): one review per doc: review
  r-cran-tokenizers  data/Rdata.rdb, mobydick (Project Gutenberg's Moby Dick, with
                     its front and back matter), cut into chunks: fiction
  bench              make_corpus.py --mb 30 --seed 41: news
select: run the binary; keep every document with at least one finding (at most
CAP per package, random.Random(41) sample; the bench capped so that it holds
about a third of the findings); drop documents whose findings' quote texts were
all seen before; cut documents longer than 6000 bytes to the paragraphs around
their findings (one paragraph either side, "[...]" between runs; functions
shared with check-build.py).
"""
import argparse, glob, importlib.util, json, os, random, re, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("check_build", os.path.join(HERE, "check-build.py"))
cb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cb)

PKGS = {  # package -> version unpacked (apt-get download, Debian bookworm)
    "git-doc": "1:2.39.5-0+deb12u3",
    "gnu-standards": "2022.03.23-0.1",
    "wesnoth-1.16-httt": "1:1.16.9-1",
    "wesnoth-1.16-tsg": "1:1.16.9-1",
    "wesnoth-1.16-sof": "1:1.16.9-1",
    "display-dhammapada": "1.0-0.1+b1",
    "dict-gcide": "0.48.5+nmu2",
    "crossfire-maps": "1.75.0+dfsg1-1",
    "freeciv-data": "3.0.6-1+deb12u1",
    "debian-handbook": "11.20220922",
    "r-cran-janeaustenr": "1.0.0-1",
    "r-cran-modeldata": "1.1.0-1",
    "r-cran-tokenizers": "0.3.0-1",
}
CAMPAIGNS = {"Heir_To_The_Throne": "wesnoth-1.16-httt", "The_South_Guard": "wesnoth-1.16-tsg",
             "Sceptre_of_Fire": "wesnoth-1.16-sof"}


def src(pkg, path, extra=""):
    return f"{pkg} {PKGS[pkg]} /{path}{extra}"


def long_text(deb, pkg, rel, kind, prefix):
    for n, c in enumerate(cb.chunks(cb.read(os.path.join(deb, rel)))):
        yield cb.doc(f"{prefix}#{n}", kind, src(pkg, rel, f" chunk {n}"), c)


def gitdoc(deb):
    base = "usr/share/doc/git-doc/"
    for pat, kind in [("*.txt", "technical"), ("technical/*.txt", "technical"), ("howto/*.txt", "forum")]:
        for p in sorted(glob.glob(os.path.join(deb, base + pat))):
            rel = os.path.relpath(p, deb)
            yield from long_text(deb, "git-doc", rel, kind, "git/" + rel[len(base):])


WML_STR = r'_?\s*"((?:[^"]|"")*)"'


def wml_text(s):
    s = s.replace('""', '"')
    s = re.sub(r"</?(?:i|b|span|small|big)\b[^>]*>", "", s)
    return s.strip()


def wesnoth(deb):
    root = "usr/share/games/wesnoth/1.16/data/campaigns/"
    for camp, pkg in CAMPAIGNS.items():
        files = sorted(glob.glob(os.path.join(deb, root + camp + "/scenarios/*.cfg")) +
                       glob.glob(os.path.join(deb, root + camp + "/utils/*.cfg")))
        for p in files:
            rel = os.path.relpath(p, deb)
            raw = cb.read(p)
            out = []
            # story texts and [message] blocks, in file order
            pat = re.compile(r"(?s)\{STORY[^\n]*?" + WML_STR + r"|\bstory\s*=\s*" + WML_STR +
                             r"|\[message\](.*?)\[/message\]")
            for m in pat.finditer(raw):
                if m.group(1) is not None or m.group(2) is not None:
                    t = wml_text(m.group(1) if m.group(1) is not None else m.group(2))
                    if t:
                        out.append(t)
                    continue
                body = m.group(3)
                mm = re.search(r"\bmessage\s*=\s*" + WML_STR, body)
                if not mm:
                    continue
                sp = re.search(r"\bspeaker\s*=\s*([^\n#]*)", body)
                who = sp.group(1).strip().strip('"') if sp else ""
                who = "Narrator" if who in ("", "narrator") else who.replace("_", " ")
                t = wml_text(mm.group(1))
                if t:
                    out.append(f"{who}: {t}")
            if out:
                name = camp + "/" + os.path.basename(p)
                text = "\n\n".join(out) + "\n"
                for n, c in enumerate(cb.chunks(text)):
                    yield cb.doc(f"wesnoth/{name}#{n}", "fiction", src(pkg, rel, f" chunk {n}"), c)


def gcide(deb):
    rel = "usr/share/dictd/gcide.dict.dz"
    raw = cb.read(os.path.join(deb, rel))
    for m in re.finditer(r"(?m)^(\S[^\n]*)\n(?:[ \t]*\n|[ \t]+[^\n]*\n)*", raw):
        t = m.group(0).strip("\n") + "\n"
        if len(t) > 40 and '"' in t:
            yield cb.doc(f"gcide/{m.start()}", "glossary", src("dict-gcide", rel, f" entry at {m.start()}"), t)


def crossfire(deb):
    root = "usr/share/games/crossfire/maps/"
    for dp, _, fns in os.walk(os.path.join(deb, root)):
        for fn in sorted(fns):
            p = os.path.join(dp, fn)
            rel = os.path.relpath(p, deb)
            try:
                raw = cb.read(p)
            except (OSError, UnicodeError):
                continue
            blocks = []
            for m in re.finditer(r"(?ms)^msg\n(.*?)^endmsg$", raw):
                t = "\n".join(l for l in m.group(1).splitlines() if not l.startswith("@")).strip()
                if t:
                    blocks.append(t)
            if blocks and '"' in "".join(blocks):
                for n, c in enumerate(cb.chunks("\n\n".join(blocks) + "\n")):
                    yield cb.doc(f"crossfire/{rel[len(root):]}#{n}", "fiction", src("crossfire-maps", rel, f" chunk {n}"), c)


def freeciv(deb):
    root = "usr/share/games/freeciv/"
    for p in sorted(glob.glob(os.path.join(deb, root + "nation/*.ruleset"))):
        rel = os.path.relpath(p, deb)
        m = re.search(r'(?s)legend\s*=\s*_\("(.*?)"\)', cb.read(p))
        if m:
            t = re.sub(r"\\\n", "", m.group(1)).replace('\\"', '"').replace("\\n", "\n")
            yield cb.doc(f"freeciv/{os.path.basename(p)}", "reference", src("freeciv-data", rel), t.strip() + "\n")
    rel = root + "helpdata.txt"
    raw = cb.read(os.path.join(deb, rel))
    for m in re.finditer(r"(?ms)^\[(help_[^\]]*)\]\n(.*?)(?=^\[|\Z)", raw):
        parts = re.findall(r'_\("((?:[^"\\]|\\.)*)"\)', m.group(2))
        t = "\n".join(x.replace('\\"', '"').replace("\\n", "\n") for x in parts).strip()
        if t:
            yield cb.doc(f"freeciv/helpdata/{m.group(1)}", "reference", src("freeciv-data", rel, f" [{m.group(1)}]"), t + "\n")


def handbook(deb):
    base = "usr/share/doc/debian-handbook/html/en-US/"
    for p in sorted(glob.glob(os.path.join(deb, base + "*.html"))):
        rel = os.path.relpath(p, deb)
        for n, c in enumerate(cb.chunks(cb.strip_html(cb.read(p)))):
            yield cb.doc(f"handbook/{os.path.basename(p)}#{n}", "technical", src("debian-handbook", rel, f" chunk {n}"), c)


class _Unser:
    """Just enough of R's XDR unserialisation to collect every character
    vector (STRSXP) of an object: data frames, lists, attributes, ALTREP."""

    def __init__(self, x):
        self.x, self.i = x, 0

    def int(self):
        v = struct.unpack(">i", self.x[self.i:self.i + 4])[0]
        self.i += 4
        return v

    def item(self, out):
        f = self.int()
        t, attr, tag = f & 0xFF, f & 512, f & 1024
        if t in (254, 242, 253, 252, 251, 250):  # NULL, environments, markers
            return None
        if t == 255:  # reference
            if f >> 8 == 0:
                self.int()
            return None
        if t == 1:  # symbol: its name
            self.item(out)
            return None
        if t == 4:  # environment: locked, enclos, frame, hashtab, attrib
            self.int()
            for _ in range(4):
                self.item(out)
            return None
        if t in (2, 3, 5, 6, 17):  # pairlist-like: [attr] [tag] car cdr
            if attr:
                self.item(out)
            if tag:
                self.item(out)
            self.item(out)
            self.item(out)
            return None
        if t == 238:  # ALTREP: info, state, attributes
            for _ in range(3):
                self.item(out)
            return None
        if t == 9:  # CHARSXP
            n = self.int()
            if n < 0:
                return None
            v = self.x[self.i:self.i + n].decode("utf-8", "replace")
            self.i += n
            return v
        n = self.int()
        if t in (10, 13):
            self.i += 4 * n
        elif t == 14:
            self.i += 8 * n
        elif t == 15:
            self.i += 16 * n
        elif t == 24:
            self.i += n
        elif t == 16:
            out.append([self.item(out) or "" for _ in range(n)])
        elif t in (19, 20):
            for _ in range(n):
                self.item(out)
        else:
            raise ValueError(f"R type {t} not read")
        if attr:
            self.item(out)
        return None


def rdb_strings(path):
    """Per object of an R lazy-load database (.rdb), its character vectors.
    Each object is a 4-byte length and either a zlib stream, or a type byte
    and a stream ('Z': raw LZMA2, '2': bzip2, '0': none), of R's XDR
    serialisation ("X\\n", version ints, then the object)."""
    import bz2, lzma
    b = open(path, "rb").read()
    i = 0
    while i < len(b):
        kind = b[i + 4:i + 5]
        if kind == b"Z":
            d = lzma.LZMADecompressor(format=lzma.FORMAT_RAW,
                                      filters=[{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}])
            body = b[i + 5:]
        elif kind == b"2":
            d, body = bz2.BZ2Decompressor(), b[i + 5:]
        else:
            d, body = zlib.decompressobj(), b[i + 4:]
        x = d.decompress(body)
        i = len(b) - len(d.unused_data)
        u = _Unser(x)
        u.i = 2
        ver = u.int()
        u.int()
        u.int()
        if ver == 3:
            u.i += 4 + struct.unpack(">i", x[u.i:u.i + 4])[0]
        out = []
        u.item(out)
        yield out


def austen(deb):
    rel = "usr/lib/R/site-library/janeaustenr/data/Rdata.rdb"
    for vecs in rdb_strings(os.path.join(deb, rel)):
        lines = vecs[0]
        title = re.sub(r"\W+", "-", lines[0].strip().lower())
        for n, c in enumerate(cb.chunks("\n".join(lines) + "\n")):
            yield cb.doc(f"austen/{title}#{n}", "fiction", src("r-cran-janeaustenr", rel, f" {lines[0].strip()} chunk {n}"), c)


def fine_foods(deb):
    """modeldata's small_fine_foods: the review-text columns (training, 4000;
    testing, 1000), told from the other columns by their length."""
    rel = "usr/lib/R/site-library/modeldata/data/Rdata.rdb"
    part = 0
    for vecs in rdb_strings(os.path.join(deb, rel)):
        for v in vecs:
            if len(v) >= 1000 and sum(map(len, v)) / len(v) > 150:
                for n, t in enumerate(v):
                    yield cb.doc(f"finefoods/{part}/{n}", "review",
                                 src("r-cran-modeldata", rel, f" small_fine_foods part {part} review {n}"), t.strip() + "\n")
                part += 1


def mobydick(deb):
    rel = "usr/lib/R/site-library/tokenizers/data/Rdata.rdb"
    for vecs in rdb_strings(os.path.join(deb, rel)):
        if vecs and len(vecs[0]) == 1 and len(vecs[0][0]) > 100000:
            text = vecs[0][0].lstrip("\ufeff").replace("\r\n", "\n")
            for n, c in enumerate(cb.chunks(text)):
                yield cb.doc(f"mobydick#{n}", "fiction", src("r-cran-tokenizers", rel, f" mobydick chunk {n}"), c)


def collect(deb, bench):
    yield from gitdoc(deb)
    for f in ("standards.text.gz", "maintain.text.gz"):
        yield from long_text(deb, "gnu-standards", "usr/share/doc/gnu-standards/" + f, "technical",
                             "gnu/" + f.split(".")[0])
    yield from wesnoth(deb)
    for f in ("dhammapada-english-transl.txt", "dhammapada-alternate.txt"):
        yield from long_text(deb, "display-dhammapada", "usr/share/display-dhammapada/" + f, "epigraph",
                             "dhammapada/" + f.split(".")[0])
    yield from gcide(deb)
    yield from crossfire(deb)
    yield from freeciv(deb)
    yield from handbook(deb)
    yield from austen(deb)
    yield from fine_foods(deb)
    yield from mobydick(deb)
    if bench and os.path.exists(bench):
        with open(bench, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                r = json.loads(line)
                yield cb.doc(f"bench/{r.get('id', n)}", "news",
                             "make_corpus.py --mb 30 --seed 41 line %d" % (n + 1), r["text"])


def pkg_of(d):
    if d["id"].startswith("bench/"):
        return "bench"
    p = d["source"].split()[0]
    return "wesnoth" if p.startswith("wesnoth") else p


def select(a):
    docs = [json.loads(l) for l in open(a.cand, encoding="utf-8")]
    fs = {}
    for f in cb.lint(a.bin, a.cand):
        fs.setdefault(f["id"], []).append(f)
    rnd = random.Random(41)
    bysrc = {}
    for d in docs:
        if d["id"] in fs:
            bysrc.setdefault(pkg_of(d), []).append(d)
    keep = set()
    nonbench = 0
    for s in sorted(bysrc):
        if s == "bench":
            continue
        ds = rnd.sample(bysrc[s], min(a.cap, len(bysrc[s])))
        keep |= {d["id"] for d in ds}
        nonbench += sum(len(fs[d["id"]]) for d in ds)
    # bench: add documents until its findings are about half the others' (a third of all)
    budget = max(a.bench_min, nonbench // 2)
    bench = bysrc.get("bench", [])
    rnd.shuffle(bench)
    nb, bseen = 0, set()
    for d in bench:  # the bench repeats articles: count only documents with a new quote
        if nb >= budget:
            break
        b = d["text"].encode("utf-8")
        quotes = {b[f["offset"]:f["end_offset"]] for f in fs[d["id"]]}
        if quotes <= bseen:
            continue
        bseen |= quotes
        keep.add(d["id"])
        nb += len(fs[d["id"]])
    seen = set()
    with open(a.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d["id"] not in keep:
                continue
            b = d["text"].encode("utf-8")
            spans = [(f["offset"], f["end_offset"]) for f in fs[d["id"]]]
            quotes = {b[s:e] for s, e in spans}
            if quotes <= seen:
                continue
            seen |= quotes
            d["text"] = cb.window(d["text"], spans)
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "select"])
    ap.add_argument("--deb", default="/tmp/judge/deb/new/x")
    ap.add_argument("--bench", default="/tmp/judge/bench41.jsonl")
    ap.add_argument("--bin")
    ap.add_argument("--cand")
    ap.add_argument("--cap", type=int, default=40, help="documents with findings kept per package")
    ap.add_argument("--bench-min", type=int, default=20, help="bench findings kept at least")
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

#!/usr/bin/env python3
"""Build check5.jsonl, the fifth held-out check set for missing-attribution
(see check5-README.md), from texts of many kinds that no earlier set used.
Standard library only; reuses the helpers of check-build.py and
check3-build.py (chunks, window, quote_spans, lint).

    mkdir -p DEB && cd DEB && apt-get download wordnet-base emacs-common endless-sky-data naev-data \
        && for f in *.deb; do dpkg-deb -x $f x; done
    (cd M && go mod init x && go mod download -json github.com/neurosnap/sentences@v1.1.2)
    (the SemCor Brown files: neurosnap/sentences at commit b666457caf72, perf/english/semcor/brownv/tagfiles)
    python3 make_corpus.py --mb 10 --seed 83 --out bench83.jsonl
    python3 check5-build.py collect --deb DEB/x --brown BROWN_DIR --sentences SENT_DIR --bench bench83.jsonl --out cand5.jsonl
    python3 check5-build.py select --bin corpuslint --cand cand5.jsonl --out check5.jsonl
    python3 check5-build.py spans --jsonl check5.jsonl --out spans5.tsv   # rows to judge

collect: one record {id, kind, source, text} per document; long texts are cut
into chunks of whole paragraphs of about 6000 bytes (id ...#N). Sources (SRC):
  brown      the Brown corpus (1961) as SemCor 3.0 tags it (brownv: 166 files),
             detokenized (`` and '' as straight double quotes, one paragraph
             per <p>): category A press reportage: news; B press editorial:
             editorial; C press reviews: review; D religion; E skills and
             hobbies, F popular lore: magazine; G belles lettres, biography,
             essays: essay; H government documents, reports: government;
             J learned: technical; K-R fiction: fiction
  sentences  github.com/neurosnap/sentences v1.1.2 test_files/english/*.txt
             (not the *_s.txt splits): news stories of 2015 and essays
             (Emerson's Self-Reliance, an anarchism essay, an advice column)
  wordnet    wordnet-base data.noun/verb/adj/adv: every synset whose gloss
             holds a double-quoted example of six words or more, rendered
             `word, word (n.): gloss; "example"`, 25 synsets per document:
             glossary
  emacs      emacs-common /usr/share/emacs/28.2/etc: NEWS.*, *-NEWS, TODO,
             PROBLEMS, DEBUG, MACHINES, HISTORY: technical; future-bug:
             humor; gnus-tut.txt: forum (a tutorial of invented Usenet posts)
  endless    endless-sky-data data/*.txt: the backquoted lines of the missions'
             conversations, one paragraph per line: fiction (game dialogue)
  naev       naev-data dat/events/neutral/news.lua: the generic news
             articles (headline, then text), 12 per page: news (in-game,
             invented news); dat/missions/**/*.lua: the long translatable
             strings of each mission: fiction
  bench      make_corpus.py --mb 10 --seed 83: news (held under a quarter of
             the findings)
select: run the binary with `elsewhere: warning`; keep every non-bench
document with a finding (at most CAP per source, random.Random(83)), bench
documents (random.Random(83) order) until the bench holds under a quarter of
the findings, skipping any whose quotes were seen; plus RECALL documents with
quotations and no finding (random.Random(83), windowed around their first
four spans); cut documents longer than 3000 bytes (LIMIT; 6000 for a document with a
warning under default options, whose reporting read needs the text) to the paragraphs around
their findings or quotations (one paragraph either side, "[...]" between runs).
spans: every double-quoted span of six words or more of each kept document
(check3-build.py's quote_spans), one row per span, for the judge.
"""
import argparse, glob, html, importlib.util, json, os, random, re, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, fn):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, fn))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


cb = _load("check_build", "check-build.py")
c3 = _load("check3_build", "check3-build.py")

SRC = {
    "brown": "SemCor 3.0 brownv (neurosnap/sentences b666457caf72 perf/english/semcor/brownv/tagfiles/)",
    "sentences": "github.com/neurosnap/sentences v1.1.2 test_files/english/",
    "wordnet": "wordnet-base 1:3.0-37 /usr/share/wordnet/",
    "emacs": "emacs-common 1:28.2+1-15+deb12u4 /usr/share/emacs/28.2/etc/",
    "endless": "endless-sky-data 0.9.8-1.2 /usr/share/games/endless-sky/data/",
    "naev": "naev-data 0.8.2-1 /usr/share/naev/dat/",
    "bench": "make_corpus.py --mb 10 --seed 83",
}
BROWN_KIND = {"a": "news", "b": "editorial", "c": "review", "d": "religion", "e": "magazine", "f": "magazine",
              "g": "essay", "h": "government", "j": "technical"}  # k..r: fiction
SENT_KIND = {"anarchy": "essay", "self_reliance": "essay", "ethicist": "magazine", "punct": "reference",
             "qa": "magazine", "dr": "reference"}

NOSP_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "%", "''", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"}
NOSP_AFTER = {"``", "(", "[", "$"}


def detok(toks):
    out, prev = [], None
    for t in toks:
        if out and prev not in NOSP_AFTER and t not in NOSP_BEFORE and not t.startswith("'"):
            out.append(" ")
        out.append('"' if t in ("``", "''") else t)
        prev = t
    return "".join(out)


def brown(d):
    for p in sorted(glob.glob(os.path.join(d, "br-*.xml"))):
        name = os.path.basename(p)[:-4]
        raw = open(p, encoding="utf-8", errors="replace").read()
        paras = []
        for pm in re.finditer(r"(?s)<p pnum=[^>]*>(.*?)</p>", raw):
            toks = [html.unescape(m.group(2)).replace("_", " ")
                    for m in re.finditer(r"<(wf|punc)\b[^>]*>(.*?)</\1>", pm.group(1))]
            if toks:
                paras.append(detok(toks))
        kind = BROWN_KIND.get(name[3], "fiction")
        text = "\n\n".join(paras) + "\n"
        for n, c in enumerate(cb.chunks(text)):
            yield cb.doc(f"brown/{name}#{n}", kind, f"{SRC['brown']}{name}.xml chunk {n}", c)


def sentences(d):
    for p in sorted(glob.glob(os.path.join(d, "*.txt"))):
        name = os.path.basename(p)[:-4]
        if name.endswith("_s"):
            continue
        t = open(p, encoding="utf-8").read().strip() + "\n"
        for n, c in enumerate(cb.chunks(t)):
            yield cb.doc(f"sentences/{name}#{n}", SENT_KIND.get(name, "news"), f"{SRC['sentences']}{name}.txt chunk {n}", c)


POS = {"noun": "n.", "verb": "v.", "adj": "adj.", "adv": "adv."}


def wordnet(deb):
    base = os.path.join(deb, "usr/share/wordnet")
    for pos in ("noun", "verb", "adj", "adv"):
        ents = []
        for line in open(os.path.join(base, "data." + pos), encoding="utf-8", errors="replace"):
            if line.startswith("  ") or "|" not in line:
                continue
            head, gloss = line.split("|", 1)
            f = head.split()
            words = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).replace("_", " ") for i in range(int(f[3], 16))]
            gloss = gloss.strip()
            if not any(len(re.findall(r"[A-Za-z']+", q)) >= 6 for q in re.findall(r'"([^"]*)"', gloss)):
                continue
            ents.append((f[0], f"{', '.join(words)} ({POS[pos]}): {gloss}"))
        for n in range(0, len(ents), 25):
            part = ents[n:n + 25]
            yield cb.doc(f"wordnet/{pos}/{part[0][0]}", "glossary",
                         f"{SRC['wordnet']}data.{pos} synsets {part[0][0]}..{part[-1][0]}",
                         "\n\n".join(t for _, t in part) + "\n")


EMACS = {"future-bug": "humor", "gnus-tut.txt": "forum"}


def emacs(deb):
    base = os.path.join(deb, "usr/share/emacs/28.2/etc")
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(base, "*")) if os.path.isfile(p))
    names = [n for n in names if n.startswith("NEWS") or n.endswith("-NEWS") or n in
             ("TODO", "PROBLEMS", "DEBUG", "MACHINES", "HISTORY", "future-bug", "gnus-tut.txt")]
    for n in names:
        t = cb.read(os.path.join(base, n))
        for k, c in enumerate(cb.chunks(t)):
            yield cb.doc(f"emacs/{n}#{k}", EMACS.get(n, "technical"), f"{SRC['emacs']}{n} chunk {k}", c)


def endless(deb):
    base = os.path.join(deb, "usr/share/games/endless-sky/data")
    for p in sorted(glob.glob(os.path.join(base, "*.txt"))):
        name = os.path.basename(p)[:-4]
        lines = []
        for line in open(p, encoding="utf-8", errors="replace"):
            m = re.match(r"^\t+(?:[a-z]+ )?`(.*)`\s*$", line)
            if m and len(m.group(1).strip()) > 20:
                lines.append(m.group(1).strip())
        if not lines:
            continue
        for k, c in enumerate(cb.chunks("\n\n".join(lines) + "\n")):
            yield cb.doc(f"endless/{name.replace(' ', '-')}#{k}", "fiction", f"{SRC['endless']}{name}.txt chunk {k}", c)


LUASTR = re.compile(r'_\(\s*(?:"((?:[^"\\\n]|\\.)*)"|\[\[(.*?)\]\])\s*\)', re.S)


def lua_strings(raw):
    for m in LUASTR.finditer(raw):
        if m.group(1) is not None:
            s = m.group(1).encode("latin-1", "backslashreplace").decode("unicode_escape", "replace")
            try:
                s = s.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        else:
            s = m.group(2)
        yield s.strip()


def naev(deb):
    base = os.path.join(deb, "usr/share/naev/dat")
    rel = "events/neutral/news.lua"
    raw = open(os.path.join(base, rel), encoding="utf-8").read()
    arts = re.findall(r'tag\s*=\s*N?_\("((?:[^"\\]|\\.)*)"\),\s*desc\s*=\s*_\("((?:[^"\\]|\\.)*)"\)', raw)
    arts = [(t.replace('\\"', '"'), d.replace('\\"', '"')) for t, d in arts]
    for n in range(0, len(arts), 12):
        t = "\n\n".join(f"{a}\n\n{b}" for a, b in arts[n:n + 12]) + "\n"
        yield cb.doc(f"naev/news#{n // 12}", "news", f"{SRC['naev']}{rel} articles {n + 1}-{min(n + 12, len(arts))}", t)
    for p in sorted(glob.glob(os.path.join(base, "missions/**/*.lua"), recursive=True)):
        rp = os.path.relpath(p, base)
        ss = [s for s in lua_strings(open(p, encoding="utf-8", errors="replace").read()) if len(s) > 80]
        if not ss:
            continue
        for k, c in enumerate(cb.chunks("\n\n".join(ss) + "\n")):
            yield cb.doc(f"naev/{rp}#{k}", "fiction", f"{SRC['naev']}{rp} chunk {k}", c)


def collect(a):
    if a.brown:
        yield from brown(a.brown)
    if a.sentences:
        yield from sentences(a.sentences)
    if a.deb:
        yield from wordnet(a.deb)
        yield from emacs(a.deb)
        yield from endless(a.deb)
        yield from naev(a.deb)
    if a.bench and os.path.exists(a.bench):
        with open(a.bench, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                r = json.loads(line)
                yield cb.doc(f"bench/{r.get('id', n)}", "news", f"{SRC['bench']} line {n + 1}", r["text"])


def src_of(d):
    return d["id"].split("/")[0]


RECALL = {"brown": 8, "sentences": 4, "wordnet": 2, "emacs": 2, "endless": 2, "naev": 2}
LIMIT = 3000  # documents longer than this are cut to the paragraphs around their spans
CONFIG = "rules:\n  missing-attribution:\n    elsewhere: warning\n"


def select(a):
    docs = [json.loads(l) for l in open(a.cand, encoding="utf-8")]
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as cf:
        cf.write(CONFIG)
    try:
        finds = c3.lint(a.bin, a.cand, cf.name)
    finally:
        os.unlink(cf.name)
    whole = {f["id"] for f in c3.lint(a.bin, a.cand) if f["severity"] == "warning"}
    fs = {}
    for f in finds:
        fs.setdefault(f["id"], []).append(f)
    rnd = random.Random(83)
    bysrc = {}
    for d in docs:
        if d["id"] in fs:
            bysrc.setdefault(src_of(d), []).append(d)
    keep, nonbench = {}, 0
    for s in sorted(bysrc):
        if s == "bench":
            continue
        ds = rnd.sample(bysrc[s], min(a.cap, len(bysrc[s])))
        for d in ds:
            keep[d["id"]] = [(f["offset"], f["end_offset"]) for f in fs[d["id"]]]
        nonbench += sum(len(fs[d["id"]]) for d in ds)
    budget = nonbench // 3 - 1  # the bench: under a quarter of all findings
    bench = bysrc.get("bench", [])
    rnd.shuffle(bench)
    nb, bseen = 0, set()
    for d in bench:
        n = len(fs[d["id"]])
        if nb + n > budget:
            continue
        b = d["text"].encode("utf-8")
        quotes = {b[s:e] for s, e in c3.quote_spans(d["text"])}
        if quotes & bseen:
            continue
        bseen |= quotes
        keep[d["id"]] = [(f["offset"], f["end_offset"]) for f in fs[d["id"]]]
        nb += n
    pool = [d for d in docs if d["id"] not in fs and src_of(d) in RECALL and c3.quote_spans(d["text"])]
    rnd.shuffle(pool)
    per = {}
    for d in pool:
        s = src_of(d)
        if per.get(s, 0) >= RECALL[s]:
            continue
        per[s] = per.get(s, 0) + 1
        keep[d["id"]] = c3.quote_spans(d["text"])[:4]
    with open(a.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d["id"] in keep:
                d["text"] = cb.window(d["text"], keep[d["id"]], 6000 if d["id"] in whole else LIMIT)
                out.write(json.dumps(d, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["collect", "select", "spans"])
    ap.add_argument("--deb", default="/tmp/judge5/deb/x")
    ap.add_argument("--brown", default="/tmp/judge5/brown/perf/english/semcor/brownv/tagfiles")
    ap.add_argument("--sentences", default="/root/go/pkg/mod/github.com/neurosnap/sentences@v1.1.2/test_files/english")
    ap.add_argument("--bench", default="/tmp/judge5/bench83.jsonl")
    ap.add_argument("--bin")
    ap.add_argument("--cand")
    ap.add_argument("--jsonl", default=os.path.join(HERE, "check5.jsonl"))
    ap.add_argument("--cap", type=int, default=40, help="documents with findings kept per source")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.mode == "collect":
        with open(a.out, "w", encoding="utf-8") as out:
            for d in collect(a):
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif a.mode == "select":
        select(a)
    else:
        c3.spans(a)


if __name__ == "__main__":
    main()

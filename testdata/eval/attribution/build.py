#!/usr/bin/env python3
"""Build docs.jsonl from docs.src and verify every labeled offset.

docs.src holds one document per block: a header line
    === <id> <kind> <labels>
followed by the text. Every double-quoted span (straight "..." pairs or
curly “...”, per line; an unclosed quote runs to the end of its line)
whose inside has at least six words gets one label character, in order:
M = speaker missing, A = attributed (source named or clear), x = not a
full sentence (a title, a fragment), left out of docs.jsonl. The build
fails when a block's label count does not match its spans, so a label
can never drift onto the wrong quote.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def spans(text):
    """Yield (start, end) character offsets of quoted spans, per line."""
    pos = 0
    for line in text.split("\n"):
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            if ch == '"':
                j = line.find('"', i + 1)
                end = n if j < 0 else j + 1
                yield pos + i, pos + end
                i = end
            elif ch == "\u201c":
                j = line.find("\u201d", i + 1)
                end = n if j < 0 else j + 1
                yield pos + i, pos + end
                i = end
            else:
                i += 1
        pos += len(line) + 1


def words(s):
    return len(s.strip('"\u201c\u201d').split())


def parse(path):
    docs, cur = [], None
    for raw in open(path, encoding="utf-8"):
        if raw.startswith("=== "):
            parts = raw.split()
            cur = {"id": parts[1], "kind": parts[2], "labels": parts[3] if len(parts) > 3 else "", "lines": []}
            docs.append(cur)
        elif cur is not None:
            cur["lines"].append(raw.rstrip("\n"))
    for d in docs:
        d["text"] = "\n".join(d.pop("lines")).strip("\n") + "\n"
    return docs


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "docs.src")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "docs.jsonl")
    docs = parse(src)
    bad = 0
    seen = set()
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            if d["id"] in seen:
                print("duplicate id", d["id"]); bad += 1
            seen.add(d["id"])
            text = d["text"]
            sp = [(s, e) for s, e in spans(text) if words(text[s:e]) >= 6]
            labels = d["labels"].replace("-", "")
            if len(sp) != len(labels):
                bad += 1
                print(f"{d['id']}: {len(sp)} spans, {len(labels)} labels")
                for s, e in sp:
                    print("   ", text[s:e][:90])
                continue
            quotes = []
            for (s, e), lab in zip(sp, labels):
                if lab == "x":
                    continue
                if lab not in "MA":
                    bad += 1; print(d["id"], "bad label", lab); continue
                bs = len(text[:s].encode("utf-8"))
                be = len(text[:e].encode("utf-8"))
                b = text.encode("utf-8")
                assert b[bs:be].decode("utf-8") == text[s:e]
                assert b[bs:be][:1] == b'"' or b[bs:be][:3] == "\u201c".encode()
                quotes.append({"start": bs, "end": be, "missing": lab == "M"})
            f.write(json.dumps({"id": d["id"], "kind": d["kind"], "text": text, "quotes": quotes}, ensure_ascii=False) + "\n")
    if bad:
        sys.exit(f"{bad} problem(s)")
    print(f"wrote {len(docs)} documents to {out}")
    if len(sys.argv) <= 2:
        write_split(docs, os.path.join(HERE, "split.tsv"))


SEED = 20261207


def write_split(docs, path):
    """Assign each document to tune or check: per kind, sort the ids,
    shuffle them with a fixed seed and give the first half (rounded up
    on alternate kinds) to tune, so both parts hold every kind."""
    rng = random.Random(SEED)
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d["id"])
    rows = []
    for i, kind in enumerate(sorted(by_kind)):
        ids = sorted(by_kind[kind])
        rng.shuffle(ids)
        half = (len(ids) + (i % 2)) // 2
        for j, doc_id in enumerate(ids):
            rows.append((doc_id, kind, "tune" if j < half else "check"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# id\tkind\tpart  (random.Random({SEED}) shuffle per kind, see build.py)\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()

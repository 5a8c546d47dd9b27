"""Tests of the corpuslint wheel: build it, install it into a fresh venv, and check
that the Python API finds and cleans what the bundled CLI does on real corpus files.

Run from the repository: python3 -m unittest discover -s python/tests -v
(.ci/run does). Needs Go (to build the wheel) unless CORPUSLINT_WHEEL names a
built one. The shared corpus (../shared beside the repository) is used when it
is there; without it those tests skip, and with CORPUSLINT_REQUIRE_ALL=1 they fail.
"""
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
import zipfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED_CORPUS = os.path.join(REPO, "..", "shared", "corpus", "unlabeled-fullpage.jsonl.gz")
SAMPLE = os.path.join(REPO, "testdata", "source", "sample.jsonl")

# Runs inside the venv: the API over a file's records, results as JSON lines.
DRIVER = textwrap.dedent('''
    import gzip, json, sys
    import corpuslint
    mode, path, out, two_pass = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "two_pass"
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(l) for l in f if l.strip()]
    with open(out, "w", encoding="utf-8") as w:
        if mode == "lint":
            results = corpuslint.lint(docs, two_pass=two_pass)
        else:
            results = corpuslint.clean(docs, dropped=True, two_pass=two_pass)
        for r in results:
            w.write(json.dumps(r, ensure_ascii=False) + "\\n")
    print(corpuslint.find_binary())
''')


_WHEEL = {}


# Documents with findings of several rules, added to the sample.
EXTRA = [
    "The council met on Tuesday -\nIt voted to approve the budget.",
    'She said, "It is done.\nThen she left.',
    "Accept cookies to continue\nThe harbor was quiet that morning. The boats were in.\nShare this article",
    "-",
]


def built_wheel():
    """The wheel under test: $CORPUSLINT_WHEEL, or one scripts/build-wheel.sh
    builds once for the whole run."""
    if "path" not in _WHEEL:
        wheel = os.environ.get("CORPUSLINT_WHEEL")
        if not wheel:
            _WHEEL["tmp"] = tempfile.TemporaryDirectory(prefix="corpuslint-dist-")
            out = subprocess.run([os.path.join(REPO, "scripts", "build-wheel.sh"), _WHEEL["tmp"].name],
                                 check=True, capture_output=True, text=True)
            wheel = out.stdout.strip().splitlines()[-1]
        _WHEEL["path"] = wheel
    return _WHEEL["path"]


def need_shared(test):
    if not os.path.exists(SHARED_CORPUS):
        reason = "the shared corpus is not at %s" % SHARED_CORPUS
        if os.environ.get("CORPUSLINT_REQUIRE_ALL"):
            test.fail("CORPUSLINT_REQUIRE_ALL is set: " + reason)
        test.skipTest(reason)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


class WheelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="corpuslint-wheel-")
        t = cls.tmp.name
        wheel = cls.wheel = built_wheel()
        venv = os.path.join(t, "venv")
        cls.python = os.path.join(venv, "bin", "python")
        # pip from the venv when this Python can put one there (offline: ensurepip
        # carries it); else the wheel is unpacked into site-packages as pip does.
        if subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True).returncode == 0 and \
                subprocess.run([cls.python, "-m", "pip", "--version"], capture_output=True).returncode == 0:
            subprocess.run([cls.python, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", wheel],
                           check=True)
            cls.installer = "pip"
        else:
            subprocess.run([sys.executable, "-m", "venv", "--clear", "--without-pip", venv], check=True)
            cls.installer = "unzip"
            site = subprocess.run([cls.python, "-c", "import sysconfig; print(sysconfig.get_paths()['platlib'])"],
                                  check=True, capture_output=True, text=True).stdout.strip()
            with zipfile.ZipFile(wheel) as z:
                for info in z.infolist():
                    dest = z.extract(info, site)
                    mode = info.external_attr >> 16 & 0o777
                    if mode:
                        os.chmod(dest, mode)
        cls.binary = subprocess.run([cls.python, "-c", "import corpuslint; print(corpuslint.find_binary())"],
                                    check=True, capture_output=True, text=True,
                                    env=cls.env()).stdout.strip()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def env(cls):
        e = dict(os.environ)
        e.pop("CORPUSLINT_BINARY", None)
        e.pop("PYTHONPATH", None)
        return e

    def api(self, mode, path, two_pass):
        out = os.path.join(self.tmp.name, "api-%s-%s.jsonl" % (mode, os.path.basename(path)))
        script = os.path.join(self.tmp.name, "driver.py")
        with open(script, "w") as f:
            f.write(DRIVER)
        subprocess.run([self.python, script, mode, path, out, "two_pass" if two_pass else "stream"], check=True, capture_output=True, text=True,
                       env=self.env(), cwd=self.tmp.name)
        return read_jsonl(out)

    def cli(self, *args, stdin=None):
        """Runs the venv's corpuslint; with stdin, on that file as standard input."""
        if stdin is None:
            return subprocess.run([self.binary] + list(args), capture_output=True, text=True, cwd=self.tmp.name)
        with open(stdin, "rb") as f:
            return subprocess.run([self.binary] + list(args), stdin=f, capture_output=True, text=True, cwd=self.tmp.name)

    def test_binary_is_bundled(self):
        self.assertTrue(self.binary.startswith(self.tmp.name), "%s is not the venv's (installed by %s)" % (self.binary, self.installer))
        r = subprocess.run([self.python, "-m", "corpuslint", "rules", "stray-dash"], capture_output=True, text=True, env=self.env())
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("stray-dash", r.stdout)

    def check_lint(self, path, two_pass):
        """The API's findings equal the CLI's: on the file itself with two_pass
        (corpus rules included), else on the file as standard input."""
        got = self.api("lint", path, two_pass)
        args = ["lint", "--no-config", "--format", "jsonl", "--fail-on", "never", "--quiet"]
        r = self.cli(*args, path) if two_pass else self.cli(*args, "-", stdin=path)
        self.assertEqual(r.returncode, 0, r.stderr)
        want = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
        for f in want:
            f["path"] = "-"
        self.assertGreater(len(want), 0)
        self.assertEqual(len(got), len(want))
        self.assertEqual(got, want)

    def check_clean(self, path, two_pass):
        got = self.api("clean", path, two_pass)
        out = os.path.join(self.tmp.name, "cli-" + os.path.basename(path) + ".jsonl")
        rej = os.path.join(self.tmp.name, "cli-" + os.path.basename(path) + ".rejected.jsonl")
        args = ["fix", "--no-config", "--fail-on", "never", "--quiet", "--annotate", "corpuslint",
                "--output", out, "--rejected", rej]
        r = self.cli(*args, path) if two_pass else self.cli(*args, "-", stdin=path)
        self.assertEqual(r.returncode, 0, r.stderr)
        kept, dropped = read_jsonl(out), read_jsonl(rej)
        self.assertEqual(len(got), len(kept) + len(dropped))
        self.assertEqual([d for d in got if "corpuslint_rejected" not in d], kept)
        self.assertEqual([d for d in got if "corpuslint_rejected" in d], dropped)

    def sample(self):
        """The repository's sample JSONL without its deliberately broken and blank
        lines (the API's documents are Python objects, which always parse)."""
        path = os.path.join(self.tmp.name, "sample.jsonl")
        with open(SAMPLE, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as w:
            for line in f:
                try:
                    json.loads(line)
                except ValueError:
                    continue
                w.write(line)
            for i, text in enumerate(EXTRA):
                w.write(json.dumps({"id": "extra-%d" % i, "text": text}) + "\n")
        return path

    def test_lint_sample(self):
        self.check_lint(self.sample(), two_pass=False)
        self.check_lint(self.sample(), two_pass=True)

    def test_clean_sample(self):
        self.check_clean(self.sample(), two_pass=False)

    def test_lint_real_corpus(self):
        need_shared(self)
        self.check_lint(SHARED_CORPUS, two_pass=True)

    def test_clean_real_corpus(self):
        need_shared(self)
        self.check_clean(SHARED_CORPUS, two_pass=True)


class APITest(unittest.TestCase):
    """The API against a binary built here (or $CORPUSLINT_BINARY), imported from
    the source tree: streaming, early stop, errors, the filter step."""

    @classmethod
    def setUpClass(cls):
        sys.path.insert(0, os.path.join(REPO, "python"))
        import corpuslint
        cls.cl = corpuslint
        cls.tmp = tempfile.TemporaryDirectory(prefix="corpuslint-api-")
        # The wheel's own binary, run by the API of the source tree.
        with zipfile.ZipFile(built_wheel()) as z:
            cls.binary = z.extract("corpuslint/bin/corpuslint", cls.tmp.name)
        os.chmod(cls.binary, 0o755)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_many_large_documents_stream_without_deadlock(self):
        # Far more than the pipes hold: writing must overlap reading.
        docs = ({"id": str(i), "text": ("Paragraph %d -\n" % i) + "Plain words and more words. " * 400} for i in range(3000))
        ids = [d["id"] for d in self.cl.clean(docs, select="stray-dash", binary=self.binary)]
        self.assertEqual(ids, [str(i) for i in range(3000)])

    def test_early_stop(self):
        docs = ({"id": str(i), "text": "Ends badly -\nNext."} for i in range(100000))
        g = self.cl.lint(docs, select="stray-dash", binary=self.binary)
        first = [next(g) for _ in range(3)]
        g.close()  # kills the process; no hang, no error
        self.assertEqual([f["record"] for f in first], [1, 2, 3])

    def test_inputs_of_every_shape(self):
        class Doc:
            def __init__(self, text, id=None):
                self.text, self.id, self.metadata = text, id, {}
        docs = [{"id": "a", "text": "A dash -\nB.", "keep": [1]}, "A str -\nB.", Doc("An object -\nB.", "o")]
        got = list(self.cl.clean(docs, select="stray-dash", binary=self.binary))
        self.assertEqual([d["text"] for d in got], ["A dash\nB.", "A str\nB.", "An object\nB."])
        self.assertEqual(got[0]["keep"], [1])
        self.assertEqual(got[2]["id"], "o")
        self.assertEqual(got[0]["corpuslint"]["counts"], {"stray-dash": 1})
        with self.assertRaises(TypeError):
            list(self.cl.lint([3], binary=self.binary))

    def test_errors(self):
        with self.assertRaises(self.cl.CorpuslintError) as e:
            list(self.cl.lint(["x"], select="no-such-rule", binary=self.binary))
        self.assertIn("no-such-rule", str(e.exception))
        with self.assertRaises(self.cl.CorpuslintError):
            list(self.cl.lint(["x"], binary=os.path.join(self.tmp.name, "missing")))

    def test_filter_step(self):
        class Doc:
            def __init__(self, id, text):
                self.id, self.text, self.metadata = id, text, {"source": "t"}

        class Writer:
            def __init__(self):
                self.docs, self.entered = [], False
            def __enter__(self):
                self.entered = True
                return self
            def __exit__(self, *a):
                self.entered = False
            def write(self, doc, rank):
                self.docs.append((doc.id, rank))

        w = Writer()
        step = self.cl.CorpuslintFilter(select="stray-dash", exclusion_writer=w, binary=self.binary)
        data = [Doc("a", "Ends badly -\nThat was all."), Doc("b", "-"), Doc("c", "Fine.")]
        kept = list(step.run(data, rank=3, world_size=4))
        self.assertEqual([d.id for d in kept], ["a", "c"])
        self.assertEqual(kept[0].text, "Ends badly\nThat was all.")
        self.assertEqual(kept[0].metadata["corpuslint"]["bytes_removed"], 2)
        self.assertEqual(kept[0].metadata["source"], "t")
        self.assertEqual(w.docs, [("b", 3)])
        self.assertEqual(data[1].metadata["corpuslint_rejected"]["rule"], "empty-after-fix")
        self.assertEqual(step.stats, {"total": 3, "kept": 2, "dropped": 1, "changed": 1})

        keep_all = self.cl.CorpuslintFilter(mode="annotate", select="stray-dash", binary=self.binary)
        out = list(keep_all.run([Doc("b", "-")]))
        self.assertEqual(out[0].text, "-")
        self.assertEqual(out[0].metadata["corpuslint"]["decision"], "drop")


if __name__ == "__main__":
    unittest.main()

"""corpuslint from Python: lint and clean documents through the corpuslint binary.

Documents stream through one corpuslint process per call over JSONL pipes: a
thread writes the documents to the process's standard input while the caller
reads results from its standard output, so neither side waits on a full pipe.
Only the standard library is used; the binary comes in the wheel (as ruff's
does), or from $CORPUSLINT_BINARY, or from PATH.

    import corpuslint
    for finding in corpuslint.lint([{"id": "a", "text": "Ends badly -"}]):
        print(finding["rule"], finding["message"])
    for doc in corpuslint.clean(docs):
        doc["text"], doc["corpuslint"]["decision"]

A document is a dict with a "text" field (other fields are kept), a str, or an
object with .text (and optionally .id and .metadata), such as a datatrove
Document.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import deque

__all__ = ["lint", "clean", "CorpuslintFilter", "CorpuslintError", "find_binary", "__version__"]

__version__ = "0.1.0.dev0"

_BIN_NAME = "corpuslint.exe" if os.name == "nt" else "corpuslint"


class CorpuslintError(RuntimeError):
    """corpuslint could not run, or stopped with a usage or run error."""


def find_binary():
    """Returns the corpuslint binary: $CORPUSLINT_BINARY, the one bundled in the
    wheel, or the first on PATH."""
    env = os.environ.get("CORPUSLINT_BINARY")
    if env:
        return env
    bundled = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", _BIN_NAME)
    if os.path.isfile(bundled):
        return bundled
    found = shutil.which("corpuslint")
    if found:
        return found
    raise CorpuslintError("no corpuslint binary: install the corpuslint wheel, put corpuslint on PATH, or set CORPUSLINT_BINARY")


def _record(doc):
    """The JSON object sent for one document."""
    if isinstance(doc, dict):
        return doc
    if isinstance(doc, str):
        return {"text": doc}
    text = getattr(doc, "text", None)
    if text is None:
        raise TypeError("a document is a dict with 'text', a str, or an object with .text; got %r" % type(doc).__name__)
    rec = {"text": text}
    doc_id = getattr(doc, "id", None)
    if doc_id is not None:
        rec["id"] = str(doc_id)
    return rec


def _options(select=None, ignore=None, profile=None, config=None, unsafe_fixes=False, workers=None, text_field=None, id_field=None):
    args = []
    if config:
        args += ["--config", config]
    else:
        args += ["--no-config"]
    if profile:
        args += ["--profile", profile]
    if select is not None:
        args += ["--select", select if isinstance(select, str) else ",".join(select)]
    if ignore is not None:
        args += ["--ignore", ignore if isinstance(ignore, str) else ",".join(ignore)]
    if unsafe_fixes:
        args += ["--unsafe-fixes"]
    if workers:
        args += ["--workers", str(int(workers))]
    if text_field:
        args += ["--text-field", text_field]
    if id_field:
        args += ["--id-field", id_field]
    return args


class _Pipe:
    """One corpuslint process fed documents by a writer thread. pending holds,
    in order, the documents written and not yet matched with their result."""

    def __init__(self, args, docs, binary=None, keep_pending=False, two_pass=False):
        self.binary = binary or find_binary()
        self.pending = deque() if keep_pending else None
        self.count = 0
        self.write_error = None
        self.stderr = deque(maxlen=200)  # the last lines, for an error message
        self._lock = threading.Lock()
        self.spool = None
        self._done = False
        stdin = subprocess.PIPE
        if two_pass:
            # Corpus rules (repeated-line) read the batch twice, which a pipe
            # cannot give: the documents go to a temporary file first (disk, not
            # memory) and corpuslint reads that.
            f = tempfile.NamedTemporaryFile("wb", prefix="corpuslint-", suffix=".jsonl", delete=False)
            self.spool = f.name
            try:
                with f:
                    self._write_all(docs, f)
            except BaseException:
                os.unlink(self.spool)
                raise
            stdin = subprocess.DEVNULL
        self.source = self.spool or "-"
        self.args = [self.binary] + args + [self.source]
        try:
            self.proc = subprocess.Popen(self.args, stdin=stdin, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, bufsize=1 << 16)
        except OSError as e:
            self._unspool()
            raise CorpuslintError("cannot run %s: %s" % (self.binary, e)) from e
        self._writer = None
        if not two_pass:
            self._writer = threading.Thread(target=self._write, args=(docs,), daemon=True)
            self._writer.start()
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()

    def _unspool(self):
        if self.spool:
            try:
                os.unlink(self.spool)
            except OSError:
                pass
            self.spool = None

    def _write_all(self, docs, out):
        for doc in docs:
            line = json.dumps(_record(doc), ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
            if self.pending is not None:
                with self._lock:
                    self.pending.append(doc)
            self.count += 1
            out.write(line)

    def _write(self, docs):
        out = self.proc.stdin
        try:
            self._write_all(docs, out)
        except BrokenPipeError:
            pass  # corpuslint stopped; its exit status and stderr say why
        except BaseException as e:  # noqa: BLE001 - handed to the reading side
            self.write_error = e
        finally:
            try:
                out.close()
            except OSError:
                pass

    def _read_stderr(self):
        for raw in self.proc.stderr:
            self.stderr.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def pop(self):
        with self._lock:
            return self.pending.popleft()

    def lines(self):
        """Yields corpuslint's output lines as they come."""
        self._done = False
        try:
            for raw in self.proc.stdout:
                yield raw
            self._done = True
        finally:
            self.close()

    def close(self):
        writing = self._writer is not None and self._writer.is_alive()
        if self.proc.poll() is None and (writing or not self._done):
            # The caller stopped early: stop the process rather than wait for all input.
            self.proc.kill()
        if self._writer is not None:
            self._writer.join()
        self.proc.stdout.close()
        code = self.proc.wait()
        self._reader.join()
        self.proc.stderr.close()
        self._unspool()
        if self.write_error is not None:
            raise self.write_error
        if code not in (0, 1) and code != -9 and not self._only_record_errors():
            raise CorpuslintError("%s exited with status %d:\n%s" % (" ".join(self.args), code, "\n".join(self.stderr)))

    def _only_record_errors(self):
        # Exit status 2 also means "some record could not be read"; those records
        # come back as results, so only other errors are raised.
        errs = [l for l in self.stderr if l.startswith("error:") or l.startswith("corpuslint:")]
        prefix = "error: %s:" % self.source
        return bool(errs) and all(l.startswith(prefix) for l in errs)


def lint(docs, *, two_pass=False, binary=None, **options):
    """Yields the findings of docs as dicts, in document order, with the fields of
    `corpuslint lint --format jsonl` (DESIGN.md's output contract). A finding's
    "record" is the 1-based position of its document in docs; "path" is "-".

    Options: select, ignore (lists or comma separated), profile, config (a
    corpuslint.yaml; default none), unsafe_fixes, workers, text_field, id_field.

    Documents stream through a pipe, which corpuslint reads once, so corpus rules
    (repeated-line) see none of them, as with `corpuslint lint -`. two_pass=True
    writes them to a temporary file first and corpuslint reads that twice: the
    findings then equal `corpuslint lint FILE`'s.
    """
    p = _Pipe(["lint", "--format", "jsonl", "--fail-on", "never", "--quiet"] + _options(**options), docs, binary,
              two_pass=two_pass)
    for raw in p.lines():
        if raw.strip():
            f = json.loads(raw)
            f["path"] = "-"
            yield f


def clean(docs, *, annotate="corpuslint", keep_empty=False, dropped=False, two_pass=False, binary=None, **options):
    """Yields each document cleaned (`corpuslint fix --output`): a dict with every
    field of its record and the fixed text, plus, under annotate (None for none),
    its statistics (decision, counts per rule, scores, bytes, bytes_removed).

    A document a filter drops, or whose text the fixes emptied (unless
    keep_empty), is left out; with dropped=True it is yielded too, with its text
    as read and "corpuslint_rejected": {"rule", "reason"}. Options and two_pass
    as for lint.
    """
    for _, rec in _clean_pairs(docs, annotate=annotate, keep_empty=keep_empty, two_pass=two_pass, keep_docs=False,
                               binary=binary, **options):
        if dropped or "corpuslint_rejected" not in rec:
            yield rec


def _clean_pairs(docs, *, annotate, keep_empty, two_pass, keep_docs, binary, **options):
    """Yields (input document, output record) for every document, in order (the
    document is None unless keep_docs)."""
    args = ["fix", "--output", "-", "--rejected", "-", "--fail-on", "never", "--quiet"]
    if annotate:
        args += ["--annotate", annotate]
    if keep_empty:
        args += ["--keep-empty"]
    p = _Pipe(args + _options(**options), docs, binary, keep_pending=keep_docs, two_pass=two_pass)
    for raw in p.lines():
        if raw.strip():
            yield (p.pop() if keep_docs else None), json.loads(raw)


class CorpuslintFilter:
    """A datatrove-shaped pipeline step that works without datatrove:
    run(data, rank, world_size) is a generator over documents with .text, .id
    and .metadata. Each document's text is replaced by its cleaned text and its
    statistics go to metadata[annotate]; a document corpuslint drops is not
    yielded (mode "drop", the default) but handed to exclusion_writer
    (datatrove's DiskWriter, or anything with write(doc, rank)), with
    metadata["corpuslint_rejected"]. Mode "annotate" yields every document
    unchanged, with its statistics only. Documents in flight are held until their
    result comes back; with two_pass=True (corpus rules, see lint) that is the
    whole shard.
    """

    name = "corpuslint"
    type = "🔻 - FILTER"

    def __init__(self, mode="drop", annotate="corpuslint", exclusion_writer=None, keep_empty=False, two_pass=False,
                 binary=None, **options):
        if mode not in ("drop", "annotate"):
            raise ValueError("mode must be 'drop' or 'annotate'")
        self.mode = mode
        self.annotate = annotate or "corpuslint"
        self.exclusion_writer = exclusion_writer
        self.keep_empty = keep_empty
        self.two_pass = two_pass
        self.binary = binary
        self.options = options
        self.stats = {"total": 0, "kept": 0, "dropped": 0, "changed": 0}

    def __call__(self, data, rank=0, world_size=1):
        return self.run(data, rank, world_size)

    def run(self, data, rank=0, world_size=1):
        writer = self.exclusion_writer
        if writer is not None and hasattr(writer, "__enter__"):
            with writer as w:
                yield from self._run(data, rank, w)
        else:
            yield from self._run(data, rank, writer)

    def _run(self, data, rank, writer):
        pairs = _clean_pairs(data, annotate=self.annotate, keep_empty=self.keep_empty, two_pass=self.two_pass,
                             keep_docs=True, binary=self.binary, **self.options)
        for doc, rec in pairs:
            self.stats["total"] += 1
            if isinstance(doc, dict):
                meta = doc.setdefault("metadata", {})
            else:
                meta = getattr(doc, "metadata", None)
                if meta is None:
                    meta = {}
                    try:
                        doc.metadata = meta
                    except AttributeError:
                        pass
            stats = rec.get(self.annotate)
            meta[self.annotate] = stats
            rejected = rec.get("corpuslint_rejected")
            if self.mode == "annotate":
                self.stats["kept"] += 1
                yield doc
                continue
            if rejected is not None:
                self.stats["dropped"] += 1
                meta["corpuslint_rejected"] = rejected
                if writer is not None:
                    writer.write(doc, rank)
                continue
            text = rec.get("text")
            if isinstance(doc, dict):
                if doc.get("text") != text:
                    self.stats["changed"] += 1
                doc["text"] = text
            else:
                if doc.text != text:
                    self.stats["changed"] += 1
                doc.text = text
            self.stats["kept"] += 1
            yield doc


def main(argv=None):
    """Runs the bundled binary with the given arguments (the `corpuslint` script
    and `python -m corpuslint`)."""
    argv = sys.argv[1:] if argv is None else argv
    binary = find_binary()
    if os.name == "nt":
        return subprocess.call([binary] + argv)
    os.execv(binary, [binary] + argv)
    return 0

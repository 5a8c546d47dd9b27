// Package source turns input paths into a stream of documents with provenance.
//
// Plain files are one document each; JSONL files (.jsonl, .ndjson) are one document
// per line; WARC files (Common Crawl's .warc.gz and .warc.wet.gz) are one document
// per conversion record and per text response record; Parquet files are one
// document per row. Text, JSONL and WARC may be gzip- or zstd-compressed. Formats
// and compression are recognized by content rather than by name where the content
// allows it, because crawl tooling is careless with extensions (detect.go). Bad
// input never stops the stream: each problem becomes an Item carrying an
// *InputError that names the path and record, and reading goes on with the next
// record or file.
//
// Reading is streaming: memory is bounded by the largest record (for Parquet, by
// one page of each column read), not by the file.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/corpuslint/corpuslint/rules"
)

// Options control how inputs are read. Crawl dumps disagree on field names, so the
// fields holding the text, the id and the URL are configurable as dotted paths into
// the JSON object ("meta.body" is the "body" key of the "meta" object).
//
// For Parquet the same names pick the columns (a dotted path reaches into a nested
// group); WARC records carry their own id and URL and ignore them.
type Options struct {
	TextField string // default "text"
	IDField   string // default "id"
	URLField  string // default "url"
	// SuppressField is the JSON field through which a record lists the rules it
	// does not want reported: "corpuslint" reads {"corpuslint": {"ignore": [...]}}
	// into Doc.Ignore. "" reads none. Only JSONL records carry it.
	SuppressField string
	// Progress, when set, is called as reading advances with the number of bytes
	// just consumed from the file as stored (compressed bytes for a compressed
	// file), so that the calls for one file add up to its size when it is read to
	// the end. It is called from the reading goroutine, often (every 32 KiB or so),
	// and must be cheap: an atomic add.
	Progress func(n int64)
	// MaxRecordSize is the largest record read, in bytes after decompression
	// (a JSONL line, a text file, a WARC record's content, a Parquet value or
	// page); 0 means DefaultMaxRecordSize. A larger record is an input error
	// naming it, found before it is held in memory, and reading goes on.
	MaxRecordSize int64
	// MaxRecordLines is the most lines a document's text may have; 0 means
	// DefaultMaxRecordLines. A document with more is an input error naming it
	// (the memory of checking a document grows with its lines), and reading
	// goes on.
	MaxRecordLines int64
	// VerifyDigests checks each WARC-Block-Digest of a WARC record that becomes
	// a document against its content. A mismatch is a warning item
	// (InputError.Warning) just before the document, which is still read and
	// checked. Off, digests are not checked at all (as warcio and FastWARC do
	// by default): a wrong one does not make a record unreadable.
	VerifyDigests bool
	// NoRaw leaves Item.Raw nil for a JSONL record read without error: a
	// caller that only checks documents (lint, report, baseline, the corpus
	// pass) then keeps no copy of each record beside its text, a third of what
	// reading a large record costs. An error item keeps its Raw.
	NoRaw bool
}

func (o Options) withDefaults() Options {
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.IDField == "" {
		o.IDField = "id"
	}
	if o.URLField == "" {
		o.URLField = "url"
	}
	return o
}

// Format says how a file was split into documents, which fix needs to know to
// write a change back.
type Format int

// The formats a file can be read as.
const (
	// Text is a whole file read as one document.
	Text Format = iota
	// JSONL is one JSON object per line, one document each.
	JSONL
	// WARC is a WARC file (Common Crawl WARC or WET): one document per
	// conversion record and per response record with a text payload. fix
	// cannot write it back.
	WARC
	// Parquet is a Parquet file: one document per row, the text from one
	// column. fix cannot write it back.
	Parquet
)

// formatAuto asks readStream to decide from the content, for standard input.
const formatAuto Format = -1

// String returns the name used in messages.
func (f Format) String() string {
	switch f {
	case JSONL:
		return "jsonl"
	case WARC:
		return "warc"
	case Parquet:
		return "parquet"
	}
	return "text"
}

// The values of Item.Compression.
const (
	// CompressionGzip is a gzip stream (several concatenated members allowed).
	CompressionGzip = "gzip"
	// CompressionZstd is a Zstandard stream (several frames allowed).
	CompressionZstd = "zstd"
)

// Item is one unit the reader yields, in input order: a document, or an error tied
// to a path and record after which the stream goes on, or a warning
// (Err.Warning) about the document that follows it.
//
// Provenance by format: Doc.Record is the 1-based JSONL line, the 1-based WARC
// record among all the records of the file (warcinfo and request records
// included, so that any WARC tool counts to the same record), or the 1-based
// Parquet row; 0 for a whole-file document.
//
// For JSONL the raw line travels with the document so that fix can rewrite only the
// text value and keep every other byte. Raw is the item's own copy and is never
// modified by this package.
type Item struct {
	Doc *rules.Document // nil when Err != nil
	Err *InputError
	// Raw is the whole JSONL line without its line ending (on line 1 including a
	// UTF-8 BOM, so that writing Raw back loses nothing); nil for whole-file
	// documents. It is also set on errors tied to one line.
	Raw []byte
	// TextSpan is the byte span in Raw of the text field's JSON string, quotes
	// included: what ReplaceText replaces.
	TextSpan [2]int
	// LineEnd is the line ending that followed Raw in the file: "\n", "\r\n", or
	// for a last line "" or a lone "\r". Writing Raw+LineEnd reproduces the line.
	LineEnd string
	Format  Format
	// Gzip is true when the file was gzip-compressed (Compression ==
	// CompressionGzip); kept for the callers that only know gzip.
	Gzip bool
	// Compression is how the file was compressed: CompressionGzip,
	// CompressionZstd, or "" for none. A rewrite must compress the same way.
	Compression string
	// warning is yielded as an item of its own before this one (readWARC).
	warning *InputError
	// Date and ContentType are a WARC record's WARC-Date and the media type of
	// its text (the conversion record's Content-Type, or the HTTP response's),
	// which `fix --output` carries into the JSONL it writes; "" elsewhere.
	Date, ContentType string
}

// IsJSONL reports whether a path names a JSONL file (.jsonl or .ndjson, optionally
// followed by .gz, .zst or .zstd), ignoring case because file names from crawls vary.
func IsJSONL(path string) bool {
	name := trimCompressionExt(strings.ToLower(filepath.Base(path)))
	return strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson")
}

// trimCompressionExt drops one compression extension from a lower-case name.
func trimCompressionExt(name string) string {
	for _, ext := range []string{".gz", ".zst", ".zstd"} {
		if strings.HasSuffix(name, ext) {
			return strings.TrimSuffix(name, ext)
		}
	}
	return name
}

// Read streams the documents of one file to yield, in order, and stops early when
// yield returns false. path "-" reads standard input, whose format is decided from
// its content (WARC when it starts with a WARC version line, else JSONL when the
// first non-blank byte is '{') since it has no name. For a named file, content
// decides compression, WARC and Parquet, and the name decides between JSONL and
// text. Parquet needs random access, so it is read only from a regular file.
// Every problem, including a file that cannot be opened, is yielded as an Item
// with Err; Read itself never fails. A file that is not JSONL at all gives one
// error (NotJSONLLines), and past MaxRepeatedErrors errors of one kind the rest
// are counted in one summary at the end of the file (InputError.Omitted).
func Read(path string, opt Options, yield func(Item) bool) {
	c := newErrorCap(yield)
	read(path, opt, c.Yield)
	c.Finish()
}

func read(path string, opt Options, yield func(Item) bool) {
	opt = opt.withDefaults()
	if path == "-" {
		readStream("-", countReader(os.Stdin, opt.Progress), formatAuto, -1, opt, yield)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		yield(errItem(path, 0, osErrMsg(err), nameFormat(path, false), ""))
		return
	}
	defer f.Close()
	readOpen(path, f, false, opt, yield)
}

// nameFormat is the format a file's name says: JSONL for .jsonl and .ndjson,
// else text; for a stream (a pipe, /dev/fd/N, a spooled copy of one) without an
// extension, the content decides, as for standard input.
func nameFormat(name string, stream bool) Format {
	switch {
	case IsJSONL(name):
		return JSONL
	case stream && filepath.Ext(name) == "":
		return formatAuto
	}
	return Text
}

// readOpen reads the open file f, named name in documents and errors. spooled
// says f holds a copy of a stream, whose format is then decided like the
// stream's.
func readOpen(name string, f *os.File, spooled bool, opt Options, yield func(Item) bool) {
	st, err := f.Stat()
	if err != nil {
		yield(errItem(name, 0, osErrMsg(err), nameFormat(name, spooled), ""))
		return
	}
	if st.IsDir() {
		yield(errItem(name, 0, "is a directory", nameFormat(name, spooled), ""))
		return
	}
	size := int64(-1)
	regular := st.Mode().IsRegular()
	if regular {
		size = st.Size()
		if isParquet(f) {
			readParquet(name, f, size, opt, yield)
			return
		}
	}
	readStream(name, countReader(f, opt.Progress), nameFormat(name, spooled || !regular), size, opt, yield)
}

// IsStream reports whether path can be read only once: standard input ("-"), a
// FIFO, a pipe or terminal (/dev/fd/N of a process substitution, /dev/stdin),
// anything but a regular file or a folder. Two-pass work (the corpus rules)
// must copy such an input first (engine does, within the record limit).
func IsStream(path string) bool {
	if path == "-" {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && !st.IsDir() && !st.Mode().IsRegular()
}

// ReadSpooled reads f, a file holding a copy of the stream name (IsStream), as
// Read would read that stream: documents and errors name name, and the content
// decides the format when the name does not. f is read from its start; the
// caller closes it.
func ReadSpooled(name string, f *os.File, opt Options, yield func(Item) bool) {
	c := newErrorCap(yield)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		c.Yield(errItem(name, 0, "read error: "+osErrMsg(err), nameFormat(name, true), ""))
	} else {
		readOpen(name, f, true, opt.withDefaults(), c.Yield)
	}
	c.Finish()
}

// ReadStream reads r, the content of the stream name (IsStream), once, as Read
// would read that stream.
func ReadStream(name string, r io.Reader, opt Options, yield func(Item) bool) {
	c := newErrorCap(yield)
	opt = opt.withDefaults()
	readStream(name, countReader(r, opt.Progress), nameFormat(name, true), -1, opt, c.Yield)
	c.Finish()
}

func errItem(path string, record int, msg string, format Format, comp string) Item {
	if format == formatAuto {
		format = Text
	}
	return Item{Err: &InputError{Path: path, Record: record, Msg: msg}, Format: format,
		Gzip: comp == CompressionGzip, Compression: comp}
}

// buffers are recycled between files: a corpus is often many small files, and a
// fresh 128 KiB line buffer and 32 KiB read buffer for each would be most of the
// garbage. Buffers that grew for a huge line are dropped rather than kept.
type buffers struct {
	br   *bufio.Reader // over the file
	zbr  *bufio.Reader // over the decompressor, when there is one
	line []byte
}

var bufPool = sync.Pool{New: func() any {
	return &buffers{
		br:   bufio.NewReaderSize(nil, 32<<10),
		zbr:  bufio.NewReaderSize(nil, 32<<10),
		line: make([]byte, lineBufSize),
	}
}}

// readStream reads one input already opened under name. size is the byte count
// when known (a regular, uncompressed file), used to allocate a text document once.
// format is what the name says (Text or JSONL) or formatAuto; a WARC version line
// at the start of the (decompressed) content overrides it.
func readStream(name string, r io.Reader, format Format, size int64, opt Options, yield func(Item) bool) {
	bufs := bufPool.Get().(*buffers)
	defer func() {
		bufs.br.Reset(nil)
		bufs.zbr.Reset(nil)
		if cap(bufs.line) <= 4*lineBufSize {
			bufPool.Put(bufs)
		}
	}()
	br := bufs.br
	br.Reset(r)
	comp := ""
	magic, _ := br.Peek(4)
	switch {
	case isGzip(magic):
		comp = CompressionGzip
		zr, err := gzip.NewReader(br)
		if err != nil {
			yield(errItem(name, 0, readErrMsg(err, comp), format, comp))
			return
		}
		defer zr.Close()
		bufs.zbr.Reset(zr)
		br = bufs.zbr
	case isZstd(magic):
		comp = CompressionZstd
		zr, err := getZstd(br)
		if err != nil {
			yield(errItem(name, 0, readErrMsg(err, comp), format, comp))
			return
		}
		defer putZstd(zr)
		bufs.zbr.Reset(zr)
		br = bufs.zbr
	}
	if comp != "" {
		size = -1
	}
	head, _ := br.Peek(len(warcMagic))
	switch {
	case bytes.Equal(head, warcMagic):
		readWARC(name, br, comp, opt.maxRecord(), opt.lineLimit(), opt.VerifyDigests, yield)
		return
	case bytes.HasPrefix(head, parquetMagic):
		where := "a stream"
		switch {
		case comp != "":
			where = "a " + comp + "-compressed file; decompress it first"
		case name == "-":
			where = "standard input; name the file instead"
		}
		yield(errItem(name, 0, "Parquet needs random access and cannot be read from "+where, Parquet, comp))
		return
	}
	if format == formatAuto {
		format = sniff(br)
	}
	if format == JSONL {
		lr := newLineReader(br, bufs.line)
		lr.max = int(min(opt.maxRecord(), int64(math.MaxInt)))
		readJSONL(name, lr, comp, opt, yield)
		bufs.line = lr.buf
		return
	}
	readText(name, br, size, comp, opt.maxRecord(), opt.lineLimit(), yield)
}

// sniff decides the format of unnamed input: JSONL when the first byte after an
// optional BOM and whitespace is '{'. It looks no further than the buffer holds.
func sniff(br *bufio.Reader) Format {
	b, _ := br.Peek(br.Size())
	b = trimBOM(b)
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return JSONL
		}
		return Text
	}
	return Text
}

var bom = []byte("\xef\xbb\xbf")

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == bom[0] && b[1] == bom[1] && b[2] == bom[2] {
		return b[3:]
	}
	return b
}

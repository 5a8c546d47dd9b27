// Package source turns input paths into a stream of documents with provenance.
//
// Plain files are one document each; JSONL files (.jsonl, .ndjson) are one document
// per line. Either may be gzip-compressed, which is recognised by content rather
// than by name because crawl tooling is careless with extensions. Bad input never
// stops the stream: each problem becomes an Item carrying an *InputError that names
// the path and record, and reading goes on with the next record or file.
//
// Reading is streaming: memory is bounded by the largest record, not by the file.
package source

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/corpuslint/corpuslint/rules"
)

// Options control how inputs are read. Crawl dumps disagree on field names, so the
// fields holding the text, the id and the URL are configurable as dotted paths into
// the JSON object ("meta.body" is the "body" key of the "meta" object).
type Options struct {
	TextField string // default "text"
	IDField   string // default "id"
	URLField  string // default "url"
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
)

// formatAuto asks readStream to decide from the content, for standard input.
const formatAuto Format = -1

// String returns the name used in messages.
func (f Format) String() string {
	if f == JSONL {
		return "jsonl"
	}
	return "text"
}

// Item is one unit the reader yields, in input order: a document, or an error tied
// to a path and record after which the stream goes on.
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
	Gzip    bool // the file was gzip-compressed
}

// IsJSONL reports whether a path names a JSONL file (.jsonl or .ndjson, optionally
// followed by .gz), ignoring case because file names from crawls vary.
func IsJSONL(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	name = strings.TrimSuffix(name, ".gz")
	return strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson")
}

// Read streams the documents of one file to yield, in order, and stops early when
// yield returns false. path "-" reads standard input, whose format is decided from
// its content (JSONL when the first non-blank byte is '{') since it has no name.
// Every problem, including a file that cannot be opened, is yielded as an Item
// with Err; Read itself never fails.
func Read(path string, opt Options, yield func(Item) bool) {
	opt = opt.withDefaults()
	if path == "-" {
		readStream("-", os.Stdin, formatAuto, -1, opt, yield)
		return
	}
	format := Text
	if IsJSONL(path) {
		format = JSONL
	}
	f, err := os.Open(path)
	if err != nil {
		yield(errItem(path, 0, osErrMsg(err), format, false))
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		yield(errItem(path, 0, osErrMsg(err), format, false))
		return
	}
	if st.IsDir() {
		yield(errItem(path, 0, "is a directory", format, false))
		return
	}
	size := int64(-1)
	if st.Mode().IsRegular() {
		size = st.Size()
	}
	readStream(path, f, format, size, opt, yield)
}

func errItem(path string, record int, msg string, format Format, gz bool) Item {
	if format == formatAuto {
		format = Text
	}
	return Item{Err: &InputError{Path: path, Record: record, Msg: msg}, Format: format, Gzip: gz}
}

// buffers are recycled between files: a corpus is often many small files, and a
// fresh 128 KiB line buffer and 32 KiB read buffer for each would be most of the
// garbage. Buffers that grew for a huge line are dropped rather than kept.
type buffers struct {
	br   *bufio.Reader
	line []byte
}

var bufPool = sync.Pool{New: func() any {
	return &buffers{br: bufio.NewReaderSize(nil, 32<<10), line: make([]byte, lineBufSize)}
}}

// readStream reads one input already opened under name. size is the byte count
// when known (a regular, uncompressed file), used to allocate a text document once.
func readStream(name string, r io.Reader, format Format, size int64, opt Options, yield func(Item) bool) {
	bufs := bufPool.Get().(*buffers)
	defer func() {
		bufs.br.Reset(nil)
		if cap(bufs.line) <= 4*lineBufSize {
			bufPool.Put(bufs)
		}
	}()
	br := bufs.br
	br.Reset(r)
	gz := false
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz = true
		zr, err := gzip.NewReader(br)
		if err != nil {
			yield(errItem(name, 0, readErrMsg(err, true), format, true))
			return
		}
		defer zr.Close()
		r, size = zr, -1
		if format == formatAuto {
			zbr := bufio.NewReaderSize(zr, 32<<10)
			format, r = sniff(zbr), zbr
		}
	} else {
		r = br
		if format == formatAuto {
			format = sniff(br)
		}
	}
	if format == JSONL {
		lr := newLineReader(r, bufs.line)
		readJSONL(name, lr, gz, opt, yield)
		bufs.line = lr.buf
		return
	}
	readText(name, r, size, gz, yield)
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

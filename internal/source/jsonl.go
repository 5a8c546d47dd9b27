package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
)

// jsonlDecoder turns one JSONL line into an Item. It holds the scanner and scratch
// space so that a record costs only the strings it produces.
type jsonlDecoder struct {
	path    string
	comp    string       // compression, for Item.Compression
	field   string       // the text field's dotted path, for Doc.Field and messages
	sup     *suppression // nil when records carry no suppressions
	lines   lineLimit
	sc      jsonScanner
	scratch []byte
	noRaw   bool // Options.NoRaw
}

func newJSONLDecoder(path string, comp string, opt Options) *jsonlDecoder {
	d := &jsonlDecoder{path: path, comp: comp, field: opt.TextField, sup: newSuppression(opt.SuppressField), lines: opt.lineLimit(), noRaw: opt.NoRaw}
	d.sc.paths[targetText] = strings.Split(opt.TextField, ".")
	d.sc.paths[targetID] = strings.Split(opt.IDField, ".")
	d.sc.paths[targetURL] = strings.Split(opt.URLField, ".")
	return d
}

// NotJSONLLines is how many lines of invalid JSON, from the start of a file and
// with nothing valid among them, make it "not a JSONL file" (a binary file, a CSV,
// a gzip file under a plain name that slipped past detection): one error instead
// of one per line, and the rest of the file is not read.
const NotJSONLLines = 16

// readJSONL yields one Item per non-blank line of lr.
func readJSONL(path string, lr *lineReader, comp string, opt Options, yield func(Item) bool) {
	d := newJSONLDecoder(path, comp, opt)
	record := 0
	content := false
	// head holds the errors of the first lines while every line so far is
	// invalid JSON; their Raw is dropped (errors need none) so that holding
	// them costs no more than their messages.
	var head []Item
	sniffing := true
	flush := func() bool {
		sniffing = false
		for _, it := range head {
			if !yield(it) {
				return false
			}
		}
		head = nil
		return true
	}
	emit := func(it Item) bool {
		if !sniffing {
			return yield(it)
		}
		if it.Err != nil && strings.HasPrefix(it.Err.Msg, invalidJSON) {
			it.Raw = nil
			head = append(head, it)
			return true
		}
		return flush() && yield(it)
	}
	for {
		if sniffing && len(head) >= NotJSONLLines {
			yield(errItem(path, 0, fmt.Sprintf("not a JSONL file: its first %d lines are not JSON (line %d: %s); the rest was not read",
				len(head), head[0].Err.Record, head[0].Err.Msg), JSONL, comp))
			return
		}
		line, nl, ok := lr.next()
		if !ok {
			break
		}
		record++
		if lr.skipped > 0 {
			content = true
			it := errItem(path, record, tooLargeMsg("line", lr.skipped, int64(lr.max)), JSONL, comp)
			if nl {
				it.LineEnd = "\n"
			}
			if !emit(it) {
				return
			}
			continue
		}
		off := 0
		if record == 1 && bytes.HasPrefix(line, bom) {
			off = len(bom)
		}
		lineEnd := ""
		if nl {
			lineEnd = "\n"
		}
		if n := len(line); n > off && line[n-1] == '\r' {
			line = line[:n-1]
			lineEnd = "\r"
			if nl {
				lineEnd = "\r\n"
			}
		}
		if blank(line[off:]) {
			continue
		}
		content = true
		it := d.decode(line, off, record)
		it.LineEnd = lineEnd
		if !emit(it) {
			return
		}
	}
	if !flush() {
		return
	}
	switch {
	case lr.err != nil && !errors.Is(lr.err, io.EOF):
		yield(errItem(path, record+1, readErrMsg(lr.err, comp), JSONL, comp))
	case !content:
		yield(errItem(path, 0, "empty file", JSONL, comp))
	}
}

// invalidJSON opens the message of a line that does not parse.
const invalidJSON = "invalid JSON: "

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// decode parses one line; off skips a BOM so that spans and offsets in messages
// still count from the start of Raw.
func (d *jsonlDecoder) decode(line []byte, off, record int) Item {
	// The line is the reader's buffer, reused for the next line: an item that
	// keeps it needs its own copy. With NoRaw only an error item keeps it.
	// make+copy rather than bytes.Clone: the compiler then skips zeroing the copy.
	own := func() []byte {
		raw := make([]byte, len(line))
		copy(raw, line)
		return raw
	}
	raw := line
	if !d.noRaw {
		raw = own()
	}
	fail := func(msg string) Item {
		r := raw
		if d.noRaw {
			r = own()
		}
		return Item{Err: &InputError{Path: d.path, Record: record, Msg: msg}, Raw: r, Format: JSONL, Gzip: d.comp == CompressionGzip, Compression: d.comp}
	}
	k, err := d.sc.scan(raw, off)
	if err != nil {
		return fail(invalidJSON + err.Error())
	}
	if k != kindObject {
		return fail("top-level value is " + k.phrase() + ", want an object")
	}
	t := d.sc.found[targetText]
	if d.sc.dupText >= 0 {
		// Checking (and fixing) the first value would change one that no
		// consumer reads; taking the last would hide that the record says two
		// things. So the record is an error, and fix copies it unchanged.
		return fail("duplicate text field " + strconv.Quote(d.field) + " at byte " + strconv.Itoa(d.sc.dupText) +
			": JSON readers take the last value, so the record is ambiguous; skipped")
	}
	switch t.kind {
	case kindString:
	case kindNone:
		return fail("missing text field " + strconv.Quote(d.field))
	default:
		return fail("text field " + strconv.Quote(d.field) + " is " + t.kind.phrase() + ", want a string")
	}
	body := raw[t.start+1 : t.end-1]
	if bad := firstInvalidUTF8(body); bad >= 0 {
		return fail("invalid UTF-8 in text field " + strconv.Quote(d.field) + " at byte " + strconv.Itoa(t.start+1+bad))
	}
	doc := &rules.Document{
		Text:   d.str(raw, t),
		Path:   d.path,
		Record: record,
		Field:  d.field,
	}
	if msg := d.lines.check(doc.Text); msg != "" {
		return fail(msg)
	}
	switch id := d.sc.found[targetID]; id.kind {
	case kindString:
		doc.ID = validUTF8(d.str(raw, id))
	case kindNumber:
		doc.ID = string(raw[id.start:id.end])
	}
	if doc.ID == "" {
		// An empty id names nothing; the position always does.
		doc.ID = d.path + ":" + strconv.Itoa(record)
	}
	if u := d.sc.found[targetURL]; u.kind == kindString {
		doc.URL = validUTF8(d.str(raw, u))
	}
	if d.sup != nil {
		doc.Ignore = d.sup.ignores(raw)
	}
	if d.noRaw {
		raw = nil
	}
	return Item{Doc: doc, Raw: raw, TextSpan: [2]int{t.start, t.end}, Format: JSONL, Gzip: d.comp == CompressionGzip, Compression: d.comp}
}

// str decodes the string value at sp: a plain slice when it has no escapes.
func (d *jsonlDecoder) str(raw []byte, sp valueSpan) string {
	body := raw[sp.start+1 : sp.end-1]
	if !sp.esc {
		return string(body)
	}
	// The decoded string is never longer than its body: sizing the scratch
	// once spares a long text the copies of growing it escape by escape.
	if cap(d.scratch) < len(body) {
		d.scratch = make([]byte, 0, len(body))
	}
	d.scratch = unquote(d.scratch[:0], body)
	return string(d.scratch)
}

// validUTF8 keeps ids and URLs printable: unlike the text, they are not checked by
// rules, so bad bytes there are replaced rather than failing the record. Each bad
// byte becomes one U+FFFD, as encoding/json does, so both agree on the id.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

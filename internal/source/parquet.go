package source

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/corpuslint/corpuslint/rules"
)

// Parquet input (the Hugging Face datasets layout: one row per document, the text
// in a string column) is read with github.com/parquet-go/parquet-go.
//
// Options.TextField names the text column, IDField and URLField the optional id
// and URL columns (a dotted path reaches into a group: "meta.url"). Only these
// columns are read, row group after row group and page after page: memory is one
// page of each of the three columns at a time, however large the row groups.
// Doc.Record is the 1-based row number in the file; Doc.ID the id column's value
// (a string or an integer), else path:row.
//
// A text column that is missing, not a string, or inside a list fails the file
// with one error naming the columns there are. A null or invalid UTF-8 text fails
// its row. A damaged page fails the rest of its row group, and reading goes on
// with the next row group.

// parquetBatch is how many values are decoded from a page at a time.
const parquetBatch = 256

// readParquet yields the rows of the Parquet file r of size bytes.
func readParquet(path string, r io.ReaderAt, size int64, opt Options, yield func(Item) bool) {
	p := &parquetReader{path: path, opt: opt, yield: yield}
	defer func() {
		// Progress is reported per row group; the footer and the columns not
		// read count as read at the end, so that the total is the file size.
		p.progress(size - p.reported)
	}()
	defer func() {
		// parquet-go is not hardened against every damaged file; a panic in it
		// is a damaged file, not a crash. A panic in yield is the caller's and
		// goes on.
		if e := recover(); e != nil {
			if p.inYield {
				panic(e)
			}
			p.fail(p.row+1, fmt.Sprintf("damaged Parquet file: %v", e))
		}
	}()
	p.read(r, size)
}

type parquetReader struct {
	path     string
	opt      Options
	yield    func(Item) bool
	inYield  bool
	row      int64 // rows handled so far
	reported int64 // bytes reported to Options.Progress
}

func (p *parquetReader) emit(it Item) bool {
	p.inYield = true
	ok := p.yield(it)
	p.inYield = false
	return ok
}

func (p *parquetReader) fail(record int64, msg string) bool {
	return p.emit(errItem(p.path, int(record), msg, Parquet, ""))
}

func (p *parquetReader) progress(n int64) {
	if p.opt.Progress != nil && n > 0 {
		p.opt.Progress(n)
		p.reported += n
	}
}

func (p *parquetReader) read(r io.ReaderAt, size int64) {
	if msg := checkParquetFooter(r, size); msg != "" {
		p.fail(0, msg)
		return
	}
	f, err := parquet.OpenFile(r, size,
		parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true),
		parquet.ReadBufferSize(64<<10))
	if err != nil {
		p.fail(0, "damaged Parquet file: "+err.Error())
		return
	}
	text, msg := stringColumn(f.Root(), p.opt.TextField)
	if msg != "" {
		p.fail(0, msg)
		return
	}
	id := optionalColumn(f.Root(), p.opt.IDField, true)
	url := optionalColumn(f.Root(), p.opt.URLField, false)
	meta := f.Metadata()
	limit := p.opt.maxRecord()
	for i, rg := range f.RowGroups() {
		n := rg.NumRows()
		msg := ""
		if i < len(meta.RowGroups) {
			msg = checkRowGroup(r, size, &meta.RowGroups[i], limit, text, id, url)
		}
		if msg != "" {
			if !p.fail(p.row+1, msg+"; "+strconv.FormatInt(n, 10)+" rows of the row group skipped") {
				return
			}
		} else if !p.readRowGroup(rg, text, id, url) {
			return
		}
		p.row += n
		if i < len(meta.RowGroups) {
			var sz int64
			for _, c := range meta.RowGroups[i].Columns {
				sz += c.MetaData.TotalCompressedSize
			}
			p.progress(min(sz, size-p.reported))
		}
	}
}

// checkRowGroup checks the pages of the columns read in one row group
// (checkChunk); "" when they are sound.
func checkRowGroup(r io.ReaderAt, size int64, rg *format.RowGroup, limit int64, cols ...*parquet.Column) string {
	for _, c := range cols {
		if c == nil || c.Index() >= len(rg.Columns) {
			continue
		}
		// parquet-go decodes every chunk of a column with the codec of its
		// first chunk, whatever a chunk's own metadata says, so that is the
		// codec to check the data against.
		codec := rg.Columns[c.Index()].MetaData.Codec
		if cc := c.Compression(); cc != nil {
			codec = cc.CompressionCodec()
		}
		if msg := checkChunk(r, size, &rg.Columns[c.Index()].MetaData, codec, limit); msg != "" {
			return "column " + strconv.Quote(strings.Join(c.Path(), ".")) + ": " + msg
		}
	}
	return ""
}

// checkParquetFooter checks the end of the file before parquet-go reads it, for a
// message a user can act on and so that a damaged length never sizes a buffer.
func checkParquetFooter(r io.ReaderAt, size int64) string {
	if size < 12 {
		return "truncated Parquet file: " + strconv.FormatInt(size, 10) + " bytes"
	}
	var tail [8]byte
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return "read error: " + osErrMsg(err)
	}
	switch string(tail[4:]) {
	case "PAR1":
	case "PARE":
		return "encrypted Parquet files are not supported"
	default:
		return "truncated or damaged Parquet file: no footer at the end"
	}
	if n := int64(binary.LittleEndian.Uint32(tail[:4])); n > size-12 {
		return "truncated or damaged Parquet file: footer length " + strconv.FormatInt(n, 10) +
			" does not fit in " + strconv.FormatInt(size, 10) + " bytes"
	}
	return ""
}

// lookupColumn finds a column by dotted path.
func lookupColumn(root *parquet.Column, path string) *parquet.Column {
	c := root
	for _, name := range strings.Split(path, ".") {
		if c = c.Column(name); c == nil {
			return nil
		}
	}
	return c
}

// stringColumn finds the text column, or says why it cannot be read.
func stringColumn(root *parquet.Column, path string) (*parquet.Column, string) {
	c := lookupColumn(root, path)
	q := strconv.Quote(path)
	switch {
	case c == nil:
		return nil, "no column " + q + "; columns: " + strings.Join(leafPaths(root), ", ")
	case !c.Leaf():
		return nil, "column " + q + " is a group, want a string"
	case c.MaxRepetitionLevel() > 0:
		return nil, "column " + q + " is repeated (a list), want a string"
	case !isStringType(c.Type()):
		return nil, "column " + q + " is " + typeName(c.Type()) + ", want a string"
	}
	return c, ""
}

// optionalColumn finds the id or URL column; a missing one, or one of a type
// that cannot name a document, is ignored as in JSONL.
func optionalColumn(root *parquet.Column, path string, integers bool) *parquet.Column {
	c := lookupColumn(root, path)
	if c == nil || !c.Leaf() || c.MaxRepetitionLevel() > 0 {
		return nil
	}
	if isStringType(c.Type()) {
		return c
	}
	if !integers {
		return nil
	}
	switch c.Type().Kind() {
	case parquet.Int32, parquet.Int64:
		lt := c.Type().LogicalType()
		if lt == nil || isLogical[*format.IntType](lt) {
			return c
		}
	}
	return nil
}

// isStringType accepts BYTE_ARRAY columns annotated as text (STRING, ENUM, JSON)
// and plain BYTE_ARRAY, which older writers use for strings; the bytes are
// checked as UTF-8 row by row anyway.
func isStringType(t parquet.Type) bool {
	if t.Kind() != parquet.ByteArray {
		return false
	}
	lt := t.LogicalType()
	return lt == nil || lt.Value == nil || isLogical[*format.StringType](lt) ||
		isLogical[*format.EnumType](lt) || isLogical[*format.JsonType](lt)
}

func isLogical[T format.LogicalTypeValue](lt *format.LogicalType) bool {
	_, ok := lt.Value.(T)
	return ok
}

// typeName names a column type for messages: the physical type (INT64, DOUBLE),
// or for byte arrays the annotation that makes them not text (BSON, DECIMAL…).
func typeName(t parquet.Type) string {
	if t.Kind() == parquet.ByteArray {
		return t.String()
	}
	return t.Kind().String()
}

// leafPaths lists the readable columns, for the message about a missing one.
func leafPaths(root *parquet.Column) []string {
	var out []string
	var walk func(c *parquet.Column)
	walk = func(c *parquet.Column) {
		if c.Leaf() {
			out = append(out, strings.Join(c.Path(), "."))
			return
		}
		for _, child := range c.Columns() {
			walk(child)
		}
	}
	walk(root)
	if len(out) == 0 {
		return []string{"(none)"}
	}
	return out
}

// readRowGroup yields the rows of one row group; false when yield asked to stop.
func (p *parquetReader) readRowGroup(rg parquet.RowGroup, text, id, url *parquet.Column) bool {
	chunks := rg.ColumnChunks()
	open := func(c *parquet.Column) *columnValues {
		if c == nil || c.Index() >= len(chunks) {
			return nil
		}
		return &columnValues{name: strings.Join(c.Path(), "."), pages: chunks[c.Index()].Pages()}
	}
	tv, iv, uv := open(text), open(id), open(url)
	defer tv.close()
	defer iv.close()
	defer uv.close()
	if tv == nil {
		return p.fail(p.row+1, "damaged Parquet file: row group has no chunk for column "+strconv.Quote(p.opt.TextField))
	}
	n := rg.NumRows()
	for i := int64(0); i < n; i++ {
		record := p.row + i + 1
		v, err := tv.next()
		if err != nil {
			return p.fail(record, columnErrMsg(tv.name, err, n-i))
		}
		var idv, urlv parquet.Value
		if iv != nil {
			if idv, err = iv.next(); err != nil {
				return p.fail(record, columnErrMsg(iv.name, err, n-i))
			}
		}
		if uv != nil {
			if urlv, err = uv.next(); err != nil {
				return p.fail(record, columnErrMsg(uv.name, err, n-i))
			}
		}
		if !p.emit(p.rowItem(record, tv.name, v, idv, urlv)) {
			return false
		}
	}
	return true
}

// columnErrMsg explains why a column stopped before the end of its row group;
// the rest of the row group (left rows) is lost.
func columnErrMsg(col string, err error, left int64) string {
	rest := "; " + strconv.FormatInt(left, 10) + " rows of the row group skipped"
	if errors.Is(err, io.EOF) {
		return "damaged Parquet file: column " + strconv.Quote(col) + " has fewer values than rows" + rest
	}
	return "damaged Parquet data in column " + strconv.Quote(col) + ": " + err.Error() + rest
}

func (p *parquetReader) rowItem(record int64, field string, text, id, url parquet.Value) Item {
	fail := func(msg string) Item { return errItem(p.path, int(record), msg, Parquet, "") }
	if text.IsNull() {
		return fail("text column " + strconv.Quote(field) + " is null")
	}
	b := text.ByteArray()
	if bad := firstInvalidUTF8(b); bad >= 0 {
		return fail("invalid UTF-8 in column " + strconv.Quote(field) + " at byte " + strconv.Itoa(bad))
	}
	doc := &rules.Document{Text: string(b), Path: p.path, Record: int(record), Field: field}
	if msg := p.opt.lineLimit().check(doc.Text); msg != "" {
		return fail(msg)
	}
	if !id.IsNull() {
		switch id.Kind() {
		case parquet.ByteArray:
			doc.ID = validUTF8(string(id.ByteArray()))
		case parquet.Int32:
			doc.ID = strconv.FormatInt(int64(id.Int32()), 10)
		case parquet.Int64:
			doc.ID = strconv.FormatInt(id.Int64(), 10)
		}
	}
	if doc.ID == "" {
		doc.ID = p.path + ":" + strconv.FormatInt(record, 10)
	}
	if !url.IsNull() && url.Kind() == parquet.ByteArray {
		doc.URL = validUTF8(string(url.ByteArray()))
	}
	return Item{Doc: doc, Format: Parquet}
}

// columnValues reads the values of one column chunk, page by page, a batch at a
// time. A value's bytes are valid until the next call.
type columnValues struct {
	name  string
	pages parquet.Pages
	page  parquet.Page
	vr    parquet.ValueReader
	buf   []parquet.Value
	i     int
}

func (c *columnValues) next() (parquet.Value, error) {
	for c.i >= len(c.buf) {
		if c.vr != nil {
			if c.buf == nil {
				c.buf = make([]parquet.Value, parquetBatch)
			}
			n, err := c.vr.ReadValues(c.buf[:cap(c.buf)])
			c.buf, c.i = c.buf[:n], 0
			switch {
			case errors.Is(err, io.EOF):
				c.vr = nil
			case err != nil:
				return parquet.Value{}, err
			case n == 0:
				return parquet.Value{}, io.ErrNoProgress
			}
			continue
		}
		if c.page != nil {
			parquet.Release(c.page)
			c.page = nil
		}
		pg, err := c.pages.ReadPage()
		if err != nil {
			return parquet.Value{}, err
		}
		c.page, c.vr = pg, pg.Values()
	}
	v := c.buf[c.i]
	c.i++
	return v, nil
}

func (c *columnValues) close() {
	if c == nil {
		return
	}
	if c.page != nil {
		parquet.Release(c.page)
	}
	_ = c.pages.Close()
}

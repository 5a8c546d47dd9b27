// Package clean writes the documents of a streaming clean (`corpuslint fix
// --output`) to a new place: one JSONL stream, plain, gzip or zstd, to a file or
// to standard output, and the rejected records beside it. It never writes to an
// input: a file output goes through a temporary file renamed into place when the
// run ends, so an interrupted run leaves no half-written output.
package clean

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/jsonenc"
	"github.com/corpuslint/corpuslint/internal/source"
)

// The output formats.
const (
	JSONL     = "jsonl"
	JSONLGzip = "jsonl.gz"
	JSONLZstd = "jsonl.zst"
)

// Formats lists the accepted --output-format values.
var Formats = []string{JSONL, JSONLGzip, JSONLZstd, Parquet}

// FormatFor returns the output format: explicit when given, else from the
// output's name (standard input, "-", is plain JSONL).
func FormatFor(name, explicit string) (string, error) {
	if explicit != "" {
		for _, f := range Formats {
			if explicit == f {
				return f, nil
			}
		}
		return "", fmt.Errorf("unknown output format %q (want %s)", explicit, strings.Join(Formats, ", "))
	}
	switch n := strings.ToLower(name); {
	case strings.HasSuffix(n, ".gz"):
		return JSONLGzip, nil
	case strings.HasSuffix(n, ".zst"):
		return JSONLZstd, nil
	case strings.HasSuffix(n, ".parquet"):
		return Parquet, nil
	}
	return JSONL, nil
}

// Writer is one output stream of records, one JSON object a line.
type Writer struct {
	file *fix.AtomicFile // nil for standard output
	buf  *bufio.Writer
	comp io.WriteCloser // the compressor, nil for plain JSONL
	w    io.Writer      // where lines go
	n    int
	// pq writes Parquet rows instead of lines (format parquet); rows buffers
	// them for one Write call per batch.
	pq   *parquet.GenericWriter[ParquetRow]
	rows []ParquetRow
}

// Create starts the output at path in format; "-" writes to stdout. A file is
// written to a temporary file beside it and appears only on Commit.
func Create(path, format string, stdout io.Writer) (*Writer, error) {
	w := &Writer{}
	dst := stdout
	if path != "-" {
		f, err := fix.CreateAtomic(path)
		if err != nil {
			return nil, err
		}
		w.file = f
		dst = f
	}
	w.buf = bufio.NewWriterSize(dst, 1<<16)
	switch format {
	case JSONLGzip:
		w.comp = gzip.NewWriter(w.buf)
	case JSONLZstd:
		// One encoder goroutine (the checking workers own the cores) and its
		// lower-memory mode: about 25 MB less resident, the same output size.
		zw, err := zstd.NewWriter(w.buf, zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true))
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.comp = zw
	}
	if format == Parquet {
		w.pq = newParquetWriter(w.buf)
	}
	w.w = w.buf
	if w.comp != nil {
		w.w = w.comp
	}
	return w, nil
}

// Add writes one record line (without its line ending).
func (w *Writer) Add(line []byte) error {
	w.n++
	if w.pq != nil {
		row, err := parquetRow(line)
		if err != nil {
			return err
		}
		if w.rows = append(w.rows, row); len(w.rows) == 256 {
			return w.flushRows()
		}
		return nil
	}
	if _, err := w.w.Write(line); err != nil {
		return err
	}
	_, err := w.w.Write([]byte{'\n'})
	return err
}

// Len returns the number of records written.
func (w *Writer) Len() int { return w.n }

// Commit finishes the stream: closes the compressor, flushes, and for a file
// syncs it and renames it into place.
func (w *Writer) Commit() error {
	var err error
	if w.pq != nil {
		if err = w.flushRows(); err == nil {
			err = w.pq.Close()
		}
	}
	if w.comp != nil {
		err = w.comp.Close()
	}
	if ferr := w.buf.Flush(); err == nil {
		err = ferr
	}
	if w.file == nil {
		return err
	}
	if err != nil {
		w.file.Abort()
		return err
	}
	return w.file.Commit()
}

// flushRows hands the buffered Parquet rows to the Parquet writer.
func (w *Writer) flushRows() error {
	_, err := w.pq.Write(w.rows)
	clear(w.rows)
	w.rows = w.rows[:0]
	return err
}

// Abort discards a file output; on standard output what was written stays.
func (w *Writer) Abort() {
	if w.file != nil {
		w.file.Abort()
	}
}

// Record returns the output record of a document with text as its new text. A
// JSONL record keeps every byte but the text value (and a byte order mark, which
// has no place inside a stream); a document of another format (whole text file,
// WARC record, Parquet row) becomes a new object with its id, url, path, record,
// the WARC date and content type when it has them, and text.
func Record(it source.Item, text string) []byte {
	if it.Format == source.JSONL && it.Raw != nil {
		return bytes.TrimPrefix(source.ReplaceText(it.Raw, it.TextSpan, text), bom)
	}
	d := it.Doc
	b := append([]byte(nil), `{"id":`...)
	b = jsonenc.AppendString(b, d.ID)
	if d.URL != "" {
		b = append(b, `,"url":`...)
		b = jsonenc.AppendString(b, d.URL)
	}
	if it.Date != "" {
		b = append(b, `,"date":`...)
		b = jsonenc.AppendString(b, it.Date)
	}
	if it.ContentType != "" {
		b = append(b, `,"content_type":`...)
		b = jsonenc.AppendString(b, it.ContentType)
	}
	b = append(b, `,"path":`...)
	b = jsonenc.AppendString(b, d.Path)
	b = fmt.Appendf(b, `,"record":%d`, d.Record)
	b = append(b, `,"text":`...)
	b = jsonenc.AppendString(b, text)
	return append(b, '}')
}

var bom = []byte("\ufeff")

// ErrorRecord is the rejected record of an input record that could not be read
// (a JSONL line that does not parse, invalid UTF-8): its path, record number and
// raw bytes as a string, so that nothing read is lost.
func ErrorRecord(path string, record int, raw []byte) []byte {
	b := append([]byte(nil), `{"path":`...)
	b = jsonenc.AppendString(b, path)
	b = fmt.Appendf(b, `,"record":%d,"raw":`, record)
	b = jsonenc.AppendString(b, string(raw))
	return append(b, '}')
}

// AddField returns line (a JSON object) with "name": value (raw JSON) added as
// its last field.
func AddField(line []byte, name string, value []byte) []byte {
	line = bytes.TrimPrefix(bytes.TrimSpace(line), []byte("\ufeff"))
	i := bytes.LastIndexByte(line, '}')
	if i < 0 {
		return line
	}
	head := bytes.TrimRight(line[:i], " \t\r\n")
	out := make([]byte, 0, len(line)+len(name)+len(value)+8)
	out = append(out, head...)
	if len(head) > 0 && head[len(head)-1] != '{' {
		out = append(out, ',')
	}
	out = jsonenc.AppendString(out, name)
	out = append(out, ':')
	out = append(out, value...)
	return append(out, '}')
}

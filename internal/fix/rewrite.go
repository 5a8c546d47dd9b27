package fix

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/corpuslint/corpuslint/internal/jsonenc"
)

// JSONLRewriter rewrites a JSONL file record by record while the engine streams its
// results: lines that do not change are copied byte for byte (blank lines, line
// endings, records that failed to parse included), and a changed record is replaced
// by its new bytes. Nothing is held in memory beyond one line, and the original stays
// untouched until Commit renames the new file over it.
type JSONLRewriter struct {
	path string
	src  *os.File
	in   *bufio.Reader
	out  *AtomicFile
	gz   *gzip.Writer
	w    io.Writer
	line int // lines consumed from the original
}

// NewJSONLRewriter starts rewriting path. A gzip-compressed original (detected by its
// magic bytes) is written back compressed.
func NewJSONLRewriter(path string) (*JSONLRewriter, error) {
	src, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	rw := &JSONLRewriter{path: path, src: src}
	br := bufio.NewReaderSize(src, 1<<16)
	magic, _ := br.Peek(2)
	compressed := len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if compressed {
		zr, err := gzip.NewReader(br)
		if err != nil {
			_ = src.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	rw.in = br
	if rw.out, err = NewAtomicFile(path); err != nil {
		_ = src.Close()
		return nil, err
	}
	rw.w = rw.out
	if compressed {
		rw.gz = gzip.NewWriter(rw.out)
		rw.w = rw.gz
	}
	return rw, nil
}

// Guard makes Commit refuse to replace the file when it is no longer as s
// recorded it (AtomicFile.Guard).
func (rw *JSONLRewriter) Guard(s Snapshot) { rw.out.Guard(s) }

// copyLine copies the next original line to the output unchanged, or, when
// replacement is non-nil, writes replacement with the original line's ending. It
// returns io.EOF when the original has no more lines.
func (rw *JSONLRewriter) copyLine(replacement []byte) error {
	first := rw.line == 0
	rw.line++
	wrote := false
	var tail []byte // the last bytes of the line seen, to find its ending
	for {
		chunk, err := rw.in.ReadSlice('\n')
		if len(chunk) > 0 {
			if replacement == nil {
				if _, werr := rw.w.Write(chunk); werr != nil {
					return werr
				}
			} else {
				if first && !wrote && bytes.HasPrefix(chunk, []byte("\ufeff")) && !bytes.HasPrefix(replacement, []byte("\ufeff")) {
					if _, werr := rw.w.Write([]byte("\ufeff")); werr != nil {
						return werr
					}
				}
				tail = append(tail[:0], chunk[max(len(chunk)-2, 0):]...)
			}
			wrote = true
		}
		switch {
		case err == nil:
			return rw.finishReplacement(replacement, tail)
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if !wrote {
				return io.EOF
			}
			return rw.finishReplacement(replacement, tail)
		default:
			return fmt.Errorf("%s: reading line %d: %w", rw.path, rw.line, err)
		}
	}
}

func (rw *JSONLRewriter) finishReplacement(replacement, tail []byte) error {
	if replacement == nil {
		return nil
	}
	if _, err := rw.w.Write(replacement); err != nil {
		return err
	}
	var ending string
	switch {
	case bytes.HasSuffix(tail, []byte("\r\n")):
		ending = "\r\n"
	case bytes.HasSuffix(tail, []byte("\n")):
		ending = "\n"
	}
	_, err := io.WriteString(rw.w, ending)
	return err
}

// Replace writes raw in place of record (its 1-based line number); the lines before
// it are copied unchanged. Records must be replaced in increasing order.
func (rw *JSONLRewriter) Replace(record int, raw []byte) error {
	if record <= rw.line {
		return fmt.Errorf("%s: record %d replaced out of order", rw.path, record)
	}
	for rw.line < record-1 {
		if err := rw.copyLine(nil); err != nil {
			if errors.Is(err, io.EOF) {
				return fmt.Errorf("%s: record %d is past the end of the file", rw.path, record)
			}
			return err
		}
	}
	if err := rw.copyLine(raw); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: record %d is past the end of the file", rw.path, record)
		}
		return err
	}
	return nil
}

// Drop removes record (its 1-based line number) from the file; the lines before it
// are copied unchanged. Records must be dropped and replaced in increasing order.
func (rw *JSONLRewriter) Drop(record int) error {
	if record <= rw.line {
		return fmt.Errorf("%s: record %d dropped out of order", rw.path, record)
	}
	for rw.line < record-1 {
		if err := rw.copyLine(nil); err != nil {
			return err
		}
	}
	return rw.skipLine()
}

// skipLine consumes the next original line without writing it.
func (rw *JSONLRewriter) skipLine() error {
	rw.line++
	for {
		_, err := rw.in.ReadSlice('\n')
		switch {
		case err == nil, errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return fmt.Errorf("%s: reading line %d: %w", rw.path, rw.line, err)
		}
	}
}

// Commit copies the rest of the original and replaces the file with the result.
// On any error the original is left as it was.
func (rw *JSONLRewriter) Commit() error {
	for {
		err := rw.copyLine(nil)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			rw.Abort()
			return err
		}
	}
	if rw.gz != nil {
		if err := rw.gz.Close(); err != nil {
			rw.Abort()
			return err
		}
	}
	_ = rw.src.Close()
	return rw.out.Commit()
}

// Abort discards the rewrite; the original file is untouched.
func (rw *JSONLRewriter) Abort() {
	_ = rw.src.Close()
	rw.out.Abort()
}

// WriteText replaces a whole-file document's content, gzip-compressed when the
// original was. With guard set, a file that changed since the snapshot is not
// replaced (AtomicFile.Guard).
func WriteText(path, text string, compressed bool, guard *Snapshot) error {
	f, err := NewAtomicFile(path)
	if err != nil {
		return err
	}
	if guard != nil {
		f.Guard(*guard)
	}
	if !compressed {
		if _, err := io.WriteString(f, text); err != nil {
			f.Abort()
			return err
		}
		return f.Commit()
	}
	zw := gzip.NewWriter(f)
	if _, err := io.WriteString(zw, text); err != nil {
		f.Abort()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// RejectedPath is where the records dropped from a JSONL file go: beside it, named
// <name>.rejected.jsonl (batch.jsonl.gz -> batch.rejected.jsonl).
func RejectedPath(path string) string {
	dir, base := filepath.Split(path)
	for _, ext := range []string{".gz", ".zst"} {
		base = strings.TrimSuffix(base, ext)
	}
	for _, ext := range []string{".jsonl", ".ndjson", ".json"} {
		base = strings.TrimSuffix(base, ext)
	}
	return filepath.Join(dir, base+".rejected.jsonl")
}

// RejectedRecord returns raw (a JSON object) with the reason it was dropped added
// as a last field "corpuslint_rejected": {"rule": ..., "reason": ...}.
func RejectedRecord(raw []byte, rule, reason string) []byte {
	raw = bytes.TrimPrefix(bytes.TrimSpace(raw), []byte("\ufeff"))
	i := bytes.LastIndexByte(raw, '}')
	if i < 0 {
		return raw
	}
	head := bytes.TrimRight(raw[:i], " \t\r\n")
	out := append([]byte(nil), head...)
	if len(head) > 0 && head[len(head)-1] != '{' {
		out = append(out, ',')
	}
	out = append(out, `"corpuslint_rejected":{"rule":`...)
	out = jsonenc.AppendString(out, rule)
	out = append(out, `,"reason":`...)
	out = jsonenc.AppendString(out, reason)
	out = append(out, "}}"...)
	return out
}

// RejectedFile collects the records dropped from a JSONL file as they stream past,
// into a temporary file beside the rejected file that begins with the rejected
// file's present content. Commit syncs it and renames it into place, which the
// caller does before the source file is renamed without the records: a run
// interrupted at any point leaves every record in the source, or in the rejected
// file, or in both; never in neither, never half written. A record already in
// the rejected file (left there by a run interrupted between the two renames) is
// not added again, so a rerun leaves no duplicate.
type RejectedFile struct {
	out *AtomicFile
	// old counts the records of the existing rejected file by hash; each one
	// absorbs one equal record added, so that identical records dropped in one
	// run are all kept.
	old map[[sha256.Size]byte]int
	n   int
}

// OpenRejected starts a new version of the rejected file at path, which may not
// exist yet. A last line that an older version of corpuslint left cut short (not
// ended by a newline and not valid JSON) is dropped: its record is still in the
// source, which is rewritten only after the rejected file.
func OpenRejected(path string) (*RejectedFile, error) {
	out, err := CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	r := &RejectedFile{out: out, old: map[[sha256.Size]byte]int{}}
	old, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return r, nil
	case err != nil:
		out.Abort()
		return nil, err
	}
	defer old.Close()
	br := bufio.NewReaderSize(old, 1<<16)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			body := bytes.TrimRight(line, "\r\n")
			switch {
			case len(bytes.TrimSpace(body)) == 0:
			case line[len(line)-1] != '\n' && !json.Valid(body):
			default:
				r.old[sha256.Sum256(body)]++
				if _, werr := out.Write(append(body, '\n')); werr != nil {
					out.Abort()
					return nil, werr
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return r, nil
		}
		if err != nil {
			out.Abort()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
}

// Add appends one record line, unless the rejected file already held the same
// record (and no earlier Add matched that copy).
func (r *RejectedFile) Add(line []byte) error {
	h := sha256.Sum256(line)
	if r.old[h] > 0 {
		r.old[h]--
		return nil
	}
	r.n++
	if _, err := r.out.Write(line); err != nil {
		return err
	}
	_, err := r.out.Write([]byte{'\n'})
	return err
}

// Len returns the number of records added.
func (r *RejectedFile) Len() int { return r.n }

// Commit syncs the new rejected file and renames it into place.
func (r *RejectedFile) Commit() error { return r.out.Commit() }

// Abort leaves the rejected file as it was.
func (r *RejectedFile) Abort() { r.out.Abort() }

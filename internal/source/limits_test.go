package source

import (
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"1000": 1000, "64k": 64 << 10, "64 KiB": 64 << 10, "256MiB": 256 << 20, "256mb": 256 << 20,
		"2G": 2 << 30, "1gib": 1 << 30, "10b": 10,
	} {
		got, err := ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "ten", "1.5G", "1T", "99999999999G"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q): no error", in)
		}
	}
	// A record size is at most 2GiB: the rules index texts with 32-bit offsets.
	if n, err := ParseRecordSize("2GiB"); err != nil || n != 2<<30 {
		t.Errorf("ParseRecordSize(2GiB) = %d, %v", n, err)
	}
	if _, err := ParseRecordSize("3G"); err == nil || !strings.Contains(err.Error(), "at most 2GiB") {
		t.Errorf("ParseRecordSize(3G): %v, want an error saying at most 2GiB", err)
	}
	for n, want := range map[int64]string{256 << 20: "256MiB", 1000: "1000", 3 << 10: "3KiB", 1 << 30: "1GiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestRecordLimit: a record over the limit is one error naming it, in every
// reader, and the records after it are read.
func TestRecordLimit(t *testing.T) {
	opt := Options{MaxRecordSize: 100}
	big := strings.Repeat("a", 300)
	jsonl := []byte(`{"text":"one"}` + "\n" + `{"text":"` + big + `"}` + "\r\n" + `{"text":"three"}` + "\n" + `{"text":"` + big + `"}`)
	wantJSONL := []string{
		`1 id=b.jsonl:1 text="one"`,
		"err b.jsonl:2: line of 312 bytes is larger than the maximum record size (100, --max-record-size); skipped",
		`3 id=b.jsonl:3 text="three"`,
		"err b.jsonl:4: line of 311 bytes is larger than the maximum record size (100, --max-record-size); skipped",
	}
	diffLists(t, summaries(collect("b.jsonl", jsonl, JSONL, opt)), wantJSONL)
	diffLists(t, summaries(collect("b.jsonl", gz(t, jsonl), JSONL, opt)), wantJSONL)
	diffLists(t, summaries(collect("b.jsonl", zst(t, jsonl), JSONL, opt)), wantJSONL)
	// A line just at the limit is read.
	exact := []byte(`{"text":"` + strings.Repeat("b", 100-len(`{"text":""}`)) + `"}`)
	if got := summaries(collect("e.jsonl", exact, JSONL, opt)); len(got) != 1 || strings.HasPrefix(got[0], "err") {
		t.Errorf("line of exactly the limit: %v", got)
	}

	text := []byte(big)
	wantFile := []string{"err t.txt: file of 300 bytes is larger than the maximum record size (100, --max-record-size); skipped"}
	diffLists(t, summaries(collect("t.txt", text, Text, opt)), wantFile)
	if got := readFile(writeFile(t, t.TempDir(), "t.txt", text), opt); len(got) != 1 || got[0].Err == nil ||
		got[0].Err.Msg != strings.TrimPrefix(wantFile[0], "err t.txt: ") {
		t.Errorf("regular file: %v", summaries(got))
	}
	diffLists(t, summaries(collect("t.txt", gz(t, text), Text, opt)), []string{
		"err t.txt: document is larger than the maximum record size (100, --max-record-size); skipped"})
	if got := summaries(collect("t.txt", gz(t, text[:100]), Text, opt)); len(got) != 1 || strings.HasPrefix(got[0], "err") {
		t.Errorf("text of exactly the limit: %v", got)
	}

	warc := warcFile(t, true, warcinfo(), conversion(2, "https://a.example/", big), conversion(3, "https://b.example/", "short text"))
	diffLists(t, summaries(collect("w.warc.wet.gz", warc, Text, opt)), []string{
		"err w.warc.wet.gz:2: WARC record of 300 bytes is larger than the maximum record size (100, --max-record-size); skipped",
		"3 id=" + recordID(3) + ` text="short text" url=https://b.example/`,
	})
	// A header that never ends is one error, not an allocation.
	head := append([]byte("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://x.example/"), bytes.Repeat([]byte("a"), 2*maxHeaderSize)...)
	diffLists(t, summaries(collect("h.warc.gz", gz(t, head), Text, opt)), []string{
		"err h.warc.gz:1: WARC header longer than 256KiB; the rest of the file is skipped"})

	rows := []parquetRow{{ID: "a", Text: "small"}, {ID: "b", Text: big}, {ID: "c", Text: "small again"}}
	for _, codec := range []parquet.WriterOption{parquet.Compression(&parquet.Snappy), parquet.Compression(&parquet.Zstd),
		parquet.Compression(&parquet.Gzip), parquet.Compression(&parquet.Lz4Raw), parquet.Compression(&parquet.Uncompressed)} {
		data := parquetFile(t, 1, rows, codec)
		got := summaries(readParquetBytes("p.parquet", data, opt))
		// The page's size depends on the encoder; the rest is fixed.
		if len(got) != 3 || got[0] != `1 id=a text="small"` || got[2] != `3 id=c text="small again"` ||
			!strings.HasPrefix(got[1], `err p.parquet:2: column "text": Parquet page of `) ||
			!strings.HasSuffix(got[1], ` bytes is larger than the maximum record size (100, --max-record-size); skipped; 1 rows of the row group skipped`) {
			t.Errorf("parquet: %q", got)
		}
	}
}

// TestLineLimit: a document of more lines than the limit is one error naming
// it, in every reader, and the records after it are read; a document of
// exactly the limit is read, and a final line feed does not count as a line.
func TestLineLimit(t *testing.T) {
	opt := Options{MaxRecordLines: 3}
	many := "a\nb\nc\nd" // four lines
	exact := "a\nb\nc\n" // three lines: the last line feed opens none
	jsonl := []byte(`{"text":"one"}` + "\n" + `{"text":"a\nb\nc\nd"}` + "\n" + `{"text":"a\nb\nc\n"}` + "\n")
	diffLists(t, summaries(collect("l.jsonl", jsonl, JSONL, opt)), []string{
		`1 id=l.jsonl:1 text="one"`,
		"err l.jsonl:2: document of 4 lines has more than the maximum record lines (3, --max-record-lines); skipped",
		`3 id=l.jsonl:3 text="a\nb\nc\n"`,
	})
	// fix copies the line it cannot read: the error keeps the raw line.
	items := collect("l.jsonl", jsonl, JSONL, opt)
	if len(items) != 3 || string(items[1].Raw) != `{"text":"a\nb\nc\nd"}` {
		t.Errorf("raw line of the skipped record: %q", items[1].Raw)
	}
	diffLists(t, summaries(collect("t.txt", []byte(many), Text, opt)), []string{
		"err t.txt: document of 4 lines has more than the maximum record lines (3, --max-record-lines); skipped"})
	if got := summaries(collect("t.txt", gz(t, []byte(exact)), Text, opt)); len(got) != 1 || strings.HasPrefix(got[0], "err") {
		t.Errorf("text of exactly the limit: %v", got)
	}
	warc := warcFile(t, true, warcinfo(), conversion(2, "https://a.example/", many), conversion(3, "https://b.example/", "short text"))
	diffLists(t, summaries(collect("w.warc.wet.gz", warc, Text, opt)), []string{
		"err w.warc.wet.gz:2: document of 4 lines has more than the maximum record lines (3, --max-record-lines); skipped",
		"3 id=" + recordID(3) + ` text="short text" url=https://b.example/`,
	})
	rows := []parquetRow{{ID: "a", Text: "small"}, {ID: "b", Text: many}, {ID: "c", Text: exact}}
	diffLists(t, summaries(readParquetBytes("p.parquet", parquetFile(t, 1, rows), opt)), []string{
		`1 id=a text="small"`,
		"err p.parquet:2: document of 4 lines has more than the maximum record lines (3, --max-record-lines); skipped",
		`3 id=c text="a\nb\nc\n"`,
	})
	// The default is far above real documents and below what their lines cost.
	if got := (Options{}).lineLimit(); got != DefaultMaxRecordLines {
		t.Errorf("default line limit %d", got)
	}
}

// TestBombAllocatesLittle: a gzip file of one endless line (64 MiB in 64 KiB) is
// one error, and reading it allocates about the limit, not the line; so is 64
// MiB of letters named .txt.gz.
func TestBombAllocatesLittle(t *testing.T) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := io.CopyN(zw, letters{}, 64<<20); err != nil {
		t.Fatal(err)
	}
	_ = zw.Close()
	path := writeFile(t, t.TempDir(), "bomb.jsonl.gz", gz(t, append([]byte(`{"text":"`), bytes.Repeat([]byte("a"), 64<<20)...)))
	opt := Options{MaxRecordSize: 256 << 10}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	items := readFile(path, opt)
	runtime.ReadMemStats(&after)
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Msg, "larger than the maximum record size") {
		t.Fatalf("items: %v", summaries(items))
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
		t.Errorf("reading a 64 MiB line with a 256 KiB limit allocated %d bytes", n)
	}

	zpath := writeFile(t, t.TempDir(), "letters.txt.gz", buf.Bytes())
	runtime.GC()
	runtime.ReadMemStats(&before)
	items = readFile(zpath, opt)
	runtime.ReadMemStats(&after)
	if len(items) != 1 || items[0].Err == nil {
		t.Fatalf("items: %v", summaries(items))
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
		t.Errorf("reading 64 MiB of decompressed text with a 256 KiB limit allocated %d bytes", n)
	}
}

// letters is an endless stream of 'a'.
type letters struct{}

func (letters) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'a'
	}
	return len(b), nil
}

// TestDuplicateTextKey: a record with two text keys is an error, never a
// document whose first value would be checked and fixed while consumers read
// the last; a duplicate elsewhere, or in another object, is not.
func TestDuplicateTextKey(t *testing.T) {
	in := []byte(`{"text":"first","id":"a","text":"last"}` + "\n" +
		`{"id":"b","id":"c","text":"fine"}` + "\n" +
		`{"meta":{"text":"inner"},"text":"fine too"}` + "\n" +
		`{"t\u0065xt":"escaped","text":"dup"}` + "\n")
	diffLists(t, summaries(collect("d.jsonl", in, JSONL, Options{})), []string{
		`err d.jsonl:1: duplicate text field "text" at byte 25: JSON readers take the last value, so the record is ambiguous; skipped`,
		`2 id=b text="fine"`,
		`3 id=d.jsonl:3 text="fine too"`,
		`err d.jsonl:4: duplicate text field "text" at byte 23: JSON readers take the last value, so the record is ambiguous; skipped`,
	})
	nested := []byte(`{"meta":{"body":"one","body":"two"}}` + "\n")
	diffLists(t, summaries(collect("n.jsonl", nested, JSONL, Options{TextField: "meta.body"})), []string{
		`err n.jsonl:1: duplicate text field "meta.body" at byte 22: JSON readers take the last value, so the record is ambiguous; skipped`,
	})
}

// TestTextGzipAllocatesOnce: a decompressed text is read in pieces and copied
// once, so reading one over the limit allocates about the limit, and one under
// it about twice its length. Growing one array as the bytes came allocated
// five times the limit (the copies left behind), and a 2 GB .txt.gz peaked at
// 1.87 GB.
func TestTextGzipAllocatesOnce(t *testing.T) {
	const limit = 8 << 20
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if _, err := io.CopyN(zw, letters{}, 4*limit); err != nil {
		t.Fatal(err)
	}
	_ = zw.Close()
	dir := t.TempDir()
	over := writeFile(t, dir, "over.txt.gz", buf.Bytes())
	under := writeFile(t, dir, "under.txt.gz", gz(t, bytes.Repeat([]byte("a"), limit-1)))
	opt := Options{MaxRecordSize: limit}
	for _, tt := range []struct {
		path   string
		doc    bool
		budget uint64
	}{{over, false, limit + limit/4}, {under, true, 2*limit + limit/4}} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		items := readFile(tt.path, opt)
		runtime.ReadMemStats(&after)
		if len(items) != 1 || (items[0].Doc != nil) != tt.doc {
			t.Fatalf("%s: %v", tt.path, summaries(items))
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > tt.budget {
			t.Errorf("%s with a limit of %d bytes allocated %d bytes, want at most %d", filepath.Base(tt.path), limit, n, tt.budget)
		}
	}
}

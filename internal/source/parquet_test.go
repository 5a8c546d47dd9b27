package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// readParquetBytes reads Parquet content as the file name would be read.
func readParquetBytes(name string, data []byte, opt Options) []Item {
	var items []Item
	readParquet(name, bytes.NewReader(data), int64(len(data)), opt.withDefaults(), func(it Item) bool {
		items = append(items, it)
		return true
	})
	return items
}

func TestReadParquet(t *testing.T) {
	type bodyRow struct {
		Key  int64  `parquet:"key"`
		Body string `parquet:"body"`
	}
	type intText struct {
		ID   string `parquet:"id"`
		Text int64  `parquet:"text"`
	}
	type listText struct {
		Text []string `parquet:"text,list"`
	}
	type meta struct {
		Body string `parquet:"body"`
		URL  string `parquet:"url"`
	}
	type nested struct {
		ID   int32 `parquet:"id"`
		Meta meta  `parquet:"meta"`
	}
	type optional struct {
		ID   *string `parquet:"id,optional"`
		Text *string `parquet:"text,optional"`
	}
	type binary struct {
		Text []byte `parquet:"text"`
	}
	str := func(s string) *string { return &s }

	tests := []struct {
		name string
		data []byte
		opt  Options
		want []string
	}{
		{"row groups of two", parquetFile(t, 2, sampleRows[:3]), Options{}, []string{
			`1 id=hf-000 text="The harbor was quiet that morning." url=https://harbor.example.org/morning`,
			`2 id=hf-001 text="Der Bürgermeister eröffnete die neue Brücke." url=https://zeitung.example.ch/bruecke`,
			`3 id=hf-002 text="She said, “It’s done.”\nThen she left." url=https://blog.example.net/quotes`,
		}},
		{"--text-field names the column; integer ids", parquetFile(t, 1, []bodyRow{{7, "seven"}, {8, "eight"}}),
			Options{TextField: "body", IDField: "key"}, []string{`1 id=7 text="seven"`, `2 id=8 text="eight"`}},
		{"no id column", parquetFile(t, 10, []bodyRow{{7, "seven"}}),
			Options{TextField: "body"}, []string{`1 id=p.parquet:1 text="seven"`}},
		{"no text column", parquetFile(t, 10, []bodyRow{{7, "seven"}}),
			Options{}, []string{`err p.parquet: no column "text"; columns: key, body`}},
		{"text column not a string", parquetFile(t, 10, []intText{{"a", 1}}),
			Options{}, []string{`err p.parquet: column "text" is INT64, want a string`}},
		{"text column a list", parquetFile(t, 10, []listText{{[]string{"a"}}}),
			Options{}, []string{`err p.parquet: column "text" is a group, want a string`}},
		{"text column a list element", parquetFile(t, 10, []listText{{[]string{"a"}}}),
			Options{TextField: "text.list.element"}, []string{`err p.parquet: column "text.list.element" is repeated (a list), want a string`}},
		{"dotted path into a group", parquetFile(t, 10, []nested{{1, meta{"nested body", "https://n.example/"}}}),
			Options{TextField: "meta.body", URLField: "meta.url"}, []string{`1 id=1 text="nested body" url=https://n.example/`}},
		{"nulls", parquetFile(t, 2, []optional{{str("a"), str("A")}, {str("b"), nil}, {nil, str("C")}}),
			Options{}, []string{`1 id=a text="A"`, `err p.parquet:2: text column "text" is null`, `3 id=p.parquet:3 text="C"`}},
		{"plain BYTE_ARRAY text, invalid UTF-8", parquetFile(t, 10, []binary{{[]byte("fine")}, {[]byte("caf\xe9")}}),
			Options{}, []string{`1 id=p.parquet:1 text="fine"`, `err p.parquet:2: invalid UTF-8 in column "text" at byte 3`}},
		{"not Parquet after all", []byte("PAR1 is what this text starts with, and then it goes on."),
			Options{}, []string{`err p.parquet: truncated or damaged Parquet file: no footer at the end`}},
		{"footer length out of range", append([]byte("PAR1...."), 0xff, 0xff, 0, 0, 'P', 'A', 'R', '1'),
			Options{}, []string{`err p.parquet: truncated or damaged Parquet file: footer length 65535 does not fit in 16 bytes`}},
		{"tiny", []byte("PAR1"), Options{}, []string{`err p.parquet: truncated Parquet file: 4 bytes`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := readParquetBytes("p.parquet", tt.data, tt.opt)
			diffLists(t, summaries(items), tt.want)
			for _, it := range items {
				if it.Format != Parquet || it.Compression != "" || it.Raw != nil {
					t.Errorf("format %v compression %q raw %q", it.Format, it.Compression, it.Raw)
				}
				if it.Doc != nil && it.Doc.Field != strings.Join([]string{Options{TextField: tt.opt.TextField}.withDefaults().TextField}, "") {
					t.Errorf("field %q", it.Doc.Field)
				}
			}
		})
	}
}

// TestTruncatedParquet cuts a Parquet file everywhere: one file-level error each
// time, never a panic.
func TestTruncatedParquet(t *testing.T) {
	full := parquetFile(t, 2, sampleRows)
	for cut := 0; cut < len(full); cut++ {
		items := readParquetBytes("t.parquet", full[:cut], Options{})
		if len(items) != 1 || items[0].Err == nil || items[0].Err.Record != 0 {
			t.Fatalf("cut %d of %d: %v", cut, len(full), summaries(items))
		}
	}
}

// TestDamagedParquetPage damages the data of one row group: its rows fail with one
// error, and the other row groups are still read.
func TestDamagedParquetPage(t *testing.T) {
	rows := make([]parquetRow, 6)
	for i := range rows {
		rows[i] = parquetRow{ID: "r" + strconv.Itoa(i), Text: strings.Repeat("row "+strconv.Itoa(i)+" ", 50)}
	}
	full := parquetFile(t, 2, rows, parquet.PageBufferSize(64))
	f, err := parquet.OpenFile(bytes.NewReader(full), int64(len(full)))
	if err != nil {
		t.Fatal(err)
	}
	// The text column chunk of the second row group.
	text := lookupColumn(f.Root(), "text").Index()
	cc := f.Metadata().RowGroups[1].Columns[text].MetaData
	damaged := bytes.Clone(full)
	start := cc.DataPageOffset
	if cc.DictionaryPageOffset > 0 {
		start = min(start, cc.DictionaryPageOffset)
	}
	for i := start; i < start+8; i++ {
		damaged[i] = 0xff // the first page header
	}
	items := readParquetBytes("d.parquet", damaged, Options{})
	var got []string
	for _, it := range items {
		if it.Err != nil {
			got = append(got, "err "+strconv.Itoa(it.Err.Record))
		} else {
			got = append(got, it.Doc.ID)
		}
	}
	want := []string{"r0", "r1", "err 3", "r4", "r5"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v (%v)", got, want, summaries(items))
	}
}

func TestReadParquetFile(t *testing.T) {
	dir := t.TempDir()
	data := parquetFile(t, 2, sampleRows)
	p := writeFile(t, dir, "any-name.bin", data)
	var progress int64
	items := readFile(p, Options{Progress: func(n int64) { progress += n }})
	if len(items) != len(sampleRows) || items[0].Format != Parquet {
		t.Fatalf("by content: %v", summaries(items))
	}
	if progress != int64(len(data)) {
		t.Errorf("progress %d, want the file size %d", progress, len(data))
	}
	n := 0
	Read(p, Options{}, func(Item) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("yield returned false but was called %d times", n)
	}

	for _, tt := range []struct{ name, content, want string }{
		{"standard input", string(data), "err -: Parquet needs random access and cannot be read from standard input; name the file instead"},
		{"gzipped", string(gz(t, data)), "err p.parquet.gz: Parquet needs random access and cannot be read from a gzip-compressed file; decompress it first"},
	} {
		name := "-"
		if tt.name == "gzipped" {
			name = "p.parquet.gz"
		}
		items := collect(name, []byte(tt.content), formatAuto, Options{})
		if got := summaries(items); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestParquetFixtureIsStreamed(t *testing.T) {
	// The committed fixture has its rows in several row groups, which is what the
	// streaming is about.
	data, err := os.ReadFile(filepath.Join(fixtureDir, "sample.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.RowGroups()); n < 2 {
		t.Errorf("%d row groups, want several", n)
	}
}

// FuzzParquet feeds arbitrary bytes to the Parquet reader: no panic, one item per
// yield with a document or an error.
//
// It keeps each execution cheap: seeds of a few rows (2-3 KB; every codec the
// page check treats differently, and version 2 pages), inputs up to 64 KiB, and a
// record limit of 64 KiB, so that a mutated header declaring a large page is
// refused before anything is allocated. (The fuzzer's "execs" line stalls at a
// few while the worker runs, golang/go#51484; counted inside the function it
// runs about 3,500 inputs a second on one core here.)
func FuzzParquet(f *testing.F) {
	f.Add(parquetFile(f, 2, sampleRows))
	f.Add(parquetFile(f, 1, sampleRows[:2], parquet.Compression(&parquet.Zstd)))
	f.Add(parquetFile(f, 2, sampleRows[:3], parquet.Compression(&parquet.Lz4Raw), parquet.DataPageVersion(2)))
	f.Add(parquetFile(f, 1, sampleRows[1:3], parquet.Compression(&parquet.Gzip), parquet.DataPageVersion(2)))
	opt := Options{MaxRecordSize: 64 << 10}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		for _, it := range readParquetBytes("f.parquet", data, opt) {
			if (it.Doc == nil) == (it.Err == nil) {
				t.Fatalf("item with doc %v and err %v", it.Doc, it.Err)
			}
		}
	})
}

func BenchmarkReadParquet(b *testing.B) {
	corpus := benchCorpus()
	var rows []parquetRow
	for i, line := range bytes.Split(bytes.TrimSpace(corpus), []byte("\n")) {
		// The text is the whole JSON line: realistic lengths and characters.
		rows = append(rows, parquetRow{ID: "doc-" + strconv.Itoa(i), Text: string(line), URL: "https://news.example.com/" + strconv.Itoa(i)})
	}
	data := parquetFile(b, 2000, rows)
	b.SetBytes(int64(len(corpus)))
	b.ReportAllocs()
	opt := Options{}.withDefaults()
	for b.Loop() {
		n := 0
		readParquet("bench.parquet", bytes.NewReader(data), int64(len(data)), opt, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
			return true
		})
		if n != len(rows) {
			b.Fatalf("%d documents, want %d", n, len(rows))
		}
	}
}

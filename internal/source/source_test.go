package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "Hello, world.\n", `0 id=t.txt text="Hello, world.\n"`},
		{"BOM and CRLF kept", "\ufeffa\r\nb\r\n", `0 id=t.txt text="\ufeffa\r\nb\r\n"`},
		{"no final newline", "x", `0 id=t.txt text="x"`},
		{"JSON in a text file is text", `{"text":"a"}`, `0 id=t.txt text="{\"text\":\"a\"}"`},
		{"empty", "", `err t.txt: empty file`},
		{"NUL early is binary", "abc\x00def", `err t.txt: binary file, not text`},
		{"NUL at the end of the sniff window", strings.Repeat("a", sniffLen-1) + "\x00", `err t.txt: binary file, not text`},
		{"invalid UTF-8", "ab\xe2\x82cd", `err t.txt: invalid UTF-8 at byte 2`},
		{"invalid UTF-8 past the sniff window", strings.Repeat("é", sniffLen) + "\xff", `err t.txt: invalid UTF-8 at byte 16384`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect("t.txt", []byte(tt.in), Text, Options{})
			diffLists(t, summaries(items), []string{tt.want})
			if items[0].Doc != nil {
				d := items[0].Doc
				if d.Field != "" || items[0].Raw != nil || items[0].Format != Text {
					t.Errorf("whole-file document: field %q raw %q format %v", d.Field, items[0].Raw, items[0].Format)
				}
			}
		})
	}
}

// A NUL past the sniff window does not make a file binary: it is valid UTF-8 and
// left for the rules to judge.
func TestReadTextLateNUL(t *testing.T) {
	in := strings.Repeat("a", sniffLen) + "\x00"
	items := collect("t.txt", []byte(in), Text, Options{})
	if len(items) != 1 || items[0].Doc == nil || items[0].Doc.Text != in {
		t.Errorf("got %v", summaries(items))
	}
}

func TestReadGzip(t *testing.T) {
	jsonl := []byte(`{"text":"one"}` + "\n" + `{"text":"two"}` + "\n" + `{"text":"three"}` + "\n")
	text := []byte("Some text.\n")
	var big bytes.Buffer
	for i := 0; big.Len() < 200<<10; i++ {
		big.WriteString(`{"id":` + strconv.Itoa(i) + `,"text":"` + strings.Repeat("lorem ipsum ", 20) + `"}` + "\n")
	}
	bigGz := gz(t, big.Bytes())
	truncated := bigGz[:len(bigGz)/2]
	corrupt := bytes.Clone(gz(t, jsonl))
	corrupt[len(corrupt)-6] ^= 0xff // inside the CRC32 trailer

	tests := []struct {
		name     string
		file     string
		content  []byte
		want     []string
		wantGzip bool
		format   Format
	}{
		{"jsonl.gz", "a.jsonl.gz", gz(t, jsonl),
			[]string{`1 id=a.jsonl.gz:1 text="one"`, `2 id=a.jsonl.gz:2 text="two"`, `3 id=a.jsonl.gz:3 text="three"`}, true, JSONL},
		{"gzip by magic under a .jsonl name", "a.jsonl", gz(t, jsonl),
			[]string{`1 id=a.jsonl:1 text="one"`, `2 id=a.jsonl:2 text="two"`, `3 id=a.jsonl:3 text="three"`}, true, JSONL},
		{"gzip by magic under a .txt name", "a.txt", gz(t, text),
			[]string{`0 id=a.txt text="Some text.\n"`}, true, Text},
		{"a .gz name that is not gzip is read plain", "a.jsonl.gz", jsonl,
			[]string{`1 id=a.jsonl.gz:1 text="one"`, `2 id=a.jsonl.gz:2 text="two"`, `3 id=a.jsonl.gz:3 text="three"`}, false, JSONL},
		{"txt.gz", "a.txt.gz", gz(t, text), []string{`0 id=a.txt.gz text="Some text.\n"`}, true, Text},
		{"empty gzip", "a.jsonl.gz", gz(t, nil), []string{`err a.jsonl.gz: empty file`}, true, JSONL},
		{"empty gzip text", "a.txt.gz", gz(t, nil), []string{`err a.txt.gz: empty file`}, true, Text},
		{"only the magic", "a.jsonl.gz", []byte{0x1f, 0x8b}, []string{`err a.jsonl.gz: truncated gzip stream: unexpected EOF`}, true, JSONL},
		{"bad header", "a.jsonl.gz", []byte{0x1f, 0x8b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, []string{`err a.jsonl.gz: corrupt gzip stream: gzip: invalid header`}, true, JSONL},
		{"bad checksum", "a.jsonl.gz", corrupt,
			[]string{`1 id=a.jsonl.gz:1 text="one"`, `2 id=a.jsonl.gz:2 text="two"`, `3 id=a.jsonl.gz:3 text="three"`, `err a.jsonl.gz:4: corrupt gzip stream: gzip: invalid checksum`}, true, JSONL},
		{"truncated text", "a.txt.gz", truncated, []string{`err a.txt.gz: truncated gzip stream: unexpected EOF`}, true, Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.content)
			items := readFile(p, Options{})
			got := summaries(items)
			for i := range got {
				got[i] = strings.ReplaceAll(got[i], filepath.Dir(p)+string(filepath.Separator), "")
			}
			diffLists(t, got, tt.want)
			for _, it := range items {
				if it.Gzip != tt.wantGzip || it.Format != tt.format {
					t.Errorf("gzip=%v format=%v, want %v %v", it.Gzip, it.Format, tt.wantGzip, tt.format)
				}
			}
		})
	}
}

// TestTruncatedGzip cuts a compressed JSONL file and checks that every record
// before the cut is delivered and the error names the record where reading stopped.
func TestTruncatedGzip(t *testing.T) {
	var in bytes.Buffer
	for i := 1; in.Len() < 300<<10; i++ {
		in.WriteString(`{"id":` + strconv.Itoa(i) + `,"text":"` + strings.Repeat("abc def ", 30+i%7) + `"}` + "\n")
	}
	full := gz(t, in.Bytes())
	for _, cut := range []int{len(full) / 3, len(full) / 2, len(full) - 4, len(full) - 1} {
		items := collect("t.jsonl.gz", full[:cut], JSONL, Options{})
		last := items[len(items)-1]
		if last.Err == nil || last.Err.Msg != "truncated gzip stream: unexpected EOF" {
			t.Fatalf("cut at %d: last item %s, want a truncation error", cut, summary(last))
		}
		docs := items[:len(items)-1]
		for i, it := range docs {
			if it.Err != nil || it.Doc.Record != i+1 || it.Doc.ID != strconv.Itoa(i+1) {
				t.Fatalf("cut at %d: item %d is %s", cut, i, summary(it))
			}
		}
		if last.Err.Record != len(docs)+1 {
			t.Errorf("cut at %d: error at record %d after %d records", cut, last.Err.Record, len(docs))
		}
		if cut > len(full)/2 && len(docs) == 0 {
			t.Errorf("cut at %d: no records delivered", cut)
		}
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	locked := writeFile(t, dir, "locked.txt", []byte("x"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
		skip             bool
	}{
		{"missing", filepath.Join(dir, "nope.jsonl"), "no such file or directory", false},
		{"directory", dir, "is a directory", false},
		{"permission", locked, "permission denied", os.Geteuid() == 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip {
				t.Skip("root can read anything")
			}
			items := readFile(tt.path, Options{})
			if len(items) != 1 || items[0].Err == nil {
				t.Fatalf("got %v, want one error", summaries(items))
			}
			e := items[0].Err
			if e.Path != tt.path || e.Record != 0 || e.Msg != tt.want {
				t.Errorf("got %+v, want %q", e, tt.want)
			}
		})
	}
}

// TestReadStdin covers the content sniffing that standard input needs; it goes
// through readStream as Read does for "-".
func TestReadStdin(t *testing.T) {
	jsonl := `{"text":"a"}` + "\n" + `{"text":"b"}` + "\n"
	tests := []struct {
		name   string
		in     []byte
		format Format
		n      int
	}{
		{"jsonl", []byte(jsonl), JSONL, 2},
		{"jsonl after BOM and blank lines", []byte("\ufeff\n  \n" + jsonl), JSONL, 2},
		{"text", []byte("Plain {text}\n"), Text, 1},
		{"text starting with an array", []byte(`[{"text":"a"}]`), Text, 1},
		{"gzip jsonl", gz(t, []byte(jsonl)), JSONL, 2},
		{"gzip text", gz(t, []byte("words")), Text, 1},
		{"empty", nil, Text, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect("-", tt.in, formatAuto, Options{})
			if len(items) != tt.n {
				t.Fatalf("got %v", summaries(items))
			}
			for _, it := range items {
				if it.Format != tt.format {
					t.Errorf("format %v, want %v", it.Format, tt.format)
				}
				if it.Doc != nil && it.Doc.Path != "-" {
					t.Errorf("path %q", it.Doc.Path)
				}
			}
		})
	}
}

func TestIsJSONL(t *testing.T) {
	for name, want := range map[string]bool{
		"a.jsonl": true, "a.ndjson": true, "a.jsonl.gz": true, "dir/A.NDJSON.GZ": true,
		"a.json": false, "a.txt": false, "a.txt.gz": false, "jsonl": false, "a.jsonl.bak": false, "-": false,
	} {
		if got := IsJSONL(name); got != want {
			t.Errorf("IsJSONL(%q) = %v", name, got)
		}
	}
}

func TestInputErrorString(t *testing.T) {
	if got := (&InputError{Path: "batch.jsonl", Record: 7, Msg: "invalid JSON"}).Error(); got != "batch.jsonl:7: invalid JSON" {
		t.Error(got)
	}
	if got := (&InputError{Path: "a.txt", Msg: "empty file"}).Error(); got != "a.txt: empty file" {
		t.Error(got)
	}
}

// TestFixtures reads the checked-in samples under testdata/source.
func TestFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "source")
	files, errs := Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, f := range files {
		for _, it := range readFile(f, Options{}) {
			s := summary(it)
			got = append(got, filepath.Base(f)+" "+strings.ReplaceAll(s, dir+string(filepath.Separator), ""))
		}
	}
	want := []string{
		`crlf.txt 0 id=crlf.txt text="\ufeffTitle\r\n\r\nBody line.\r\n"`,
		`dolma.jsonl.zst 1 id=cc-2024-10-0000001 text="The harbor was quiet that morning.\n\nFishing boats lay at anchor, and the gulls had the quay to themselves."`,
		`dolma.jsonl.zst 2 id=cc-2024-10-0000002 text="Der Bürgermeister eröffnete am Montag die neue Brücke über die Aare."`,
		`dolma.jsonl.zst 3 id=cc-2024-10-0000003 text="Subscribe to our newsletter\nRead more\nShare this article"`,
		`sample.jsonl 1 id=doc-1 text="First document.\nSecond paragraph." url=https://example.com/1`,
		`sample.jsonl 2 id=42 text="Café “quoted” 😀"`,
		`sample.jsonl err sample.jsonl:4: invalid JSON: unexpected end of input at byte 22`,
		`sample.jsonl 5 id=sample.jsonl:5 text="No id here."`,
		`sample.txt 0 id=sample.txt text="A plain text document.\n"`,
	}
	// The WARC and Parquet fixtures are checked document by document in
	// TestFormatFixtures; here only that the walk reads them.
	var plain []string
	counts := map[string]int{}
	for _, s := range got {
		switch name, _, _ := strings.Cut(s, " "); name {
		case "sample.parquet", "sample.warc.gz", "sample.warc.wet.gz":
			counts[name]++
		default:
			plain = append(plain, s)
		}
	}
	diffLists(t, plain, want)
	if counts["sample.parquet"] != 5 || counts["sample.warc.gz"] != 3 || counts["sample.warc.wet.gz"] != 4 {
		t.Errorf("documents per file: %v", counts)
	}
}

// TestReadConcurrent reads from many goroutines at once, as the engine may: the
// shared buffer pool must not mix streams (run with -race).
func TestReadConcurrent(t *testing.T) {
	var in strings.Builder
	for i := 1; i <= 500; i++ {
		in.WriteString(`{"id":` + strconv.Itoa(i) + `,"text":"doc ` + strconv.Itoa(i) + `\n"}` + "\n")
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := "g" + strconv.Itoa(g) + ".jsonl"
			items := collect(name, []byte(in.String()), JSONL, Options{})
			if len(items) != 500 {
				t.Errorf("%s: %d items", name, len(items))
				return
			}
			for i, it := range items {
				if it.Err != nil || it.Doc.Path != name || it.Doc.Text != "doc "+strconv.Itoa(i+1)+"\n" {
					t.Errorf("%s: item %d is %s", name, i, summary(it))
					return
				}
			}
		}()
	}
	wg.Wait()
}

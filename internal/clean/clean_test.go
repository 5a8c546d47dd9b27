package clean

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

func TestFormatFor(t *testing.T) {
	for _, c := range []struct{ name, explicit, want string }{
		{"-", "", JSONL},
		{"out.jsonl", "", JSONL},
		{"out.jsonl.gz", "", JSONLGzip},
		{"OUT.JSONL.ZST", "", JSONLZstd},
		{"out.jsonl", "jsonl.zst", JSONLZstd},
		{"out.parquet", "", Parquet},
		{"x", "parquet", Parquet},
	} {
		got, err := FormatFor(c.name, c.explicit)
		if err != nil || got != c.want {
			t.Errorf("FormatFor(%q, %q) = %q, %v; want %q", c.name, c.explicit, got, err, c.want)
		}
	}
	for _, c := range [][2]string{{"x", "csv"}} {
		if _, err := FormatFor(c[0], c[1]); err == nil {
			t.Errorf("FormatFor(%q, %q): no error", c[0], c[1])
		}
	}
}

func TestWriterFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range Formats {
		if f == Parquet {
			continue // rows, not lines: TestParquetOutput
		}
		p := filepath.Join(dir, "out."+f)
		w, err := Create(p, f, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p); err == nil {
			t.Fatalf("%s exists before Commit", p)
		}
		for _, l := range []string{`{"a":1}`, `{"a":2}`} {
			if err := w.Add([]byte(l)); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		var r io.Reader = bytes.NewReader(b)
		switch f {
		case JSONLGzip:
			r, _ = gzip.NewReader(r)
		case JSONLZstd:
			zr, _ := zstd.NewReader(r)
			r = zr
		}
		got, err := io.ReadAll(r)
		if err != nil || string(got) != "{\"a\":1}\n{\"a\":2}\n" {
			t.Errorf("%s: got %q, %v", f, got, err)
		}
	}
	var stdout bytes.Buffer
	w, _ := Create("-", JSONL, &stdout)
	_ = w.Add([]byte(`{}`))
	if err := w.Commit(); err != nil || stdout.String() != "{}\n" || w.Len() != 1 {
		t.Errorf("stdout: %q, %v", stdout.String(), err)
	}
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(filepath.Join(dir, "out.jsonl"), JSONL, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = w.Add([]byte(`{}`))
	w.Abort()
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left %v", es)
	}
}

func TestRecord(t *testing.T) {
	raw := []byte("\ufeff{\"id\":\"a\",\"text\":\"old\",\"n\":1.0}")
	it := source.Item{Format: source.JSONL, Raw: raw, TextSpan: [2]int{20, 25},
		Doc: &rules.Document{ID: "a", Text: "old", Record: 1}}
	if got := string(Record(it, "new \"q\"")); got != `{"id":"a","text":"new \"q\"","n":1.0}` {
		t.Errorf("JSONL: %s", got)
	}
	w := source.Item{Format: source.WARC, Date: "2024-01-01T00:00:00Z", ContentType: "text/plain",
		Doc: &rules.Document{ID: "<urn:x>", URL: "https://x/", Path: "a.warc.gz", Record: 3, Text: "t"}}
	want := `{"id":"<urn:x>","url":"https://x/","date":"2024-01-01T00:00:00Z","content_type":"text/plain","path":"a.warc.gz","record":3,"text":"fixed"}`
	if got := string(Record(w, "fixed")); got != want {
		t.Errorf("WARC: %s", got)
	}
	if got := string(ErrorRecord("a.jsonl", 2, []byte("bad \xff"))); !json.Valid([]byte(got)) {
		t.Errorf("ErrorRecord not JSON: %s", got)
	}
}

func TestAddField(t *testing.T) {
	for _, c := range [][2]string{
		{`{"a":1}`, `{"a":1,"s":{"x":1}}`},
		{`{}`, `{"s":{"x":1}}`},
		{"{\"a\":1} \r", `{"a":1,"s":{"x":1}}`},
		{"{ }", `{"s":{"x":1}}`},
	} {
		if got := string(AddField([]byte(c[0]), "s", []byte(`{"x":1}`))); got != c[1] {
			t.Errorf("AddField(%q) = %s, want %s", c[0], got, c[1])
		}
	}
}

// FuzzAddField: a JSON object with a field added is still a JSON object, and
// the field reads back as added.
func FuzzAddField(f *testing.F) {
	f.Add(`{"a":1}`)
	f.Add(`{"text":"}"}`)
	f.Add(`{ "x" : [1, {"y": "}"}] }  `)
	f.Fuzz(func(t *testing.T, in string) {
		var m map[string]any
		if json.Unmarshal([]byte(in), &m) != nil || m == nil {
			return
		}
		out := AddField([]byte(in), "zz_added", []byte(`{"k":2}`))
		var back map[string]any
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%q -> %q: %v", in, out, err)
		}
		if v, ok := back["zz_added"].(map[string]any); !ok || v["k"] != 2.0 {
			t.Fatalf("%q -> %q: field not there", in, out)
		}
	})
}

func TestOutputNames(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for _, p := range []string{"a/x.jsonl.gz", "b.warc.wet.gz", "c.txt", "d.parquet"} {
		full := filepath.Join(in, p)
		_ = os.MkdirAll(filepath.Dir(full), 0o755)
		_ = os.WriteFile(full, nil, 0o644)
	}
	single := filepath.Join(dir, "single.jsonl.zst")
	_ = os.WriteFile(single, nil, 0o644)
	files := []string{filepath.Join(in, "a/x.jsonl.gz"), filepath.Join(in, "b.warc.wet.gz"),
		filepath.Join(in, "c.txt"), filepath.Join(in, "d.parquet"), single}
	got, err := OutputNames([]string{in, single}, files, InputFormat)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a/x.jsonl.gz", "b.jsonl.gz", "c.jsonl", "d.jsonl", "single.jsonl.zst"}
	for i, f := range files {
		if got[f] != filepath.FromSlash(want[i]) {
			t.Errorf("%s -> %s, want %s", f, got[f], want[i])
		}
	}
	if _, err := OutputNames([]string{in}, []string{filepath.Join(in, "c.txt"), filepath.Join(in, "c.md")}, InputFormat); err == nil {
		t.Error("two inputs with one output name: no error")
	}
	if _, err := OutputNames([]string{"-"}, []string{"-"}, InputFormat); err == nil {
		t.Error("stdin in folder mode: no error")
	}
	if r := RejectedName(filepath.Join("o", "x.jsonl.gz"), JSONLGzip); r != filepath.Join("o", "x.rejected.jsonl.gz") {
		t.Errorf("RejectedName = %s", r)
	}
}

func TestSameFileAndInside(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	_ = os.WriteFile(in, []byte("{}\n"), 0o644)
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Link(in, link); err != nil {
		t.Skip("no hard links here:", err)
	}
	if !SameFile(in, []string{in}) || !SameFile(link, []string{in}) {
		t.Error("same file not seen")
	}
	if SameFile(filepath.Join(dir, "new.jsonl"), []string{in}) || SameFile("-", []string{"-"}) {
		t.Error("different file seen as the same")
	}
	if _, ok := InsideInput(filepath.Join(dir, "sub", "out.jsonl"), []string{dir}); !ok {
		t.Error("output inside the input folder not seen")
	}
	if _, ok := InsideInput(filepath.Join(dir, "out.jsonl"), []string{in}); ok {
		t.Error("a file argument is not a folder")
	}
}

func TestManifestDone(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	out := filepath.Join(dir, "out.jsonl")
	rej := filepath.Join(dir, "out.rejected.jsonl")
	_ = os.WriteFile(in, []byte("{}\n"), 0o644)
	_ = os.WriteFile(out, []byte("{}\n"), 0o644)
	_ = os.WriteFile(rej, nil, 0o644)
	st, _ := os.Stat(in)
	cfg := json.RawMessage(`{"rules":["a"]}`)
	m := &Manifest{Version: Version(), Config: cfg, Inputs: []Entry{{Input: in, Size: st.Size(), ModTime: st.ModTime(),
		Output: out, OutputBytes: 3, Rejected: rej, Records: 1, Written: 1, Complete: true}}}
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	back, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := back.Done(in, []byte(`{ "rules": ["a"] }`)); !ok {
		t.Error("complete input not done")
	}
	if _, ok := back.Done(in, []byte(`{"rules":["b"]}`)); ok {
		t.Error("done under another configuration")
	}
	_ = os.WriteFile(out, []byte("{}\n{}\n"), 0o644)
	if _, ok := back.Done(in, cfg); ok {
		t.Error("done with a changed output")
	}
	if m, err := ReadManifest(t.TempDir()); m != nil || err != nil {
		t.Errorf("missing manifest: %v, %v", m, err)
	}
}

func TestShardName(t *testing.T) {
	for in, want := range map[string]string{
		"out/x.jsonl.zst": "out/x-00002.jsonl.zst",
		"out/a/x.jsonl":   "out/a/x-00002.jsonl",
		"out/x.JSONL.GZ":  "out/x-00002.JSONL.GZ",
		"out/x":           "out/x-00002",
	} {
		if got := ShardName(in, 2); got != want {
			t.Errorf("ShardName(%q, 2) = %q, want %q", in, got, want)
		}
	}
}

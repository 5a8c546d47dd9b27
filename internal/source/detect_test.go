package source

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestIsCorpusNameFormats(t *testing.T) {
	for name, want := range map[string]bool{
		"a.jsonl.zst": true, "a.ndjson.zstd": true, "a.txt.zst": true, "A.JSONL.ZST": true,
		"CC-MAIN-20240221000000-20240221030000-00000.warc.gz":     true,
		"CC-MAIN-20240221000000-20240221030000-00000.warc.wet.gz": true,
		"a.warc": true, "a.wet.gz": true, "a.warc.zst": true,
		"train-00000-of-00004.parquet": true,
		"a.zst":                        false, "a.cdx.gz": false, "a.warc.wat.gz": false, "a.json.zst": false, "a.parquet.crc": false,
	} {
		if got := isCorpusName(name); got != want {
			t.Errorf("isCorpusName(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]bool{
		"a.jsonl.zst": true, "a.ndjson.zstd": true, "a.jsonl.gz": true, "a.txt.zst": false, "a.zst": false,
	} {
		if got := IsJSONL(name); got != want {
			t.Errorf("IsJSONL(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestExpandFormats(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.jsonl.zst", "b.warc.wet.gz", "c.warc.gz", "d.parquet", "e.cdx.gz", "f.warc.wat.gz"} {
		writeFile(t, dir, name, []byte("x"))
	}
	files, errs := Expand([]string{dir})
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f))
	}
	diffLists(t, got, []string{"a.jsonl.zst", "b.warc.wet.gz", "c.warc.gz", "d.parquet"})
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
}

func TestMagic(t *testing.T) {
	for _, tt := range []struct {
		in         []byte
		gzip, zstd bool
	}{
		{[]byte{0x1f, 0x8b, 8}, true, false},
		{[]byte{0x28, 0xb5, 0x2f, 0xfd}, false, true},
		{[]byte{0x5e, 0x2a, 0x4d, 0x18}, false, true},
		{[]byte{0x28, 0xb5, 0x2f}, false, false},
		{[]byte("WARC/1.0"), false, false},
		{nil, false, false},
	} {
		if isGzip(tt.in) != tt.gzip || isZstd(tt.in) != tt.zstd {
			t.Errorf("%x: gzip %v zstd %v", tt.in, isGzip(tt.in), isZstd(tt.in))
		}
	}
}

// TestProgressCountsCompressedBytes checks that Options.Progress adds up to the
// size of the file as stored, for each kind of file.
func TestProgressCountsCompressedBytes(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte(`{"text":"lorem ipsum dolor sit amet"}`+"\n"), 20000)
	for name, data := range map[string][]byte{
		"a.jsonl":     big,
		"a.jsonl.gz":  gz(t, big),
		"a.jsonl.zst": zst(t, big),
		"a.txt":       []byte("short"),
		"a.warc.gz":   sampleWARC(t),
		"a.parquet":   parquetFile(t, 2, sampleRows),
	} {
		p := writeFile(t, dir, name, data)
		var n int64
		calls := 0
		items := readFile(p, Options{Progress: func(k int64) { n += k; calls++ }})
		for _, it := range items {
			if it.Err != nil {
				t.Fatalf("%s: %v", name, it.Err)
			}
		}
		if n != int64(len(data)) {
			t.Errorf("%s: progress %d bytes, file %d", name, n, len(data))
		}
		if name == "a.jsonl" && calls < len(data)/(256<<10) {
			t.Errorf("%s: %d progress calls for %d bytes: too coarse", name, calls, len(data))
		}
	}
	// Standard input counts too.
	old := os.Stdin
	t.Cleanup(func() { os.Stdin = old })
	f, err := os.Open(writeFile(t, dir, "stdin.jsonl.zst", zst(t, big)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.Stdin = f
	var n int64
	items := readFile("-", Options{Progress: func(k int64) { n += k }})
	if len(items) != 20000 || items[0].Compression != CompressionZstd {
		t.Errorf("standard input: %d items", len(items))
	}
	if st, _ := f.Stat(); n != st.Size() {
		t.Errorf("standard input: progress %d, size %d", n, st.Size())
	}
}

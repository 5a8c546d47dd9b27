package source

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

func TestReadZstd(t *testing.T) {
	jsonl := []byte(`{"text":"one"}` + "\n" + `{"text":"two"}` + "\n" + `{"text":"three"}` + "\n")
	three := []string{`1 id=a.jsonl.zst:1 text="one"`, `2 id=a.jsonl.zst:2 text="two"`, `3 id=a.jsonl.zst:3 text="three"`}
	var big bytes.Buffer
	for i := 0; big.Len() < 400<<10; i++ {
		big.WriteString(`{"id":` + strconv.Itoa(i) + `,"text":"` + strings.Repeat("lorem ipsum ", 20) + strconv.Itoa(i*7919) + `"}` + "\n")
	}
	bigZst := zst(t, big.Bytes())
	corrupt := bytes.Clone(bigZst)
	for i := len(corrupt) / 2; i < len(corrupt)/2+64; i++ {
		corrupt[i] ^= 0x5a
	}
	// A skippable frame (magic 0x184D2A50, little-endian) first, as pzstd writes.
	skippable := append([]byte{0x50, 0x2a, 0x4d, 0x18, 4, 0, 0, 0, 1, 2, 3, 4}, zst(t, jsonl)...)
	// A frame header asking for a 1 GiB window: Window_Descriptor exponent 20.
	hugeWindow := []byte{0x28, 0xb5, 0x2f, 0xfd, 0x00, 20 << 3, 0x01, 0x00, 0x00}

	tests := []struct {
		name    string
		file    string
		content []byte
		want    []string
		format  Format
	}{
		{"jsonl.zst", "a.jsonl.zst", zst(t, jsonl), three, JSONL},
		{"zstd by magic under a .jsonl name", "a.jsonl.zst", zst(t, jsonl), three, JSONL},
		{"two frames, as zstd writes for cat a.zst b.zst", "a.jsonl.zst",
			append(zst(t, jsonl[:15]), zst(t, jsonl[15:])...), three, JSONL},
		{"skippable frame first", "a.jsonl.zst", skippable, three, JSONL},
		{"txt.zst", "a.txt.zst", zst(t, []byte("Some text.\n")), []string{`0 id=a.txt.zst text="Some text.\n"`}, Text},
		{"empty zstd", "a.jsonl.zst", zst(t, nil), []string{`err a.jsonl.zst: empty file`}, JSONL},
		{"only the magic", "a.jsonl.zst", []byte{0x28, 0xb5, 0x2f, 0xfd}, []string{`err a.jsonl.zst:1: truncated zstd stream: unexpected EOF`}, JSONL},
		{"window larger than 128 MiB", "a.jsonl.zst", hugeWindow, []string{`err a.jsonl.zst:1: corrupt zstd stream: window size exceeded`}, JSONL},
		{"WARC inside zstd", "a.warc.zst",
			zst(t, warcFile(t, false, warcinfo(), conversion(2, "https://a.example/", "Text."))),
			[]string{`2 id=<urn:uuid:00000000-0000-4000-8000-000000000002> text="Text." url=https://a.example/`}, WARC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := Text
			if IsJSONL(tt.file) {
				format = JSONL
			}
			items := collect(tt.file, tt.content, format, Options{})
			diffLists(t, summaries(items), tt.want)
			for _, it := range items {
				if it.Compression != CompressionZstd || it.Gzip || it.Format != tt.format {
					t.Errorf("compression=%q gzip=%v format=%v, want zstd, false, %v", it.Compression, it.Gzip, it.Format, tt.format)
				}
			}
		})
	}

	t.Run("truncated", func(t *testing.T) {
		for _, cut := range []int{5, 40, len(bigZst) / 3, len(bigZst) - 1} {
			items := collect("t.jsonl.zst", bigZst[:cut], JSONL, Options{})
			last := items[len(items)-1]
			for _, it := range items[:len(items)-1] {
				if it.Err != nil {
					t.Fatalf("cut %d: error before the end: %v", cut, it.Err)
				}
			}
			if last.Err == nil || last.Err.Msg != "truncated zstd stream: unexpected EOF" {
				t.Errorf("cut %d: last item %s, want the truncation error", cut, summary(last))
			}
			if last.Err != nil && last.Err.Record != len(items) {
				t.Errorf("cut %d: error on record %d after %d documents", cut, last.Err.Record, len(items)-1)
			}
		}
	})
	t.Run("corrupt", func(t *testing.T) {
		items := collect("c.jsonl.zst", corrupt, JSONL, Options{})
		last := items[len(items)-1]
		if last.Err == nil || !strings.HasPrefix(last.Err.Msg, "corrupt zstd stream: ") {
			t.Errorf("last item %s, want a corrupt zstd stream error", summary(last))
		}
	})
}

func BenchmarkReadZstdJSONL(b *testing.B) {
	data := benchCorpus()
	compressed := zst(b, data)
	opt := Options{}.withDefaults()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ReportMetric(float64(len(compressed))/float64(len(data)), "ratio")
	for b.Loop() {
		n := 0
		readStream("bench.jsonl.zst", bytes.NewReader(compressed), JSONL, -1, opt, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
			return true
		})
		if n == 0 {
			b.Fatal("no documents")
		}
	}
}

// FuzzZstd feeds arbitrary bytes after the zstd magic to the JSONL and text
// readers: no panic, and the stream ends in documents or one error.
func FuzzZstd(f *testing.F) {
	f.Add(zst(f, []byte(`{"text":"one"}`+"\n"+`{"id":2,"text":"two"}`+"\n"))[4:])
	f.Add(zst(f, []byte("plain text"))[4:])
	f.Fuzz(func(t *testing.T, frame []byte) {
		data := append([]byte{0x28, 0xb5, 0x2f, 0xfd}, frame...)
		for _, format := range []Format{JSONL, Text} {
			for _, it := range collect("f.zst", data, format, Options{}) {
				if (it.Doc == nil) == (it.Err == nil) {
					t.Fatalf("item with doc %v and err %v", it.Doc, it.Err)
				}
			}
		}
	})
}

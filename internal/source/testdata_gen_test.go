package source

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The compressed, WARC and Parquet fixtures in testdata/source are binary, so they
// are generated here rather than edited by hand:
//
//	go test ./internal/source/ -run TestFormatFixtures -gen-fixtures
//
// rewrites them; TestFormatFixtures then reads them back. Without the flag it only
// reads the committed files, so a change in a library's output does not change
// the fixtures behind anyone's back.
var genFixtures = flag.Bool("gen-fixtures", false, "rewrite the binary fixtures in testdata/source")

const fixtureDir = "../../testdata/source"

// fixtures returns each binary fixture's name and content.
func fixtures(t testing.TB) map[string][]byte {
	return map[string][]byte{
		"dolma.jsonl.zst":    zst(t, dolmaJSONL(t)),
		"sample.warc.wet.gz": sampleWET(t),
		"sample.warc.gz":     sampleWARC(t),
		"sample.parquet":     parquetFile(t, 2, sampleRows),
	}
}

// dolmaJSONL is shaped like a Dolma shard: id, text, source, added, created and
// a metadata object, the URL inside it.
func dolmaJSONL(t testing.TB) []byte {
	docs := []map[string]any{
		{"id": "cc-2024-10-0000001", "text": "The harbor was quiet that morning.\n\nFishing boats lay at anchor, and the gulls had the quay to themselves.",
			"source": "common-crawl", "added": "2024-03-01T00:00:00.000Z", "created": "2024-02-21T10:12:14.000Z",
			"metadata": map[string]any{"url": "https://harbor.example.org/morning", "language": "en", "language_score": 0.97}},
		{"id": "cc-2024-10-0000002", "text": "Der Bürgermeister eröffnete am Montag die neue Brücke über die Aare.",
			"source": "common-crawl", "added": "2024-03-01T00:00:00.000Z", "created": "2024-02-21T10:13:02.000Z",
			"metadata": map[string]any{"url": "https://zeitung.example.ch/bruecke", "language": "de", "language_score": 0.99}},
		{"id": "cc-2024-10-0000003", "text": "Subscribe to our newsletter\nRead more\nShare this article",
			"source": "common-crawl", "added": "2024-03-01T00:00:00.000Z", "created": "2024-02-21T10:14:40.000Z",
			"metadata": map[string]any{"url": "https://news.example.com/a/3", "language": "en", "language_score": 0.61}},
	}
	var b strings.Builder
	for _, d := range docs {
		line, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// sampleWET is a WET file: warcinfo, then one conversion record per page.
func sampleWET(t testing.TB) []byte {
	return warcFile(t, true,
		warcinfo(),
		conversion(2, "https://harbor.example.org/morning",
			"Morning at the harbor\nThe harbor was quiet that morning.\nFishing boats lay at anchor, and the gulls had the quay to themselves.\nPrivacy Policy | Terms of Use"),
		conversion(3, "https://zeitung.example.ch/bruecke",
			"Neue Brücke eröffnet\nDer Bürgermeister eröffnete am Montag die neue Brücke über die Aare – nach drei Jahren Bauzeit."),
		conversion(4, "https://blog.example.net/quotes",
			"On quotes\nShe said, “It’s done.” Then she left.\n"),
		conversion(5, "https://shop.example.com/empty", ""),
	)
}

// sampleWARC is a crawl WARC: warcinfo, then request, response and metadata
// records per URL. Two responses are documents (an HTML page in UTF-8 and one in
// ISO-8859-1, and a plain text file); an image, a redirect and a 404 page are not.
func sampleWARC(t testing.TB) []byte {
	page := []byte(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Morning at the harbor</title>
<style>body { font-family: serif }</style>
<script>var tracking = "do not lint me";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Morning at the harbor</h1>
<p>The harbor was   quiet that morning.</p>
<p>Fishing boats lay at anchor, and the gulls had the quay &amp; the nets to themselves.</p>
</article>
<footer>© 2024 Harbor Times</footer></body></html>
`)
	latin1 := []byte("<html><head><title>Caf\xe9</title></head><body><p>Le caf\xe9 ouvre \xe0 huit heures.</p></body></html>")
	jpeg := []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
	plain := []byte("User-agent: *\nDisallow: /private/\n")
	return warcFile(t, true,
		warcinfo(),
		request(10, "https://harbor.example.org/morning"),
		response(11, "https://harbor.example.org/morning", 200,
			[]string{"Content-Type: text/html; charset=utf-8", "Content-Length: " + strconv.Itoa(len(page))}, page),
		metadata(12, "https://harbor.example.org/morning"),
		request(20, "https://cafe.example.fr/"),
		response(21, "https://cafe.example.fr/", 200,
			[]string{"Content-Type: text/html; charset=ISO-8859-1"}, latin1),
		request(30, "https://harbor.example.org/gulls.jpg"),
		response(31, "https://harbor.example.org/gulls.jpg", 200,
			[]string{"Content-Type: image/jpeg"}, jpeg),
		request(40, "http://harbor.example.org/old"),
		response(41, "http://harbor.example.org/old", 301,
			[]string{"Location: https://harbor.example.org/morning", "Content-Type: text/html"}, []byte("<html><body>Moved</body></html>")),
		request(50, "https://harbor.example.org/missing"),
		response(51, "https://harbor.example.org/missing", 404,
			[]string{"Content-Type: text/html"}, []byte("<html><body><h1>Not Found</h1></body></html>")),
		request(60, "https://harbor.example.org/robots.txt"),
		response(61, "https://harbor.example.org/robots.txt", 200,
			[]string{"Content-Type: text/plain"}, plain),
	)
}

var sampleRows = []parquetRow{
	{ID: "hf-000", Text: "The harbor was quiet that morning.", URL: "https://harbor.example.org/morning"},
	{ID: "hf-001", Text: "Der Bürgermeister eröffnete die neue Brücke.", URL: "https://zeitung.example.ch/bruecke"},
	{ID: "hf-002", Text: "She said, “It’s done.”\nThen she left.", URL: "https://blog.example.net/quotes"},
	{ID: "hf-003", Text: "", URL: ""},
	{ID: "hf-004", Text: "Subscribe to our newsletter\nRead more", URL: "https://news.example.com/a/3"},
}

func TestFormatFixtures(t *testing.T) {
	if *genFixtures {
		for name, data := range fixtures(t) {
			if err := os.WriteFile(filepath.Join(fixtureDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const (
		harbor = `The harbor was quiet that morning.`
	)
	tests := []struct {
		file   string
		format Format
		comp   string
		want   []string
	}{
		{"dolma.jsonl.zst", JSONL, CompressionZstd, []string{
			`1 id=cc-2024-10-0000001 text="The harbor was quiet that morning.\n\nFishing boats lay at anchor, and the gulls had the quay to themselves."`,
			`2 id=cc-2024-10-0000002 text="Der Bürgermeister eröffnete am Montag die neue Brücke über die Aare."`,
			`3 id=cc-2024-10-0000003 text="Subscribe to our newsletter\nRead more\nShare this article"`,
		}},
		{"sample.warc.wet.gz", WARC, CompressionGzip, []string{
			`2 id=<urn:uuid:00000000-0000-4000-8000-000000000002> text="Morning at the harbor\nThe harbor was quiet that morning.\nFishing boats lay at anchor, and the gulls had the quay to themselves.\nPrivacy Policy | Terms of Use" url=https://harbor.example.org/morning`,
			`3 id=<urn:uuid:00000000-0000-4000-8000-000000000003> text="Neue Brücke eröffnet\nDer Bürgermeister eröffnete am Montag die neue Brücke über die Aare – nach drei Jahren Bauzeit." url=https://zeitung.example.ch/bruecke`,
			`4 id=<urn:uuid:00000000-0000-4000-8000-000000000004> text="On quotes\nShe said, “It’s done.” Then she left.\n" url=https://blog.example.net/quotes`,
			`5 id=<urn:uuid:00000000-0000-4000-8000-000000000005> text="" url=https://shop.example.com/empty`,
		}},
		{"sample.warc.gz", WARC, CompressionGzip, []string{
			`3 id=<urn:uuid:00000000-0000-4000-8000-000000000011> text="Morning at the harbor\nHome | News\nMorning at the harbor\n` + harbor + `\nFishing boats lay at anchor, and the gulls had the quay & the nets to themselves.\n© 2024 Harbor Times" url=https://harbor.example.org/morning`,
			`6 id=<urn:uuid:00000000-0000-4000-8000-000000000021> text="Café\nLe café ouvre à huit heures." url=https://cafe.example.fr/`,
			`14 id=<urn:uuid:00000000-0000-4000-8000-000000000061> text="User-agent: *\nDisallow: /private/\n" url=https://harbor.example.org/robots.txt`,
		}},
		{"sample.parquet", Parquet, "", []string{
			`1 id=hf-000 text="The harbor was quiet that morning." url=https://harbor.example.org/morning`,
			`2 id=hf-001 text="Der Bürgermeister eröffnete die neue Brücke." url=https://zeitung.example.ch/bruecke`,
			`3 id=hf-002 text="She said, “It’s done.”\nThen she left." url=https://blog.example.net/quotes`,
			`4 id=hf-003 text=""`,
			`5 id=hf-004 text="Subscribe to our newsletter\nRead more" url=https://news.example.com/a/3`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(fixtureDir, tt.file)
			var progress int64
			items := readFile(path, Options{Progress: func(n int64) { progress += n }})
			diffLists(t, summaries(items), tt.want)
			for _, it := range items {
				if it.Format != tt.format || it.Compression != tt.comp || it.Gzip != (tt.comp == CompressionGzip) {
					t.Errorf("format %v compression %q gzip %v, want %v %q", it.Format, it.Compression, it.Gzip, tt.format, tt.comp)
				}
			}
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if progress != st.Size() {
				t.Errorf("progress reported %d bytes, the file has %d", progress, st.Size())
			}
		})
	}
}

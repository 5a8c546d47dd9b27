package source

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReadWARC(t *testing.T) {
	id := func(n int) string { return "id=" + recordID(n) }
	html := []string{"Content-Type: text/html; charset=utf-8"}
	var chunked bytes.Buffer
	chunked.WriteString("7\r\n<p>Chun\r\n")
	chunked.WriteString("9\r\nked.</p>\n\r\n0\r\n\r\n")
	tooShort := conversion(3, "https://b.example/", "Second text, longer than it says.")
	tooShort.clDelta = -10
	tooShort.noDigest = true
	tooLong := conversion(3, "https://b.example/", "Last text.")
	tooLong.clDelta = 50
	tooLong.noDigest = true
	badDigest := conversion(2, "https://a.example/", "Text.")
	badDigest.fields = append(badDigest.fields, "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	badDigest.noDigest = true
	v11 := conversion(2, "https://a.example/", "Text.")
	v11.version = "WARC/1.1"

	tests := []struct {
		name string
		in   []byte
		want []string
	}{
		{"WET, plain", warcFile(t, false, warcinfo(), conversion(2, "https://a.example/", "First."), conversion(3, "https://b.example/", "Second.")),
			[]string{`2 ` + id(2) + ` text="First." url=https://a.example/`, `3 ` + id(3) + ` text="Second." url=https://b.example/`}},
		{"WET, one gzip member for the whole file", gz(t, warcFile(t, false, warcinfo(), conversion(2, "https://a.example/", "First."), conversion(3, "https://b.example/", "Second."))),
			[]string{`2 ` + id(2) + ` text="First." url=https://a.example/`, `3 ` + id(3) + ` text="Second." url=https://b.example/`}},
		{"WARC/1.1", warcFile(t, true, v11), []string{`1 ` + id(2) + ` text="Text." url=https://a.example/`}},
		{"invalid UTF-8 in a conversion record", warcFile(t, true, warcinfo(), conversion(2, "https://a.example/", "caf\xe9"), conversion(3, "https://b.example/", "Fine.")),
			[]string{`err w.warc:2: invalid UTF-8 in text/plain content at byte 3`, `3 ` + id(3) + ` text="Fine." url=https://b.example/`}},
		{"invalid UTF-8 in a text/plain response", warcFile(t, true,
			response(11, "https://a.example/a.txt", 200, []string{"Content-Type: text/plain"}, []byte("ok\xff")),
			response(12, "https://a.example/b.txt", 200, []string{"Content-Type: text/plain"}, []byte("fine"))),
			[]string{`err w.warc:1: invalid UTF-8 in text/plain content at byte 2`, `2 ` + id(12) + ` text="fine" url=https://a.example/b.txt`}},
		{"charset parameter on text/plain", warcFile(t, true,
			response(11, "https://a.example/a.txt", 200, []string{"Content-Type: text/plain; charset=iso-8859-1"}, []byte("caf\xe9"))),
			[]string{`1 ` + id(11) + ` text="café" url=https://a.example/a.txt`}},
		{"undeclared HTML that is not UTF-8 is windows-1252", warcFile(t, true,
			response(11, "https://a.example/", 200, []string{"Content-Type: text/html"}, []byte("<p>\x93quoted\x94</p>"))),
			[]string{`1 ` + id(11) + ` text="“quoted”" url=https://a.example/`}},
		{"HTML declared UTF-8 but invalid", warcFile(t, true,
			response(11, "https://a.example/", 200, html, []byte("<p>caf\xe9</p>"))),
			[]string{`err w.warc:1: invalid UTF-8 in HTML content at byte 6`}},
		{"meta charset", warcFile(t, true,
			response(11, "https://a.example/", 200, []string{"Content-Type: text/html"}, []byte(`<meta charset="windows-1251"><p>`+"\xcf\xf0\xe8\xe2\xe5\xf2</p>"))),
			[]string{`1 ` + id(11) + ` text="Привет" url=https://a.example/`}},
		{"UTF-8 past the first KiB with an ASCII start", warcFile(t, true,
			response(11, "https://a.example/", 200, []string{"Content-Type: text/html"}, []byte("<p>"+strings.Repeat("a", 1100)+" é</p>"))),
			[]string{`1 ` + id(11) + ` text="` + strings.Repeat("a", 1100) + ` é" url=https://a.example/`}},
		{"payload type from WARC-Identified-Payload-Type", func() []byte {
			r := response(11, "https://a.example/", 200, nil, []byte("<p>Hi</p>"))
			r.fields = append(r.fields, "WARC-Identified-Payload-Type: text/html")
			return warcFile(t, true, r)
		}(), []string{`1 ` + id(11) + ` text="Hi" url=https://a.example/`}},
		{"chunked and gzip Content-Encoding undone", warcFile(t, true,
			response(11, "https://a.example/", 200, []string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, chunked.Bytes()),
			response(12, "https://a.example/z", 200, []string{"Content-Type: text/plain", "Content-Encoding: gzip"}, gz(t, []byte("zipped")))),
			[]string{`1 ` + id(11) + ` text="Chunked." url=https://a.example/`, `2 ` + id(12) + ` text="zipped" url=https://a.example/z`}},
		{"unsupported Content-Encoding", warcFile(t, true,
			response(11, "https://a.example/", 200, []string{"Content-Type: text/html", "Content-Encoding: br"}, []byte{0x1b, 0x02})),
			[]string{`err w.warc:1: HTTP payload: unsupported Content-Encoding "br"`}},
		{"non-text, non-2xx, revisit, request, metadata and dns records are skipped", warcFile(t, true,
			warcinfo(),
			request(10, "https://a.example/"),
			response(11, "https://a.example/logo.png", 200, []string{"Content-Type: image/png"}, []byte("\x89PNG\r\n")),
			response(12, "https://a.example/old", 301, []string{"Content-Type: text/html", "Location: /new"}, []byte("Moved")),
			response(13, "https://a.example/gone", 404, html, []byte("<h1>Not Found</h1>")),
			response(14, "https://a.example/app.js", 200, []string{"Content-Type: application/javascript"}, []byte("var a;")),
			response(15, "https://a.example/no-type", 200, nil, []byte("who knows")),
			warcRecord{typ: "revisit", id: 16, uri: "https://a.example/", ctype: "application/http; msgtype=response",
				fields: []string{"WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"},
				block:  []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")},
			warcRecord{typ: "response", id: 17, uri: "dns:a.example", ctype: "text/dns", block: []byte("20240221101214\na.example. 300 IN A 192.0.2.1\n")},
			metadata(18, "https://a.example/"),
			response(19, "https://a.example/new", 200, html, []byte("<p>Kept.</p>")),
		), []string{`11 ` + id(19) + ` text="Kept." url=https://a.example/new`}},
		{"no WARC-Record-ID", []byte("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nHi\r\n\r\n"),
			[]string{`1 id=w.warc:1 text="Hi"`}},
		{"Content-Length too small", warcFile(t, false, warcinfo(), conversion(2, "https://a.example/", "First."), tooShort, conversion(4, "https://c.example/", "Third.")),
			[]string{`2 ` + id(2) + ` text="First." url=https://a.example/`,
				`err w.warc:3: record is followed by 14 bytes that are not a WARC record (Content-Length too small, or damaged data)`,
				`4 ` + id(4) + ` text="Third." url=https://c.example/`}},
		{"Content-Length too small on a record that is not a document", warcFile(t, false, conversion(2, "https://a.example/", "First."),
			func() warcRecord { r := metadata(3, "https://a.example/"); r.clDelta = -5; r.noDigest = true; return r }(),
			conversion(4, "https://c.example/", "Third.")),
			[]string{`1 ` + id(2) + ` text="First." url=https://a.example/`,
				`err w.warc:2: record is followed by 9 bytes that are not a WARC record (Content-Length too small, or damaged data)`,
				`3 ` + id(4) + ` text="Third." url=https://c.example/`}},
		{"Content-Length too small on the last record", warcFile(t, false, conversion(2, "https://a.example/", "First."), tooShort),
			[]string{`1 ` + id(2) + ` text="First." url=https://a.example/`,
				`err w.warc:2: record is followed by 10 bytes that are not a WARC record (Content-Length too small, or damaged data)`}},
		{"Content-Length too large on the last record", warcFile(t, false, conversion(2, "https://a.example/", "First."), tooLong),
			[]string{`1 ` + id(2) + ` text="First." url=https://a.example/`,
				`err w.warc:2: damaged WARC record: Content-Length is 60 but the content has 14 bytes (file cut short?)`}},
		{"wrong block digest is not checked by default", warcFile(t, false, badDigest, conversion(3, "https://b.example/", "Fine.")),
			[]string{`1 ` + id(2) + ` text="Text." url=https://a.example/`, `2 ` + id(3) + ` text="Fine." url=https://b.example/`}},
		{"bad Content-Length value", []byte("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:x:1>\r\nContent-Length: many\r\n\r\nHi\r\n\r\n" +
			string(conversion(3, "https://b.example/", "Fine.").bytes())),
			[]string{`err w.warc:1: record is followed by 6 bytes that are not a WARC record (Content-Length too small, or damaged data)`, `2 ` + id(3) + ` text="Fine." url=https://b.example/`}},
		{"a header line that is not a field is tolerated", []byte("WARC/1.0\r\nWARC-Type: conversion\r\nthis is not a field\r\nContent-Length: 2\r\n\r\nHi\r\n\r\n" +
			string(conversion(3, "https://b.example/", "Fine.").bytes())),
			[]string{`1 id=w.warc:1 text="Hi"`, `2 ` + id(3) + ` text="Fine." url=https://b.example/`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect("w.warc", tt.in, Text, Options{})
			diffLists(t, summaries(items), tt.want)
			for _, it := range items {
				if it.Format != WARC {
					t.Errorf("format %v, want warc", it.Format)
				}
			}
		})
	}
}

// TestTruncatedWARC cuts a gzipped WARC at every few bytes: the documents before
// the cut come out whole, then one error, and nothing panics.
func TestTruncatedWARC(t *testing.T) {
	full := sampleWET(t)
	whole := summaries(collect("t.warc.wet.gz", full, Text, Options{}))
	for cut := 2; cut < len(full); cut += 7 {
		items := collect("t.warc.wet.gz", full[:cut], Text, Options{})
		if len(items) == 0 {
			if !isGzip(full[cut:]) {
				t.Fatalf("cut %d: nothing at all", cut)
			}
			continue
		}
		last := items[len(items)-1]
		end := len(items) - 1
		switch {
		case last.Err == nil && isGzip(full[cut:]):
			// Cut between two gzip members: a valid, shorter file.
			end++
		case last.Err == nil || !strings.HasPrefix(last.Err.Msg, "truncated gzip stream"):
			t.Fatalf("cut %d: last item %s, want a truncation error", cut, summary(last))
		}
		for i, it := range items[:end] {
			if s := summary(it); s != whole[i] {
				t.Fatalf("cut %d: item %d is %s, want %s", cut, i, s, whole[i])
			}
		}
	}
}

// TestTruncatedPlainWARC cuts an uncompressed WARC at every byte: whatever is
// cut, the file ends in an error about the cut record, after the documents
// before it.
func TestTruncatedPlainWARC(t *testing.T) {
	recs := []warcRecord{warcinfo(), conversion(2, "https://a.example/", "First text here."), conversion(3, "https://b.example/", "Second.")}
	full := warcFile(t, false, recs...)
	ends := map[int]bool{}
	n := 0
	for _, r := range recs {
		n += len(r.bytes())
		ends[n] = true
	}
	for cut := len(warcMagic); cut < len(full); cut++ {
		items := collect("t.warc", full[:cut], Text, Options{})
		if ends[cut] {
			continue
		}
		if len(items) == 0 {
			t.Fatalf("cut %d: nothing", cut)
		}
		last := items[len(items)-1]
		if last.Err == nil {
			t.Fatalf("cut %d (%q): no error at the end: %v", cut, full[max(0, cut-10):cut], summaries(items))
		}
		for _, it := range items[:len(items)-1] {
			if it.Err != nil {
				t.Fatalf("cut %d: error before the end: %v", cut, summaries(items))
			}
		}
	}
}

func TestReadWARCStdinAndStop(t *testing.T) {
	in := warcFile(t, true, warcinfo(), conversion(2, "https://a.example/", "First."), conversion(3, "https://b.example/", "Second."))
	items := collect("-", in, formatAuto, Options{})
	if len(items) != 2 || items[0].Format != WARC || items[0].Compression != CompressionGzip {
		t.Fatalf("standard input: %v", summaries(items))
	}
	n := 0
	readStream("w.warc.gz", bytes.NewReader(in), Text, -1, Options{}.withDefaults(), func(Item) bool {
		n++
		return false
	})
	if n != 1 {
		t.Errorf("yield returned false but was called %d times", n)
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"blocks and inline", "<p>One <b>bold</b> word.</p><p>Two</p>", "One bold word.\nTwo"},
		{"white space collapsed, lines trimmed", "<div>\n   a \t b  \n</div>  <div> c </div>", "a b\nc"},
		{"no space where there was none", "<p>foo<b>bar</b> baz</p>", "foobar baz"},
		{"entities", "<p>Tom &amp; Jerry &lt;3 &eacute;t&#233; &nbsp;x</p>", "Tom & Jerry <3 été \u00a0x"},
		{"script, style and friends dropped", "<head><title>T</title><style>p{}</style><script>if (a<b) x()</script></head><body><noscript>Enable JS</noscript><template><p>t</p></template><svg><text>label</text></svg><p>Body</p></body>", "T\nBody"},
		{"nested skipped element", "<svg><g><svg><text>x</text></svg></g><text>y</text></svg><p>z</p>", "z"},
		{"br and hr", "a<br>b<br/><br>c<hr>d", "a\nb\nc\nd"},
		{"table cells on one line", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td> d </td></tr></table>", "a b\nc d"},
		{"list items", "<ul><li>one<li>two</ul>", "one\ntwo"},
		{"pre keeps white space", "<p>x</p><pre>\n  a  b\n   c\n</pre><p>y</p>", "x\n  a  b\n   c\ny"},
		{"malformed markup", "<p>unclosed <i>tags <div>and</p> stray </b> ends", "unclosed tags\nand\nstray ends"},
		{"empty", "", ""},
		{"only markup", "<html><body><img src=x></body></html>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlText([]byte(tt.in)); got != tt.want {
				t.Errorf("htmlText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzWARC feeds arbitrary bytes to the WARC reader: it never panics, yields
// either a document or an error each time, documents are valid UTF-8, and record
// numbers never go back.
func FuzzWARC(f *testing.F) {
	f.Add(warcFile(f, false, warcinfo(), conversion(2, "https://a.example/", "First.")))
	f.Add(warcFile(f, false, response(11, "https://a.example/", 200, []string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, []byte("5\r\n<p>x<\r\n0\r\n\r\n"))))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 2\r\n\r\nHi\r\n\r\nWARC/1.1\r\nContent-Length: 99\r\n\r\n"))
	f.Add(sampleWET(f))
	short := conversion(3, "https://b.example/", "Second text, longer than it says.")
	short.clDelta = -10
	f.Add(warcFile(f, false, conversion(2, "https://a.example/", "First."), short, metadata(4, "https://b.example/")))
	f.Add(warcFile(f, false, conversion(2, "https://a.example/", "First."))[:100])
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(items []Item) {
			last := 0
			for _, it := range items {
				if (it.Doc == nil) == (it.Err == nil) {
					t.Fatalf("item with doc %v and err %v", it.Doc, it.Err)
				}
				rec := it.recordNum()
				if rec < last {
					t.Fatalf("record %d after %d", rec, last)
				}
				last = rec
				if it.Doc != nil && !utf8.ValidString(it.Doc.Text) {
					t.Fatalf("record %d: invalid UTF-8 text", rec)
				}
			}
		}
		var items []Item
		readWARC("f.warc", bufio.NewReader(bytes.NewReader(data)), "", DefaultMaxRecordSize, DefaultMaxRecordLines, false, func(it Item) bool {
			items = append(items, it)
			return true
		})
		check(items)
		check(collect("f.warc", data, Text, Options{}))
		// Stopping after any item stops: yield is not called again.
		for stop := 1; stop <= len(items); stop++ {
			n := 0
			readWARC("f.warc", bufio.NewReader(bytes.NewReader(data)), "", DefaultMaxRecordSize, DefaultMaxRecordLines, false, func(Item) bool {
				n++
				return n < stop
			})
			if n != stop {
				t.Fatalf("asked to stop after %d items, yield called %d times", stop, n)
			}
		}
	})
}

// BenchmarkReadWET reads a WET file of the benchmark corpus's texts, gzipped per
// record as Common Crawl ships it.
func BenchmarkReadWET(b *testing.B) {
	var recs []warcRecord
	data := benchCorpus()
	n := 0
	for len(data) > 0 && n < 4000 {
		i := bytes.IndexByte(data, '\n')
		recs = append(recs, conversion(n+2, "https://news.example.com/"+strings.Repeat("a", n%7), string(data[:i])))
		data = data[i+1:]
		n++
	}
	plain := warcFile(b, false, recs...)
	wet := warcFile(b, true, recs...)
	b.SetBytes(int64(len(plain)))
	b.ReportAllocs()
	opt := Options{}.withDefaults()
	for b.Loop() {
		docs := 0
		readStream("bench.warc.wet.gz", bytes.NewReader(wet), Text, -1, opt, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			docs++
			return true
		})
		if docs != n {
			b.Fatalf("%d documents, want %d", docs, n)
		}
	}
}

// TestVerifyDigests: with VerifyDigests, a WARC-Block-Digest that disagrees with
// the content is a warning item just before the document, which is still read;
// a right digest, a missing one and a non-document record give no warning; the
// warnings of one file are capped like errors.
func TestVerifyDigests(t *testing.T) {
	id := func(n int) string { return "id=" + recordID(n) }
	bad := func(n int, text string) warcRecord {
		r := conversion(n, "https://a.example/", text)
		r.fields = append(r.fields, "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
		r.noDigest = true
		return r
	}
	noDigest := conversion(4, "https://c.example/", "No digest.")
	noDigest.noDigest = true
	badMeta := metadata(5, "https://a.example/")
	badMeta.fields = append(badMeta.fields, "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	badMeta.noDigest = true
	in := warcFile(t, false, bad(2, "Text."), conversion(3, "https://b.example/", "Fine."), noDigest, badMeta)
	want := []string{
		`warn w.warc:1: WARC-Block-Digest mismatch: the header says sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, ` +
			`the content hashes to sha1:SYTESSM4RK6ESD44E2K2O2GU6G22A7A6; the text is checked as read`,
		`1 ` + id(2) + ` text="Text." url=https://a.example/`,
		`2 ` + id(3) + ` text="Fine." url=https://b.example/`,
		`3 ` + id(4) + ` text="No digest." url=https://c.example/`,
	}
	diffLists(t, summaries(collect("w.warc", in, Text, Options{VerifyDigests: true})), want)
	// Off (the default), the same file gives the documents alone.
	diffLists(t, summaries(collect("w.warc", in, Text, Options{})), want[1:])

	// Eight bad digests: five warnings listed, three unlisted, one summary at
	// the end (a warning too, standing for three), and every document.
	var recs []warcRecord
	for n := 1; n <= 8; n++ {
		recs = append(recs, bad(n, "Text."))
	}
	p := writeTemp(t, "many.warc", warcFile(t, false, recs...))
	var docs, listed, unlisted int
	var sum *InputError
	for _, it := range readFile(p, Options{VerifyDigests: true}) {
		switch {
		case it.Doc != nil:
			docs++
		case !it.Err.Warning:
			t.Errorf("not a warning: %v", it.Err)
		case it.Err.Omitted > 0:
			sum = it.Err
		case it.Err.Unlisted:
			unlisted++
		default:
			listed++
		}
	}
	if docs != 8 || listed != MaxRepeatedErrors || unlisted != 8-MaxRepeatedErrors || sum == nil ||
		sum.Omitted != 8-MaxRepeatedErrors || sum.Msg != "3 more of: WARC-Block-Digest mismatch (records 6-8; 8 in all, the first 5 shown)" {
		t.Errorf("docs %d, listed %d, unlisted %d, summary %+v", docs, listed, unlisted, sum)
	}
}

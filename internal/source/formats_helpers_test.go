package source

import (
	"bytes"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go"
)

// zst compresses b as one zstd frame, as the zstd command line does.
func zst(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := zstd.NewWriter(&buf, zstd.WithEncoderConcurrency(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// warcRecord builds one WARC record the way Common Crawl writes them: WARC/1.0,
// CRLF line ends, a SHA-1 block digest in base32, and the block followed by two
// CRLFs. Fields are written in the order given; Content-Length and the digest are
// computed unless the test overrides them.
type warcRecord struct {
	version string // default "WARC/1.0"
	typ     string
	id      int // makes a stable WARC-Record-ID
	uri     string
	ctype   string
	fields  []string // extra "Name: value" lines
	block   []byte
	// clDelta is added to the true Content-Length, to damage the record.
	clDelta int
	// noDigest leaves out WARC-Block-Digest.
	noDigest bool
}

func recordID(n int) string {
	return fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", n)
}

func (r warcRecord) bytes() []byte {
	var b bytes.Buffer
	v := r.version
	if v == "" {
		v = "WARC/1.0"
	}
	b.WriteString(v + "\r\n")
	b.WriteString("WARC-Type: " + r.typ + "\r\n")
	b.WriteString("WARC-Date: 2024-02-21T10:12:14Z\r\n")
	b.WriteString("WARC-Record-ID: " + recordID(r.id) + "\r\n")
	if r.uri != "" {
		b.WriteString("WARC-Target-URI: " + r.uri + "\r\n")
	}
	for _, f := range r.fields {
		b.WriteString(f + "\r\n")
	}
	if !r.noDigest {
		sum := sha1.Sum(r.block)
		b.WriteString("WARC-Block-Digest: sha1:" + base32.StdEncoding.EncodeToString(sum[:]) + "\r\n")
	}
	if r.ctype != "" {
		b.WriteString("Content-Type: " + r.ctype + "\r\n")
	}
	b.WriteString("Content-Length: " + strconv.Itoa(len(r.block)+r.clDelta) + "\r\n\r\n")
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// warcFile joins records, each in a gzip member of its own when gzipped (Common
// Crawl's layout, which lets a reader seek to any record).
func warcFile(t testing.TB, gzipped bool, recs ...warcRecord) []byte {
	var out bytes.Buffer
	for _, r := range recs {
		if gzipped {
			out.Write(gz(t, r.bytes()))
		} else {
			out.Write(r.bytes())
		}
	}
	return out.Bytes()
}

// warcinfo is the record that starts a Common Crawl file, always record 1.
func warcinfo() warcRecord {
	return warcRecord{typ: "warcinfo", id: 1, ctype: "application/warc-fields",
		fields: []string{"WARC-Filename: CC-MAIN-20240221000000-20240221030000-00000.warc.gz"},
		block:  []byte("isPartOf: CC-MAIN-2024-10\r\npublisher: Common Crawl\r\nformat: WARC File Format 1.0\r\n")}
}

// conversion is a WET record: the text extracted from the response record refID.
func conversion(id int, uri, text string) warcRecord {
	return warcRecord{typ: "conversion", id: id, uri: uri, ctype: "text/plain",
		fields: []string{"WARC-Refers-To: " + recordID(id+1000), "WARC-Identified-Content-Language: eng"},
		block:  []byte(text)}
}

// response is an HTTP response record; headers are "Name: value" lines.
func response(id int, uri string, status int, headers []string, body []byte) warcRecord {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, statusText(status))
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	payload := ""
	if ct := headerValue(headers, "Content-Type"); ct != "" {
		payload, _, _ = strings.Cut(ct, ";")
		payload = "WARC-Identified-Payload-Type: " + payload
	}
	fields := []string{"WARC-IP-Address: 192.0.2.10", "WARC-Concurrent-To: " + recordID(id-1)}
	if payload != "" {
		fields = append(fields, payload)
	}
	return warcRecord{typ: "response", id: id, uri: uri, ctype: "application/http; msgtype=response",
		fields: fields, block: b.Bytes()}
}

// request is the HTTP request record that precedes a response in a crawl WARC.
func request(id int, uri string) warcRecord {
	host := strings.TrimPrefix(strings.TrimPrefix(uri, "https://"), "http://")
	host, path, _ := strings.Cut(host, "/")
	return warcRecord{typ: "request", id: id, uri: uri, ctype: "application/http; msgtype=request",
		block: []byte("GET /" + path + " HTTP/1.1\r\nUser-Agent: CCBot/2.0 (https://commoncrawl.org/faq/)\r\nAccept: text/html\r\nHost: " + host + "\r\n\r\n")}
}

// metadata is the metadata record that follows a response in a crawl WARC.
func metadata(id int, uri string) warcRecord {
	return warcRecord{typ: "metadata", id: id, uri: uri, ctype: "application/warc-fields",
		block: []byte("fetchTimeMs: 128\r\ncharset-detected: UTF-8\r\n")}
}

func headerValue(headers []string, name string) string {
	for _, h := range headers {
		if k, v, ok := strings.Cut(h, ":"); ok && strings.EqualFold(k, name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}

// parquetRow is the Hugging Face datasets layout: id, text, url strings.
type parquetRow struct {
	ID   string `parquet:"id"`
	Text string `parquet:"text"`
	URL  string `parquet:"url"`
}

// parquetFile writes rows with rowsPerGroup rows in each row group.
func parquetFile[T any](t testing.TB, rowsPerGroup int64, rows []T, opts ...parquet.WriterOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	opts = append([]parquet.WriterOption{
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
		parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("corpuslint-testdata", "1", ""),
	}, opts...)
	w := parquet.NewGenericWriter[T](&buf, opts...)
	for i := int64(0); i < int64(len(rows)); i += rowsPerGroup {
		end := min(i+rowsPerGroup, int64(len(rows)))
		if _, err := w.Write(rows[i:end]); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

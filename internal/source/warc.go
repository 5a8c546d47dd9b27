package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/net/html/charset"

	"github.com/corpuslint/corpuslint/rules"
)

// WARC input (ISO 28500; Common Crawl's WARC and WET files) is parsed by
// github.com/nlnwa/gowarc. Which records become documents:
//
//   - conversion records (WET: the text Common Crawl extracted), whose block is
//     the text itself;
//   - response records holding an HTTP response with a 2xx status and a text
//     payload: text/plain, text/markdown (taken as is) or text/html and
//     application/xhtml+xml (converted to text, see htmlText). Redirects, errors,
//     images, scripts and every other record type (warcinfo, request, metadata,
//     revisit, resource) are skipped silently: they are not documents.
//
// Doc.ID is the WARC-Record-ID exactly as written ("<urn:uuid:…>", the form that
// datasets built from Common Crawl such as FineWeb carry in their id field, so
// findings join with them), Doc.URL the WARC-Target-URI, and Doc.Record the
// 1-based position of the record among all the records of the file, so that the
// record can be found with any WARC tool and the numbers do not move when the
// choice of documents changes.
//
// A whole compressed file is decompressed before parsing (readStream), so both a
// gzip member per record (Common Crawl's layout) and one member for the whole file
// are read, and so is zstd.
const (
	// maxPayload bounds an HTTP payload after Content-Encoding is undone, against
	// decompression bombs; Common Crawl truncates payloads at 1 MiB anyway.
	maxPayload = 32 << 20
)

// stickyReader remembers the first error of the stream under the WARC parser, so
// that a damaged compressed stream or a failing disk is told apart from a damaged
// record: after the former nothing more can be read, after the latter the parser
// finds the next record.
type stickyReader struct {
	r   io.Reader
	n   int64
	err error
}

func (s *stickyReader) Read(b []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(b)
	s.n += int64(n)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// warcOptions tolerate what real crawls contain (a missing CR, an unknown field,
// an odd record type) and keep every content block readable after parsing:
// with spec violations at ErrWarn the parser validates Content-Length and the
// digests, which caches the block (in memory up to 1 MiB, then in a temporary
// file removed when the record is closed).
var warcOptions = []gowarc.WarcRecordOption{
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
	gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
	gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
}

// readWARC yields the documents of the WARC stream br, whose first bytes are
// known to be a WARC version line. comp is the compression undone under br.
// Records whose Content-Length is over limit, and headers longer than
// maxHeaderSize, are errors found before the parser reads them (see
// checkWARCHeader).
//
// verify reports a WARC-Block-Digest that disagrees with the content of a record
// that becomes a document (VerifyDigests): as a warning item just before the
// document, which is still checked.
func readWARC(path string, br *bufio.Reader, comp string, limit int64, lines lineLimit, verify bool, yield func(Item) bool) {
	src := &stickyReader{r: br}
	wbr := bufio.NewReaderSize(src, maxHeaderSize)
	u := gowarc.NewUnmarshaler(warcOptions...)
	fail := func(record int, msg string) Item {
		return errItem(path, record, msg, WARC, comp)
	}
	// Each record's item waits for the next record before it is yielded: a
	// Content-Length that is too small shows only there, as bytes to skip before
	// the next record, and then the held document is reported as damaged instead.
	var held *Item
	flush := func(next *Item) bool {
		ok := true
		if held != nil {
			if w := held.warning; w != nil {
				ok = yield(Item{Err: w, Format: WARC, Gzip: held.Gzip, Compression: held.Compression})
			}
			ok = ok && yield(*held)
		}
		held = next
		return ok
	}
	record := 0
	for {
		pos := src.n - int64(wbr.Buffered())
		switch msg, skip := checkWARCHeader(wbr, limit); {
		case msg != "" && skip < 0:
			if flush(nil) {
				yield(fail(record+1, msg))
			}
			return
		case msg != "":
			record++
			it := fail(record, msg)
			if !flush(&it) {
				return
			}
			if _, err := wbr.Discard(int(skip)); err != nil {
				flush(nil)
				if src.err != nil {
					yield(fail(record+1, readErrMsg(src.err, comp)))
				}
				return
			}
			skipRecordEnd(wbr)
			continue
		}
		rec, skipped, validation, err := u.Unmarshal(wbr)
		if skipped > 0 && record > 0 {
			// held, when there is one, is the previous record's item.
			it := fail(record, "record is followed by "+strconv.FormatInt(skipped, 10)+
				" bytes that are not a WARC record (Content-Length too small, or damaged data)")
			held = &it
		}
		switch {
		case src.err != nil:
			closeRecord(rec)
			if flush(nil) {
				yield(fail(record+1, readErrMsg(src.err, comp)))
			}
			return
		case errors.Is(err, io.EOF) && rec == nil:
			// The end, unless the file stops inside a header, or after the first
			// bytes of a next record too short for the parser to look at.
			rest, _ := wbr.Peek(wbr.Buffered())
			cut := src.n-int64(wbr.Buffered()) > pos || len(bytes.TrimSpace(rest)) > 0
			if !flush(nil) || !cut {
				return
			}
			yield(fail(record+1, "truncated WARC record: the file ends inside its header"))
			return
		case errors.Is(err, gowarc.ErrNoRecord):
			// Trailing bytes after the last record; the held item was already
			// marked above.
			flush(nil)
			return
		}
		record++
		var it *Item
		if err != nil {
			closeRecord(rec)
			e := fail(record, "damaged WARC record: "+warcErrMsg(err))
			it = &e
			if src.n-int64(wbr.Buffered()) == pos {
				// No progress: the parser cannot move past this point.
				if flush(it) {
					flush(nil)
				}
				return
			}
		} else {
			it = warcItem(path, record, comp, rec, validation, limit, lines, verify)
			closeRecord(rec)
		}
		// The previous record is sound now that this one started where it
		// should; this one (nil when it is not a document) waits in turn.
		if !flush(it) {
			return
		}
	}
}

// checkWARCHeader looks at the header of the record starting at wbr, before the
// parser does, since gowarc reads header lines and HTTP headers without a bound
// and caches content blocks whole: a header longer than maxHeaderSize, or a
// Content-Length over limit, returns a message. skip is then the bytes of the
// record to discard (header and content), or -1 when the record cannot be
// skipped and reading must stop. A record that does not start with "WARC/" is
// left to the parser's own search for the next record, but for a gzip member
// inside decompressed content, which the parser would inflate without a bound.
func checkWARCHeader(wbr *bufio.Reader, limit int64) (msg string, skip int64) {
	magic, _ := wbr.Peek(len(warcMagic))
	if isGzip(magic) {
		return "a gzip-compressed WARC record inside a decompressed WARC stream is not supported; " +
			"the rest of the file is skipped", -1
	}
	if !bytes.Equal(magic, warcMagic) {
		return "", 0
	}
	buf, _ := wbr.Peek(wbr.Size())
	end := -1
	for i := 0; i < len(buf); {
		j := bytes.IndexByte(buf[i:], '\n')
		if j < 0 {
			break
		}
		line := bytes.TrimRight(buf[i:i+j], "\r")
		i += j + 1
		if len(line) == 0 {
			end = i
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			continue
		}
		if n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64); err == nil && n > limit {
			skip = n
		}
	}
	switch {
	case end < 0 && len(buf) == wbr.Size():
		return "WARC header longer than " + FormatSize(int64(wbr.Size())) + "; the rest of the file is skipped", -1
	case end < 0 || skip == 0:
		return "", 0
	}
	return tooLargeMsg("WARC record", skip, limit), int64(end) + skip
}

// skipRecordEnd discards the CRLF CRLF that ends a skipped record, so that the
// parser does not count it as stray bytes.
func skipRecordEnd(wbr *bufio.Reader) {
	for i := 0; i < 4; i++ {
		b, err := wbr.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		_, _ = wbr.Discard(1)
	}
}

// recordNum is the record an item is about.
func (it *Item) recordNum() int {
	if it.Err != nil {
		return it.Err.Record
	}
	return it.Doc.Record
}

func closeRecord(rec gowarc.WarcRecord) {
	if rec != nil {
		_ = rec.Close()
	}
}

// warcErrMsg drops the library's prefix (the message already says "WARC") and
// puts a length mismatch in words.
func warcErrMsg(err error) string {
	var cl *gowarc.ContentLengthError
	if errors.As(err, &cl) {
		msg := "Content-Length is " + strconv.FormatInt(cl.Expected, 10) + " but the content has " +
			strconv.FormatInt(cl.Actual, 10) + " bytes"
		if cl.Actual < cl.Expected {
			msg += " (file cut short?)"
		}
		return msg
	}
	return strings.TrimPrefix(err.Error(), "gowarc: ")
}

// damage returns the validation finding that makes a record untrustworthy: it
// does not end where its header says (a wrong Content-Length, a file cut short).
// Other findings are tolerated: they concern the header only (a missing CR, a
// non-standard field), or they are digests. A wrong digest does not stop a record
// from being read, as in warcio and FastWARC, which verify digests only when
// asked: tools that rewrite records (re-encoding, deduplication) often leave the
// old digest behind, and the text is as readable as before. --verify-digests
// reports a block digest mismatch as a warning (blockDigestMismatch); the payload
// digest is never checked, since crawlers compute it inconsistently over chunked
// transfers.
func damage(validation []error) error {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) || strings.Contains(v.Error(), "end of record") {
			return v
		}
	}
	return nil
}

// blockDigestMismatch returns the warning for a WARC-Block-Digest that is not
// the digest of the record's content, or "" when it is (or there is none).
func blockDigestMismatch(validation []error) string {
	for _, v := range validation {
		var de *gowarc.DigestError
		if errors.As(v, &de) && strings.HasPrefix(v.Error(), "block: ") {
			return "WARC-Block-Digest mismatch: the header says " + de.Algorithm + ":" + de.Expected +
				", the content hashes to " + de.Algorithm + ":" + de.Computed + "; the text is checked as read"
		}
	}
	return ""
}

// warcItem turns one parsed record into an Item, or nil for a record that is not
// a document.
// With verify, a block digest mismatch is set as the item's warning.
func warcItem(path string, record int, comp string, rec gowarc.WarcRecord, validation []error, limit int64, lines lineLimit, verify bool) *Item {
	fail := func(msg string) *Item {
		it := errItem(path, record, msg, WARC, comp)
		return &it
	}
	if d := damage(validation); d != nil {
		return fail("damaged WARC record: " + warcErrMsg(d))
	}
	h := rec.WarcHeader()
	var text, ct string
	switch rec.Type() {
	case gowarc.Conversion:
		ct = h.Get(gowarc.ContentType)
		kind := textKind(ct)
		if ct == "" {
			kind = contentPlain // WET conversion records are plain text
		}
		if kind == contentOther {
			return nil
		}
		r, err := rec.Block().RawBytes()
		if err != nil {
			return fail("cannot read WARC record content: " + warcErrMsg(err))
		}
		body, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return fail("cannot read WARC record content: " + warcErrMsg(err))
		}
		if int64(len(body)) > limit {
			return fail(tooLargeMsg("WARC record content", 0, limit))
		}
		var msg string
		if text, msg = decodeText(body, ct, kind); msg != "" {
			return fail(msg)
		}
	case gowarc.Response:
		hb, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil // not HTTP (dns:, or an unparsable block)
		}
		if code := hb.HttpStatusCode(); code < 200 || code > 299 || code == 204 || code == 205 {
			return nil
		}
		hdr := hb.HttpHeader()
		if hdr == nil {
			return nil
		}
		ct = hdr.Get("Content-Type")
		if ct == "" {
			ct = h.Get(gowarc.WarcIdentifiedPayloadType)
		}
		kind := textKind(ct)
		if kind == contentOther {
			return nil
		}
		r, err := hb.PayloadBytes()
		if err != nil {
			return fail("cannot read WARC record content: " + warcErrMsg(err))
		}
		body, msg := httpBody(r, *hdr, chunked(hb.ProtocolHeaderBytes()), min(limit, maxPayload))
		if msg != "" {
			return fail(msg)
		}
		if text, msg = decodeText(body, ct, kind); msg != "" {
			return fail(msg)
		}
	default:
		return nil
	}
	if msg := lines.check(text); msg != "" {
		return fail(msg)
	}
	doc := &rules.Document{
		Text:   text,
		Path:   path,
		Record: record,
		ID:     validUTF8(h.Get(gowarc.WarcRecordID)),
		URL:    validUTF8(h.Get(gowarc.WarcTargetURI)),
	}
	if doc.ID == "" {
		doc.ID = path + ":" + strconv.Itoa(record)
	}
	it := &Item{Doc: doc, Format: WARC, Gzip: comp == CompressionGzip, Compression: comp,
		Date: validUTF8(h.Get(gowarc.WarcDate)), ContentType: validUTF8(ct)}
	if msg := blockDigestMismatch(validation); verify && msg != "" {
		it.warning = &InputError{Path: path, Record: record, Msg: msg, Warning: true}
	}
	return it
}

// textKind classifies a media type: text to take as it is, HTML to convert, or
// anything else (skipped).
type contentKind int

const (
	contentOther contentKind = iota
	contentPlain
	contentHTML
)

func textKind(contentType string) contentKind {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		// Crawled headers are often sloppy ("text/html;;charset=utf-8"): the part
		// before the first ';' is enough to classify.
		mt, _, _ = strings.Cut(contentType, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	switch mt {
	case "text/plain", "text/markdown", "text/x-markdown":
		return contentPlain
	case "text/html", "application/xhtml+xml":
		return contentHTML
	}
	return contentOther
}

// chunked reports whether raw HTTP response headers say Transfer-Encoding:
// chunked. The parsed header cannot tell: net/http takes Transfer-Encoding out of
// it.
func chunked(raw []byte) bool {
	for line := range strings.Lines(string(raw)) {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") {
			return strings.Contains(strings.ToLower(value), "chunked")
		}
	}
	return false
}

// httpBody reads an HTTP payload, undoing a chunked Transfer-Encoding and a gzip
// or deflate Content-Encoding left in place by the crawler (Common Crawl stores
// payloads decoded and renames these headers; wget and warcprox keep them). It
// returns a message instead when the payload cannot be decoded.
func httpBody(r io.Reader, hdr http.Header, isChunked bool, limit int64) ([]byte, string) {
	if isChunked {
		r = httputil.NewChunkedReader(r)
	}
	switch enc := strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, "HTTP payload: cannot undo Content-Encoding gzip: " + err.Error()
		}
		r = zr
	case "deflate":
		r = flate.NewReader(r)
	default:
		return nil, "HTTP payload: unsupported Content-Encoding " + strconv.Quote(enc)
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	switch {
	case err != nil:
		return nil, "HTTP payload: " + err.Error()
	case int64(len(body)) > limit:
		return nil, "HTTP payload larger than " + FormatSize(limit) + " once decoded"
	}
	return body, ""
}

// decodeText turns a text payload into the document text.
//
// Encoding: a byte order mark or a charset parameter in the Content-Type decides;
// for HTML a <meta> charset declaration too. A declared encoding other than UTF-8
// is converted to UTF-8 (golang.org/x/net/html/charset, the WHATWG encodings).
// Undeclared or declared UTF-8 must be valid UTF-8, else the record is an error,
// as invalid UTF-8 is everywhere else in corpuslint — except HTML that is not
// valid UTF-8 and declares nothing, which is decoded as windows-1252 as browsers
// do. HTML that is valid UTF-8 throughout is taken as UTF-8 whatever its <meta>
// says.
func decodeText(body []byte, contentType string, kind contentKind) (string, string) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	switch {
	case certain:
	case kind == contentPlain:
		// No BOM and no charset parameter: the <meta> scan and the windows-1252
		// guess are for HTML only.
		name = "utf-8"
	case firstInvalidUTF8(body) < 0:
		// DetermineEncoding looks at the first 1024 bytes only, and guesses
		// windows-1252 when they are ASCII; a page valid as UTF-8 throughout is
		// UTF-8 whatever a <meta> says, as that is far the likelier truth.
		name = "utf-8"
	}
	if name == "utf-8" {
		body = trimBOM(body)
		if bad := firstInvalidUTF8(body); bad >= 0 {
			what := "text/plain"
			if kind == contentHTML {
				what = "HTML"
			}
			return "", "invalid UTF-8 in " + what + " content at byte " + strconv.Itoa(bad)
		}
	} else {
		dec, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return "", "cannot decode content from " + name + ": " + err.Error()
		}
		body = trimBOM(dec)
	}
	if kind == contentHTML {
		return htmlText(body), ""
	}
	return string(body), ""
}

package source

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// sniffLen is how much of a text file is checked for NUL bytes, as git and grep do:
// enough to catch real binaries without reading a whole one first.
const sniffLen = 8 << 10

// readText yields the whole of r as one document. The text is kept byte for byte
// (BOM and CRLF included) because finding positions refer to these exact bytes.
// A text longer than limit is an error, found by reading at most limit+1 bytes
// (none when size already says so).
func readText(path string, r io.Reader, size int64, comp string, limit int64, yield func(Item) bool) {
	fail := func(msg string) { yield(errItem(path, 0, msg, Text, comp)) }
	if size > limit {
		fail(tooLargeMsg("file", size, limit))
		return
	}
	head := make([]byte, min(sniffLen, limit+1))
	n, err := readAtMost(r, head)
	head = head[:n]
	if err != nil && !errors.Is(err, io.EOF) {
		fail(readErrMsg(err, comp))
		return
	}
	if n == 0 {
		fail("empty file")
		return
	}
	if bytes.IndexByte(head, 0) >= 0 {
		fail("binary file, not text")
		return
	}
	var sb strings.Builder
	if size > int64(n) {
		sb.Grow(int(size))
	}
	sb.Write(head)
	if err == nil {
		// strings.Builder lets the text be built without a second full-size copy.
		if _, err = io.Copy(&sb, io.LimitReader(r, limit+1-int64(n))); err != nil {
			fail(readErrMsg(err, comp))
			return
		}
	}
	if int64(sb.Len()) > limit {
		fail(tooLargeMsg("document", 0, limit))
		return
	}
	text := sb.String()
	if bad := firstInvalidUTF8(text); bad >= 0 {
		fail("invalid UTF-8 at byte " + strconv.Itoa(bad))
		return
	}
	yield(Item{
		Doc:         &rules.Document{Text: text, Path: path, ID: path},
		Format:      Text,
		Gzip:        comp == CompressionGzip,
		Compression: comp,
	})
}

// readAtMost fills buf as far as r allows. Unlike io.ReadFull it passes errors
// through unchanged, because a truncated gzip stream also says io.ErrUnexpectedEOF
// and must not be mistaken for a short file.
func readAtMost(r io.Reader, buf []byte) (int, error) {
	n := 0
	for empty := 0; n < len(buf); {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
		if m == 0 {
			if empty++; empty == 100 {
				return n, io.ErrNoProgress
			}
		}
	}
	return n, nil
}

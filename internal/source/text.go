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
func readText(path string, r io.Reader, size int64, comp string, limit int64, lines lineLimit, yield func(Item) bool) {
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
	text, long, err := readRest(r, head, err == nil, size, limit)
	if err != nil {
		fail(readErrMsg(err, comp))
		return
	}
	if long {
		fail(tooLargeMsg("document", 0, limit))
		return
	}
	if bad := firstInvalidUTF8(text); bad >= 0 {
		fail("invalid UTF-8 at byte " + strconv.Itoa(bad))
		return
	}
	if msg := lines.check(text); msg != "" {
		fail(msg)
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

// textChunk is the largest piece readRest reads a text of unknown size in.
const textChunk = 16 << 20

// readRest returns head followed by the rest of r (when more is true), reading
// at most limit+1 bytes in all; long is true, and the text empty, when there
// are more than limit. size is the text's length when known (-1: a
// decompressed stream). A text of known size is read into one array of that
// size. One of unknown size is read in pieces and copied once into an array of
// its final length: growing one array as the bytes came left every smaller
// copy behind, and a .txt.gz over the limit peaked at 7 times the limit.
func readRest(r io.Reader, head []byte, more bool, size, limit int64) (text string, long bool, err error) {
	var sb strings.Builder
	budget := limit + 1 - int64(len(head))
	switch {
	case !more:
		sb.Write(head)
	case size >= 0:
		// strings.Builder lets the text be built without a second full-size copy.
		sb.Grow(int(min(size, limit+1)))
		sb.Write(head)
		_, err = io.Copy(&sb, io.LimitReader(r, budget))
	default:
		var pieces [][]byte
		total := len(head)
		for next := int64(64 << 10); budget > 0; next = min(2*next, textChunk) {
			buf := make([]byte, min(next, budget))
			n, rerr := readAtMost(r, buf)
			pieces = append(pieces, buf[:n])
			total += n
			budget -= int64(n)
			if rerr != nil {
				if !errors.Is(rerr, io.EOF) {
					err = rerr
				}
				break
			}
		}
		if err != nil || int64(total) > limit {
			return "", int64(total) > limit, err
		}
		sb.Grow(total)
		sb.Write(head)
		for _, p := range pieces {
			sb.Write(p)
		}
	}
	if int64(sb.Len()) > limit {
		return "", true, err
	}
	return sb.String(), false, err
}

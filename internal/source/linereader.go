package source

import (
	"bytes"
	"errors"
	"io"
)

// lineReader splits a stream into lines of any length. bufio.Scanner would stop at
// 64 KiB and bufio.Reader.ReadBytes would allocate per line; this keeps one buffer
// that grows to the longest line and is reused for every other.
type lineReader struct {
	r          io.Reader
	buf        []byte
	start, end int   // unread bytes are buf[start:end]
	err        error // first error from r, io.EOF at the end of input
}

const (
	lineBufSize = 128 << 10
	minRead     = 32 << 10 // below this much free space a read is not worth a syscall
)

func newLineReader(r io.Reader, buf []byte) *lineReader {
	if cap(buf) < lineBufSize {
		buf = make([]byte, lineBufSize)
	}
	return &lineReader{r: r, buf: buf[:cap(buf)]}
}

// next returns the next line without its "\n", and whether a "\n" ended it. The
// line aliases the buffer and is valid only until the next call. ok is false at the
// end of input or on a read error (then lr.err is set); a partial last line before
// a read error is dropped, since it may be cut anywhere.
func (lr *lineReader) next() (line []byte, nl, ok bool) {
	scanned := 0
	for {
		if i := bytes.IndexByte(lr.buf[lr.start+scanned:lr.end], '\n'); i >= 0 {
			line = lr.buf[lr.start : lr.start+scanned+i]
			lr.start += scanned + i + 1
			return line, true, true
		}
		scanned = lr.end - lr.start
		if lr.err != nil {
			if errors.Is(lr.err, io.EOF) && scanned > 0 {
				line = lr.buf[lr.start:lr.end]
				lr.start = lr.end
				return line, false, true
			}
			return nil, false, false
		}
		lr.fill()
	}
}

// fill reads more input, first moving the unread bytes to the front of the buffer
// and growing it when a line does not fit.
func (lr *lineReader) fill() {
	if lr.start > 0 {
		n := copy(lr.buf, lr.buf[lr.start:lr.end])
		lr.start, lr.end = 0, n
	}
	if len(lr.buf)-lr.end < minRead {
		nb := make([]byte, 2*len(lr.buf))
		copy(nb, lr.buf[:lr.end])
		lr.buf = nb
	}
	for empty := 0; ; empty++ {
		n, err := lr.r.Read(lr.buf[lr.end:])
		lr.end += n
		if err != nil {
			lr.err = err
			return
		}
		if n > 0 {
			return
		}
		if empty == 100 {
			lr.err = io.ErrNoProgress
			return
		}
	}
}

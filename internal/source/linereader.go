package source

import (
	"bytes"
	"errors"
	"io"
)

// lineReader splits a stream into lines of any length up to max. bufio.Scanner
// would stop at 64 KiB and bufio.Reader.ReadBytes would allocate per line; this
// keeps one buffer that grows to the longest line and is reused for every other.
// A line longer than max is skipped as it streams past, never held: the buffer
// stops growing at max, so a decompression bomb of one endless line costs max
// bytes, not the line.
type lineReader struct {
	r          io.Reader
	buf        []byte
	start, end int   // unread bytes are buf[start:end]
	err        error // first error from r, io.EOF at the end of input
	// max is the longest line returned; 0 means no limit.
	max int
	// skipped is, after next returned a nil line, the length of the line that
	// was longer than max and skipped; 0 otherwise.
	skipped int64
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
// a read error is dropped, since it may be cut anywhere. A line longer than max
// comes back as a nil line with ok true and lr.skipped set to its length.
func (lr *lineReader) next() (line []byte, nl, ok bool) {
	lr.skipped = 0
	scanned := 0
	for {
		if i := bytes.IndexByte(lr.buf[lr.start+scanned:lr.end], '\n'); i >= 0 {
			n := scanned + i
			line = lr.buf[lr.start : lr.start+n]
			lr.start += n + 1
			if lr.max > 0 && n > lr.max {
				lr.skipped = int64(n)
				return nil, true, true
			}
			return line, true, true
		}
		scanned = lr.end - lr.start
		if lr.max > 0 && scanned > lr.max {
			return lr.skip(int64(scanned))
		}
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

// skip discards the rest of a line of which n bytes, more than max, are in the
// buffer.
func (lr *lineReader) skip(n int64) (line []byte, nl, ok bool) {
	lr.start, lr.end = 0, 0
	for {
		if lr.err != nil {
			lr.skipped = n
			// At the end of input the over-long last line is still a line; a
			// read error is reported as one.
			return nil, false, errors.Is(lr.err, io.EOF)
		}
		lr.fill()
		if i := bytes.IndexByte(lr.buf[:lr.end], '\n'); i >= 0 {
			lr.skipped = n + int64(i)
			lr.start = i + 1
			return nil, true, true
		}
		n += int64(lr.end)
		lr.start, lr.end = 0, 0
	}
}

// fill reads more input, first moving the unread bytes to the front of the buffer
// and growing it when a line does not fit (never beyond what a line of max bytes
// needs).
func (lr *lineReader) fill() {
	if lr.start > 0 {
		n := copy(lr.buf, lr.buf[lr.start:lr.end])
		lr.start, lr.end = 0, n
	}
	if len(lr.buf)-lr.end < minRead {
		size := 2 * len(lr.buf)
		if lr.max > 0 && size >= lr.max/2 {
			// A line of max bytes plus room for one read past it, which is
			// what shows that a line is too long; straight there from half
			// of it, which spares a large buffer of garbage.
			size = lr.max + 2*minRead
		}
		if size > len(lr.buf) {
			nb := make([]byte, size)
			copy(nb, lr.buf[:lr.end])
			lr.buf = nb
		}
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

package source

import (
	"bytes"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Formats and compressions are told apart by their first bytes, as file(1) does,
// because crawl tooling is careless with extensions: a .jsonl that is gzip, a .gz
// that is not, a WET file without its .wet.
var (
	// warcMagic starts every WARC record: "WARC/1.0" or "WARC/1.1" (the version
	// line). Eight bytes, so that a text that merely begins with "WARC/" is text.
	warcMagic = []byte("WARC/1.")
	// parquetMagic starts (and ends) every Parquet file.
	parquetMagic = []byte("PAR1")
)

// isGzip reports whether b starts a gzip member (RFC 1952).
func isGzip(b []byte) bool {
	return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b
}

// isZstd reports whether b starts a Zstandard frame (28 B5 2F FD, RFC 8878) or a
// skippable frame (5? 2A 4D 18), which pzstd and seekable zstd put first.
func isZstd(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	return b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd ||
		b[0]&0xf0 == 0x50 && b[1] == 0x2a && b[2] == 0x4d && b[3] == 0x18
}

// isParquet reports whether the regular file r starts with the Parquet magic.
// A truncated Parquet file still does, and readParquet then says what is wrong
// with it rather than it being read as text.
func isParquet(r io.ReaderAt) bool {
	var b [4]byte
	n, _ := r.ReadAt(b[:], 0)
	return n == 4 && bytes.Equal(b[:], parquetMagic)
}

// zstdMaxWindow is the largest back-reference window accepted: 128 MiB, the limit
// the zstd command line decodes without --memory (it covers --long=27). A larger
// window in a frame header fails the file rather than taking the memory.
const zstdMaxWindow = 128 << 20

// zstdPool recycles decoders between files: each holds its window and tables. One
// decoder goroutine (concurrency 1) decodes synchronously in the reader's own
// goroutine, so a pooled decoder holds no goroutine and needs no Close.
var zstdPool sync.Pool

func getZstd(r io.Reader) (*zstd.Decoder, error) {
	if d, _ := zstdPool.Get().(*zstd.Decoder); d != nil {
		if err := d.Reset(r); err == nil {
			return d, nil
		}
	}
	return zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstdMaxWindow))
}

func putZstd(d *zstd.Decoder) {
	if d.Reset(nil) == nil {
		zstdPool.Put(d)
	}
}

// countReader reports the bytes read from r to progress, when there is one.
func countReader(r io.Reader, progress func(int64)) io.Reader {
	if progress == nil {
		return r
	}
	return &progressReader{r: r, progress: progress}
}

type progressReader struct {
	r        io.Reader
	progress func(int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.progress(int64(n))
	}
	return n, err
}

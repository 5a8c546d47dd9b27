package source

import (
	"bufio"
	"errors"
	"io"
	"strconv"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/snappy"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
	"github.com/pierrec/lz4/v4"
)

// parquet-go allocates each page at the size its header declares, and its
// decompressors grow their output for as long as the compressed data goes on (its
// LZ4 decoder doubles the buffer for ever on a damaged block): a small file can
// ask for gigabytes. So before a row group is read, checkChunk walks the page
// headers of each column chunk read and refuses a page that declares more than
// the record limit or whose compressed data does not fit in the chunk, and one
// whose data inflates to more than it declares. Snappy and uncompressed pages
// cost a header read; gzip, zstd, Brotli and LZ4 pages are decompressed once more
// (into io.Discard, at most the declared size), which is the price of reading
// Parquet files that compress with them safely.

// checkChunk checks the pages of one column chunk, whose data parquet-go will
// decode with codec; "" when they are sound.
func checkChunk(r io.ReaderAt, size int64, md *format.ColumnMetaData, codec format.CompressionCodec, limit int64) string {
	start := md.DataPageOffset
	if md.DictionaryPageOffset > 0 && md.DictionaryPageOffset < start {
		start = md.DictionaryPageOffset
	}
	end := start + md.TotalCompressedSize
	if start < 4 || md.TotalCompressedSize < 0 || end > size || end < start {
		return "damaged Parquet file: column chunk at " + strconv.FormatInt(start, 10) + " with " +
			strconv.FormatInt(md.TotalCompressedSize, 10) + " bytes does not fit in the file"
	}
	pr := &pageWalker{r: r, pos: start, end: end}
	pr.br = bufio.NewReaderSize(pr, 4<<10)
	var protocol thrift.CompactProtocol
	dec := thrift.NewDecoder(boundedThrift{thriftReader: protocol.NewReader(pr.br), w: pr})
	for pr.offset() < end {
		var h format.PageHeader
		if err := dec.Decode(&h); err != nil {
			return "damaged Parquet page header: " + err.Error()
		}
		at := pr.offset()
		switch {
		case h.CompressedPageSize < 0 || h.UncompressedPageSize < 0:
			return "damaged Parquet page header: negative page size"
		case int64(h.UncompressedPageSize) > limit || int64(h.CompressedPageSize) > limit:
			return tooLargeMsg("Parquet page", int64(max(h.UncompressedPageSize, h.CompressedPageSize)), limit)
		case at+int64(h.CompressedPageSize) > end:
			return "damaged Parquet file: page of " + strconv.Itoa(int(h.CompressedPageSize)) +
				" bytes runs past the end of its column chunk"
		}
		if msg := checkPageData(r, at, &h, codec); msg != "" {
			return msg
		}
		pr.seek(at + int64(h.CompressedPageSize))
	}
	return ""
}

// checkPageData checks that a page's compressed data inflates to no more than
// its declared size.
func checkPageData(r io.ReaderAt, at int64, h *format.PageHeader, codec format.CompressionCodec) string {
	comp := int64(h.CompressedPageSize)
	want := int64(h.UncompressedPageSize)
	if v2 := h.DataPageHeaderV2; v2.Valid {
		// Version 2 pages keep their levels uncompressed in front of the values.
		levels := int64(v2.V.RepetitionLevelsByteLength) + int64(v2.V.DefinitionLevelsByteLength)
		if levels < 0 || levels > comp || levels > want {
			return "damaged Parquet page header: levels do not fit in the page"
		}
		if v2.V.IsCompressed.Valid && !v2.V.IsCompressed.V {
			return ""
		}
		at, comp, want = at+levels, comp-levels, want-levels
	}
	var dr io.Reader
	data := io.NewSectionReader(r, at, comp)
	switch codec {
	case format.Uncompressed:
		return ""
	case format.Snappy:
		var head [binaryMaxVarint]byte
		n, _ := io.ReadFull(data, head[:])
		if n == 0 && comp == 0 {
			return ""
		}
		if dl, err := snappy.DecodedLen(head[:n]); err != nil || int64(dl) > want {
			return "damaged Parquet page: snappy data does not decode to the declared " + strconv.FormatInt(want, 10) + " bytes"
		}
		return ""
	case format.Lz4Raw:
		src := make([]byte, comp)
		if _, err := io.ReadFull(data, src); err != nil {
			return "read error: " + osErrMsg(err)
		}
		// Empty data fails too, and must be refused: parquet-go's decoder
		// retries any failure with a buffer twice as large, for ever (from a
		// zero-sized one, without end).
		if _, err := lz4.UncompressBlock(src, make([]byte, want)); err != nil {
			return "damaged Parquet page: LZ4 data does not decode to the declared " + strconv.FormatInt(want, 10) + " bytes"
		}
		return ""
	case format.Gzip:
		zr, err := gzip.NewReader(data)
		if err != nil {
			return "damaged Parquet page: " + err.Error()
		}
		dr = zr
	case format.Zstd:
		zr, err := getZstd(data)
		if err != nil {
			return "damaged Parquet page: " + err.Error()
		}
		defer putZstd(zr)
		dr = zr
	case format.Brotli:
		dr = brotli.NewReader(data)
	default:
		return "" // parquet-go refuses the codec itself
	}
	n, err := io.Copy(io.Discard, io.LimitReader(dr, want+1))
	switch {
	case n > want:
		return "damaged Parquet page: data inflates to more than the declared " + strconv.FormatInt(want, 10) + " bytes"
	case err != nil && !errors.Is(err, io.EOF):
		return "damaged Parquet page: " + err.Error()
	}
	return ""
}

const binaryMaxVarint = 10

// pageWalker reads a column chunk sequentially through a small buffer and can
// jump over page data without reading it.
type pageWalker struct {
	r        io.ReaderAt
	pos, end int64 // next byte to read from r; end of the chunk
	br       *bufio.Reader
}

func (w *pageWalker) Read(b []byte) (int, error) {
	if w.pos >= w.end {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), w.end-w.pos)]
	n, err := w.r.ReadAt(b, w.pos)
	w.pos += int64(n)
	if n > 0 && errors.Is(err, io.EOF) {
		err = nil
	}
	return n, err
}

// offset is the position of the next byte the decoder will see.
func (w *pageWalker) offset() int64 { return w.pos - int64(w.br.Buffered()) }

func (w *pageWalker) seek(to int64) {
	if d := to - w.offset(); d >= 0 && d <= int64(w.br.Buffered()) {
		_, _ = w.br.Discard(int(d))
		return
	}
	w.pos = to
	w.br.Reset(w)
}

// boundedThrift refuses lengths and counts in a page header larger than the
// bytes left in the column chunk, before the thrift decoder allocates them.
type boundedThrift struct {
	thriftReader
	w *pageWalker
}

// thriftReader names the embedded reader so that its Reader method is promoted.
type thriftReader = thrift.Reader

var errHeaderLength = errors.New("length larger than the column chunk")

func (b boundedThrift) left() int64 { return b.w.end - b.w.offset() }

func (b boundedThrift) ReadLength() (int, error) {
	n, err := b.thriftReader.ReadLength()
	if err == nil && int64(n) > b.left() {
		err = errHeaderLength
	}
	return n, err
}

func (b boundedThrift) ReadBytes() ([]byte, error) {
	n, err := b.ReadLength()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	_, err = io.ReadFull(b.Reader(), buf)
	return buf, err
}

func (b boundedThrift) ReadString() (string, error) {
	buf, err := b.ReadBytes()
	return string(buf), err
}

func (b boundedThrift) ReadList() (thrift.List, error) {
	l, err := b.thriftReader.ReadList()
	if err == nil && int64(l.Size) > b.left() {
		err = errHeaderLength
	}
	return l, err
}

func (b boundedThrift) ReadSet() (thrift.Set, error) {
	l, err := b.thriftReader.ReadSet()
	if err == nil && int64(l.Size) > b.left() {
		err = errHeaderLength
	}
	return l, err
}

func (b boundedThrift) ReadMap() (thrift.Map, error) {
	m, err := b.thriftReader.ReadMap()
	if err == nil && int64(m.Size) > b.left() {
		err = errHeaderLength
	}
	return m, err
}

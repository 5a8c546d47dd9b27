package source

import (
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"compress/flate"
	"compress/gzip"
)

// InputError names where bad input is, so that a user can find it in a large
// corpus: the file, the 1-based JSONL line (0 when the problem concerns the whole
// file) and what is wrong. It is reported next to the findings and the run goes on.
type InputError struct {
	Path   string
	Record int
	Msg    string
	// Omitted is set on the summary that stands for errors of one kind not
	// listed one by one (MaxRepeatedErrors): how many. Record is then 0 although
	// the file was read whole, so callers must not take it for a file that
	// could not be read (fix still rewrites it). Those errors came before it,
	// each marked Unlisted: the summary is for printing, not one more error.
	Omitted int
	// Unlisted marks an error past MaxRepeatedErrors of its kind in its file:
	// it is counted and its record handled as any other, but not printed; the
	// summary (Omitted) at the end of the file stands for it.
	Unlisted bool
	// Warning marks a notice, not an error: the record was read and its
	// document follows as the next item (a WARC-Block-Digest mismatch under
	// Options.VerifyDigests). It does not count as input that could not be read.
	Warning bool
}

// Error formats the error as "path:record: message", leaving out the record when it
// is 0, like compilers do for file-level problems.
func (e *InputError) Error() string {
	if e.Record == 0 {
		return e.Path + ": " + e.Msg
	}
	return e.Path + ":" + strconv.Itoa(e.Record) + ": " + e.Msg
}

// osErrMsg strips the operation and path from an *fs.PathError: InputError already
// carries the path, and "open x.txt: no such file or directory" would repeat it.
func osErrMsg(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readErrMsg explains an error met while reading a stream compressed as comp ("" for
// none). Compressed inputs get words a user can act on (the file was cut short, or
// damaged) rather than the decompressor's jargon alone.
func readErrMsg(err error, comp string) string {
	var pe *fs.PathError
	switch {
	case comp == "" || errors.As(err, &pe):
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated " + comp + " stream: unexpected EOF"
	case comp == CompressionGzip:
		var ce flate.CorruptInputError
		if errors.As(err, &ce) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
			return "corrupt gzip stream: " + err.Error()
		}
	case comp == CompressionZstd:
		// Every error the decoder makes itself means damaged input; the file's own
		// read errors are *fs.PathError and were taken above.
		return "corrupt zstd stream: " + strings.TrimPrefix(err.Error(), "zstd: ")
	}
	return "read error: " + osErrMsg(err)
}

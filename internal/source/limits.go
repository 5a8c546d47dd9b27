package source

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// DefaultMaxRecordSize is the largest record or document read when
// Options.MaxRecordSize is 0: a JSONL line, a whole text file, a WARC record's
// content or a Parquet value, counted after decompression. Larger ones are input
// errors rather than allocations: a 46 MB gzip file can hold 10 GB of one line,
// and reading it would end the run in "out of memory" (issue 16). 256 MiB is far
// above any real document and well below the memory of a machine that lints.
const DefaultMaxRecordSize = 256 << 20

// DefaultMaxRecordLines is the most lines a document may have when
// Options.MaxRecordLines is 0. Checking a document costs memory for each of its
// lines as well as for its bytes (the line lists of the shared analysis and of
// the boilerplate model: about 300 bytes a line with the default rules, 600
// with every rule, docs/limits.md), so 10 MB of "a\n" needs 1.4 GB, and a
// document of short lines within the record limit could need more memory than
// the machine has and end the run in "out of memory" (issue 16). 4 Mi lines is
// far above any real document (a 256 MiB book wrapped at 70 columns has 3.8
// million) and costs at most about 1.2 GB with the default rules.
const DefaultMaxRecordLines = 4 << 20

// maxHeaderSize bounds a WARC header (the version line and the named fields up
// to the blank line). Real headers are a few hundred bytes; a long
// WARC-Target-URI is a few KiB.
const maxHeaderSize = 256 << 10

func (o Options) maxRecord() int64 {
	if o.MaxRecordSize > 0 {
		return o.MaxRecordSize
	}
	return DefaultMaxRecordSize
}

// lineLimit is the most lines a document may have (Options.MaxRecordLines
// with its default applied).
type lineLimit int64

func (o Options) lineLimit() lineLimit {
	if o.MaxRecordLines > 0 {
		return lineLimit(o.MaxRecordLines)
	}
	return DefaultMaxRecordLines
}

// check returns the message for a document text of more lines than the limit,
// or "" when it is within it. A text has at most one line per byte, so only
// texts longer than the limit are counted.
func (limit lineLimit) check(text string) string {
	if int64(len(text)) <= int64(limit) {
		return ""
	}
	// Lines as the rules count them (text.Analysis.Lines): one more than the
	// line feeds, unless the text ends in one.
	n := int64(strings.Count(text, "\n"))
	if !strings.HasSuffix(text, "\n") {
		n++
	}
	if n <= int64(limit) {
		return ""
	}
	return "document of " + strconv.FormatInt(n, 10) + " lines has more than the maximum record lines (" +
		strconv.FormatInt(int64(limit), 10) + ", --max-record-lines); skipped"
}

// tooLargeMsg is the message for a record over the limit; n is its size when
// known (0 when reading stopped at the limit).
func tooLargeMsg(what string, n, limit int64) string {
	if n > limit {
		what += " of " + strconv.FormatInt(n, 10) + " bytes"
	}
	return what + " is larger than the maximum record size (" + FormatSize(limit) +
		", --max-record-size); skipped"
}

// FormatSize writes a byte count the way ParseSize reads it: the largest binary
// unit that divides it ("256MiB"), else bytes ("1000").
func FormatSize(n int64) string {
	for _, u := range sizeUnits {
		if n >= u.n && n%u.n == 0 {
			return strconv.FormatInt(n/u.n, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10)
}

var sizeUnits = []struct {
	name string
	n    int64
}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}}

// MaxRecordSizeLimit is the largest --max-record-size: the rules index a
// document's text with 32-bit offsets (the boilerplate model's line records),
// and checking a document of that size takes many times its size in memory.
const MaxRecordSizeLimit = 2 << 30

// ParseRecordSize is ParseSize for --max-record-size: a size above
// MaxRecordSizeLimit is an error too.
func ParseRecordSize(s string) (int64, error) {
	n, err := ParseSize(s)
	if err == nil && n > MaxRecordSizeLimit {
		return 0, errors.New("invalid size " + strconv.Quote(s) + ": at most " + FormatSize(MaxRecordSizeLimit) +
			" (documents are indexed with 32-bit offsets)")
	}
	return n, err
}

// ParseRecordLines reads --max-record-lines: a positive number of lines, at
// most math.MaxInt32 (line indexes are 32-bit in the rules).
func ParseRecordLines(s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt32 {
		return 0, errors.New("invalid line count " + strconv.Quote(s) + ": want a positive whole number up to " +
			strconv.Itoa(math.MaxInt32))
	}
	return n, nil
}

// ParseSize reads a size given on the command line or in a configuration file: a
// number of bytes, optionally followed by a unit, KiB, MiB, GiB (or K, M, G, KB,
// MB, GB, read as the same binary units, since nobody means 10^6 bytes when
// setting a memory limit). Case and a space before the unit do not matter.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10},
		{"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("invalid size " + strconv.Quote(s) + ": want a positive number of bytes, optionally with a unit (KiB, MiB, GiB)")
	}
	if n > (1<<62)/mult {
		return 0, errors.New("invalid size " + strconv.Quote(s) + ": too large")
	}
	return n * mult, nil
}

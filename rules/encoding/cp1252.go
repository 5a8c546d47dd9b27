package encoding

import (
	"unicode"
	"unicode/utf8"
)

// cP1252High maps the Windows-1252 bytes 0x80 to 0x9F to their characters; 0
// marks the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D), which decoders pass through as the C1 controls of the same value.
var cP1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// cp1252Byte returns the byte that r came from when bytes were decoded as
// Windows-1252 or as Latin-1 (ftfy's "sloppy" Windows-1252): U+0080 to U+00FF
// are their own byte, and the Windows-1252 punctuation in 0x80-0x9F is its byte.
// ok is false for characters neither encoding produces above 0x7F.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	if r < 0x152 || r > 0x2122 {
		return 0, false
	}
	for i, c := range cP1252High {
		if c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// continuation reports whether r came from a UTF-8 continuation byte
// (0x80-0xBF) read as Windows-1252 or Latin-1.
func continuation(r rune) bool {
	b, ok := cp1252Byte(r)
	return ok && b >= 0x80 && b <= 0xBF
}

// leadLen returns how many continuation bytes follow r when r is a UTF-8
// lead byte (0xC2-0xF4) read as Windows-1252, else 0.
func leadLen(r rune) int {
	switch {
	case r >= 0xC2 && r <= 0xDF:
		return 1
	case r >= 0xE0 && r <= 0xEF:
		return 2
	case r >= 0xF0 && r <= 0xF4:
		return 3
	}
	return 0
}

// seq is one UTF-8 sequence that was read as Windows-1252: the bytes
// [Start, End) of the text, the character it stands for (utf8.RuneError when the
// bytes are no valid UTF-8) and the byte after the sequence.
type seq struct {
	Start, End int
	Rune       rune
}

// seqAt reads a mojibake sequence at text[i:]: a lead character followed by as
// many continuation characters as it needs. ok is false when there is none.
func seqAt(text string, i int) (seq, bool) {
	r, n := utf8.DecodeRuneInString(text[i:])
	k := leadLen(r)
	if k == 0 {
		return seq{}, false
	}
	var buf [4]byte
	buf[0] = byte(r)
	j := i + n
	for c := 1; c <= k; c++ {
		if j >= len(text) {
			return seq{}, false
		}
		cr, cn := utf8.DecodeRuneInString(text[j:])
		b, ok := cp1252Byte(cr)
		if !ok || b < 0x80 || b > 0xBF {
			return seq{}, false
		}
		buf[c] = b
		j += cn
	}
	dec, size := utf8.DecodeRune(buf[:k+1])
	if size != k+1 {
		dec = utf8.RuneError
	}
	return seq{Start: i, End: j, Rune: dec}, true
}

// inMojibake reports whether the character at text[i:] belongs to a run that
// the mojibake rule flags, so that rules about single characters (a soft hyphen,
// a no-break space, a C1 control) leave it to that rule.
func inMojibake(text string, i int) bool {
	j, ok := seqCovering(text, i)
	if !ok {
		return false
	}
	// Walk back to the start of the run of sequences. Deep inside a long run it
	// is mojibake for sure; the cap keeps a text made of such runs linear.
	for steps := 0; ; steps++ {
		k, ok := seqEndingAt(text, j)
		if !ok {
			break
		}
		if steps == 32 {
			return true
		}
		j = k
	}
	// A long run is as sure; a short one gets the mojibake rule's own verdict.
	k := j
	for n := 0; n < 32; n++ {
		q, ok := seqAt(text, k)
		if !ok || q.Rune == utf8.RuneError {
			run, _, ok := mojiAt(text, j)
			return ok && run.start <= i && i < run.end
		}
		k = q.End
	}
	return true
}

// seqCovering returns the start of a valid sequence (its lead up to three
// characters back) that covers text[i].
func seqCovering(text string, i int) (int, bool) {
	j := i
	for back := 0; back <= 3; back++ {
		if s, ok := seqAt(text, j); ok && s.Rune != utf8.RuneError && s.End > i {
			return j, true
		}
		if j == 0 {
			break
		}
		_, n := utf8.DecodeLastRuneInString(text[:j])
		j -= n
	}
	return 0, false
}

// seqEndingAt returns the start of a valid sequence that ends exactly at j.
func seqEndingAt(text string, j int) (int, bool) {
	k := j
	for back := 0; back < 4 && k > 0; back++ {
		_, n := utf8.DecodeLastRuneInString(text[:k])
		k -= n
		if s, ok := seqAt(text, k); ok && s.Rune != utf8.RuneError && s.End == j {
			return k, true
		}
	}
	return 0, false
}

// clean reports whether a repaired character is plausible text: a graphic
// character (or a common space) that is not a C1 control, a replacement
// character, a private-use or an unassigned code point.
func clean(r rune) bool {
	if r == utf8.RuneError || r < 0x20 || (r >= 0x7F && r <= 0x9F) {
		return false
	}
	if r == 0xA0 {
		return true
	}
	return unicode.IsGraphic(r) && !unicode.Is(unicode.Co, r)
}

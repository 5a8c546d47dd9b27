package source

import (
	"encoding/binary"
	"math/bits"
	"strconv"
)

// This file is a single-pass JSON syntax checker that also notes where a few
// wanted values are. Decoding every record into a map would allocate for every key
// and value; corpuslint needs three strings out of each line, so it validates the
// line once and slices out only those.

// kind is the JSON type of a value.
type kind uint8

const (
	kindNone kind = iota // not present
	kindString
	kindNumber
	kindObject
	kindArray
	kindBool
	kindNull
)

// phrase names a kind the way an error message needs it ("is a number").
func (k kind) phrase() string {
	switch k {
	case kindString:
		return "a string"
	case kindNumber:
		return "a number"
	case kindObject:
		return "an object"
	case kindArray:
		return "an array"
	case kindBool:
		return "a boolean"
	case kindNull:
		return "null"
	}
	return "missing"
}

// The values the reader wants from each record. A bit mask over these travels down
// the scan so that keys are compared only while some wanted path can still match.
const (
	targetText = iota
	targetID
	targetURL
	numTargets
)

// maxDepth matches encoding/json's nesting limit, so that the two agree on which
// lines are valid and a hostile line cannot exhaust the stack.
const maxDepth = 10000

// valueSpan locates one value in the line.
type valueSpan struct {
	start, end int // [start, end) in the line; a string's span includes its quotes
	kind       kind
	esc        bool // the string contains backslash escapes and must be unescaped
}

// jsonScanner validates one JSON text and records the spans of the values at the
// wanted dotted paths. It is reused across records so that scanning allocates
// nothing.
type jsonScanner struct {
	paths   [numTargets][]string
	found   [numTargets]valueSpan
	done    uint8 // targets settled: found, or their first parent key held no object
	b       []byte
	scratch []byte // unescaped keys
	// dupText is the offset of a second key of the text field in the object
	// that held the first, or -1: JSON readers (encoding/json, Python's json)
	// take the last, so the record is ambiguous.
	dupText int
}

// syntaxError is invalid JSON at a byte offset of the line.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string {
	return e.msg + " at byte " + strconv.Itoa(e.off)
}

// scan checks that b[start:] is exactly one JSON value surrounded by optional
// whitespace and returns its kind. Spans of the wanted values are left in s.found.
func (s *jsonScanner) scan(b []byte, start int) (kind, error) {
	s.b = b
	s.found = [numTargets]valueSpan{}
	s.done = 0
	s.dupText = -1
	var mask uint8
	for t := range s.paths {
		if len(s.paths[t]) > 0 {
			mask |= 1 << t
		}
	}
	i := skipWS(b, start)
	end, k, _, err := s.value(i, mask, 0)
	s.b = nil
	if err != nil {
		return kindNone, err
	}
	if i = skipWS(b, end); i < len(b) {
		return kindNone, errAt(i, "invalid character "+quoteChar(b[i])+" after top-level value")
	}
	return k, nil
}

func errAt(off int, msg string) error { return &syntaxError{off: off, msg: msg} }

func (s *jsonScanner) eof() error { return errAt(len(s.b), "unexpected end of input") }

// quoteChar shows a byte in an error message.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c >= 0x20 && c < 0x7f {
		return "'" + string(rune(c)) + "'"
	}
	const hex = "0123456789abcdef"
	return "byte 0x" + string([]byte{hex[c>>4], hex[c&0xf]})
}

func skipWS(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// value scans the value starting at b[i], which is enclosed in nest containers.
// mask holds the targets whose next path segment is to be matched against the
// keys of this value, should it be an object.
func (s *jsonScanner) value(i int, mask uint8, nest int) (end int, k kind, esc bool, err error) {
	b := s.b
	if i >= len(b) {
		return i, kindNone, false, s.eof()
	}
	switch c := b[i]; c {
	case '"':
		end, esc, err = s.str(i + 1)
		return end, kindString, esc, err
	case '{':
		end, err = s.object(i+1, mask, nest+1)
		return end, kindObject, false, err
	case '[':
		end, err = s.array(i+1, nest+1)
		return end, kindArray, false, err
	case 't':
		end, err = s.literal(i, "true")
		return end, kindBool, false, err
	case 'f':
		end, err = s.literal(i, "false")
		return end, kindBool, false, err
	case 'n':
		end, err = s.literal(i, "null")
		return end, kindNull, false, err
	default:
		if c == '-' || c >= '0' && c <= '9' {
			end, err = s.number(i)
			return end, kindNumber, false, err
		}
		return i, kindNone, false, errAt(i, "invalid character "+quoteChar(c)+" looking for beginning of value")
	}
}

// object scans the members of an object whose '{' precedes b[i]; depth counts the
// containers up to and including this one, so its keys are path segment depth-1.
func (s *jsonScanner) object(i int, mask uint8, depth int) (int, error) {
	b := s.b
	if depth > maxDepth {
		return i, errAt(i-1, "exceeded max nesting depth")
	}
	i = skipWS(b, i)
	if i < len(b) && b[i] == '}' {
		return i + 1, nil
	}
	for {
		if i >= len(b) {
			return i, s.eof()
		}
		if b[i] != '"' {
			return i, errAt(i, "invalid character "+quoteChar(b[i])+" looking for beginning of object key string")
		}
		ke, kesc, err := s.str(i + 1)
		if err != nil {
			return ke, err
		}
		var m uint8
		if cand := mask &^ s.done; cand != 0 {
			m = s.matchKey(cand, b[i+1:ke-1], kesc, depth-1)
		}
		if dup := mask & s.done & (1 << targetText); dup != 0 && s.dupText < 0 && depth == len(s.paths[targetText]) &&
			s.found[targetText].kind != kindNone && s.matchKey(dup, b[i+1:ke-1], kesc, depth-1) != 0 {
			s.dupText = i
		}
		i = skipWS(b, ke)
		if i >= len(b) {
			return i, s.eof()
		}
		if b[i] != ':' {
			return i, errAt(i, "invalid character "+quoteChar(b[i])+" after object key")
		}
		i = skipWS(b, i+1)
		if m == 0 {
			i, _, _, err = s.value(i, 0, depth)
		} else {
			i, err = s.wanted(i, m, depth)
		}
		if err != nil {
			return i, err
		}
		i = skipWS(b, i)
		if i >= len(b) {
			return i, s.eof()
		}
		switch b[i] {
		case ',':
			i = skipWS(b, i+1)
		case '}':
			return i + 1, nil
		default:
			return i, errAt(i, "invalid character "+quoteChar(b[i])+" after object key:value pair")
		}
	}
}

// wanted scans a member value whose key matched the targets in m: targets whose
// path ends here record the span, the others look inside it. Either way the first
// occurrence of a key settles the target, so later duplicates are ignored.
func (s *jsonScanner) wanted(i int, m uint8, depth int) (int, error) {
	var leaf, inner uint8
	for t := range s.paths {
		if m&(1<<t) == 0 {
			continue
		}
		if len(s.paths[t]) == depth {
			leaf |= 1 << t
		} else {
			inner |= 1 << t
		}
	}
	start := i
	end, k, esc, err := s.value(i, inner, depth)
	if err != nil {
		return end, err
	}
	for t := range s.paths {
		if leaf&(1<<t) != 0 {
			s.found[t] = valueSpan{start: start, end: end, kind: k, esc: esc}
		}
	}
	s.done |= m
	return end, nil
}

// matchKey returns the targets among cand whose path segment seg equals key.
func (s *jsonScanner) matchKey(cand uint8, key []byte, esc bool, seg int) uint8 {
	if esc {
		s.scratch = unquote(s.scratch[:0], key)
		key = s.scratch
	}
	var m uint8
	for t := range s.paths {
		if cand&(1<<t) != 0 && seg < len(s.paths[t]) && string(key) == s.paths[t][seg] {
			m |= 1 << t
		}
	}
	return m
}

func (s *jsonScanner) array(i int, depth int) (int, error) {
	b := s.b
	if depth > maxDepth {
		return i, errAt(i-1, "exceeded max nesting depth")
	}
	i = skipWS(b, i)
	if i < len(b) && b[i] == ']' {
		return i + 1, nil
	}
	for {
		var err error
		if i, _, _, err = s.value(i, 0, depth); err != nil {
			return i, err
		}
		i = skipWS(b, i)
		if i >= len(b) {
			return i, s.eof()
		}
		switch b[i] {
		case ',':
			i = skipWS(b, i+1)
		case ']':
			return i + 1, nil
		default:
			return i, errAt(i, "invalid character "+quoteChar(b[i])+" after array element")
		}
	}
}

func (s *jsonScanner) literal(i int, lit string) (int, error) {
	b := s.b
	for j := 0; j < len(lit); j++ {
		if i+j >= len(b) {
			return i + j, s.eof()
		}
		if b[i+j] != lit[j] {
			return i + j, errAt(i+j, "invalid character "+quoteChar(b[i+j])+" in literal "+lit)
		}
	}
	return i + len(lit), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *jsonScanner) number(i int) (int, error) {
	b := s.b
	if b[i] == '-' {
		i++
	}
	var err error
	if i < len(b) && b[i] == '0' {
		i++
	} else if i, err = s.digits(i); err != nil {
		return i, err
	}
	if i < len(b) && b[i] == '.' {
		if i, err = s.digits(i + 1); err != nil {
			return i, err
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i, err = s.digits(i); err != nil {
			return i, err
		}
	}
	return i, nil
}

// digits scans the one or more digits that every part of a number needs.
func (s *jsonScanner) digits(i int) (int, error) {
	b := s.b
	if i >= len(b) {
		return i, s.eof()
	}
	if !isDigit(b[i]) {
		return i, errAt(i, "invalid character "+quoteChar(b[i])+" in numeric literal")
	}
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i, nil
}

// Word-at-a-time constants: most of a corpus line is the text string, and testing
// eight bytes at once for a quote, a backslash or a control character is what keeps
// the scan near memory speed.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// specials marks, in the high bit of each byte, the bytes of w that are '"', '\\'
// or below 0x20. A borrow can mark bytes above a real hit too, but never below
// one, so the lowest mark is exact: that is the byte the scan must look at.
func specials(w uint64) uint64 {
	q := w ^ (lsb * '"')
	bs := w ^ (lsb * '\\')
	return ((q-lsb)&^q | (bs-lsb)&^bs | (w-lsb*0x20)&^w) & msb
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// str scans a string whose opening quote precedes b[i]; it returns the index after
// the closing quote and whether the string has escapes.
func (s *jsonScanner) str(i int) (int, bool, error) {
	b := s.b
	esc := false
	for {
		for i+8 <= len(b) {
			if m := specials(binary.LittleEndian.Uint64(b[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= len(b) {
			return i, esc, s.eof()
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, esc, nil
		case c == '\\':
			esc = true
			if i+1 >= len(b) {
				return i + 1, esc, s.eof()
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for j := i + 2; j < i+6; j++ {
					if j >= len(b) {
						return j, esc, s.eof()
					}
					if !isHex(b[j]) {
						return j, esc, errAt(j, "invalid character "+quoteChar(b[j])+` in \u hexadecimal character escape`)
					}
				}
				i += 6
			default:
				return i + 1, esc, errAt(i+1, "invalid escape character "+quoteChar(e)+" in string")
			}
		case c < 0x20:
			return i, esc, errAt(i, "invalid control character "+quoteChar(c)+" in string")
		default:
			i++
		}
	}
}

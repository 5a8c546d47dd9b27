package spanset

import "hash/maphash"

// Set is a set of strings, each held as a span of one text: the pieces added
// since the last Reset, all of the same text. The zero Set is ready after a
// Reset.
type Set struct {
	slots []slot
	used  int
	mask  uint64
	shift uint
	empty bool // the empty string was added (it has no slot)
}

// slot is one piece; end == 0 marks an empty slot (only the empty string,
// which has no slot, ends at 0).
type slot struct {
	hash       uint64
	start, end int32
}

// seed hashes the pieces; no result depends on it.
var seed = maphash.MakeSeed()

// Reset empties the set and sizes it for about n pieces (it grows as needed).
func (s *Set) Reset(n int) {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	size := 1 << bits
	if cap(s.slots) >= size {
		s.slots = s.slots[:size]
		clear(s.slots)
	} else {
		s.slots = make([]slot, size)
	}
	s.used, s.mask, s.shift, s.empty = 0, uint64(size-1), 64-bits, false
}

// Add adds txt[a:b] and reports whether it was not in the set yet. txt must
// be the text of every piece added since the last Reset, and shorter than
// 2 GB.
func (s *Set) Add(txt string, a, b int) bool {
	if a == b {
		had := s.empty
		s.empty = true
		return !had
	}
	w := txt[a:b]
	h := maphash.String(seed, w)
	i := (h * 0x9E3779B97F4A7C15) >> s.shift
	for {
		sl := &s.slots[i]
		if sl.end == 0 {
			break
		}
		if sl.hash == h && txt[sl.start:sl.end] == w {
			return false
		}
		i = (i + 1) & s.mask
	}
	s.slots[i] = slot{h, int32(a), int32(b)}
	s.used++
	if 2*s.used > len(s.slots) {
		s.grow()
	}
	return true
}

// grow doubles the table.
func (s *Set) grow() {
	old := s.slots
	s.slots = make([]slot, 2*len(old))
	s.mask, s.shift = uint64(len(s.slots)-1), s.shift-1
	for _, sl := range old {
		if sl.end == 0 {
			continue
		}
		j := (sl.hash * 0x9E3779B97F4A7C15) >> s.shift
		for s.slots[j].end != 0 {
			j = (j + 1) & s.mask
		}
		s.slots[j] = sl
	}
}

package text

// WordIDs numbers the distinct words of one document: each token gets the id of
// its text, the ids counted from 0 in the order their words first occur. A
// rule that derives something from a word's text alone (its length in
// characters, whether it is a stop word, its hash) can then do that once per
// distinct word and look it up by id for every token, where prose repeats each
// distinct word about four times in a page and far more in a long document.
// Build fills it; the arrays are kept for the next Build.
type WordIDs struct {
	// IDs holds the id of each token.
	IDs []uint32
	// First holds, by id, the index of the first token with that text.
	First []int32
	// Count holds, by id, how many tokens have that text.
	Count []int32
	// slots is an open-addressing table of the distinct words (a Go map of
	// strings cost several times more per token).
	slots []idSlot
	mask  uint64
	shift uint
}

// idSlot is one word of WordIDs' table. A word of at most 8 bytes is its own
// key: its bytes, read as one number, and its length tell it from every other
// word without looking at the text. A longer one is keyed by its hash, and a
// match is confirmed by comparing the bytes.
type idSlot struct {
	key uint64
	id  uint32 // id + 1; 0 marks an empty slot
	n   uint32 // the word's length in bytes
}

// Len returns the number of distinct words.
func (w *WordIDs) Len() int { return len(w.First) }

// Build numbers the words of txt whose spans are toks, reusing w's arrays.
// Tokens are equal when their bytes are: the hash only narrows the
// comparisons.
func (w *WordIDs) Build(txt string, toks []Span) {
	n := len(toks)
	if cap(w.IDs) >= n {
		w.IDs = w.IDs[:n]
	} else {
		w.IDs = make([]uint32, n, n+n/4)
	}
	w.First, w.Count = w.First[:0], w.Count[:0]
	// A table for the distinct words of a page to start with, doubled when
	// half full: the distinct words of a long text are far fewer than its
	// tokens.
	size, bits := 16, uint(4)
	for size < 2*n && size < 1<<12 {
		size <<= 1
		bits++
	}
	w.resize(size, bits)
	for i, t := range toks {
		s := txt[t.Start:t.End]
		key, short := wordKey(s)
		sl := slotOf(key, len(s), w.shift)
		var id uint32
		for {
			e := &w.slots[sl]
			if e.id == 0 {
				id = uint32(len(w.First))
				w.First = append(w.First, int32(i))
				w.Count = append(w.Count, 0)
				*e = idSlot{key: key, id: id + 1, n: uint32(len(s))}
				if 2*len(w.First) > len(w.slots) {
					w.grow()
				}
				break
			}
			if e.key == key && e.n == uint32(len(s)) {
				if short {
					id = e.id - 1
					break
				}
				if f := toks[w.First[e.id-1]]; txt[f.Start:f.End] == s {
					id = e.id - 1
					break
				}
			}
			sl = (sl + 1) & w.mask
		}
		w.Count[id]++
		w.IDs[i] = id
	}
}

// resize empties the table and gives it size = 2^bits slots.
func (w *WordIDs) resize(size int, bits uint) {
	if cap(w.slots) >= size {
		w.slots = w.slots[:size]
		clear(w.slots)
	} else {
		w.slots = make([]idSlot, size)
	}
	w.mask, w.shift = uint64(size-1), 64-bits
}

// grow doubles the table and puts the distinct words back.
func (w *WordIDs) grow() {
	old := w.slots
	size := 2 * len(old)
	w.slots = make([]idSlot, size)
	w.mask, w.shift = uint64(size-1), w.shift-1
	for _, e := range old {
		if e.id == 0 {
			continue
		}
		sl := slotOf(e.key, int(e.n), w.shift)
		for w.slots[sl].id != 0 {
			sl = (sl + 1) & w.mask
		}
		w.slots[sl] = e
	}
}

// wordKey returns the key of word s in the table: its bytes as a
// little-endian number when it has at most 8 (short), else a hash of them.
func wordKey(s string) (key uint64, short bool) {
	switch {
	case len(s) > 8:
		return Hash64(s, 0), false
	case len(s) >= 4:
		// Two overlapping 4-byte loads cover 4 to 8 bytes; with the length
		// they determine the word.
		lo := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
		t := s[len(s)-4:]
		hi := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24
		return lo | hi<<32, true
	}
	var x uint64
	for i := 0; i < len(s); i++ {
		x |= uint64(s[i]) << (8 * i)
	}
	return x, true
}

// slotOf is the first slot of a key and length in a table of 2^(64-shift)
// slots: the top bits of a product, which depend on every bit of the key.
func slotOf(key uint64, n int, shift uint) uint64 {
	h := (key ^ uint64(n)<<58) * 0x9E3779B97F4A7C15
	return (h ^ h>>32) * 0xbf58476d1ce4e5b9 >> shift
}

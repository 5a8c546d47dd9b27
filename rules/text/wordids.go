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
	// slots is an open-addressing table of the distinct words: the low 32
	// bits of the word's hash and its id + 1 (0 marks an empty slot), 8 bytes
	// each (a Go map of strings cost several times more per token).
	slots []idSlot
	mask  uint64
	shift uint
}

type idSlot struct {
	tag, id uint32
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
		h := wordHash(s)
		tag := uint32(h)
		sl := (h * 0x9E3779B97F4A7C15) >> w.shift
		var id uint32
		for {
			e := w.slots[sl]
			if e.id == 0 {
				id = uint32(len(w.First))
				w.First = append(w.First, int32(i))
				w.Count = append(w.Count, 0)
				w.slots[sl] = idSlot{tag: tag, id: id + 1}
				if 2*len(w.First) > len(w.slots) {
					w.grow(txt, toks)
				}
				break
			}
			if e.tag == tag {
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

// grow doubles the table and puts the distinct words back, each by the hash
// of its first token.
func (w *WordIDs) grow(txt string, toks []Span) {
	size := 2 * len(w.slots)
	w.slots = make([]idSlot, size)
	w.mask, w.shift = uint64(size-1), w.shift-1
	for id, f := range w.First {
		t := toks[f]
		h := wordHash(txt[t.Start:t.End])
		sl := (h * 0x9E3779B97F4A7C15) >> w.shift
		for w.slots[sl].id != 0 {
			sl = (sl + 1) & w.mask
		}
		w.slots[sl] = idSlot{tag: uint32(h), id: uint32(id) + 1}
	}
}

// wordHash hashes a word for the table. Most words are at most 8 bytes,
// read as one 64-bit load, with no loop.
func wordHash(s string) uint64 {
	if len(s) <= 8 {
		var x uint64
		if len(s) >= 4 {
			// Two overlapping 4-byte loads cover 4 to 8 bytes.
			lo := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
			t := s[len(s)-4:]
			hi := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24
			x = lo | hi<<32
		} else {
			for i := 0; i < len(s); i++ {
				x |= uint64(s[i]) << (8 * i)
			}
		}
		return Mix64(x ^ uint64(len(s))*0x9E3779B97F4A7C15)
	}
	return Hash64(s, 0)
}

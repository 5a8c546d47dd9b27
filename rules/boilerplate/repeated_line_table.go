package boilerplate

import "math/bits"

// pairTable counts documents per (site, line) pair in one flat open-addressing
// table with linear probing. Every line of every document goes through it in
// both passes, and a Go map cost a hash of the 16-byte key, a group probe and
// write barriers per access; here a lookup is one multiply and, nearly always,
// one cache line. The keys are already 64-bit hashes, so mixing them once is
// enough. A count of 0 marks an empty slot (a pair is only stored with a
// count of 1 or more), so any key, site 0 included, can be stored.
type pairTable struct {
	keys   []repeatedKey
	counts []uint32
	n      int // occupied slots
	shift  uint8
}

// minTableBits sizes a fresh table: a batch's state starts small and doubles.
const minTableBits = 8

func newPairTable() pairTable {
	return pairTable{keys: make([]repeatedKey, 1<<minTableBits), counts: make([]uint32, 1<<minTableBits), shift: 64 - minTableBits}
}

// Len returns how many pairs the table holds.
func (t *pairTable) Len() int { return t.n }

// slot returns the home slot of k: the top bits of a multiplicative mix.
func (t *pairTable) slot(k repeatedKey) uint64 {
	return ((k.line ^ bits.RotateLeft64(k.site, 29)) * 0x9e3779b97f4a7c15) >> t.shift
}

// get returns the count of k, 0 when it is absent.
func (t *pairTable) get(k repeatedKey) uint32 {
	if len(t.keys) == 0 {
		return 0
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		c := t.counts[i]
		if c == 0 {
			return 0
		}
		if t.keys[i] == k {
			return c
		}
	}
}

// addExisting adds n to the count of k if k is in the table and reports whether it was.
func (t *pairTable) addExisting(k repeatedKey, n uint32) bool {
	if len(t.keys) == 0 {
		return false
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		if t.counts[i] == 0 {
			return false
		}
		if t.keys[i] == k {
			t.counts[i] += n
			return true
		}
	}
}

// setExisting sets the count of k to n > 0 if k is in the table and reports whether it was.
func (t *pairTable) setExisting(k repeatedKey, n uint32) bool {
	if len(t.keys) == 0 {
		return false
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		if t.counts[i] == 0 {
			return false
		}
		if t.keys[i] == k {
			t.counts[i] = n
			return true
		}
	}
}

// insert stores k, known to be absent, with count n > 0, growing the table to
// keep it at most three quarters full.
func (t *pairTable) insert(k repeatedKey, n uint32) {
	if (t.n+1)*4 > len(t.keys)*3 {
		t.resize(max(2*len(t.keys), 1<<minTableBits))
	}
	t.place(k, n)
	t.n++
}

// place puts k in its first free slot (no growth, no count of occupied slots).
func (t *pairTable) place(k repeatedKey, n uint32) {
	mask := uint64(len(t.keys) - 1)
	i := t.slot(k)
	for t.counts[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i] = k
	t.counts[i] = n
}

// resize rebuilds the table with size slots (a power of two), keeping the
// pairs for which keep returns true (all when keep is nil).
func (t *pairTable) resize(size int) { t.rebuild(size, nil) }

func (t *pairTable) rebuild(size int, keep func(uint32) bool) {
	oldKeys, oldCounts := t.keys, t.counts
	t.keys = make([]repeatedKey, size)
	t.counts = make([]uint32, size)
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	t.n = 0
	for i, c := range oldCounts {
		if c != 0 && (keep == nil || keep(c)) {
			t.place(oldKeys[i], c)
			t.n++
		}
	}
}

// dropOnes removes the pairs counted once, in place of a map's delete loop.
func (t *pairTable) dropOnes() {
	size := max(len(t.keys), 1<<minTableBits)
	t.rebuild(size, func(c uint32) bool { return c > 1 })
}

// each calls f for every pair of the table, in slot order.
func (t *pairTable) each(f func(k repeatedKey, n uint32)) {
	for i, c := range t.counts {
		if c != 0 {
			f(t.keys[i], c)
		}
	}
}

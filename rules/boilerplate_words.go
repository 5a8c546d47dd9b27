package rules

// bpWordTable flags the words the line features look for (stop words, date words,
// first words of known phrases), keyed by the FNV-1a hash of the lower-case word
// that bpMeasure computes anyway for the content words: a lookup is a probe of a
// small open-addressing table and a byte comparison on a hit, no string hashing
// and no map.
type bpWordTable struct {
	// slots hold the top 16 bits of a word's hash and its index in entries plus
	// one (0: empty slot).
	slots   []uint32
	entries []bpWordEntry
	maxLen  int // the longest word, in bytes
}

type bpWordEntry struct {
	word    string
	hash    uint64
	flags   uint8
	phrases []bpPhrase // the known phrases starting with word, longest first
}

// bpWordTab holds every word of bpWordInfo with its phrases.
var bpWordTab = bpNewWordTable(bpWordInfo, bpPhraseIndex)

func bpNewWordTable(info map[string]uint8, phrases map[string][]bpPhrase) *bpWordTable {
	size := 16
	for size < 8*len(info) {
		size *= 2
	}
	if len(info) >= 1<<16 {
		panic("bpNewWordTable: too many words")
	}
	t := &bpWordTable{slots: make([]uint32, size)}
	for w, f := range info {
		h := bpHashBytes([]byte(w))
		t.entries = append(t.entries, bpWordEntry{word: w, hash: h, flags: f, phrases: phrases[w]})
		t.maxLen = max(t.maxLen, len(w))
		mask := uint64(size - 1)
		for s := bpWordSlot(h) & mask; ; s = (s + 1) & mask {
			if t.slots[s] == 0 {
				t.slots[s] = uint32(h>>48)<<16 | uint32(len(t.entries))
				break
			}
		}
	}
	return t
}

// bpWordSlot spreads the bits of an FNV hash for the table index.
func bpWordSlot(h uint64) uint64 { return h ^ h>>29 ^ h>>47 }

// lookup returns the entry of the lower-case word w with hash h (bpHashBytes), or
// nil.
func (t *bpWordTable) lookup(h uint64, w []byte) *bpWordEntry {
	if len(w) > t.maxLen {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	tag := uint32(h >> 48)
	for s := bpWordSlot(h) & mask; ; s = (s + 1) & mask {
		v := t.slots[s]
		if v == 0 {
			return nil
		}
		if v>>16 != tag {
			continue
		}
		e := &t.entries[v&0xffff-1]
		if e.hash == h && e.word == string(w) {
			return e
		}
	}
}

package boilerplate

// wordTable flags the words the line features look for (stop words, date words,
// first words of known phrases). It is keyed by the word's first eight bytes in
// lower case, packed into an integer as lowerHash lowers the word, and its
// length: the slot index is one multiplication away from the word, and a word
// of eight bytes or fewer is compared as one integer. The table and its keys fit
// in a few kilobytes, where a map[string] took a string hash and a probe of a
// larger table per word.
type wordTable struct {
	// slots hold an index into keys plus one (0: empty slot).
	slots   []uint16
	shift   uint
	keys    []wordKey
	words   []string   // the words, for those longer than eight bytes
	phrases [][]phrase // the known phrases starting with each word, longest first
	maxLen  int        // the longest word, in bytes
}

type wordKey struct {
	packed uint64 // the first eight bytes, little-endian, zero-padded
	n      uint8  // length in bytes
	flags  uint8  // bpw flags
}

// wordTab holds every word of wordInfo with its phrases.
var wordTab = newWordTable(wordInfo, phraseIndex)

func newWordTable(info map[string]uint8, phrases map[string][]phrase) *wordTable {
	size, shift := 16, uint(60)
	for size < 2*len(info) {
		size *= 2
		shift--
	}
	if len(info) >= 1<<16-1 {
		panic("newWordTable: too many words")
	}
	t := &wordTable{slots: make([]uint16, size), shift: shift}
	for w, f := range info {
		if len(w) > 255 {
			panic("newWordTable: word too long")
		}
		pk := pack([]byte(w))
		t.keys = append(t.keys, wordKey{packed: pk, n: uint8(len(w)), flags: f})
		t.words = append(t.words, w)
		t.phrases = append(t.phrases, phrases[w])
		t.maxLen = max(t.maxLen, len(w))
		mask := uint64(size - 1)
		for s := t.slot(pk, len(w)); ; s = (s + 1) & mask {
			if t.slots[s] == 0 {
				t.slots[s] = uint16(len(t.keys))
				break
			}
		}
	}
	return t
}

// pack packs the first eight bytes of w into an integer, little-endian.
func pack(w []byte) uint64 {
	var pk uint64
	for i := 0; i < len(w) && i < 8; i++ {
		pk |= uint64(w[i]) << (8 * i)
	}
	return pk
}

func (t *wordTable) slot(packed uint64, n int) uint64 {
	return ((packed + uint64(n)) * 0x9e3779b97f4a7c15) >> t.shift
}

// lookup returns the index of the lower-case word w, whose first eight bytes
// packed are packed (pack), and its flags; -1 and 0 when the table lacks it.
func (t *wordTable) lookup(packed uint64, w []byte) (int, uint8) {
	n := len(w)
	if n > t.maxLen {
		return -1, 0
	}
	mask := uint64(len(t.slots) - 1)
	for s := t.slot(packed, n); ; s = (s + 1) & mask {
		v := int(t.slots[s])
		if v == 0 {
			return -1, 0
		}
		k := &t.keys[v-1]
		if k.packed == packed && int(k.n) == n && (n <= 8 || t.words[v-1] == string(w)) {
			return v - 1, k.flags
		}
	}
}

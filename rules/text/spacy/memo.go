package spacy

import "hash/maphash"

// scratch is a document's working space for the tokenizer, kept with its
// tokens in the analysis and reused for the next document: a memo of chunk
// tokenizations and the arrays applySpecials writes into.
type scratch struct {
	memo *chunkMemo // lent by takeMemo for one tokenization
	// emit receives the tokens of the chunks (set by tokensWith for one call).
	emit    func(start, end int, space bool)
	spare   []tok
	matches [][2]int
	seen    []int
}

// The memo holds the tokenization of short chunks (runs of non-space
// characters) that are not plain ASCII words: "said.", "(AP)", "don't", "2024,",
// "U.S." recur across a document and a batch, and tokenizeChunk is a pure
// function of the chunk's bytes, so a chunk seen before is emitted from its
// pieces instead of going through the special cases, prefixes, suffixes,
// URL test and infixes again. Direct-mapped: a chunk has one slot, a new chunk
// replaces the old, and a lookup is a hash and one comparison. 8,192 slots
// (350 KB) hit on 90% of such chunks of aeb-dev (2,048 on 83%) and tokenize
// it a quarter faster than no memo (2,048 slots: no faster on that corpus).
const (
	memoBits   = 13
	memoKeyMax = 23 // longer chunks are rare and not kept
	memoPieces = 6  // tokens of a kept chunk
)

type chunkMemo struct {
	seed    maphash.Seed
	entries [1 << memoBits]memoEntry
}

// memoEntry is one slot: the chunk's bytes and its tokens as offsets into it.
// n == 0 marks an empty slot (chunks are never empty).
type memoEntry struct {
	n, pieces uint8
	key       [memoKeyMax]byte
	piece     [memoPieces]memoPiece
}

type memoPiece struct {
	start, end uint8
	space      bool
}

// memos holds the memos between tokenizations. The analyses (and their
// tokens) live in a sync.Pool, which every garbage collection empties, and a
// memo lost with them would start cold and cost 350 KB anew; a memo is lent
// for one document at a time instead, so there are about as many as workers.
var memos = make(chan *chunkMemo, 16)

// takeMemo lends a memo, a new one when none is free.
func takeMemo() *chunkMemo {
	select {
	case m := <-memos:
		return m
	default:
		return &chunkMemo{seed: maphash.MakeSeed()}
	}
}

// putMemo gives a memo back (or drops it when enough are free).
func putMemo(m *chunkMemo) {
	select {
	case memos <- m:
	default:
	}
}

// chunk tokenizes text[s:e], a run of non-space characters, into sc.emit.
func (sc *scratch) chunk(text string, s, e int) {
	c := text[s:e]
	// A run of ASCII letters is a special case or one token (as in
	// tokenizeChunk): cheaper to decide than to look up.
	letters := true
	for i := 0; i < len(c); i++ {
		if b := c[i] | 0x20; b < 'a' || b > 'z' {
			letters = false
			break
		}
	}
	if letters {
		// tokenizeChunk's first case, without scanning the letters again.
		letterChunk(text, s, e, sc.emit)
		return
	}
	if len(c) > memoKeyMax {
		tokenizeChunk(text, s, e, true, sc.emit)
		return
	}
	m := sc.memo
	ent := &m.entries[maphash.String(m.seed, c)&(1<<memoBits-1)]
	if int(ent.n) == len(c) && string(ent.key[:ent.n]) == c {
		for _, p := range ent.piece[:ent.pieces] {
			sc.emit(s+int(p.start), s+int(p.end), p.space)
		}
		return
	}
	// A miss: tokenize, emitting as usual, and keep the pieces when they fit.
	ent.n, ent.pieces = 0, 0
	fits := true
	tokenizeChunk(text, s, e, true, func(ts, te int, space bool) {
		sc.emit(ts, te, space)
		if int(ent.pieces) < memoPieces {
			ent.piece[ent.pieces] = memoPiece{uint8(ts - s), uint8(te - s), space}
			ent.pieces++
		} else {
			fits = false
		}
	})
	if fits {
		ent.n = uint8(copy(ent.key[:], c))
	} else {
		ent.pieces = 0
	}
}

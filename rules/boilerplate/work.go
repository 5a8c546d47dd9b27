package boilerplate

import "sync"

// work holds the buffers of one document's boilerplate analysis: the scan's
// scratch, lineContext's and stageContext's arrays and tables, the scoring
// memo. analyze takes one from workPool and the document's reading puts it
// back when it is released (reading.Reset), so a worker reuses them from
// document to document instead of allocating them anew for the garbage
// collector. The two contexts stay valid until then: explanations compute the
// vectors of a few lines again from them. Every buffer is cleared or
// overwritten before it is read.
type work struct {
	sc     scratch
	ids1   []int32    // each line's first-stage vector among the distinct ones
	ids2   []int32    // ... and second-stage key
	facts  []lineFact // what the second stage reads of each first-stage vector
	row2   []float32  // a second-stage vector
	p1     []float64  // first-stage probabilities
	ints   []int
	counts []int32
	shape  []uint16
	simA   []float32
	simB   []float32
	tab    hashTable
	memo   memo
	prefix []float64
	run2   []int32
	lctx   lineCtx
	sctx   stageCtx
	marks  []bool // markupLeaks' and commentThread's per-line answers
}

var workPool = sync.Pool{New: func() any { return new(work) }}

// shedLimit is the most elements shed lets a buffer keep.
const shedLimit = 1 << 12

// shed drops the large buffers that the document's rows, computed again for
// explanations, do not read: all but the contexts' arrays. A document keeps
// its work while the other rules check it, and the scan's content-word hashes,
// the scoring memo and the per-line scratch were as large again as its lines.
// Small buffers stay, for the next document.
func (w *work) shed() {
	w.sc.low, w.sc.lw, w.sc.wi, w.sc.content = shedBuf(w.sc.low), shedBuf(w.sc.lw), shedBuf(w.sc.wi), shedBuf(w.sc.content)
	w.sc.hashes = shedBuf(w.sc.hashes)
	w.ids1, w.ids2, w.facts, w.marks = shedBuf(w.ids1), shedBuf(w.ids2), shedBuf(w.facts), shedBuf(w.marks)
	w.tab.slots = shedBuf(w.tab.slots)
	m := &w.memo
	m.slots, m.first, m.hashes, m.prob = shedBuf(m.slots), shedBuf(m.first), shedBuf(m.hashes), shedBuf(m.prob)
	// The contexts' arrays that the lines and the probabilities give again go
	// too (fillRow computes them again for the first explanation): kept, they
	// were 38 bytes a line for every rule after, 200 MB on 10 MB of short lines.
	if cap(w.ints) > shedLimit {
		w.ints, w.counts, w.shape, w.prefix, w.run2 = nil, nil, nil, nil, nil
		w.lctx.pl, w.lctx.pw, w.lctx.run, w.lctx.shape = nil, nil, nil, nil
		w.sctx.prefix, w.sctx.run = nil, nil
	}
}

// shedBuf returns b, or nil when it holds more than shedLimit elements.
func shedBuf[T any](b []T) []T {
	if cap(b) > shedLimit {
		return nil
	}
	return b
}

// grow returns b resized to n elements, reusing its array when it is large
// enough; the contents are unspecified.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// hashTable counts 64-bit word hashes in an open-addressing table that keeps
// its array between documents. A slot is empty when its count is zero. The
// table grows with the keys it holds, not with the occurrences it is told to
// expect: sized for every content word of 10 MB of prose it took 64 MB, for a
// vocabulary of a few ten thousand words.
type hashTable struct {
	slots []hashSlot
	shift uint
	used  int // slots holding a key
}

type hashSlot struct {
	key   uint64
	count int32 // lines (or occurrences) holding the key
	last  int32 // the last line counted
}

// hashTableStart is the most slots reset gives a table before any key is in.
const hashTableStart = 1 << 12

// reset empties the table for up to n keys, which it does not allocate for
// beforehand (see hashTable).
func (t *hashTable) reset(n int) {
	size, shift := 16, uint(60)
	for size < 2*n && size < hashTableStart {
		size *= 2
		shift--
	}
	t.used = 0
	if cap(t.slots) < size {
		// A new array is all zeros already; a document of many alike lines
		// then touches only a few of its pages.
		t.slots = make([]hashSlot, size)
	} else {
		t.slots = t.slots[:size]
		clear(t.slots)
	}
	t.shift = shift
}

// slot returns the slot of key: the one holding it, or the empty one where it
// would go. A caller that sets a key in an empty slot uses insert instead.
func (t *hashTable) slot(key uint64) *hashSlot {
	mask := len(t.slots) - 1
	for s := int((key * 0x9e3779b97f4a7c15) >> t.shift); ; s = (s + 1) & mask {
		e := &t.slots[s]
		if e.count == 0 || e.key == key {
			return e
		}
	}
}

// insert returns the slot of key, putting key in an empty one when the table
// does not hold it; the caller must then raise its count above zero. The table
// doubles when it is half full.
func (t *hashTable) insert(key uint64) *hashSlot {
	e := t.slot(key)
	if e.count != 0 {
		return e
	}
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
		e = t.slot(key)
	}
	t.used++
	e.key = key
	return e
}

// grow doubles the table, moving its keys to a new array.
func (t *hashTable) grow() {
	old := t.slots
	t.slots = make([]hashSlot, 2*len(old))
	t.shift--
	for _, o := range old {
		if o.count != 0 {
			*t.slot(o.key) = o
		}
	}
}

// docBuf keeps the arrays of a released analysis's doc for the analysis of
// the next document (see Analysis.Release). An array is handed out once: take
// clears it here, and Release gives it back.
type docBuf struct {
	ls   []line
	prob []float64
	pos  []pos
}

// keep takes the arrays of d (nil: none).
func (b *docBuf) keep(d *doc) {
	if d == nil {
		return
	}
	b.ls, b.prob, b.pos = d.ls[:0], d.prob[:0], d.pos[:0]
}

// take returns the kept arrays and forgets them; a nil b gives none.
func (b *docBuf) take() docBuf {
	if b == nil {
		return docBuf{}
	}
	out := *b
	*b = docBuf{}
	return out
}

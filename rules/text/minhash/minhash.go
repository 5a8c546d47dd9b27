package minhash

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
)

// FNV-1a, 64 bits: a hash that is the same on every machine and every run.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Mix64 is splitmix64's finaliser: a bijection that spreads every input bit
// over the whole output.
func Mix64(x uint64) uint64 { return text.Mix64(x) }

// EachWord calls fn with a hash of every word of s, in order, after the light
// normalisation the duplicate rules share: a word is a run of letters, digits
// and marks, lower-cased; everything else (white space, punctuation, symbols)
// only separates words. So "The cat, sat." and "the  cat sat" have the same
// words. It returns the number of words.
func EachWord(s string, fn func(h uint64)) int {
	n := 0
	h := uint64(fnvOffset)
	in := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if in {
					fn(h)
					n++
					in = false
					h = fnvOffset
				}
				continue
			}
			in = true
			h = (h ^ uint64(c)) * fnvPrime
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			if in {
				fn(h)
				n++
				in = false
				h = fnvOffset
			}
			continue
		}
		in = true
		k := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:k] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	if in {
		fn(h)
		n++
	}
	return n
}

// TextHash returns a hash of the normalised words of s (EachWord), and false
// when s has no word at all: two texts equal but for case, white space and
// punctuation have the same hash.
func TextHash(s string) (uint64, bool) {
	h := uint64(fnvOffset)
	n := EachWord(s, func(w uint64) { h = Mix64(h ^ w) })
	return h, n > 0
}

// Config is datatrove's MinhashConfig: words per shingle, LSH bands, minhashes
// per band and the seed of the hash functions' parameters.
type Config struct {
	NGrams    int
	Buckets   int
	PerBucket int
	Seed      int
}

// Defaults is datatrove's MinhashConfig defaults: 5-word shingles, 14 bands of
// 8 minhashes, seed 1.
var Defaults = Config{NGrams: 5, Buckets: 14, PerBucket: 8, Seed: 1}

// K is the number of minhashes (bytes) of a signature: bands × per band.
func (c Config) K() int { return c.Buckets * c.PerBucket }

// Threshold is the similarity at which two documents share a band with
// probability one half, about (1/b)^(1/r): 0.719 with the defaults.
func (c Config) Threshold() float64 {
	return math.Pow(1/float64(c.Buckets), 1/float64(c.PerBucket))
}

// Signer computes signatures for one Config. It keeps scratch space, so one
// Signer serves one goroutine at a time (a corpus state observes on one).
type Signer struct {
	c          Config
	a, b       []uint64
	mins, ring []uint64
	batch      []uint64 // shingle hashes for fold
}

// NewSigner returns a Signer for c. The hash functions' parameters come from
// c.Seed only, so every worker and machine signs alike.
func NewSigner(c Config) *Signer {
	k := c.K()
	s := &Signer{c: c, a: make([]uint64, k), b: make([]uint64, k), mins: make([]uint64, k)}
	x := uint64(c.Seed)
	next := func() uint64 { x += 0x9e3779b97f4a7c15; return Mix64(x) }
	for i := range k {
		s.a[i] = next() | 1 // odd: a·x+b is then a permutation of the 64-bit words
		s.b[i] = next()
	}
	return s
}

// Config returns the signer's configuration.
func (s *Signer) Config() Config { return s.c }

// Sign fills sig (K bytes) with the b-bit MinHash signature of t (each
// minhash kept as one byte: Li and König 2010) and reports whether t has a
// shingle at all (at least NGrams words).
func (s *Signer) Sign(t string, sig []byte) bool {
	n := s.c.NGrams
	mins := s.mins
	for i := range mins {
		mins[i] = math.MaxUint64
	}
	// The words are not kept, only the last n, twice over in a ring of 2n so
	// that the last n are always in one piece, and the hashes of the last
	// shingles, folded into mins a batch at a time: a document's word hashes
	// took 8 bytes a word (16 MB for 10 MB of prose, kept by the signer after).
	if len(s.ring) != 2*n {
		s.ring = make([]uint64, 2*n)
	}
	if s.batch == nil {
		s.batch = make([]uint64, 0, signBatch)
	}
	ring, batch := s.ring, s.batch[:0]
	words, at := 0, 0 // at: where the next word goes in ring
	EachWord(t, func(h uint64) {
		ring[at], ring[at+n] = h, h
		if at++; at == n {
			at = 0
		}
		if words++; words < n {
			return
		}
		x := uint64(fnvOffset)
		for _, w := range ring[at : at+n] {
			x = Mix64(x ^ w)
		}
		if batch = append(batch, x); len(batch) == signBatch {
			s.fold(batch)
			batch = batch[:0]
		}
	})
	if words < n {
		return false
	}
	s.fold(batch)
	for j, m := range mins {
		sig[j] = byte(Mix64(m))
	}
	return true
}

// signBatch is how many shingle hashes Sign folds into the minhashes at once.
const signBatch = 256

// fold lowers each minhash to the least of its hash function over the
// shingle hashes xs.
func (s *Signer) fold(xs []uint64) {
	// The loop is the first pass's main cost (every document of a batch with
	// repeated-line on). It runs hash function by hash function over the whole
	// batch, with four running minima: a minhash stays in a register for the
	// batch instead of a load and a store for every shingle, and the four
	// chains of conditional moves overlap. The minimum is the same in any
	// order.
	mins := s.mins
	a, b := s.a[:len(mins)], s.b[:len(mins)]
	n := len(xs) &^ 3
	for j := range mins {
		aj, bj := a[j], b[j]
		m0, m1, m2, m3 := mins[j], uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(math.MaxUint64)
		for k := 0; k < n; k += 4 {
			q := xs[k : k+4 : k+4]
			m0 = min(m0, aj*q[0]+bj)
			m1 = min(m1, aj*q[1]+bj)
			m2 = min(m2, aj*q[2]+bj)
			m3 = min(m3, aj*q[3]+bj)
		}
		for _, x := range xs[n:] {
			m0 = min(m0, aj*x+bj)
		}
		mins[j] = min(m0, m1, m2, m3)
	}
}

// BandKey is the key of one band of a signature: its bytes, packed, when they
// fit in a word, else their hash. Two documents are LSH candidates when the
// keys of one band agree.
func BandKey(b []byte) uint64 {
	if len(b) <= 8 {
		var k uint64
		for _, c := range b {
			k = k<<8 | uint64(c)
		}
		return k
	}
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// Estimate is the Jaccard similarity of two documents estimated from their
// b-bit signatures: one-byte minhashes agree with probability s + (1-s)/256.
func Estimate(x, y []byte) float64 {
	eq := 0
	for i := range x {
		if x[i] == y[i] {
			eq++
		}
	}
	const c = 1.0 / 256
	return max(0, (float64(eq)/float64(len(x))-c)/(1-c))
}

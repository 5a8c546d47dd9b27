package boilerplate

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"slices"
	"sync"

	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

// The binary form of an repeatedState, so that a distributed runner can move partial
// states between workers (encoding.BinaryMarshaler and BinaryUnmarshaler):
//
//	version byte (1)
//	uvarint maxPairs, byte pruned (0 or 1)
//	uvarint number of sites, then per site (in hash order): 8-byte site hash, uvarint documents
//	uvarint number of pairs, then per pair (in site, line order): 8-byte site hash,
//	    8-byte line hash, uvarint documents
//	uvarint maxDocs, uvarint number of document keys, then per key (in order):
//	    8-byte key, uvarint documents
//	uvarint K (bytes per signature), uvarint number of signed documents, then per
//	    document (in place-hash, then signature order): 8-byte place hash, K bytes
//
// Hashes are little-endian. Entries are sorted so that equal states encode to
// equal bytes.
// Version 4: document keys hash the text with text.Hash64 (version 3: FNV-1a), so
// states of older versions, whose keys would never match, are refused.
const codecVersion = 4

var errRLCorrupt = errors.New("repeated-line: corrupt state encoding")

// MarshalBinary implements encoding.BinaryMarshaler.
func (s *repeatedState) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 16+12*len(s.sites)+20*s.pairs.Len())
	b = append(b, codecVersion)
	b = binary.AppendUvarint(b, uint64(max(s.maxPairs, 0)))
	pruned := byte(0)
	if s.pruned {
		pruned = 1
	}
	b = append(b, pruned)

	sites := make([]uint64, 0, len(s.sites))
	for k := range s.sites {
		sites = append(sites, k)
	}
	slices.Sort(sites)
	b = binary.AppendUvarint(b, uint64(len(sites)))
	for _, k := range sites {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.AppendUvarint(b, uint64(s.sites[k]))
	}

	type pair struct {
		repeatedKey
		n uint32
	}
	pairs := make([]pair, 0, s.pairs.Len())
	s.pairs.each(func(k repeatedKey, n uint32) { pairs = append(pairs, pair{k, n}) })
	slices.SortFunc(pairs, func(x, y pair) int {
		switch {
		case x.site != y.site:
			if x.site < y.site {
				return -1
			}
			return 1
		case x.line < y.line:
			return -1
		case x.line > y.line:
			return 1
		}
		return 0
	})
	b = binary.AppendUvarint(b, uint64(len(pairs)))
	for _, k := range pairs {
		b = binary.LittleEndian.AppendUint64(b, k.site)
		b = binary.LittleEndian.AppendUint64(b, k.line)
		b = binary.AppendUvarint(b, uint64(k.n))
	}
	keys := make([]uint64, 0, len(s.docs))
	for k := range s.docs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.AppendUvarint(b, uint64(max(s.maxDocs, 0)))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.AppendUvarint(b, uint64(s.docs[k]))
	}
	k := minhash.Defaults.K()
	sig := func(i int) []byte { return s.sigs[i*k : (i+1)*k] }
	order := make([]int, len(s.sigPlaces))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		if c := cmp.Compare(s.sigPlaces[x], s.sigPlaces[y]); c != 0 {
			return c
		}
		return bytes.Compare(sig(x), sig(y))
	})
	b = binary.AppendUvarint(b, uint64(k))
	b = binary.AppendUvarint(b, uint64(len(order)))
	for _, i := range order {
		b = binary.LittleEndian.AppendUint64(b, s.sigPlaces[i])
		b = append(b, sig(i)...)
	}
	return b, nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler. It replaces whatever s
// held; s may be a fresh state from NewState.
func (s *repeatedState) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != codecVersion {
		return errRLCorrupt
	}
	b = b[1:]
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			bad = true
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	u64 := func() uint64 {
		if len(b) < 8 {
			bad = true
			b = nil
			return 0
		}
		v := binary.LittleEndian.Uint64(b)
		b = b[8:]
		return v
	}
	count := func() uint32 {
		v := uv()
		if v > 1<<32-1 {
			bad = true
		}
		return uint32(v)
	}
	maxPairs := uv()
	if bad || len(b) < 1 || b[0] > 1 || maxPairs > 1<<40 {
		return errRLCorrupt
	}
	pruned := b[0] == 1
	b = b[1:]

	nSites := uv()
	if bad || nSites > uint64(len(b))/9 { // each site takes at least 9 bytes
		return errRLCorrupt
	}
	sites := make(map[uint64]uint32, nSites)
	for range nSites {
		k := u64()
		sites[k] = count()
	}
	nPairs := uv()
	if bad || nPairs > uint64(len(b))/17 { // each pair takes at least 17 bytes
		return errRLCorrupt
	}
	pairs := newPairTable()
	for range nPairs {
		site := u64()
		line := u64()
		n := count()
		if bad || n == 0 { // MarshalBinary writes no empty pair
			return errRLCorrupt
		}
		// A key written twice keeps its last count, as the map this table
		// replaced did.
		k := repeatedKey{site, line}
		if !pairs.setExisting(k, n) {
			pairs.insert(k, n)
		}
	}
	maxDocs := uv()
	nDocs := uv()
	if bad || maxDocs > 1<<40 || nDocs > uint64(len(b))/9 {
		return errRLCorrupt
	}
	docs := make(map[uint64]uint32, nDocs)
	for range nDocs {
		k := u64()
		docs[k] = count()
	}
	k := minhash.Defaults.K()
	if uv() != uint64(k) {
		return errRLCorrupt
	}
	nSigs := uv()
	if bad || nSigs > uint64(len(b))/uint64(8+k) {
		return errRLCorrupt
	}
	places := make([]uint64, 0, nSigs)
	sigs := make([]byte, 0, int(nSigs)*k)
	for range nSigs {
		places = append(places, u64())
		sigs = append(sigs, b[:k]...)
		b = b[k:]
	}
	if bad || len(b) != 0 {
		return errRLCorrupt
	}
	s.maxPairs = int(maxPairs)
	s.sites = sites
	s.pairs = pairs
	s.maxDocs = int(maxDocs)
	s.docs = docs
	s.pruned = pruned
	s.sigPlaces, s.sigs = places, sigs
	s.once = sync.Once{}
	s.lineSites = pairTable{}
	s.sigOrder, s.clusterSize = nil, nil
	return nil
}

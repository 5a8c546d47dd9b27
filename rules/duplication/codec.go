package duplication

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// reader decodes the binary forms of the states: uvarints, varints, 8-byte
// little-endian words and length-prefixed strings; any short or bad field sets
// bad, and the caller checks it once at the end.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) uv() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) sv() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) u64() uint64 {
	if len(r.b) < 8 {
		r.bad, r.b = true, nil
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

// count reads a uvarint that says how many items follow, each at least min
// bytes long, so a corrupt count cannot make the decoder allocate gigabytes.
func (r *reader) count(min int) int {
	v := r.uv()
	if r.bad || v > uint64(len(r.b)/min) {
		r.bad = true
		return 0
	}
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.bad, r.b = true, nil
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) str() string {
	n := r.uv()
	if r.bad || n > uint64(len(r.b)) {
		r.bad, r.b = true, nil
		return ""
	}
	return string(r.bytes(int(n)))
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// usedPaths returns the paths that used names, sorted, and the new index of
// every old one: an encoding names paths in sorted order, so that equal states
// encode to equal bytes whatever order their paths were first seen in.
func usedPaths(names []string, used func(yield func(uint32))) ([]string, map[uint32]uint32) {
	seen := map[uint32]bool{}
	used(func(i uint32) { seen[i] = true })
	var out []string
	for i := range seen {
		out = append(out, names[i])
	}
	slices.Sort(out)
	pos := make(map[string]uint32, len(out))
	for i, n := range out {
		pos[n] = uint32(i)
	}
	remap := make(map[uint32]uint32, len(seen))
	for i := range seen {
		remap[i] = pos[names[i]]
	}
	return out, remap
}

// The binary form of a dupState (encoding.BinaryMarshaler and
// BinaryUnmarshaler), so that the Beam pipeline can move partial states:
//
//	version byte (1)
//	uvarint number of paths, then each path (sorted): uvarint length, bytes
//	uvarint number of texts, then per text (in hash order): 8-byte hash,
//	    uvarint path index, varint record, uvarint copies, uvarint id length, id
const dupCodecVersion = 1

var errDupCorrupt = errors.New("duplicate-document: corrupt state encoding")

// MarshalBinary implements encoding.BinaryMarshaler.
func (s *dupState) MarshalBinary() ([]byte, error) {
	names, remap := usedPaths(s.paths.names, func(yield func(uint32)) {
		for _, e := range s.first {
			yield(e.path)
		}
	})
	hs := make([]uint64, 0, len(s.first))
	for h := range s.first {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	b := make([]byte, 0, 16+len(hs)*24)
	b = append(b, dupCodecVersion)
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		b = appendStr(b, n)
	}
	b = binary.AppendUvarint(b, uint64(len(hs)))
	for _, h := range hs {
		e := s.first[h]
		b = binary.LittleEndian.AppendUint64(b, h)
		b = binary.AppendUvarint(b, uint64(remap[e.path]))
		b = binary.AppendVarint(b, e.record)
		b = binary.AppendUvarint(b, uint64(e.copies))
		b = appendStr(b, e.id)
	}
	return b, nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler. It replaces whatever s
// held; s may be a fresh state from NewState.
func (s *dupState) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != dupCodecVersion {
		return errDupCorrupt
	}
	r := &reader{b: b[1:]}
	var ps paths
	for range r.count(1) {
		n := r.str()
		if _, dup := ps.index[n]; dup {
			return errDupCorrupt
		}
		ps.id(n)
	}
	n := r.count(12) // hash, path, record, copies, id length
	first := make(map[uint64]dupEntry, n)
	for range n {
		h := r.u64()
		p := r.uv()
		rec := r.sv()
		c := r.uv()
		id := r.str()
		if r.bad || p >= uint64(len(ps.names)) || c == 0 || c > 1<<32-1 {
			return errDupCorrupt
		}
		if _, dup := first[h]; dup {
			return errDupCorrupt
		}
		first[h] = dupEntry{path: uint32(p), copies: uint32(c), record: rec, id: id}
	}
	if r.bad || len(r.b) != 0 {
		return errDupCorrupt
	}
	s.paths, s.first = ps, first
	return nil
}

// The binary form of a nearState:
//
//	version byte (1)
//	uvarint n_grams, num_buckets, hashes_per_bucket, seed
//	uvarint number of paths, then each path (sorted): uvarint length, bytes
//	uvarint number of documents, then per document (in (path, record, id)
//	    order): uvarint path index, varint record, uvarint id length, id,
//	    num_buckets × hashes_per_bucket signature bytes
//
// A state decodes only into a state of the same options: signatures made with
// other parameters cannot be compared.
const nearCodecVersion = 1

var errNearCorrupt = errors.New("near-duplicate: corrupt state encoding")

// MarshalBinary implements encoding.BinaryMarshaler.
func (s *nearState) MarshalBinary() ([]byte, error) {
	names, remap := usedPaths(s.paths.names, func(yield func(uint32)) {
		for i := range s.docs {
			yield(s.docs[i].path)
		}
	})
	order := make([]int32, len(s.docs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return s.compare(int(x), int(y)) })
	k := s.k()
	b := make([]byte, 0, 32+len(s.docs)*(k+8)+len(s.ids))
	b = append(b, nearCodecVersion)
	for _, v := range []int{s.o.NGrams, s.o.Buckets, s.o.PerBucket, s.o.Seed} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		b = appendStr(b, n)
	}
	b = binary.AppendUvarint(b, uint64(len(order)))
	for _, i := range order {
		d := &s.docs[i]
		b = binary.AppendUvarint(b, uint64(remap[d.path]))
		b = binary.AppendVarint(b, d.record)
		b = appendStr(b, s.id(int(i)))
		b = append(b, s.sig(int(i))...)
	}
	return b, nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler. It replaces what s
// held; s must have the options the encoded state was made with.
func (s *nearState) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != nearCodecVersion {
		return errNearCorrupt
	}
	r := &reader{b: b[1:]}
	var o nearOptions
	for _, p := range []*int{&o.NGrams, &o.Buckets, &o.PerBucket, &o.Seed} {
		v := r.uv()
		if v > math.MaxInt32 {
			return errNearCorrupt
		}
		*p = int(v)
	}
	if r.bad {
		return errNearCorrupt
	}
	if o != s.o {
		return fmt.Errorf("near-duplicate: the encoded state was made with other options (%+v, want %+v)", o, s.o)
	}
	k := s.k()
	var ps paths
	for range r.count(1) {
		n := r.str()
		if _, dup := ps.index[n]; dup {
			return errNearCorrupt
		}
		ps.id(n)
	}
	n := r.count(3 + k)
	fresh := newNearState(s.o)
	fresh.paths = ps
	fresh.docs = make([]nearDoc, 0, n)
	fresh.sigs = make([]byte, 0, n*k)
	for range n {
		p := r.uv()
		rec := r.sv()
		id := r.str()
		sig := r.bytes(k)
		if r.bad || p >= uint64(len(ps.names)) {
			return errNearCorrupt
		}
		fresh.docs = append(fresh.docs, nearDoc{record: rec, idStart: uint64(len(fresh.ids)), path: uint32(p), idLen: uint32(len(id))})
		fresh.ids = append(fresh.ids, id...)
		fresh.sigs = append(fresh.sigs, sig...)
	}
	if r.bad || len(r.b) != 0 {
		return errNearCorrupt
	}
	s.paths, s.docs, s.ids, s.sigs = fresh.paths, fresh.docs, fresh.ids, fresh.sigs
	s.once = sync.Once{}
	s.order, s.root, s.size = nil, nil, nil
	return nil
}

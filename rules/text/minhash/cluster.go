package minhash

import "slices"

// Cluster joins n signatures into near-duplicate clusters, as datatrove's
// MinhashBuckets and MinhashCluster do: for each band the signatures are
// sorted by the band's key, each run of equal keys is joined, and union-find
// makes a chain A~B~C one cluster. sig(i) returns the i-th signature (K bytes).
// root[i] is the smallest index of i's cluster: union-find links the larger
// root under the smaller, so the roots depend only on the signatures and their
// order, never on the order of the unions.
func Cluster(c Config, n int, sig func(i int) []byte) (root []int32) {
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	type entry struct {
		key uint64
		pos int32
	}
	keys := make([]entry, n)
	r := c.PerBucket
	for band := range c.Buckets {
		for p := range n {
			keys[p] = entry{BandKey(sig(p)[band*r : (band+1)*r]), int32(p)}
		}
		slices.SortFunc(keys, func(x, y entry) int {
			switch {
			case x.key < y.key:
				return -1
			case x.key > y.key:
				return 1
			}
			return int(x.pos - y.pos)
		})
		for j := 1; j < n; j++ {
			if keys[j].key != keys[j-1].key {
				continue
			}
			ra, rb := find(keys[j-1].pos), find(keys[j].pos)
			switch {
			case ra < rb:
				parent[rb] = ra
			case rb < ra:
				parent[ra] = rb
			}
		}
	}
	for p := range parent {
		parent[p] = find(int32(p))
	}
	return parent
}

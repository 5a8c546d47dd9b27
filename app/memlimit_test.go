package app

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestHeapLimit: the budget grows with the record limit and the workers, and
// never passes three quarters of the machine's memory.
func TestHeapLimit(t *testing.T) {
	for _, tc := range []struct {
		maxRecord int64
		workers   int
		ram       int64
		want      int64
		what      string
	}{
		{256 << 20, 2, 0, 256<<20 + 4*2*(256<<20), "default limit on 2 workers, memory unknown"},
		{256 << 20, 2, 24 << 30, 256<<20 + 4*2*(256<<20), "the budget is under the memory"},
		{256 << 20, 64, 24 << 30, 18 << 30, "64 workers: three quarters of 24 GiB"},
		{16 << 20, 1, 24 << 30, 256<<20 + 4*(16<<20), "a lower record limit lowers the budget"},
		{1 << 62, 8, 0, math.MaxInt64, "no overflow"},
	} {
		if got := heapLimit(tc.maxRecord, tc.workers, tc.ram); got != tc.want {
			t.Errorf("%s: heapLimit(%d, %d, %d) = %d, want %d", tc.what, tc.maxRecord, tc.workers, tc.ram, got, tc.want)
		}
	}
}

// TestBoundHeapKeepsGOMEMLIMIT: a limit the user set is left alone.
func TestBoundHeapKeepsGOMEMLIMIT(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	debug.SetMemoryLimit(3 << 30)
	t.Setenv("GOMEMLIMIT", "3GiB")
	if got := boundHeap(16<<20, 1); got != 3<<30 {
		t.Errorf("boundHeap with GOMEMLIMIT set: limit %d, want 3GiB kept", got)
	}
	t.Setenv("GOMEMLIMIT", "")
	want := heapLimit(16<<20, 1, machineMemory())
	if got := boundHeap(16<<20, 1); got != want || debug.SetMemoryLimit(-1) != want {
		t.Errorf("boundHeap: limit %d (runtime %d), want %d", got, debug.SetMemoryLimit(-1), want)
	}
}

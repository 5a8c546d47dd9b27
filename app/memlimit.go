package app

import (
	"bufio"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Heap bound. With Go's default GOGC=100 the heap may grow to twice what the
// last collection left live before the next one, so a run whose documents need
// 1.3 GB live peaked at 1.7 GB, and where the collections fell decided the
// peak (issue 16). A soft memory limit makes the collector run before the heap
// passes it; under it nothing changes.
const (
	// heapPerRecordByte is the budget a run gives each byte of a document in
	// flight: the ratio issue 16 aims at, reached by prose with a rule that
	// tokenizes nothing (docs/limits.md has what each shape needs).
	heapPerRecordByte = 4
	// heapBase is the budget of everything else: the rules' tables, the
	// corpus rules' counts, the reader's buffers.
	heapBase = 256 << 20
	// heapRAMShare is the share of the machine's memory (or of the cgroup's
	// limit) the budget never exceeds.
	heapRAMShare = 0.75
)

// heapLimit is the soft memory limit of a run of workers documents of at most
// maxRecord bytes each on a machine with ram bytes of memory (0: unknown):
// heapBase plus heapPerRecordByte times what the documents in flight may hold,
// and at most heapRAMShare of the memory.
func heapLimit(maxRecord int64, workers int, ram int64) int64 {
	limit := int64(math.MaxInt64)
	if maxRecord > 0 && workers > 0 && maxRecord <= (math.MaxInt64-heapBase)/heapPerRecordByte/int64(workers) {
		limit = heapBase + heapPerRecordByte*maxRecord*int64(workers)
	}
	if ram > 0 {
		limit = min(limit, int64(float64(ram)*heapRAMShare))
	}
	return limit
}

// boundHeap sets the run's soft memory limit (heapLimit) unless GOMEMLIMIT
// set one; it returns the limit in force.
func boundHeap(maxRecord int64, workers int) int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1)
	}
	limit := heapLimit(maxRecord, workers, machineMemory())
	debug.SetMemoryLimit(limit)
	return limit
}

// machineMemory returns the memory the process may use: the cgroup (v2)
// limit when there is one, else the machine's total memory; 0 when neither
// can be read (not Linux).
func machineMemory() int64 {
	var ram int64
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
				if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64); err == nil {
					ram = kb << 10
				}
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (ram == 0 || n < ram) {
			ram = n
		}
	}
	return ram
}

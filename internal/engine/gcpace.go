package engine

import (
	"os"
	"runtime/debug"
	"sync"
)

// While a large document is checked the collector runs sooner. With Go's
// default GOGC=100 the heap may grow to twice what the last collection left
// live before the next one, and a 10 MB document of short lines keeps over a
// gigabyte live (docs/limits.md): where the collections fell decided whether
// it peaked at 1.3 or 1.7 GB. At GOGC=25 the heap passes the live part by a
// quarter at most. The large arrays of such a document hold no pointers, so
// the extra collections cost little; batches of ordinary documents keep the
// default pacing.
const (
	// bigDocBytes is the size from which a document is large.
	bigDocBytes = 4 << 20
	// bigDocGCPercent is the GOGC in force while one is checked.
	bigDocGCPercent = 25
)

// gcPace counts the large documents being checked and holds the GOGC to
// restore when the last one is done.
var gcPace struct {
	sync.Mutex
	n    int
	prev int
}

// paceFor lowers GOGC while a document of size bytes is checked, when it is
// large and the user did not set GOGC; the returned function restores it.
func paceFor(size int) func() {
	if size < bigDocBytes || os.Getenv("GOGC") != "" {
		return func() {}
	}
	gcPace.Lock()
	if gcPace.n == 0 {
		gcPace.prev = debug.SetGCPercent(bigDocGCPercent)
	}
	gcPace.n++
	gcPace.Unlock()
	return func() {
		gcPace.Lock()
		gcPace.n--
		if gcPace.n == 0 {
			debug.SetGCPercent(gcPace.prev)
		}
		gcPace.Unlock()
	}
}

package engine

import (
	"runtime/debug"
	"testing"
)

// TestPaceFor: GOGC is lowered while a large document is checked, restored
// when the last one is done, left alone for small documents and when the user
// set GOGC.
func TestPaceFor(t *testing.T) {
	t.Setenv("GOGC", "")
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	gc := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	done := paceFor(bigDocBytes - 1)
	if gc() != 100 {
		t.Errorf("small document: GOGC %d, want 100", gc())
	}
	done()
	d1 := paceFor(bigDocBytes)
	d2 := paceFor(bigDocBytes)
	if gc() != bigDocGCPercent {
		t.Errorf("two large documents: GOGC %d, want %d", gc(), bigDocGCPercent)
	}
	d1()
	if gc() != bigDocGCPercent {
		t.Errorf("one large document left: GOGC %d, want %d", gc(), bigDocGCPercent)
	}
	d2()
	if gc() != 100 {
		t.Errorf("none left: GOGC %d, want 100 again", gc())
	}
	t.Setenv("GOGC", "200")
	debug.SetGCPercent(200)
	paceFor(bigDocBytes)()
	if gc() != 200 {
		t.Errorf("GOGC set by the user: %d, want 200 kept", gc())
	}
}

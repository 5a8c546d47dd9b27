package source

import (
	"fmt"
	"strings"
)

// MaxRepeatedErrors is how many errors of one kind a file reports one by one;
// the rest are counted and reported in one summary line at the end of the file, so
// that a file with a damaged stretch, or a wrong --text-field that fails every
// record alike, does not bury the rest of the output. This is the only cap:
// every command prints what the reader yields, so lint, fix, baseline, report
// and the Beam pipeline summarise alike. Warnings (InputError.Warning) are
// capped the same way, apart from errors.
const MaxRepeatedErrors = 5

// errorCap passes a file's items through, marking the errors of a kind already
// reported MaxRepeatedErrors times as Unlisted, and reports those as one summary
// at the end. Every item still comes through, so that nothing is lost where the
// record matters (fix --output sets every unreadable record aside).
type errorCap struct {
	yield func(Item) bool
	count map[string]int
	held  map[string]*heldErrors
	order []string // kinds with held errors, in the order they first overflowed
	// stopped is set once the consumer returned false: nothing more is sent.
	stopped bool
}

// heldErrors counts the errors of one kind that are not listed.
type heldErrors struct {
	n           int
	first, last int    // their records
	example     Item   // the last one listed, for its message and format
	kind        string // what its message says the problem is, as written
}

func newErrorCap(yield func(Item) bool) *errorCap {
	return &errorCap{yield: yield}
}

// Yield passes it on, or counts it when its kind was reported often enough.
func (c *errorCap) Yield(it Item) bool {
	if it.Err == nil || it.Err.Record == 0 {
		return c.pass(it)
	}
	k := errorKind(it.Err.Msg)
	if it.Err.Warning {
		k = "warning " + k
	}
	if c.count == nil {
		c.count = map[string]int{}
		c.held = map[string]*heldErrors{}
	}
	c.count[k]++
	if c.count[k] <= MaxRepeatedErrors {
		if c.count[k] == MaxRepeatedErrors {
			c.held[k] = &heldErrors{example: it, kind: errorPrefix(it.Err.Msg)}
		}
		return c.pass(it)
	}
	h := c.held[k]
	if h.n == 0 {
		h.first = it.Err.Record
		c.order = append(c.order, k)
	}
	h.n++
	h.last = it.Err.Record
	e := *it.Err
	e.Unlisted = true
	it.Err = &e
	return c.pass(it)
}

func (c *errorCap) pass(it Item) bool {
	if !c.yield(it) {
		c.stopped = true
	}
	return !c.stopped
}

// Finish reports the held errors, one summary per kind, unless the consumer
// stopped.
func (c *errorCap) Finish() {
	for _, k := range c.order {
		if c.stopped {
			return
		}
		h := c.held[k]
		e := h.example.Err
		what := "record"
		if h.example.Format == JSONL {
			what = "line"
		}
		msg := fmt.Sprintf("%d more of: %s (%ss %d-%d; %d in all, the first %d shown)",
			h.n, h.kind, what, h.first, h.last, h.n+MaxRepeatedErrors, MaxRepeatedErrors)
		it := errItem(e.Path, 0, msg, h.example.Format, h.example.Compression)
		it.Err.Omitted = h.n
		it.Err.Warning = e.Warning
		c.pass(it)
	}
}

// errorKind is what makes two errors "the same": the message up to its first
// colon (the kind of problem, "invalid JSON"), or the whole message, with every
// run of digits folded to one "N" (positions and sizes differ from line to line).
func errorKind(msg string) string {
	msg = errorPrefix(msg)
	var b strings.Builder
	digits := false
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		if c >= '0' && c <= '9' {
			if !digits {
				b.WriteByte('N')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteByte(c)
	}
	return b.String()
}

// errorPrefix is a message up to its first colon: the kind of problem.
func errorPrefix(msg string) string {
	if i := strings.Index(msg, ": "); i > 0 {
		return msg[:i]
	}
	return msg
}

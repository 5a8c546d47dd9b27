// Package progress draws a one-line progress bar on a terminal for long runs:
// the pass, bytes read of the pass's total, documents done, throughput and time
// left, as in
//
//	pass 2/2: checking  312.4 MiB / 1.2 GiB  26%  48,210 docs  41.7 MiB/s  ETA 0:22
//
// A run that reads its input twice (corpus rules first count lines over every
// file) shows each pass on its own (SetPass): its label, its own total, and a
// rate and time left measured from the pass's start, so neither adds up the
// two passes.
//
// Counting is a pair of atomic adds, cheap enough for the reader to call as it
// goes; a goroutine redraws the line at most ten times a second with a carriage
// return. A bar exists only when its output is a terminal: Start returns nil
// otherwise, and every method of a nil *Bar does nothing, so callers need no
// conditions.
//
// Other output to the same terminal goes through Wrap, which clears the bar
// before each write and keeps it off the screen while a line is half written.
package progress

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-isatty"
)

// Interval is the time between redraws.
const Interval = 100 * time.Millisecond

// maxWidth keeps the line inside an 80-column terminal, where a carriage return
// can still reach its start.
const maxWidth = 79

// Bar is a progress line on a terminal. Its methods are safe for concurrent use,
// and do nothing on a nil *Bar.
type Bar struct {
	bytes atomic.Int64
	docs  atomic.Int64
	now   func() time.Time

	pmu    sync.Mutex // guards the pass: label, total, start, noDocs
	label  string     // "pass 1/2: counting lines"; "" for none
	total  int64      // bytes of the pass; < 0 when unknown
	start  time.Time
	noDocs bool // the pass counts no documents (the counting pass)

	mu      sync.Mutex // guards the fields below and every write to out
	out     io.Writer
	shown   bool // a bar line is on the screen
	midLine int  // wrapped writers whose last write did not end a line
	stopped bool

	quit  chan struct{}
	done  chan struct{}
	drawn chan struct{} // tests: told after each tick's draw
}

// Enabled reports whether a progress bar belongs on w: w is a terminal, the user
// did not ask for quiet, and the terminal is not a dumb one (TERM=dumb cannot
// move the cursor back).
func Enabled(w io.Writer, quiet bool) bool {
	return !quiet && isTerminal(w) && os.Getenv("TERM") != "dumb"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// TotalSize is the total for a bar over files: the sum of their sizes, or -1 when
// a size is unknown (standard input "-", a pipe, a file that cannot be read).
// Corpus rules read each file twice; a caller that runs them passes the files
// twice, or doubles the result.
func TotalSize(files []string) int64 {
	var total int64
	for _, f := range files {
		if f == "-" {
			return -1
		}
		st, err := os.Stat(f)
		if err != nil || !st.Mode().IsRegular() {
			return -1
		}
		total += st.Size()
	}
	return total
}

// Start draws a bar on w, for total bytes of input (total < 0 when unknown, as
// for standard input: then no percentage and no ETA), and returns it. It returns
// nil when enabled is false.
func Start(w io.Writer, total int64, enabled bool) *Bar {
	if !enabled {
		return nil
	}
	t := time.NewTicker(Interval)
	b := newBar(w, total, time.Now, t.C, nil)
	go func() {
		<-b.done
		t.Stop()
	}()
	return b
}

// newBar starts a bar redrawn on each tick, reading the time from now; tests
// drive both, and pass drawn to learn when a tick's draw is done.
func newBar(w io.Writer, total int64, now func() time.Time, tick <-chan time.Time, drawn chan struct{}) *Bar {
	b := &Bar{total: total, out: w, now: now, start: now(),
		quit: make(chan struct{}), done: make(chan struct{}), drawn: drawn}
	go func() {
		defer close(b.done)
		for {
			select {
			case <-b.quit:
				return
			case <-tick:
				b.draw()
				if b.drawn != nil {
					b.drawn <- struct{}{}
				}
			}
		}
	}()
	return b
}

// SetPass starts a pass over the input: label names it in the line, total is
// its bytes (< 0 when unknown), and the bytes, the rate and the time left count
// from now. docs says whether the pass counts documents (AddDocs); a pass that
// does not shows no count rather than a zero.
func (b *Bar) SetPass(label string, total int64, docs bool) {
	if b == nil {
		return
	}
	b.pmu.Lock()
	b.label, b.total, b.start, b.noDocs = label, total, b.now(), !docs
	b.bytes.Store(0)
	b.pmu.Unlock()
}

// AddBytes counts n more bytes of input read. Its signature fits
// source.Options.Progress.
func (b *Bar) AddBytes(n int64) {
	if b != nil {
		b.bytes.Add(n)
	}
}

// AddDocs counts n more documents done.
func (b *Bar) AddDocs(n int64) {
	if b != nil {
		b.docs.Add(n)
	}
}

// Stop removes the bar from the screen and stops redrawing. It may be called more
// than once.
func (b *Bar) Stop() {
	if b == nil {
		return
	}
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.stopped = true
	b.clear()
	b.mu.Unlock()
	close(b.quit)
	<-b.done
}

// draw redraws the line, unless other output is in the middle of a line.
func (b *Bar) draw() {
	line := b.render(b.now())
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopped || b.midLine > 0 {
		return
	}
	_, _ = io.WriteString(b.out, "\r"+line+"\x1b[K")
	b.shown = true
}

// clear erases the line; b.mu must be held.
func (b *Bar) clear() {
	if b.shown {
		_, _ = io.WriteString(b.out, "\r\x1b[K")
		b.shown = false
	}
}

// Wrap returns a writer for other output that shares the terminal with the bar:
// each write first clears the bar, which comes back at the next redraw once the
// output has finished its line. Output that does not go to a terminal (a file, a
// pipe) cannot collide with the bar and is returned unwrapped, and so is
// everything when b is nil.
func (b *Bar) Wrap(w io.Writer) io.Writer {
	if b == nil {
		return w
	}
	if _, ok := w.(*os.File); ok && !isTerminal(w) {
		return w
	}
	return &writer{bar: b, w: w}
}

type writer struct {
	bar *Bar
	w   io.Writer
	mid bool // the last write did not end a line
}

func (w *writer) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	b := w.bar
	b.mu.Lock()
	defer b.mu.Unlock()
	b.clear()
	n, err := w.w.Write(p)
	mid := p[len(p)-1] != '\n'
	if mid != w.mid {
		if mid {
			b.midLine++
		} else {
			b.midLine--
		}
		w.mid = mid
	}
	return n, err
}

// render formats the line at time now.
func (b *Bar) render(now time.Time) string {
	b.pmu.Lock()
	label, total, start, showDocs := b.label, b.total, b.start, !b.noDocs
	b.pmu.Unlock()
	done, docs := b.bytes.Load(), b.docs.Load()
	elapsed := now.Sub(start).Seconds()
	fields := make([]string, 0, 7)
	keep := 1 // fields never dropped: the label and the bytes
	if label != "" {
		fields = append(fields, label)
		keep++
	}
	if total >= 0 {
		pct := 100
		if total > 0 {
			pct = int(min(done, total) * 100 / total)
		}
		fields = append(fields, Bytes(done)+" / "+Bytes(total), strconv.Itoa(pct)+"%")
	} else {
		fields = append(fields, Bytes(done))
	}
	if showDocs {
		fields = append(fields, Count(docs)+" docs")
	}
	var eta string
	if elapsed >= 1 {
		rate := float64(done) / elapsed
		fields = append(fields, Bytes(int64(rate))+"/s")
		if showDocs {
			fields = append(fields, Count(int64(float64(docs)/elapsed))+" docs/s")
		}
		if total > 0 && rate > 0 && done < total {
			eta = "ETA " + Duration(time.Duration(float64(total-done)/rate*float64(time.Second)))
		}
	}
	if eta != "" {
		fields = append(fields, eta)
	}
	line := strings.Join(fields, "  ")
	for len(line) > maxWidth && len(fields) > keep {
		// Drop the least useful fields first: docs/s, then the rate, the
		// documents, the percentage.
		i := len(fields) - 1
		if eta != "" {
			i--
		}
		if i < keep {
			break
		}
		fields = append(fields[:i], fields[i+1:]...)
		line = strings.Join(fields, "  ")
	}
	return line
}

// Bytes formats a byte count in binary units: "512 B", "1.5 KiB", "312.4 MiB".
func Bytes(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	v := float64(n)
	i := -1
	for v >= unit && i < 5 {
		v /= unit
		i++
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + string("KMGTPE"[i]) + "iB"
}

// Count formats n with thousands separators: "48,210".
func Count(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-" + Count(-n)
	}
	var b bytes.Buffer
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Duration formats a time left as m:ss, or h:mm:ss from an hour on.
func Duration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s < 3600 {
		return fmt.Sprintf("%d:%02d", s/60, s%60)
	}
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}

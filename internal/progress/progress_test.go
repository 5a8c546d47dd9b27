package progress

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// screen is a writer safe for the bar's goroutine and the test to share.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

// take returns what was written since the last call, with the control sequences
// spelled out.
func (s *screen) take() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := strings.NewReplacer("\r", "<CR>", "\x1b[K", "<EL>").Replace(s.buf.String())
	s.buf.Reset()
	return out
}

// clock is a fake time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// ticker drives a test bar's redraws.
type ticker struct {
	tick  chan time.Time
	drawn chan struct{}
}

// redraw makes the bar draw once and waits until it has.
func (t ticker) redraw() {
	t.tick <- time.Time{}
	<-t.drawn
}

func newTestBar(total int64) (*Bar, *screen, *clock, ticker) {
	scr := &screen{}
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	tk := ticker{tick: make(chan time.Time), drawn: make(chan struct{})}
	return newBar(scr, total, clk.now, tk.tick, tk.drawn), scr, clk, tk
}

func TestRender(t *testing.T) {
	tests := []struct {
		name    string
		total   int64
		bytes   int64
		docs    int64
		elapsed time.Duration
		want    string
	}{
		{"start", 100 << 20, 0, 0, 0, "0 B / 100.0 MiB  0%  0 docs"},
		{"no rates before a second", 100 << 20, 10 << 20, 1500, 500 * time.Millisecond, "10.0 MiB / 100.0 MiB  10%  1,500 docs"},
		{"rates and ETA", 100 << 20, 25 << 20, 40000, 5 * time.Second,
			"25.0 MiB / 100.0 MiB  25%  40,000 docs  5.0 MiB/s  8,000 docs/s  ETA 0:15"},
		{"ETA in hours", 1 << 40, 1 << 30, 12, 10 * time.Second,
			"1.0 GiB / 1.0 TiB  0%  12 docs  102.4 MiB/s  1 docs/s  ETA 2:50:30"},
		{"done", 2048, 2048, 3, 2 * time.Second, "2.0 KiB / 2.0 KiB  100%  3 docs  1.0 KiB/s  1 docs/s"},
		{"unknown total: no percentage, no ETA", -1, 3 << 20, 900, 3 * time.Second, "3.0 MiB  900 docs  1.0 MiB/s  300 docs/s"},
		{"empty input", 0, 0, 0, 2 * time.Second, "0 B / 0 B  100%  0 docs  0 B/s  0 docs/s"},
		{"too wide: docs/s goes, ETA stays", 999 << 40, 500 << 40, 123456789012, 7 * time.Second,
			"500.0 TiB / 999.0 TiB  50%  123,456,789,012 docs  71.4 TiB/s  ETA 0:07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, clk, _ := newTestBar(tt.total)
			defer b.Stop()
			b.AddBytes(tt.bytes)
			b.AddDocs(tt.docs)
			clk.advance(tt.elapsed)
			got := b.render(clk.now())
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if len(got) > maxWidth {
				t.Errorf("%d characters, more than %d", len(got), maxWidth)
			}
		})
	}
}

func TestDrawAndStop(t *testing.T) {
	b, scr, clk, tick := newTestBar(1000)
	b.AddBytes(250)
	b.AddDocs(2)
	clk.advance(time.Second)
	tick.redraw()
	want := "<CR>250 B / 1000 B  25%  2 docs  250 B/s  2 docs/s  ETA 0:03<EL>"
	if got := scr.take(); got != want {
		t.Errorf("drawn:\n got %q\nwant %q", got, want)
	}
	b.Stop()
	if got := scr.take(); got != "<CR><EL>" {
		t.Errorf("Stop wrote %q, want the line cleared", got)
	}
	b.Stop()
	b.AddBytes(1)
	if got := scr.take(); got != "" {
		t.Errorf("after Stop: %q", got)
	}
}

func TestStopBeforeDrawWritesNothing(t *testing.T) {
	b, scr, _, _ := newTestBar(10)
	b.Stop()
	if got := scr.take(); got != "" {
		t.Errorf("wrote %q", got)
	}
}

func TestWrap(t *testing.T) {
	b, scr, _, tick := newTestBar(-1)
	defer b.Stop()
	errw := b.Wrap(scr)
	tick.redraw()
	scr.take()

	fmt.Fprintln(errw, "error: a.jsonl:3: invalid JSON")
	if got := scr.take(); got != "<CR><EL>error: a.jsonl:3: invalid JSON\n" {
		t.Errorf("write over the bar: %q", got)
	}
	tick.redraw()
	if got := scr.take(); !strings.HasPrefix(got, "<CR>0 B  0 docs<EL>") {
		t.Errorf("bar not back after the line: %q", got)
	}

	// Half a line: the bar stays away until the line is finished.
	fmt.Fprint(errw, "partial")
	tick.redraw()
	if got := scr.take(); got != "<CR><EL>partial" {
		t.Errorf("bar drawn in the middle of a line: %q", got)
	}
	fmt.Fprint(errw, " line\n")
	tick.redraw()
	if got := scr.take(); got != " line\n<CR>0 B  0 docs<EL>" {
		t.Errorf("after the line ended: %q", got)
	}
}

func TestDisabled(t *testing.T) {
	b := Start(&bytes.Buffer{}, 100, false)
	if b != nil {
		t.Fatal("Start with enabled=false returned a bar")
	}
	// Every method of a nil bar is a no-op.
	b.AddBytes(1)
	b.AddDocs(1)
	b.Stop()
	w := &bytes.Buffer{}
	if b.Wrap(w) != w {
		t.Error("a nil bar wrapped a writer")
	}
}

func TestEnabledOnlyOnTerminals(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, out := range map[string]any{"file": f, "pipe": w, "buffer": &bytes.Buffer{}} {
		for _, quiet := range []bool{false, true} {
			if Enabled(out.(interface{ Write([]byte) (int, error) }), quiet) {
				t.Errorf("%s (quiet=%v): enabled", name, quiet)
			}
		}
	}
	// A bar started on a file because the caller insisted still leaves files
	// that are not terminals unwrapped.
	b := Start(f, 10, true)
	defer b.Stop()
	if b.Wrap(f) != f {
		t.Error("output to a file was wrapped")
	}
}

// TestNothingWhenPiped runs the whole cycle the CLI runs against a file standing
// for piped stderr: nothing at all is written.
func TestNothingWhenPiped(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b := Start(f, 1<<20, Enabled(f, false))
	errw := b.Wrap(f)
	b.AddBytes(1 << 19)
	b.AddDocs(10)
	time.Sleep(3 * Interval)
	fmt.Fprintln(errw, "error: x")
	b.Stop()
	f.Close()
	got, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "error: x\n" {
		t.Errorf("stderr got %q, want only the error line", got)
	}
}

func TestTotalSize(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	b := filepath.Join(dir, "b")
	if err := os.WriteFile(a, make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, make([]byte, 23), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		files []string
		want  int64
	}{
		{nil, 0},
		{[]string{a, b}, 123},
		{[]string{a, "-"}, -1},
		{[]string{a, filepath.Join(dir, "missing")}, -1},
		{[]string{dir}, -1},
	} {
		if got := TotalSize(tt.files); got != tt.want {
			t.Errorf("TotalSize(%v) = %d, want %d", tt.files, got, tt.want)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{Bytes(0), "0 B"}, {Bytes(1023), "1023 B"}, {Bytes(1024), "1.0 KiB"}, {Bytes(1536), "1.5 KiB"},
		{Bytes(5 << 30), "5.0 GiB"}, {Bytes(1 << 62), "4.0 EiB"},
		{Count(0), "0"}, {Count(999), "999"}, {Count(1000), "1,000"}, {Count(-1234567), "-1,234,567"},
		{Duration(0), "0:00"}, {Duration(59499 * time.Millisecond), "0:59"}, {Duration(61 * time.Second), "1:01"},
		{Duration(3600 * time.Second), "1:00:00"}, {Duration(100*time.Hour + 5*time.Second), "100:00:05"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func BenchmarkAdd(b *testing.B) {
	bar, _, _, _ := newTestBar(1 << 40)
	defer bar.Stop()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			bar.AddBytes(32 << 10)
			bar.AddDocs(1)
		}
	})
}

// TestPasses: a run that reads its input twice shows each pass with its label,
// its own total and a rate from its own start; the documents are the checking
// pass's only, and the first pass's bytes do not add to the second's.
func TestPasses(t *testing.T) {
	b, _, clk, _ := newTestBar(-1)
	defer b.Stop()
	b.SetPass("pass 1/2: counting lines", 100<<20, false)
	clk.advance(2 * time.Second)
	b.AddBytes(80 << 20)
	if got, want := b.render(clk.now()), "pass 1/2: counting lines  80.0 MiB / 100.0 MiB  80%  40.0 MiB/s  ETA 0:01"; got != want {
		t.Errorf("pass 1:\n got %q\nwant %q", got, want)
	}
	b.AddBytes(20 << 20)
	b.SetPass("pass 2/2: checking", 100<<20, true)
	clk.advance(10 * time.Second)
	b.AddBytes(50 << 20)
	b.AddDocs(1000)
	if got, want := b.render(clk.now()), "pass 2/2: checking  50.0 MiB / 100.0 MiB  50%  1,000 docs  5.0 MiB/s  ETA 0:10"; got != want {
		t.Errorf("pass 2:\n got %q\nwant %q", got, want)
	}
	var nilBar *Bar
	nilBar.SetPass("x", 1, true) // a nil bar does nothing
}

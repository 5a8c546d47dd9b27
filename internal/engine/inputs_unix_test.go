//go:build unix

package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

// batchOf is a JSONL batch of n documents that share the line "Menu".
func batchOf(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"d%d","text":"Menu\nStory number %d."}`+"\n", i, i)
	}
	return b.String()
}

// runStream runs the corpus rule lineCount over a FIFO fed with content by
// another goroutine (as `mkfifo p; producer > p & corpuslint lint p` does),
// failing if the run hangs. It returns the documents and the findings seen, and
// the notices.
func runStream(t *testing.T, content string, limit int64, rs []rules.Rule) (docs, findings int, notices []string) {
	t.Helper()
	fifo := filepath.Join(t.TempDir(), "batch.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		_, _ = f.WriteString(content)
		_ = f.Close()
	}()
	done := make(chan error, 1)
	go func() {
		opt := Options{Rules: rs, Workers: 2, Source: source.Options{MaxRecordSize: limit},
			Notice: func(s string) { notices = append(notices, s) }}
		done <- Run([]string{fifo}, opt, func(r *Result) error {
			if r.Item.Err != nil {
				return fmt.Errorf("input error: %v", r.Item.Err)
			}
			docs++
			findings += len(r.Report.Findings)
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run on a FIFO hangs")
	}
	return docs, findings, notices
}

// TestFIFOCorpusRule: a FIFO is read once; for the corpus rules' two passes it is
// copied, so the shared line is found in every document.
func TestFIFOCorpusRule(t *testing.T) {
	docs, findings, notices := runStream(t, batchOf(50), 0, []rules.Rule{lineCount{}})
	if docs != 50 || findings != 50 || len(notices) != 0 {
		t.Errorf("%d documents, %d findings, notices %q; want 50, 50, none", docs, findings, notices)
	}
}

// TestFIFOOverLimit: a FIFO longer than the record limit is read once, whole,
// without the corpus rules' first pass, with one notice.
func TestFIFOOverLimit(t *testing.T) {
	content := batchOf(200)
	docs, findings, notices := runStream(t, content, int64(len(content)/3), []rules.Rule{lineCount{}})
	if docs != 200 || findings != 0 || len(notices) != 1 ||
		!strings.Contains(notices[0], "a stream longer than") || !strings.Contains(notices[0], "so they see no documents from it") {
		t.Errorf("%d documents, %d findings, notices %q; want 200, 0, one", docs, findings, notices)
	}
}

// TestFIFOOnePass: without corpus rules a FIFO is read once, as it comes.
func TestFIFOOnePass(t *testing.T) {
	docs, _, notices := runStream(t, batchOf(30), 0, nil)
	if docs != 30 || len(notices) != 0 {
		t.Errorf("%d documents, notices %q", docs, notices)
	}
}

// TestDevFdIsSniffed: a pipe named /dev/fd/N (process substitution) has no
// extension; its content decides that it is JSONL, and corpus rules see it.
func TestDevFdIsSniffed(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	name := fmt.Sprintf("/dev/fd/%d", r.Fd())
	if _, err := os.Stat(name); err != nil {
		t.Skip("no /dev/fd here:", err)
	}
	go func() {
		_, _ = w.WriteString(batchOf(10))
		_ = w.Close()
	}()
	docs, findings := 0, 0
	err = Run([]string{name}, Options{Rules: []rules.Rule{lineCount{}}, Workers: 1}, func(res *Result) error {
		if res.Item.Err != nil {
			return res.Item.Err
		}
		docs++
		findings += len(res.Report.Findings)
		return nil
	})
	if err != nil || docs != 10 || findings != 10 {
		t.Errorf("err %v, %d documents, %d findings; want 10 and 10", err, docs, findings)
	}
}

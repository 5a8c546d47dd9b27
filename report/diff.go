package report

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Diff writes a unified diff per document of its text before and after the fixes,
// headed with the path and, for JSONL, the record and id (the diff is of the
// decoded text, not of the raw JSON line).
type Diff struct {
	w *bufio.Writer
}

// NewDiff returns the diff reporter.
func NewDiff(w io.Writer) *Diff { return &Diff{w: bufio.NewWriterSize(w, 1<<16)} }

// Document implements Reporter.
func (r *Diff) Document(d *Document) error {
	if d.Fixed == d.Text {
		return nil
	}
	name := d.Path
	if d.Record > 0 {
		name = Label(d)
	}
	from, to := diffNames(name)
	_, err := io.WriteString(r.w, UnifiedDiff(from, to, d.Text, d.Fixed, 3))
	return err
}

// diffNames are the ---/+++ names of a document's diff: a/ and b/ before a
// relative path, as git writes them, and an absolute path as it is (ruff's
// way; "a//tmp/x" is neither), so that `patch -p1` or `-p0` applies it.
func diffNames(name string) (from, to string) {
	if filepath.IsAbs(name) || strings.HasPrefix(name, "/") {
		return name, name
	}
	return "a/" + name, "b/" + name
}

// Close implements Reporter.
func (r *Diff) Close(*Summary) error { return r.w.Flush() }

// Flush writes what is buffered, so that lines others print stay in order.
func (r *Diff) Flush() error { return r.w.Flush() }

type diffLine struct {
	op   diffmatchpatch.Operation
	text string // without its line break
}

// UnifiedDiff returns the unified diff of two texts by line with ctx lines of
// context, as diff -u prints it; "" when the texts are equal. go-diff computes the
// line alignment; the hunks are grouped here because go-diff's own patch format is
// character-based.
func UnifiedDiff(from, to, a, b string, ctx int) string {
	if a == b {
		return ""
	}
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	var all []diffLine
	noNewline := map[int]bool{}
	for _, d := range diffs {
		text := d.Text
		for text != "" {
			i := strings.IndexByte(text, '\n')
			var l string
			if i < 0 {
				l, text = text, ""
				noNewline[len(all)] = true
			} else {
				l, text = text[:i], text[i+1:]
			}
			all = append(all, diffLine{op: d.Type, text: l})
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", from, to)
	// Walk the lines, emitting hunks around changes.
	aLine, bLine := 1, 1
	i := 0
	for i < len(all) {
		if all[i].op == diffmatchpatch.DiffEqual {
			i++
			aLine++
			bLine++
			continue
		}
		// A hunk starts ctx lines before this change.
		start := max(i-ctx, 0)
		for k := i - 1; k >= start; k-- {
			aLine--
			bLine--
		}
		// Extend the hunk while changes are closer than 2*ctx equal lines apart.
		end := i
		for end < len(all) {
			if all[end].op != diffmatchpatch.DiffEqual {
				end++
				continue
			}
			run := end
			for run < len(all) && all[run].op == diffmatchpatch.DiffEqual {
				run++
			}
			if run == len(all) || run-end > 2*ctx {
				end = min(end+ctx, len(all))
				break
			}
			end = run
		}
		na, nb := 0, 0
		for _, l := range all[start:end] {
			if l.op != diffmatchpatch.DiffInsert {
				na++
			}
			if l.op != diffmatchpatch.DiffDelete {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aLine, na), hunkRange(bLine, nb))
		for k := start; k < end; k++ {
			l := all[k]
			switch l.op {
			case diffmatchpatch.DiffEqual:
				out.WriteByte(' ')
				aLine++
				bLine++
			case diffmatchpatch.DiffDelete:
				out.WriteByte('-')
				aLine++
			case diffmatchpatch.DiffInsert:
				out.WriteByte('+')
				bLine++
			}
			out.WriteString(l.text)
			out.WriteByte('\n')
			if noNewline[k] {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

package aggregate

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/corpuslint/corpuslint/report/internal/span"
)

// Bounds of a side-by-side diff: lines longer than maxDiffLine bytes are cut, and
// changed lines longer than maxIntraline bytes are marked whole rather than diffed
// by character.
const (
	maxDiffLine  = 400
	maxIntraline = 2000
)

// DiffRow is one row of a side-by-side diff: a line of the old text beside the line
// of the new text it became.
type DiffRow struct {
	// Kind is "same", "del" (a line removed), "add" (a line added), "change" (a line
	// changed, Old beside New) or "skip" (Skip unchanged lines left out).
	Kind    string `json:"kind"`
	OldLine int    `json:"old_line,omitempty"`
	NewLine int    `json:"new_line,omitempty"`
	Old     []Seg  `json:"old,omitempty"`
	New     []Seg  `json:"new,omitempty"`
	Skip    int    `json:"skip,omitempty"`
}

// Seg is a piece of a diff line; Mark is true for the characters that changed.
type Seg struct {
	Text string `json:"t"`
	Mark bool   `json:"m,omitempty"`
}

type lineOp struct {
	op   diffmatchpatch.Operation
	text string
}

// SideBySide aligns the lines of a and b (go-diff's line mode) and returns the rows
// of a side-by-side diff with ctx unchanged lines around each change, changed lines
// paired and marked by character. At most maxRows rows are returned; cut counts the
// rows left out.
func SideBySide(a, b string, ctx, maxRows int) (rows []DiffRow, cut int) {
	if a == b {
		return nil, 0
	}
	// Compare whole lines: a last line without its line break equals the same line
	// with one.
	if !strings.HasSuffix(a, "\n") {
		a += "\n"
	}
	if !strings.HasSuffix(b, "\n") {
		b += "\n"
	}
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	var ops []lineOp
	for _, d := range diffs {
		text := d.Text
		for text != "" {
			i := strings.IndexByte(text, '\n')
			var l string
			if i < 0 {
				l, text = text, ""
			} else {
				l, text = text[:i], text[i+1:]
			}
			ops = append(ops, lineOp{op: d.Type, text: l})
		}
	}

	var all []DiffRow
	oldN, newN := 0, 0
	for i := 0; i < len(ops); {
		if ops[i].op == diffmatchpatch.DiffEqual {
			oldN++
			newN++
			seg := []Seg{{Text: clipLine(ops[i].text)}}
			all = append(all, DiffRow{Kind: "same", OldLine: oldN, NewLine: newN, Old: seg, New: seg})
			i++
			continue
		}
		var dels, adds []string
		for i < len(ops) && ops[i].op != diffmatchpatch.DiffEqual {
			if ops[i].op == diffmatchpatch.DiffDelete {
				dels = append(dels, ops[i].text)
			} else {
				adds = append(adds, ops[i].text)
			}
			i++
		}
		for _, p := range pairLines(dels, adds) {
			var r DiffRow
			switch {
			case p.del >= 0 && p.add >= 0 && dels[p.del] == adds[p.add]:
				oldN++
				newN++
				seg := []Seg{{Text: clipLine(dels[p.del])}}
				r = DiffRow{Kind: "same", OldLine: oldN, NewLine: newN, Old: seg, New: seg}
			case p.del >= 0 && p.add >= 0:
				oldN++
				newN++
				r = DiffRow{Kind: "change", OldLine: oldN, NewLine: newN}
				r.Old, r.New = intraline(dmp, dels[p.del], adds[p.add])
			case p.del >= 0:
				oldN++
				r = DiffRow{Kind: "del", OldLine: oldN, Old: []Seg{{Text: clipLine(dels[p.del]), Mark: true}}}
			default:
				newN++
				r = DiffRow{Kind: "add", NewLine: newN, New: []Seg{{Text: clipLine(adds[p.add]), Mark: true}}}
			}
			all = append(all, r)
		}
	}

	// Keep ctx rows of context around changes; fold the rest into skip rows.
	keep := make([]bool, len(all))
	for i, r := range all {
		if r.Kind == "same" {
			continue
		}
		for k := max(0, i-ctx); k <= min(len(all)-1, i+ctx); k++ {
			keep[k] = true
		}
	}
	for i := 0; i < len(all); {
		if keep[i] {
			rows = append(rows, all[i])
			i++
			continue
		}
		j := i
		for j < len(all) && !keep[j] {
			j++
		}
		rows = append(rows, DiffRow{Kind: "skip", Skip: j - i})
		i = j
	}
	if len(rows) > maxRows {
		cut = len(rows) - maxRows
		rows = rows[:maxRows]
	}
	return rows, cut
}

type linePair struct{ del, add int } // -1 for none

// maxPairCells bounds the alignment table of a block of changed lines; larger
// blocks pair lines in order.
const maxPairCells = 40000

// pairLines aligns a block of removed lines with the block of added lines that
// replaced it: each added line goes beside the removed line it shares the most of
// (common prefix and suffix), keeping both in order, so that "Last line -" sits
// beside "Last line" even when a removed "-" line comes first. Lines that share
// nothing stay unpaired.
func pairLines(dels, adds []string) []linePair {
	n, m := len(dels), len(adds)
	var out []linePair
	if n == 0 || m == 0 || n*m > maxPairCells {
		for k := 0; k < max(n, m); k++ {
			p := linePair{-1, -1}
			if k < n {
				p.del = k
			}
			if k < m {
				p.add = k
			}
			out = append(out, p)
		}
		return out
	}
	// best[i][j]: the most shared bytes aligning dels[i:] with adds[j:].
	best := make([][]int, n+1)
	for i := range best {
		best[i] = make([]int, m+1)
	}
	sim := func(i, j int) int {
		a, b := dels[i], adds[j]
		p := 0
		for p < len(a) && p < len(b) && a[p] == b[p] {
			p++
		}
		q := 0
		for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
			q++
		}
		return p + q
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(best[i+1][j], best[i][j+1])
			if s := sim(i, j); s > 0 {
				v = max(v, s+best[i+1][j+1])
			}
			best[i][j] = v
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i == n:
			out = append(out, linePair{-1, j})
			j++
		case j == m:
			out = append(out, linePair{i, -1})
			i++
		default:
			if s := sim(i, j); s > 0 && best[i][j] == s+best[i+1][j+1] {
				out = append(out, linePair{i, j})
				i++
				j++
			} else if best[i][j] == best[i+1][j] {
				out = append(out, linePair{i, -1})
				i++
			} else {
				out = append(out, linePair{-1, j})
				j++
			}
		}
	}
	return out
}

// intraline diffs two versions of a line by character and returns their segments.
func intraline(dmp *diffmatchpatch.DiffMatchPatch, a, b string) (old, nw []Seg) {
	if len(a) > maxIntraline || len(b) > maxIntraline {
		return []Seg{{Text: clipLine(a), Mark: true}}, []Seg{{Text: clipLine(b), Mark: true}}
	}
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMain(a, b, false))
	oldLen, newLen := 0, 0
	for _, d := range diffs {
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			old = appendSeg(old, &oldLen, d.Text, false)
			nw = appendSeg(nw, &newLen, d.Text, false)
		case diffmatchpatch.DiffDelete:
			old = appendSeg(old, &oldLen, d.Text, true)
		case diffmatchpatch.DiffInsert:
			nw = appendSeg(nw, &newLen, d.Text, true)
		}
	}
	return old, nw
}

// appendSeg appends a segment, cutting the line at maxDiffLine bytes in all.
func appendSeg(segs []Seg, n *int, text string, mark bool) []Seg {
	if *n >= maxDiffLine {
		return segs
	}
	if *n+len(text) > maxDiffLine {
		text = text[:span.RuneStart(text, maxDiffLine-*n)] + "…"
	}
	*n += len(text)
	return append(segs, Seg{Text: text, Mark: mark})
}

func clipLine(s string) string {
	if len(s) <= maxDiffLine {
		return s
	}
	return s[:span.RuneStart(s, maxDiffLine)] + "…"
}

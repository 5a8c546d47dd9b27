package report

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"golang.org/x/term"
)

// DefaultWidth is the table width when the output is not a terminal and COLUMNS
// is unset: what fits a review tool or an editor split beside the code.
const DefaultWidth = 100

// TerminalWidth returns the width the table fits: the terminal's when w is one,
// else the COLUMNS environment variable (as a shell sets it, or as a script
// exports it), else DefaultWidth.
func TerminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	return DefaultWidth
}

// displayWidth is the number of terminal cells s takes (ANSI colour codes take
// none, wide characters two).
func displayWidth(s string) int { return twwidth.Width(s) }

// shortenLeft fits s in width cells by dropping its start and marking the cut
// with an ellipsis: the end of a path (the file name) says the most.
func shortenLeft(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	if width < 2 {
		width = 2
	}
	rs := []rune(s)
	w := 0
	i := len(rs)
	for i > 0 {
		rw := displayWidth(string(rs[i-1]))
		if w+rw > width-1 {
			break
		}
		w += rw
		i--
	}
	return "…" + string(rs[i:])
}

// wrapText breaks s into lines of at most width cells, at spaces where it can;
// a word longer than a line is cut.
func wrapText(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	var lines []string
	var line strings.Builder
	lw := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lw = 0
	}
	for _, word := range strings.Fields(s) {
		ww := displayWidth(word)
		if lw > 0 && lw+1+ww > width {
			flush()
		}
		for ww > width { // cut a word longer than a whole line
			if lw > 0 {
				flush()
			}
			rs := []rune(word)
			n, cw := 0, 0
			for n < len(rs) {
				rw := displayWidth(string(rs[n]))
				if cw+rw > width {
					break
				}
				cw += rw
				n++
			}
			if n == 0 {
				n = 1
			}
			lines = append(lines, string(rs[:n]))
			word = string(rs[n:])
			ww = displayWidth(word)
		}
		if word == "" {
			continue
		}
		if lw > 0 {
			line.WriteByte(' ')
			lw++
		}
		line.WriteString(word)
		lw += ww
	}
	if lw > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// Package mdtext escapes text for Markdown: prose and table cells, authored docs
// with their code spans, inline code and fenced blocks. The Markdown report
// (report/aggregate) and the SARIF reporter's help text share it.
package mdtext

import "strings"

var escaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"|", `\|`, "~", `\~`, "#", `\#`, "\r\n", " ", "\n", " ", "\r", " ")

// Escape escapes text for Markdown prose and table cells: the characters that
// would start emphasis, code, links, HTML or a table cell are backslash-escaped, and
// line breaks become spaces.
func Escape(s string) string { return escaper.Replace(s) }

// escapeBlock escapes text like Escape but keeps its line breaks.
func escapeBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = Escape(l)
	}
	return strings.Join(lines, "\n")
}

// EscapeProse escapes authored text (rule docs) for Markdown: its `code spans`
// stay code spans, everything else is escaped as escapeBlock does.
func EscapeProse(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			b.WriteString(escapeBlock(s))
			break
		}
		b.WriteString(escapeBlock(s[:i]))
		s = s[i:]
		run := 0
		for run < len(s) && s[run] == '`' {
			run++
		}
		fence := s[:run]
		end := strings.Index(s[run:], fence)
		if end < 0 || strings.Contains(s[run:run+end], "\n\n") {
			b.WriteString(strings.Repeat("\\`", run))
			s = s[run:]
			continue
		}
		b.WriteString(s[:run+end+run])
		s = s[run+end+run:]
	}
	return b.String()
}

// Code returns s as an inline code span, with a fence longer than any backtick run
// inside, and | escaped for tables.
func Code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

// Fence returns s as a fenced code block whose fence is longer than any backtick
// run inside.
func Fence(s, lang string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return fence + lang + "\n" + s + fence + "\n"
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

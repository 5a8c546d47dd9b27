package markupscan

import (
	"github.com/corpuslint/corpuslint/rules/text"
	"strings"
)

// Fence tracks Markdown code fences line by line: inside a fence, text is code
// and neither typography nor markup rules judge it.
type Fence struct {
	open  bool
	delim byte
	n     int
}

// Code reports whether line s is part of a fenced code block (fence lines
// included) and updates the state.
func (f *Fence) Code(s string) bool {
	i := 0
	for i < len(s) && i < 4 && s[i] == ' ' {
		i++
	}
	if i < len(s) && (s[i] == '`' || s[i] == '~') {
		c := s[i]
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if n := j - i; n >= 3 {
			switch {
			case !f.open && (c == '~' || strings.IndexByte(s[j:], '`') < 0):
				f.open, f.delim, f.n = true, c, n
				return true
			case f.open && c == f.delim && n >= f.n && text.IsBlank(s[j:]):
				f.open = false
				return true
			}
		}
	}
	return f.open
}

// IsFenceLine reports whether line s opens or closes a code fence.
func IsFenceLine(s string) bool {
	s = strings.TrimLeft(s, " ")
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}

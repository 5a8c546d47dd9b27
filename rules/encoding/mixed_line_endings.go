package encoding

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// MixedLineEndings returns the mixed-line-endings rule: a document whose lines
// end in more than one way (CRLF, LF, a lone CR).
func MixedLineEndings() rules.Rule { return lineEndings{} }

type lineEndings struct{}

func (lineEndings) Meta() rules.Meta {
	return rules.Meta{
		Name:     "mixed-line-endings",
		Category: rules.Encoding,
		Severity: rules.Info,
		Fixable:  true,
		Title:    "the document mixes CRLF, LF and lone CR line endings",
		Doc: `Flags a document whose line endings are not all of one kind: Windows "\r\n",
Unix "\n" and old Mac "\r" (a carriage return not followed by "\n"). Mixed endings
come from text pasted together from several sources; a lone "\r" inside a line
also makes tools that split on "\n" see one line where a reader sees two, and
moves the cursor back over the line on a terminal.

One finding per document, at the first line ending of a minority kind, with the
count of each kind. The safe fix rewrites every line ending to the kind most of
them have (on a tie "\n", then "\r\n"). A document using one kind throughout, of
whatever kind, is fine.`,
		Bad:  "First line\r\nSecond line\nThird line\r\nFourth line\r\n",
		Good: "First line\r\nSecond line\r\nThird line\r\nFourth line\r\n",
	}
}

// manyEdits is the number of line endings above which the fix is one edit
// over the stretch that holds them, so that resolving it stays cheap.
const manyEdits = 2000

func (lineEndings) Check(p *rules.Pass) {
	text := p.Analysis.Text()
	if strings.IndexByte(text, '\r') < 0 {
		return
	}
	// strings.Count runs vectorized; a "\r\n" holds one of each.
	crlf := strings.Count(text, "\r\n")
	lf := strings.Count(text, "\n") - crlf
	cr := strings.Count(text, "\r") - crlf
	kinds := 0
	for _, n := range []int{crlf, lf, cr} {
		if n > 0 {
			kinds++
		}
	}
	if kinds < 2 {
		return
	}
	major, name := "\n", "LF"
	switch {
	case lf >= crlf && lf >= cr:
	case crlf >= cr:
		major, name = "\r\n", "CRLF"
	default:
		major, name = "\r", "CR"
	}
	var edits []rules.Edit
	first := -1
	firstEnd := 0
	for i := 0; i < len(text); i++ {
		k := strings.IndexAny(text[i:], "\r\n")
		if k < 0 {
			break
		}
		i += k
		end := i + 1
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			end = i + 2
		}
		if text[i:end] != major {
			if first < 0 {
				first, firstEnd = i, end
			}
			edits = append(edits, rules.Edit{Start: i, End: end, NewText: major})
		}
		i = end - 1
	}
	if len(edits) > manyEdits {
		s, e := edits[0].Start, edits[len(edits)-1].End
		var b strings.Builder
		last := s
		for _, ed := range edits {
			b.WriteString(text[last:ed.Start])
			b.WriteString(major)
			last = ed.End
		}
		edits = []rules.Edit{{Start: s, End: e, NewText: b.String()}}
	}
	p.Report(rules.Finding{
		Start: first,
		End:   firstEnd,
		Message: fmt.Sprintf("line endings are mixed: %d CRLF, %d LF and %d lone CR; most are %s",
			crlf, lf, cr, name),
		Fix: &rules.Fix{
			Message:       fmt.Sprintf("make every line ending %s", name),
			Applicability: rules.Safe,
			Edits:         edits,
		},
	})
}

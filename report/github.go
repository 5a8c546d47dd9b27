package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// GitHub writes one GitHub Actions workflow command per finding, which the Actions
// runner turns into an annotation on the file:
//
//	::warning file=a.txt,line=2,col=1,endLine=2,endColumn=1,title=stray-dash::line holds only a dash
//
// Errors become ::error, warnings ::warning and infos ::notice. The end position is
// the last character of the span (GitHub's end column is inclusive); it is left out
// when the span ends at a line break. A JSONL finding is annotated on the record's
// line of the file, and its message starts with the record and the position inside
// the decoded text ("record 3 (id doc-3), text 1:3: ...").
//
// Values are escaped as the runner expects: %, CR and LF everywhere, and also : and
// , in the properties.
type GitHub struct {
	w   *bufio.Writer
	opt Options
	buf []byte
}

// NewGitHub returns the github reporter.
func NewGitHub(w io.Writer, opt Options) *GitHub {
	return &GitHub{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

// Document implements Reporter.
func (r *GitHub) Document(d *Document) error {
	for i := range d.Findings {
		it := &d.Findings[i]
		b := r.buf[:0]
		b = append(b, "::"...)
		b = append(b, githubLevel(it.Severity)...)
		b = append(b, " file="...)
		b = appendGitHubProp(b, d.Path)
		msg := it.Message
		if d.Record > 0 {
			b = append(b, ",line="...)
			b = strconv.AppendInt(b, int64(d.Record), 10)
			msg = recordName(d) + ", text " + strconv.Itoa(it.Line) + ":" + strconv.Itoa(it.Col) + ": " + msg
		} else {
			endLine, endCol := inclusiveEnd(it)
			b = append(b, ",line="...)
			b = strconv.AppendInt(b, int64(it.Line), 10)
			b = append(b, ",col="...)
			b = strconv.AppendInt(b, int64(it.Col), 10)
			b = append(b, ",endLine="...)
			b = strconv.AppendInt(b, int64(endLine), 10)
			if endCol > 0 {
				b = append(b, ",endColumn="...)
				b = strconv.AppendInt(b, int64(endCol), 10)
			}
		}
		b = append(b, ",title="...)
		b = appendGitHubProp(b, it.Rule)
		b = append(b, "::"...)
		if f := it.Fix; f != nil && (f.Applicability == rules.Safe || r.opt.UnsafeFixes) {
			fix := f.Message
			if fix == "" {
				fix = "fixable"
			}
			msg += " (fix: " + fix + ")"
		}
		b = appendGitHubData(b, msg)
		b = append(b, '\n')
		r.buf = b
		if _, err := r.w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// inclusiveEnd returns the line and column of the span's last character; the column
// is 0 when that character is a line break (or the span is empty).
func inclusiveEnd(it *Item) (line, col int) {
	switch {
	case it.EndLine > it.Line && it.EndCol == 1:
		return it.EndLine - 1, 0
	case it.EndLine < it.Line || (it.EndLine == it.Line && it.EndCol <= it.Col):
		return it.Line, 0
	}
	return it.EndLine, it.EndCol - 1
}

func githubLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Info:
		return "notice"
	}
	return "warning"
}

// Close implements Reporter.
func (r *GitHub) Close(*Summary) error { return r.w.Flush() }

var (
	githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProp = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func appendGitHubData(b []byte, s string) []byte { return append(b, githubData.Replace(s)...) }
func appendGitHubProp(b []byte, s string) []byte { return append(b, githubProp.Replace(s)...) }

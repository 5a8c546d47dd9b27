package report_test

import (
	"bytes"
	"testing"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
)

func TestGitHubEscaping(t *testing.T) {
	d := &report.Document{Path: "odd, name:1%.txt", ID: "x", Text: "a\nb", Findings: []report.Item{
		{Finding: rules.Finding{Rule: "r", Severity: rules.Warning, Start: 0, End: 3, Message: "50% of\r\nit: a, b"},
			Line: 1, Col: 1, EndLine: 2, EndCol: 2},
		{Finding: rules.Finding{Rule: "r", Severity: rules.Info, Start: 0, End: 2, Message: "to the break"},
			Line: 1, Col: 1, EndLine: 2, EndCol: 1},
		{Finding: rules.Finding{Rule: "r", Severity: rules.Error, Start: 1, End: 1, Message: "empty"},
			Line: 1, Col: 2, EndLine: 1, EndCol: 2},
	}}
	var buf bytes.Buffer
	rep := report.NewGitHub(&buf, report.Options{})
	if err := rep.Document(d); err != nil {
		t.Fatal(err)
	}
	if err := rep.Close(nil); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=odd%2C name%3A1%25.txt,line=1,col=1,endLine=2,endColumn=1,title=r::50%25 of%0D%0Ait: a, b\n" +
		"::notice file=odd%2C name%3A1%25.txt,line=1,col=1,endLine=1,title=r::to the break\n" +
		"::error file=odd%2C name%3A1%25.txt,line=1,col=2,endLine=1,title=r::empty\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

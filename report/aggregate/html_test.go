package aggregate_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/rules"
)

func TestHTMLReport(t *testing.T) {
	a, opt := reportFixture()
	evil := "<script>alert(1)</script>"
	a.Add(&report.Document{Path: `x"><img src=//evil.example/x.png>.txt`, ID: "x", URL: "https://evil.example/" + evil,
		Text: evil + " -", Fixed: evil, Findings: []report.Item{{Finding: rules.Finding{
			Rule: "stray-dash", Category: rules.Typography, Severity: rules.Error, Start: len(evil) + 1, End: len(evil) + 2,
			Message: "dash after " + evil, Fix: &rules.Fix{Message: "delete", Edits: []rules.Edit{{Start: len(evil), End: len(evil) + 2}}}},
			Line: 1, Col: 27, EndLine: 1, EndCol: 28}}})
	var buf bytes.Buffer
	if err := aggregate.WriteHTML(&buf, a, opt); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		"<title>Fixture report</title>",
		`<svg class="chart bars"`, `<svg class="chart hist"`, `<table class="data"`, `<table class="diff"`,
		`id="rule-trailing-headlines"`, `id="score-related_headline_share"`, "news.example.com", "blog.example.org",
		"Headline lists after the body", "threshold 0.25", "What a threshold change would flip",
		"&lt;script&gt;alert(1)&lt;/script&gt;", "Second paragraph.", "1 input or record could not be read",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(page, evil) || strings.Contains(page, "<img") {
		t.Error("document text reached the page unescaped")
	}
	if refs := aggregate.ExternalRefs(buf.Bytes()); len(refs) > 0 {
		t.Errorf("the page refers to external resources: %q", refs)
	}
	if len(aggregate.ExternalRefs([]byte(`<p style="background: url('https://x.example/a.png')">`))) != 1 ||
		len(aggregate.ExternalRefs([]byte(`<a href="//x.example/">`))) != 1 || len(aggregate.ExternalRefs([]byte(`<a href="#rule-x">`))) != 0 {
		t.Error("ExternalRefs misses references or flags local ones")
	}
}

func TestHTMLReportEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := aggregate.WriteHTML(&buf, aggregate.New(aggregate.Options{}), aggregate.RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "No findings.") || !strings.Contains(buf.String(), "corpuslint quality report") {
		t.Errorf("empty report:\n%s", buf.String())
	}
}

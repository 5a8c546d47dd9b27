package markup

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// CodeFragments returns the code-fragments rule: lines of JavaScript, CSS or JSON
// left in the text.
func CodeFragments() rules.Rule { return codeRule{} }

type codeRule struct{}

func (codeRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "code-fragments",
		Grouped:  true,
		Category: rules.Markup,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Lines of JavaScript, CSS or JSON left in the text",
		Doc: "Flags whole lines of page code that an extractor kept: JavaScript statements " +
			"(var/let/const declarations, function(…) {, if (…) {, closing }); lines), calls " +
			"of browser and tracker APIs (document.getElementById, window.location, " +
			"addEventListener, dataLayer.push, googletag., console.log) on lines that end like " +
			"code, CSS rules ({display:none}, .nav { margin: 0 }, @media …), JSON blobs " +
			"({\"@context\": …, \"name\": …}) and the text between <script> or <style> tags. " +
			"A line that opens a brace block takes the lines up to the matching close with " +
			"it, and neighboring code lines are reported as one block. The fix (unsafe: a " +
			"tutorial's code is content) deletes the block.\n\n" +
			"Precision comes first: prose that mentions code (\"call document.getElementById() " +
			"to find it.\", \"out of the window.\"), sentences ending in a semicolon, " +
			"emoticons, and lines inside Markdown code fences are left alone, as are " +
			"documents whose file is code (.js, .css, .json, …). A single declaration-like " +
			"line (color: red;) counts only inside a block of code.",
		Bad:  "The match ended 2-1.\nvar googletag = googletag || {};\ngoogletag.cmd.push(function() {\n});\nFans celebrated in the streets.\n",
		Good: "The match ended 2-1.\nFans threw scarves out of the window. Use document.getElementById() to find it.\n",
	}
}

// codeExts are files that are code: the rule has nothing to say about them.
var codeExts = []string{".js", ".mjs", ".ts", ".css", ".scss", ".less", ".json", ".html", ".htm", ".xml", ".svg", ".go", ".py", ".c", ".h", ".java", ".rs", ".php"}

// braceDelta returns the net number of "{" over "}" in s.
func braceDelta(s string) int {
	return strings.Count(s, "{") - strings.Count(s, "}")
}

func (codeRule) Check(p *rules.Pass) {
	if hasExt(p, codeExts...) {
		return
	}
	a := p.Analysis
	t := a.Text()
	lines := a.Lines()
	var fence markupscan.Fence
	// blockStart/blockEnd/blockKind describe the block being collected. Blank lines
	// do not end a block; a prose line or a fence does.
	blockStart, blockEnd, blockKind := -1, -1, ""
	flush := func() {
		if blockStart >= 0 {
			reportCode(p, t, lines, blockStart, blockEnd, blockKind)
		}
		blockStart, blockEnd, blockKind = -1, -1, ""
	}
	add := func(i int, kind string) {
		if blockStart < 0 {
			blockStart = i
		}
		blockEnd = i
		if blockKind == "" || blockKind == "code" {
			blockKind = kind
		}
	}
	weakRun := -1 // first line of a run of weak lines waiting for a strong neighbor
	noClose := [2]int{-1, -1}
	for i := 0; i < len(lines); i++ {
		s := t[lines[i].Start:lines[i].End]
		if fence.Code(s) {
			flush()
			weakRun = -1
			continue
		}
		ts, te := text.TrimSpan(s, 0, len(s))
		s = s[ts:te]
		if s == "" {
			continue
		}
		if strings.IndexByte(s, '<') >= 0 {
			if end, kind, ok := scriptRegion(t, lines, i, s, &noClose); ok {
				for j := i + 1; j < end; j++ {
					add(j, kind)
				}
				i = end - 1 // the closing line is judged on its own
				weakRun = -1
				continue
			}
		}
		kind, strong := markupscan.CodeLine(s)
		if kind == "" {
			flush()
			weakRun = -1
			continue
		}
		if !strong {
			if blockStart >= 0 {
				add(i, kind)
			} else if weakRun < 0 {
				weakRun = i
			}
			continue
		}
		if weakRun >= 0 {
			add(weakRun, "code")
			weakRun = -1
		}
		add(i, kind)
		// A line that opens a brace block takes the lines up to the matching close.
		if d := braceDelta(s); d > 0 {
			depth, size := d, 0
			for j := i + 1; j < len(lines) && j-i <= 200 && size < 32*1024; j++ {
				lj := t[lines[j].Start:lines[j].End]
				if markupscan.IsFenceLine(lj) {
					break // the fence tracking must see that line
				}
				size += len(lj)
				depth += braceDelta(lj)
				if depth <= 0 {
					add(j, kind)
					i = j
					break
				}
			}
		}
	}
	flush()
}

// scriptRegion recognizes a line opening <script> or <style> without closing it:
// the lines up to the closing tag are code. It returns the index of the closing
// line (the region is the lines strictly between) and the kind of code. noClose
// remembers, per tag, the last line known to hold no closing tag, so that many
// unclosed openers do not each search the same lines again.
func scriptRegion(t string, lines []text.Line, i int, s string, noClose *[2]int) (int, string, bool) {
	for n, tag := range [...]string{"script", "style"} {
		o := strings.LastIndex(s, "<"+tag)
		if o < 0 || (o+len(tag)+1 < len(s) && text.IsAlnum(s[o+len(tag)+1])) {
			continue
		}
		if strings.Contains(s[o:], "</"+tag) || !strings.Contains(s[o:], ">") {
			continue
		}
		for j := max(i+1, noClose[n]+1); j < len(lines) && j-i <= 500 && lines[j].Start-lines[i].End < 64*1024; j++ {
			lj := t[lines[j].Start:lines[j].End]
			if markupscan.IsFenceLine(lj) {
				break // the fence tracking must see that line
			}
			if strings.Contains(lj, "</"+tag) {
				kind := "JavaScript"
				if tag == "style" {
					kind = "CSS"
				}
				return j, kind, true
			}
			noClose[n] = j
		}
	}
	return 0, "", false
}

func reportCode(p *rules.Pass, t string, lines []text.Line, first, last int, kind string) {
	// Trim blank lines at the ends of the block.
	for first < last && text.IsBlank(t[lines[first].Start:lines[first].End]) {
		first++
	}
	for last > first && text.IsBlank(t[lines[last].Start:lines[last].End]) {
		last--
	}
	start, end := text.TrimSpan(t, lines[first].Start, lines[last].End)
	if end <= start {
		return
	}
	var msg string
	if n := last - first + 1; n > 1 {
		msg = fmt.Sprintf("%d lines of %s left in the text, starting %s", n, kind, clip(t[start:lines[first].End], 40))
	} else {
		msg = fmt.Sprintf("%s left in the text: %s", kind, clip(t[start:end], 50))
	}
	p.Report(rules.Finding{Start: start, End: end, Message: msg,
		Fix: &rules.Fix{Message: "delete the code", Applicability: rules.Unsafe, Edits: []rules.Edit{linesEdit(t, lines, first, last)}}})
}

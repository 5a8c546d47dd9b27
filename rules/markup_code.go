package rules

import (
	"fmt"
	"strings"
)

// CodeFragments returns the code-fragments rule: lines of JavaScript, CSS or JSON
// left in the text.
func CodeFragments() Rule { return mkCodeRule{} }

type mkCodeRule struct{}

func (mkCodeRule) Meta() Meta {
	return Meta{
		Name:     "code-fragments",
		Category: Markup,
		Severity: Warning,
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

// mkCodeExts are files that are code: the rule has nothing to say about them.
var mkCodeExts = []string{".js", ".mjs", ".ts", ".css", ".scss", ".less", ".json", ".html", ".htm", ".xml", ".svg", ".go", ".py", ".c", ".h", ".java", ".rs", ".php"}

// mkJSTokens are calls and names that only page code uses.
var mkJSTokens = []string{
	"document.getElementById", "document.querySelector", "document.createElement", "document.write(",
	"document.cookie", "document.body", "document.head", "document.location", "document.addEventListener",
	"document.getElementsBy", "window.location", "window.addEventListener", "window.dataLayer",
	"window.open(", "window.onload", "window._", "window.googletag", "window.fbAsyncInit",
	"addEventListener(", "dataLayer.push(", "googletag.", "gtag(", "fbq(", "_gaq.push", "console.log(",
	"jQuery(", "$(document)", "$(window)", "$(function", ".innerHTML", "JSON.parse(", "JSON.stringify(",
	"setTimeout(", "setInterval(", "XMLHttpRequest", "encodeURIComponent(", "__tcfapi", "adsbygoogle",
	"typeof ", " === ", " !== ", "=> {", "new Date()", ".prototype.", "getAttribute(", "setAttribute(",
	"appendChild(", "parentNode", ".push({", "use strict",
}

// mkCSSProps are CSS property names; "name: value" after "{" with one of them is a
// CSS declaration.
var mkCSSProps = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`display color background background-color background-image margin margin-top
		margin-bottom margin-left margin-right padding padding-top padding-bottom padding-left padding-right
		width height max-width min-width max-height min-height font font-size font-family font-weight
		font-style line-height text-align text-decoration text-transform border border-top border-bottom
		border-left border-right border-radius border-color position top left right bottom float clear
		z-index overflow overflow-x overflow-y visibility opacity cursor content box-shadow box-sizing
		transform transition animation flex flex-direction flex-wrap justify-content align-items gap
		grid-template-columns vertical-align white-space letter-spacing list-style outline fill stroke`) {
		m[n] = true
	}
	return m
}()

// mkCodeLine classifies a trimmed line: kind is "" for prose, strong says the line
// is code on its own (a weak line counts only next to strong ones).
func mkCodeLine(s string) (kind string, strong bool) {
	if s == "" {
		return "", false
	}
	last := s[len(s)-1]
	brace := strings.IndexByte(s, '{') >= 0
	switch last {
	case ';', '{', '}', ']', ',', '(', '[':
	default:
		if !brace {
			return "", false // prose ends otherwise, and every other shape has a brace
		}
	}
	// Closing lines: "}", "});", "})();", "};".
	if len(s) <= 24 && strings.ContainsAny(s, "{}") && strings.Trim(s, "{}()[];,. \t") == "" {
		return "code", true
	}
	if (s[0] == '{' || s[0] == '[') && strings.Count(s, "\":") >= 2 && (last == '}' || last == ']' || last == ',') &&
		(strings.HasPrefix(s, "{\"") || strings.HasPrefix(s, "[{\"") || strings.HasPrefix(s, "{ \"")) {
		return "JSON", true
	}
	if s[0] == '@' && (brace || last == ';') {
		for _, at := range []string{"@media", "@font-face", "@import", "@keyframes", "@charset", "@supports", "@-webkit-", "@page"} {
			if strings.HasPrefix(s, at) {
				return "CSS", true
			}
		}
	}
	if brace && mkCSSDecl(s) {
		return "CSS", true
	}
	codeEnd := last == ';' || last == '{' || last == '}' || last == ',' || last == '(' || last == '['
	if codeEnd {
		for _, tok := range mkJSTokens {
			if strings.Contains(s, tok) {
				return "JavaScript", true
			}
		}
	}
	if mkJSStatement(s, last) {
		return "JavaScript", true
	}
	// A line ending in "{" opens a block: prose never does.
	if last == '{' && !strings.Contains(s, ". ") {
		return "code", true
	}
	// Weak: "name: value;", "x = y;", "return x;", "f(x);".
	if last == ';' && !strings.Contains(s, ". ") && (strings.ContainsAny(s, "=(:") || strings.HasPrefix(s, "return")) {
		return "code", false
	}
	return "", false
}

// mkCSSDecl reports whether s holds "{ property: value" with a known property, or
// is a selector line such as ".nav a:hover {".
func mkCSSDecl(s string) bool {
	// A declaration needs a ";" or "}" after its colon: find the last one once.
	last := strings.LastIndexAny(s, ";}")
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '{')
		if k < 0 {
			return false
		}
		j := i + k + 1
		i = j
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		p := j
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] == '-') {
			j++
		}
		prop := s[p:j]
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) || s[j] != ':' || prop == "" {
			continue
		}
		if !(mkCSSProps[prop] || strings.HasPrefix(prop, "--") || strings.HasPrefix(prop, "-webkit-") || strings.HasPrefix(prop, "-moz-")) {
			continue
		}
		if last > j {
			return true
		}
	}
	return false
}

// mkJSStatement recognizes the shapes of JavaScript statements.
func mkJSStatement(s string, last byte) bool {
	for _, kw := range []string{"var ", "let ", "const "} {
		if strings.HasPrefix(s, kw) {
			j := len(kw)
			k := j
			for k < len(s) && (mkIsAlnum(s[k]) || s[k] == '_' || s[k] == '$') {
				k++
			}
			if k == j {
				return false
			}
			for k < len(s) && s[k] == ' ' {
				k++
			}
			return k < len(s) && (s[k] == '=' && (k+1 >= len(s) || s[k+1] != '=') || s[k] == ';' || s[k] == ',') && (last == ';' || last == '{' || last == ',' || last == '(' || last == '[')
		}
	}
	// function name(args) {   function(args) {   (function() {   !function(e){
	if f := strings.Index(s, "function"); f >= 0 && (f == 0 || !mkIsAlnum(s[f-1])) {
		j := f + len("function")
		for j < len(s) && s[j] == ' ' {
			j++
		}
		for j < len(s) && (mkIsAlnum(s[j]) || s[j] == '_' || s[j] == '$') {
			j++
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && s[j] == '(' {
			if c := strings.IndexByte(s[j:], ')'); c >= 0 {
				rest := strings.TrimLeft(s[j+c+1:], " ")
				if strings.HasPrefix(rest, "{") {
					return true
				}
			}
		}
	}
	for _, pre := range []string{"if (", "if(", "for (", "for(", "while (", "} else", "}else", "} catch", "try {", "switch ("} {
		if strings.HasPrefix(s, pre) && (last == '{' || last == ';') {
			return true
		}
	}
	if strings.HasPrefix(s, "})") || strings.HasPrefix(s, "$(") {
		return last == ';' || last == '{' || last == ')'
	}
	if strings.HasPrefix(s, "import ") && strings.Contains(s, " from ") && (last == ';' || last == '\'' || last == '"') {
		return true
	}
	return false
}

// mkBraceDelta returns the net number of "{" over "}" in s.
func mkBraceDelta(s string) int {
	return strings.Count(s, "{") - strings.Count(s, "}")
}

func (mkCodeRule) Check(p *Pass) {
	if mkHasExt(p, mkCodeExts...) {
		return
	}
	a := p.Analysis
	t := a.Text()
	lines := a.Lines()
	var fence mkFence
	// blockStart/blockEnd/blockKind describe the block being collected. Blank lines
	// do not end a block; a prose line or a fence does.
	blockStart, blockEnd, blockKind := -1, -1, ""
	flush := func() {
		if blockStart >= 0 {
			mkReportCode(p, t, lines, blockStart, blockEnd, blockKind)
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
		if fence.code(s) {
			flush()
			weakRun = -1
			continue
		}
		ts, te := TrimSpan(s, 0, len(s))
		s = s[ts:te]
		if s == "" {
			continue
		}
		if strings.IndexByte(s, '<') >= 0 {
			if end, kind, ok := mkScriptRegion(t, lines, i, s, &noClose); ok {
				for j := i + 1; j < end; j++ {
					add(j, kind)
				}
				i = end - 1 // the closing line is judged on its own
				weakRun = -1
				continue
			}
		}
		kind, strong := mkCodeLine(s)
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
		if d := mkBraceDelta(s); d > 0 {
			depth, size := d, 0
			for j := i + 1; j < len(lines) && j-i <= 200 && size < 32*1024; j++ {
				lj := t[lines[j].Start:lines[j].End]
				if mkIsFenceLine(lj) {
					break // the fence tracking must see that line
				}
				size += len(lj)
				depth += mkBraceDelta(lj)
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

// mkScriptRegion recognizes a line opening <script> or <style> without closing it:
// the lines up to the closing tag are code. It returns the index of the closing
// line (the region is the lines strictly between) and the kind of code. noClose
// remembers, per tag, the last line known to hold no closing tag, so that many
// unclosed openers do not each search the same lines again.
func mkScriptRegion(t string, lines []Line, i int, s string, noClose *[2]int) (int, string, bool) {
	for n, tag := range [...]string{"script", "style"} {
		o := strings.LastIndex(s, "<"+tag)
		if o < 0 || (o+len(tag)+1 < len(s) && mkIsAlnum(s[o+len(tag)+1])) {
			continue
		}
		if strings.Contains(s[o:], "</"+tag) || !strings.Contains(s[o:], ">") {
			continue
		}
		for j := max(i+1, noClose[n]+1); j < len(lines) && j-i <= 500 && lines[j].Start-lines[i].End < 64*1024; j++ {
			lj := t[lines[j].Start:lines[j].End]
			if mkIsFenceLine(lj) {
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

func mkReportCode(p *Pass, t string, lines []Line, first, last int, kind string) {
	// Trim blank lines at the ends of the block.
	for first < last && isBlank(t[lines[first].Start:lines[first].End]) {
		first++
	}
	for last > first && isBlank(t[lines[last].Start:lines[last].End]) {
		last--
	}
	start, end := TrimSpan(t, lines[first].Start, lines[last].End)
	if end <= start {
		return
	}
	var msg string
	if n := last - first + 1; n > 1 {
		msg = fmt.Sprintf("%d lines of %s left in the text, starting %s", n, kind, mkClip(t[start:lines[first].End], 40))
	} else {
		msg = fmt.Sprintf("%s left in the text: %s", kind, mkClip(t[start:end], 50))
	}
	p.Report(Finding{Start: start, End: end, Message: msg,
		Fix: &Fix{Message: "delete the code", Applicability: Unsafe, Edits: []Edit{mkLinesEdit(t, lines, first, last)}}})
}

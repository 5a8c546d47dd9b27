package markup

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
			"Code that is the content of a technical text is reported at info severity " +
			"only: a block introduced by a prose line ending in a colon (\"it would look " +
			"like this:\"), or any block in a document whose prose talks about code (at " +
			"least two prose lines naming a call such as fetch() or a member such as " +
			"res.json, or using the words of programming: function, method, variable, " +
			"argument, parameter, API, compile, syntax, snippet, …).\n\n" +
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
	// Whether the text talks about code is asked only when a block is found:
	// reading every prose line for it cost a seventh of the default rules'
	// time on documents that hold no code at all.
	techKnown, tech := false, false
	technical := func() bool {
		if !techKnown {
			tech, techKnown = talksAboutCode(t, lines), true
		}
		return tech
	}
	// blockStart/blockEnd/blockKind describe the block being collected. Blank lines
	// do not end a block; a prose line or a fence does.
	blockStart, blockEnd, blockKind := -1, -1, ""
	flush := func() {
		if blockStart >= 0 {
			reportCode(p, t, lines, blockStart, blockEnd, blockKind, technical)
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

func reportCode(p *rules.Pass, t string, lines []text.Line, first, last int, kind string, technical func() bool) {
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
	f := rules.Finding{Start: start, End: end, Message: msg}
	if introducedByProse(t, lines, first) || technical() && !tracker(t[start:end]) {
		// A tutorial's sample: worth a look at most, never a warning that fails a hook.
		f.Severity = rules.Info
		f.Message += " (a sample the text introduces or discusses?)"
	}
	f.Fix = &rules.Fix{Message: "delete the code", Applicability: rules.Unsafe, Edits: []rules.Edit{linesEdit(t, lines, first, last)}}
	p.Report(f)
}

// introducedByProse reports whether the last non-blank line before line first
// is prose that ends in a colon: "For instance:", "it would look like this:".
func introducedByProse(t string, lines []text.Line, first int) bool {
	for i := first - 1; i >= 0 && i >= first-3; i-- {
		s := strings.TrimSpace(t[lines[i].Start:lines[i].End])
		if s == "" {
			continue
		}
		if kind, _ := markupscan.CodeLine(s); kind != "" {
			return false
		}
		if strings.HasSuffix(s, ":") {
			// "For instance:" or the wrapped end of a sentence ("instance:", "<host>:").
			return len(strings.Fields(s)) >= 2 || s[0] >= 'a' && s[0] <= 'z' || s[0] == '<'
		}
		ls := strings.ToLower(s)
		for _, cue := range introCues {
			if strings.Contains(ls, cue) {
				return true
			}
		}
		return false
	}
	return false
}

// trackerNames are what the snippets of ad and analytics services call: a page's
// plumbing, not a sample an article discusses (unless prose introduces it).
var trackerNames = []string{"googletag.", "dataLayer", "fbq(", "_gaq", "ga('", "gtag(", "_sf_", "adsbygoogle", "__gads", "pbjs.", "apstag."}

// tracker reports whether code calls an ad or analytics service.
func tracker(code string) bool {
	for _, n := range trackerNames {
		if strings.Contains(code, n) {
			return true
		}
	}
	return false
}

// introCues are phrases of a line that introduces the sample after it.
var introCues = []string{"looks like", "like this", "as follows", "the following", "for example", "for instance", "an example", "this example", "this code", "this snippet"}

// codeWords are words that prose about programming uses and other prose rarely
// does.
var codeWords = map[string]bool{
	"function": true, "functions": true, "method": true, "methods": true, "variable": true,
	"variables": true, "argument": true, "arguments": true, "parameter": true,
	"parameters": true, "api": true, "apis": true, "compile": true, "compiler": true,
	"compiled": true, "syntax": true, "snippet": true, "callback": true, "constructor": true,
	"runtime": true, "json": true, "struct": true, "boolean": true, "integer": true,
	"string": true, "strings": true, "array": true, "arrays": true, "object": true,
	"objects": true, "returns": true, "header": true, "headers": true, "request": true,
	"requests": true, "property": true, "properties": true, "interface": true,
	"library": true, "module": true, "class": true, "code": true, "script": true,
	"javascript": true, "css": true, "html": true, "http": true, "url": true,
}

// talksAboutCode reports whether at least two prose lines of the document talk
// about code: they name a call (fetch(), res.json()) or a member (res.headers), or
// use three of codeWords. Scanning stops after 2,000 lines.
func talksAboutCode(t string, lines []text.Line) bool {
	n := 0
	for i := 0; i < len(lines) && i < 2000; i++ {
		s := strings.TrimSpace(t[lines[i].Start:lines[i].End])
		if len(s) < 40 || len(s) > 4096 {
			continue
		}
		if kind, _ := markupscan.CodeLine(s); kind != "" {
			continue
		}
		if proseAboutCode(s) {
			n++
			if n >= 2 {
				return true
			}
		}
	}
	return false
}

// proseAboutCode reports whether the prose line s names a call or a member, or
// uses three words of programming.
func proseAboutCode(s string) bool {
	words := 0
	if strings.Count(s, " ") < 5 || strings.ContainsAny(s, "{}=<>|") || !strings.ContainsAny(s[len(s)-1:], ".:?!)") {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) || r == ' ' {
			letters++
		}
	}
	if letters*10 < utf8.RuneCountInString(s)*8 {
		return false // page code or a table row, not a sentence
	}
	for w := range strings.FieldsSeq(s) {
		w = trimQuotePunct(w)
		if w == "" {
			continue
		}
		if strings.HasSuffix(w, "()") && len(w) > 3 && isIdent(w[:len(w)-2]) {
			return true
		}
		if strings.HasSuffix(w, "().") && len(w) > 4 && isIdent(w[:len(w)-3]) {
			return true
		}
		if i := strings.IndexByte(w, '.'); i > 0 && i < len(w)-1 && isIdent(w) && hasLowerCamel(w) {
			return true
		}
		if isCodeWord(strings.TrimSuffix(w, ".")) {
			words++
		}
	}
	return words >= 3
}

// trimQuotePunct is strings.Trim(w, "\"'“”‘’,;:!?") without building the cut
// set on every call: this runs on every word of every long prose line.
func trimQuotePunct(w string) string {
	for w != "" {
		r, n := utf8.DecodeRuneInString(w)
		if !isQuotePunct(r) {
			break
		}
		w = w[n:]
	}
	for w != "" {
		r, n := utf8.DecodeLastRuneInString(w)
		if !isQuotePunct(r) {
			break
		}
		w = w[:len(w)-n]
	}
	return w
}

func isQuotePunct(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// codeWordMax is the length of the longest of codeWords; codeWordLens and
// codeWordFirst mark their lengths and first letters, so that most ASCII words
// are ruled out before a map look-up.
var codeWordMax, codeWordLens, codeWordFirst = func() (n int, lens uint64, first [256]bool) {
	for w := range codeWords {
		n = max(n, len(w))
		lens |= 1 << len(w)
		first[w[0]] = true
	}
	return n, lens, first
}()

// isCodeWord reports whether codeWords holds strings.ToLower(w), lowering an
// ASCII word on the stack instead of allocating. codeWords are ASCII, and a rune
// lowers to ASCII from at most 3 bytes (the Kelvin sign to k), so a longer word
// than 3*codeWordMax bytes cannot be one.
func isCodeWord(w string) bool {
	if len(w) > 3*codeWordMax {
		return false
	}
	var buf [64]byte
	if len(w) > len(buf) {
		return codeWords[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return codeWords[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if codeWordLens&(1<<len(w)) == 0 || !codeWordFirst[buf[0]] {
		return false
	}
	return codeWords[string(buf[:len(w)])]
}

// isIdent reports whether s is a dotted identifier: letters, digits, _ and inner dots.
func isIdent(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// hasLowerCamel reports whether a dotted name looks like code rather than an
// abbreviation or a domain (e.g., example.com, U.S.): a part after a dot starts
// lowercase and some part has an inner capital or the name ends in a call-like
// member (res.json, document.getElementById).
func hasLowerCamel(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, tld := range []string{"com", "org", "net", "io", "gov", "edu", "uk", "de", "fr", "html", "htm", "php"} {
		if parts[len(parts)-1] == tld {
			return false
		}
	}
	for _, p := range parts {
		if len(p) < 2 {
			return false
		}
	}
	for _, p := range parts[1:] {
		for i := 1; i < len(p); i++ {
			if p[i] >= 'A' && p[i] <= 'Z' && p[0] >= 'a' && p[0] <= 'z' {
				return true
			}
		}
	}
	return false
}

package markupscan

import (
	"github.com/corpuslint/corpuslint/rules/text"
	"strings"
)

// jsTokens are calls and names that only page code uses.
var jsTokens = []string{
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

// cssProps are CSS property names; "name: value" after "{" with one of them is a
// CSS declaration.
var cssProps = func() map[string]bool {
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

// CodeLine classifies a trimmed line: kind is "" for prose, strong says the line
// is code on its own (a weak line counts only next to strong ones).
func CodeLine(s string) (kind string, strong bool) {
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
	if brace && cssDecl(s) {
		return "CSS", true
	}
	codeEnd := last == ';' || last == '{' || last == '}' || last == ',' || last == '(' || last == '['
	if codeEnd {
		for _, tok := range jsTokens {
			if strings.Contains(s, tok) {
				return "JavaScript", true
			}
		}
	}
	if jsStatement(s, last) {
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

// cssDecl reports whether s holds "{ property: value" with a known property, or
// is a selector line such as ".nav a:hover {".
func cssDecl(s string) bool {
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
		if !(cssProps[prop] || strings.HasPrefix(prop, "--") || strings.HasPrefix(prop, "-webkit-") || strings.HasPrefix(prop, "-moz-")) {
			continue
		}
		if last > j {
			return true
		}
	}
	return false
}

// jsStatement recognizes the shapes of JavaScript statements.
func jsStatement(s string, last byte) bool {
	for _, kw := range []string{"var ", "let ", "const "} {
		if strings.HasPrefix(s, kw) {
			j := len(kw)
			k := j
			for k < len(s) && (text.IsAlnum(s[k]) || s[k] == '_' || s[k] == '$') {
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
	if f := strings.Index(s, "function"); f >= 0 && (f == 0 || !text.IsAlnum(s[f-1])) {
		j := f + len("function")
		for j < len(s) && s[j] == ' ' {
			j++
		}
		for j < len(s) && (text.IsAlnum(s[j]) || s[j] == '_' || s[j] == '$') {
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

package source

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText extracts the text a reader sees from an HTML page, for WARC response
// records: users lint the text, not the tags. It follows the layout of Common
// Crawl's WET files, so that a page gives much the same document from a WARC as
// from its WET:
//
//   - the text of every element, entities decoded, in document order, the
//     <title> included as the first line;
//   - nothing from script, style, noscript, template, iframe, noembed, noframes,
//     svg and math;
//   - each block element (p, div, li, h1…h6, tr, br, …) on a line of its own;
//     table cells on one line, separated by a space;
//   - runs of white space collapsed to one space and lines trimmed, except inside
//     pre, textarea and listing, which keep theirs;
//   - no blank lines, no line break at the end.
//
// It uses golang.org/x/net/html's tokenizer, which follows the HTML5 tokenization
// rules (raw text elements, character references, malformed markup) without
// building a tree, so it is fast and its memory is the page and the output.
func htmlText(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var t textBuilder
	t.out = make([]byte, 0, len(page)/3)
	t.lineStart = true
	var skip atom.Atom // the skipped element we are inside, 0 when none
	skipDepth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return t.String()
		case html.TextToken:
			if skip == 0 {
				t.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip && tt == html.StartTagToken {
					skipDepth++
				} else if a == skip && tt == html.EndTagToken {
					if skipDepth--; skipDepth == 0 {
						skip = 0
					}
				}
				continue
			}
			switch {
			case skipped[a]:
				if tt == html.StartTagToken {
					skip, skipDepth = a, 1
				}
			case preformatted[a]:
				t.newline()
				if tt == html.StartTagToken {
					t.pre++
				} else if tt == html.EndTagToken && t.pre > 0 {
					t.pre--
				}
			case a == atom.Td || a == atom.Th:
				t.space = !t.lineStart
			case blocks[a]:
				t.newline()
			}
		}
	}
}

// skipped elements hold no reader-visible text: code, styles, fallbacks for
// disabled features, and markup languages whose text is labels.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Svg: true,
	atom.Math: true,
}

// preformatted elements keep their white space.
var preformatted = map[atom.Atom]bool{atom.Pre: true, atom.Textarea: true, atom.Listing: true}

// blocks start and end a line.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.Frameset: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Head: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true,
	atom.Option: true, atom.P: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Tfoot: true, atom.Thead: true,
	atom.Title: true, atom.Tr: true, atom.Ul: true,
}

// textBuilder writes text with collapsed white space and single line breaks.
type textBuilder struct {
	out       []byte
	pre       int  // depth of preformatted elements
	space     bool // a space is due before the next word
	lineStart bool // nothing written on the current line yet
}

func (t *textBuilder) newline() {
	if !t.lineStart {
		t.out = append(t.out, '\n')
		t.lineStart = true
	}
	t.space = false
}

func (t *textBuilder) text(s []byte) {
	if t.pre > 0 {
		s = bytes.ReplaceAll(s, []byte("\r\n"), []byte("\n"))
		if t.lineStart {
			// The HTML parser drops a newline right after <pre>; so do we, and
			// blank lines at the start.
			s = bytes.TrimLeft(s, "\n")
		}
		if len(s) == 0 {
			return
		}
		if t.space {
			t.out = append(t.out, ' ')
		}
		t.out = append(t.out, s...)
		t.lineStart = s[len(s)-1] == '\n'
		t.space = false
		return
	}
	for i := 0; i < len(s); {
		if isHTMLSpace(s[i]) {
			t.space = !t.lineStart
			i++
			continue
		}
		j := i
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		if t.space {
			t.out = append(t.out, ' ')
		}
		t.out = append(t.out, s[i:j]...)
		t.space, t.lineStart = false, false
		i = j
	}
}

func (t *textBuilder) String() string {
	return string(bytes.TrimRight(t.out, "\n"))
}

// isHTMLSpace is HTML's ASCII white space; U+00A0 (&nbsp;) is kept as text.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  Options
		want []string
	}{
		{
			name: "basic",
			in:   `{"id":"a","url":"https://x.example/1","text":"Hello."}` + "\n" + `{"text":"World.","id":"b"}` + "\n",
			want: []string{
				`1 id=a text="Hello." url=https://x.example/1`,
				`2 id=b text="World."`,
			},
		},
		{
			name: "last line without newline",
			in:   `{"text":"a"}` + "\n" + `{"text":"b"}`,
			want: []string{`1 id=t.jsonl:1 text="a"`, `2 id=t.jsonl:2 text="b"`},
		},
		{
			name: "dotted text field",
			in:   `{"meta":{"lang":"en","body":"deep"},"text":"shallow"}` + "\n",
			opt:  Options{TextField: "meta.body", IDField: "meta.lang"},
			want: []string{`1 id=en text="deep"`},
		},
		{
			name: "dotted path through a non-object",
			in:   `{"meta":"flat"}` + "\n",
			opt:  Options{TextField: "meta.body"},
			want: []string{`err t.jsonl:1: missing text field "meta.body"`},
		},
		{
			// Consumers read the last text; checking the first would fix a value
			// nobody reads, so the record is an error. For the id the first wins.
			name: "duplicate text is an error, first id wins",
			in:   `{"text":"first","text":"second","id":1,"id":2}` + "\n" + `{"text":"t","id":1,"id":2}` + "\n",
			want: []string{`err t.jsonl:1: duplicate text field "text" at byte 16: JSON readers take the last value, so the record is ambiguous; skipped`,
				`2 id=1 text="t"`},
		},
		{
			name: "first parent object wins",
			in:   `{"meta":{"other":1},"meta":{"body":"late"}}` + "\n",
			opt:  Options{TextField: "meta.body"},
			want: []string{`err t.jsonl:1: missing text field "meta.body"`},
		},
		{
			name: "nested key does not match at top level",
			in:   `{"a":{"text":"inner"},"text":"outer"}` + "\n",
			want: []string{`1 id=t.jsonl:1 text="outer"`},
		},
		{
			name: "escaped key matches",
			in:   `{"te\u0078t":"k"}` + "\n",
			want: []string{`1 id=t.jsonl:1 text="k"`},
		},
		{
			name: "id kinds",
			in: `{"id":12.50,"text":"n"}` + "\n" +
				`{"id":-3e+2,"text":"n"}` + "\n" +
				`{"text":"missing"}` + "\n" +
				`{"id":null,"text":"null"}` + "\n" +
				`{"id":{"x":1},"text":"obj"}` + "\n" +
				`{"id":"a\"b","text":"esc"}` + "\n" +
				`{"id":"","text":"empty id"}` + "\n",
			want: []string{
				`1 id=12.50 text="n"`,
				`2 id=-3e+2 text="n"`,
				`3 id=t.jsonl:3 text="missing"`,
				`4 id=t.jsonl:4 text="null"`,
				`5 id=t.jsonl:5 text="obj"`,
				`6 id=a"b text="esc"`,
				`7 id=t.jsonl:7 text="empty id"`,
			},
		},
		{
			name: "url not a string is ignored",
			in:   `{"url":5,"text":"x"}` + "\n",
			want: []string{`1 id=t.jsonl:1 text="x"`},
		},
		{
			name: "CRLF lines",
			in:   "{\"text\":\"a\"}\r\n{\"text\":\"b\\r\\n\"}\r\n",
			want: []string{`1 id=t.jsonl:1 text="a"`, `2 id=t.jsonl:2 text="b\r\n"`},
		},
		{
			name: "BOM",
			in:   "\ufeff{\"text\":\"bom\"}\n{\"text\":\"x\"}\n",
			want: []string{`1 id=t.jsonl:1 text="bom"`, `2 id=t.jsonl:2 text="x"`},
		},
		{
			name: "BOM only on the first line",
			in:   "{\"text\":\"x\"}\n\ufeff{\"text\":\"bom\"}\n",
			want: []string{`1 id=t.jsonl:1 text="x"`, `err t.jsonl:2: invalid JSON: invalid character byte 0xef looking for beginning of value at byte 0`},
		},
		{
			name: "blank lines keep numbering",
			in:   "\n   \n{\"text\":\"three\"}\n\t\r\n\n{\"text\":\"six\"}\n\n",
			want: []string{`3 id=t.jsonl:3 text="three"`, `6 id=t.jsonl:6 text="six"`},
		},
		{
			name: "escapes",
			in:   `{"text":"a\nb\t\"q\" \\ \/ \u00e9 \ud83d\ude00 \b\f\r"}` + "\n",
			want: []string{`1 id=t.jsonl:1 text="a\nb\t\"q\" \\ / é 😀 \b\f\r"`},
		},
		{
			name: "lone surrogates become U+FFFD",
			in:   `{"text":"\ud800 \udc00 \ud800\u0041 \ud800\ud800\udc00"}` + "\n",
			want: []string{"1 id=t.jsonl:1 text=\"\ufffd \ufffd \ufffdA \ufffd\U00010000\""},
		},
		{
			name: "raw UTF-8 kept",
			in:   `{"text":"naïve café 東京 <b>&amp;</b>"}` + "\n",
			want: []string{`1 id=t.jsonl:1 text="naïve café 東京 <b>&amp;</b>"`},
		},
		{
			name: "stream goes on after errors",
			in:   `{"text":` + "\n" + `[1,2]` + "\n" + `{"id":1}` + "\n" + `{"text":"ok"}` + "\n",
			want: []string{
				`err t.jsonl:1: invalid JSON: unexpected end of input at byte 8`,
				`err t.jsonl:2: top-level value is an array, want an object`,
				`err t.jsonl:3: missing text field "text"`,
				`4 id=t.jsonl:4 text="ok"`,
			},
		},
		{
			name: "text field of the wrong type",
			in: `{"text":1.5}` + "\n" + `{"text":null}` + "\n" + `{"text":{}}` + "\n" +
				`{"text":[]}` + "\n" + `{"text":true}` + "\n",
			want: []string{
				`err t.jsonl:1: text field "text" is a number, want a string`,
				`err t.jsonl:2: text field "text" is null, want a string`,
				`err t.jsonl:3: text field "text" is an object, want a string`,
				`err t.jsonl:4: text field "text" is an array, want a string`,
				`err t.jsonl:5: text field "text" is a boolean, want a string`,
			},
		},
		{
			name: "top-level scalars",
			in:   `"text"` + "\n" + `42` + "\n" + `null` + "\n",
			want: []string{
				`err t.jsonl:1: top-level value is a string, want an object`,
				`err t.jsonl:2: top-level value is a number, want an object`,
				`err t.jsonl:3: top-level value is null, want an object`,
			},
		},
		{
			name: "invalid UTF-8 in text",
			in:   "{\"text\":\"ab\xffcd\"}\n",
			want: []string{`err t.jsonl:1: invalid UTF-8 in text field "text" at byte 11`},
		},
		{
			name: "invalid UTF-8 in text after escapes",
			in:   "{\"text\":\"\\n\xc3(\"}\n",
			want: []string{`err t.jsonl:1: invalid UTF-8 in text field "text" at byte 11`},
		},
		{
			name: "invalid UTF-8 elsewhere is replaced, not an error",
			in:   "{\"id\":\"a\xffb\",\"other\":\"\xfe\",\"text\":\"ok\"}\n",
			want: []string{"1 id=a\ufffdb text=\"ok\""},
		},
		{
			name: "invalid escape",
			in:   `{"text":"a\qb"}` + "\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid escape character 'q' in string at byte 11`},
		},
		{
			name: "bad unicode escape",
			in:   `{"text":"\u12G4"}` + "\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid character 'G' in \u hexadecimal character escape at byte 13`},
		},
		{
			name: "raw control character in string",
			in:   "{\"text\":\"a\tb\"}\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid control character byte 0x09 in string at byte 10`},
		},
		{
			name: "NUL outside strings",
			in:   "{\"text\":\"a\"\x00}\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid character byte 0x00 after object key:value pair at byte 11`},
		},
		{
			name: "trailing garbage",
			in:   `{"text":"a"} x` + "\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid character 'x' after top-level value at byte 13`},
		},
		{
			name: "two objects on one line",
			in:   `{"text":"a"}{"text":"b"}` + "\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid character '{' after top-level value at byte 12`},
		},
		{
			name: "bad number",
			in:   `{"n":01,"text":"a"}` + "\n" + `{"n":1.,"text":"a"}` + "\n" + `{"n":-,"text":"a"}` + "\n",
			want: []string{
				`err t.jsonl:1: invalid JSON: invalid character '1' after object key:value pair at byte 6`,
				`err t.jsonl:2: invalid JSON: invalid character ',' in numeric literal at byte 7`,
				`err t.jsonl:3: invalid JSON: invalid character ',' in numeric literal at byte 6`,
			},
		},
		{
			name: "bad literal",
			in:   `{"b":tru,"text":"a"}` + "\n",
			want: []string{`err t.jsonl:1: invalid JSON: invalid character ',' in literal true at byte 8`},
		},
		{
			name: "trailing comma",
			in:   `{"text":"a",}` + "\n" + `{"a":[1,],"text":"a"}` + "\n",
			want: []string{
				`err t.jsonl:1: invalid JSON: invalid character '}' looking for beginning of object key string at byte 12`,
				`err t.jsonl:2: invalid JSON: invalid character ']' looking for beginning of value at byte 8`,
			},
		},
		{
			name: "whitespace inside the line",
			in:   " \t{ \"text\" : \"a\" , \"x\" : [ 1 , { } , [ ] ] } \t\n",
			want: []string{`1 id=t.jsonl:1 text="a"`},
		},
		{
			name: "empty file",
			in:   "",
			want: []string{`err t.jsonl: empty file`},
		},
		{
			name: "only blank lines",
			in:   "\n \r\n\t\n",
			want: []string{`err t.jsonl: empty file`},
		},
		{
			name: "only a BOM",
			in:   "\ufeff\n",
			want: []string{`err t.jsonl: empty file`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect("t.jsonl", []byte(tt.in), JSONL, tt.opt)
			diffLists(t, summaries(items), tt.want)
			for _, it := range items {
				if it.Format != JSONL || it.Gzip {
					t.Errorf("format=%v gzip=%v, want jsonl, plain", it.Format, it.Gzip)
				}
				if it.Doc != nil && it.Doc.Field != tt.opt.withDefaults().TextField {
					t.Errorf("Field = %q", it.Doc.Field)
				}
			}
		})
	}
}

// TestRawReproducesInput checks what fix relies on: Raw plus LineEnd is every byte
// of the line, and TextSpan covers exactly the text value.
func TestRawReproducesInput(t *testing.T) {
	in := "\ufeff{\"id\":1,\"text\":\"a\\nb\",\"n\":1.50}\r\n" +
		"{\"text\":\"x\"}\n" +
		"{\"text\":5}\n" +
		"{ \"text\" : \"\u00e9\" }\r"
	items := collect("t.jsonl", []byte(in), JSONL, Options{})
	var b strings.Builder
	for _, it := range items {
		b.Write(it.Raw)
		b.WriteString(it.LineEnd)
	}
	if b.String() != in {
		t.Errorf("Raw+LineEnd = %q, want %q", b.String(), in)
	}
	wantSpans := []string{`"a\nb"`, `"x"`, ``, `"é"`}
	for i, it := range items {
		if it.Doc == nil {
			continue
		}
		if got := string(it.Raw[it.TextSpan[0]:it.TextSpan[1]]); got != wantSpans[i] {
			t.Errorf("item %d: span text %q, want %q", i, got, wantSpans[i])
		}
	}
	if items[2].Err == nil || !bytes.Equal(items[2].Raw, []byte(`{"text":5}`)) {
		t.Errorf("error item should carry its raw line, got %q", items[2].Raw)
	}
}

func TestReadStopsEarly(t *testing.T) {
	in := strings.Repeat(`{"text":"a"}`+"\n", 10)
	n := 0
	readStream("t.jsonl", strings.NewReader(in), JSONL, -1, Options{}.withDefaults(), func(Item) bool {
		n++
		return n < 3
	})
	if n != 3 {
		t.Errorf("yield called %d times after returning false at 3", n)
	}
}

// TestLongLines crosses the reader's buffer boundaries in every way: lines longer
// than the buffer, and many short lines straddling refills.
func TestLongLines(t *testing.T) {
	var in bytes.Buffer
	var want []string
	for _, n := range []int{1, lineBufSize - 20, lineBufSize, 3 * lineBufSize, 10, minRead + 7, 5 * lineBufSize} {
		text := strings.Repeat("x", n)
		in.WriteString(`{"text":"` + text + `"}` + "\n")
		want = append(want, text)
	}
	items := collect("t.jsonl", in.Bytes(), JSONL, Options{})
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d", len(items), len(want))
	}
	for i, it := range items {
		if it.Err != nil || it.Doc.Text != want[i] || it.Doc.Record != i+1 {
			t.Errorf("item %d: %v", i, it.Err)
		}
	}
}

func TestHugeRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB record")
	}
	const size = 50 << 20
	var in bytes.Buffer
	in.WriteString(`{"id":"small","text":"a"}` + "\n")
	in.WriteString(`{"id":"big","text":"`)
	chunk := strings.Repeat("word \\n ", 1000)
	for in.Len() < size {
		in.WriteString(chunk)
	}
	in.WriteString(`"}` + "\n" + `{"id":"after","text":"b"}` + "\n")
	// Lines are limited apart (TestLineLimit); this text has one every 7 bytes.
	items := collect("big.jsonl", in.Bytes(), JSONL, Options{MaxRecordLines: size})
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3", len(items))
	}
	for _, it := range items {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
	}
	big := items[1].Doc
	if big.ID != "big" || len(big.Text) < size*7/8 || !strings.HasPrefix(big.Text, "word \n word") {
		t.Errorf("big record: id %q, %d bytes of text", big.ID, len(big.Text))
	}
	if items[2].Doc.Text != "b" || items[2].Doc.Record != 3 {
		t.Errorf("record after the big one: %+v", items[2].Doc)
	}
}

// TestNoRaw: with NoRaw a record read without error has no Raw and the same
// document, and an error item keeps its own copy of its line (the reader's
// buffer is reused for the lines after it).
func TestNoRaw(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, `{"id":"r%d","text":"line %d \u00e9\\n","url":"https://x.example/%d","corpuslint":{"ignore":["stray-dash"]}}`+"\n", i, i, i)
		if i == 20 {
			b.WriteString(`{"text": 7, "pad":"` + strings.Repeat("x", 200) + `"}` + "\n")
		}
	}
	in := []byte(b.String())
	opt := Options{SuppressField: "corpuslint"}
	with := collect("r.jsonl", in, JSONL, opt)
	opt.NoRaw = true
	without := collect("r.jsonl", in, JSONL, opt)
	if len(with) != len(without) || len(with) != 51 {
		t.Fatalf("items: %d with Raw, %d without", len(with), len(without))
	}
	for i := range with {
		w, o := with[i], without[i]
		if w.Err != nil {
			if o.Err == nil || o.Err.Msg != w.Err.Msg || string(o.Raw) != string(w.Raw) || !strings.Contains(string(o.Raw), `"pad"`) {
				t.Errorf("item %d: error %v raw %q, want %v raw %q", i, o.Err, o.Raw, w.Err, w.Raw)
			}
			continue
		}
		if o.Raw != nil {
			t.Errorf("item %d: Raw kept with NoRaw: %q", i, o.Raw)
		}
		if w.Raw == nil || o.Doc == nil || o.Doc.Text != w.Doc.Text || o.Doc.ID != w.Doc.ID || o.Doc.URL != w.Doc.URL ||
			strings.Join(o.Doc.Ignore, ",") != strings.Join(w.Doc.Ignore, ",") || len(w.Doc.Ignore) != 1 {
			t.Errorf("item %d: doc %+v, want %+v", i, o.Doc, w.Doc)
		}
	}
}

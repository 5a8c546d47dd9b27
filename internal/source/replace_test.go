package source

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// encodeStd is what encoding/json writes for s with HTML escaping off, the
// encoding ReplaceText promises.
func encodeStd(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func decodeAny(t *testing.T, line []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	return v
}

func firstDoc(t *testing.T, line []byte, opt Options) Item {
	t.Helper()
	items := collect("t.jsonl", line, JSONL, opt)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%q: %v", line, summaries(items))
	}
	return items[0]
}

func TestReplaceTextSameText(t *testing.T) {
	lines := []string{
		`{"id":7,"n":1.50,"e":1E+2,"text":"a\u00e9\/b\n","z":[true,null]}`,
		`{ "text" : "spaced" , "id" : "x" }`,
		`{"meta":{"body":"nested \"q\""},"text":5}`,
		`{"text":"\ud83d\ude00 and <b>&amp;</b>"}`,
	}
	for _, line := range lines {
		opt := Options{}
		if strings.Contains(line, "meta") {
			opt.TextField = "meta.body"
		}
		it := firstDoc(t, []byte(line), opt)
		out := ReplaceText(it.Raw, it.TextSpan, it.Doc.Text)
		if !reflect.DeepEqual(decodeAny(t, out), decodeAny(t, []byte(line))) {
			t.Errorf("%s\nbecame %s", line, out)
		}
		if !bytes.Equal(out[:it.TextSpan[0]], it.Raw[:it.TextSpan[0]]) ||
			!bytes.HasSuffix(out, it.Raw[it.TextSpan[1]:]) {
			t.Errorf("bytes outside the span changed: %s", out)
		}
		if string(it.Raw) != line {
			t.Errorf("Raw was modified")
		}
	}
}

func TestReplaceText(t *testing.T) {
	raw := []byte(`{"id":00,"text":"old","n":1.0e3, "after" :"x"}`)
	span := [2]int{16, 21}
	tests := []struct{ newText, want string }{
		{"new", `"new"`},
		{"", `""`},
		{`say "hi"`, `"say \"hi\""`},
		{`back\slash`, `"back\\slash"`},
		{"line\nbreak\r\ttab", `"line\nbreak\r\ttab"`},
		{"\x00\x01\x1f\b\f\x7f", `"\u0000\u0001\u001f\b\f` + "\x7f" + `"`},
		{"a\u2028b\u2029c", `"a\u2028b\u2029c"`},
		{"<b>&amp;</b>", `"<b>&amp;</b>"`},
		{"café 東京 😀", `"café 東京 😀"`},
		{"bad\xffutf8", `"bad\ufffdutf8"`},
		{"/slash", `"/slash"`},
	}
	for _, tt := range tests {
		out := ReplaceText(raw, span, tt.newText)
		want := `{"id":00,"text":` + tt.want + `,"n":1.0e3, "after" :"x"}`
		if string(out) != want {
			t.Errorf("ReplaceText(%q)\n got %s\nwant %s", tt.newText, out, want)
		}
		if got := encodeStd(tt.newText); got != tt.want {
			t.Errorf("encoding/json writes %s for %q, we %s", got, tt.newText, tt.want)
		}
		d := newJSONLDecoder("t", "", Options{}.withDefaults())
		fixed := append([]byte(`{"text":`+tt.want), '}')
		it := d.decode(fixed, 0, 1)
		if it.Err != nil {
			t.Errorf("%s: %v", fixed, it.Err)
			continue
		}
		if want := strings.ToValidUTF8(tt.newText, "\ufffd"); it.Doc.Text != want {
			t.Errorf("re-decoded %q, want %q", it.Doc.Text, want)
		}
	}
	if string(raw) != `{"id":00,"text":"old","n":1.0e3, "after" :"x"}` {
		t.Error("raw was modified")
	}
}

func TestReplaceTextBadSpanPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for a span outside the line")
		}
	}()
	ReplaceText([]byte(`{"text":"a"}`), [2]int{8, 99}, "x")
}

// A lone surrogate escape decodes to U+FFFD, but Python's json and others keep
// it: a rewrite of the record writes the escape back where its U+FFFD survived.
func TestReplaceTextKeepsLoneSurrogates(t *testing.T) {
	for _, tt := range []struct{ raw, newText, want string }{
		{`{"text":"\ud800 Tom &amp; Jerry"}`, "\ufffd Tom & Jerry", `{"text":"\ud800 Tom & Jerry"}`},
		{`{"text":"a\uDC00b\ufffdc\ud83d\ude00d\ud801"}`, "A\ufffdB\ufffdC😀D\ufffd", `{"text":"A\uDC00B` + "\ufffd" + `C😀D\ud801"}`},
		// A fix removed one U+FFFD: which is which is unknown, so all are U+FFFD.
		{`{"text":"\ud800 x \ud801"}`, "\ufffd x", `{"text":"` + "\ufffd" + ` x"}`},
		// No lone surrogate: the plain encoding.
		{`{"text":"\ufffd ok"}`, "\ufffd fine", `{"text":"` + "\ufffd" + ` fine"}`},
	} {
		d := newJSONLDecoder("t", "", Options{}.withDefaults())
		it := d.decode([]byte(tt.raw), 0, 1)
		if it.Err != nil {
			t.Fatalf("%s: %v", tt.raw, it.Err)
		}
		if got := string(ReplaceText([]byte(tt.raw), it.TextSpan, tt.newText)); got != tt.want {
			t.Errorf("ReplaceText(%s, %q)\n got %s\nwant %s", tt.raw, tt.newText, got, tt.want)
		}
	}
}

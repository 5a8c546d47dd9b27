package source

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"strings"
	"testing"
	"unicode/utf8"
)

// refText is the reference answer for a line, computed with encoding/json: whether
// it is valid JSON, and the first "text" and "id" members of a top-level object,
// and whether "text" is there more than once.
type refText struct {
	valid, object bool
	text          json.RawMessage // nil when absent
	id            json.RawMessage
	dupText       bool
}

func reference(line []byte) refText {
	var r refText
	if !json.Valid(line) {
		return r
	}
	r.valid = true
	dec := json.NewDecoder(bytes.NewReader(line))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return r
	}
	r.object = true
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			panic(err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			panic(err)
		}
		switch key {
		case "text":
			if r.text == nil {
				r.text = v
			} else {
				r.dupText = true
			}
		case "id":
			if r.id == nil {
				r.id = v
			}
		}
	}
	return r
}

// checkAgainstReference decodes line with our reader and with encoding/json and
// reports any disagreement.
func checkAgainstReference(t *testing.T, line []byte) {
	t.Helper()
	if blank(line) {
		return
	}
	d := newJSONLDecoder("f", "", Options{}.withDefaults())
	it := d.decode(line, 0, 1)
	if (it.Doc == nil) == (it.Err == nil) {
		t.Fatalf("%q: want exactly one of Doc and Err, got %v and %v", line, it.Doc, it.Err)
	}
	ref := reference(line)
	switch {
	case !ref.valid:
		if it.Err == nil || !strings.HasPrefix(it.Err.Msg, "invalid JSON: ") {
			t.Fatalf("%q: encoding/json says invalid, we say %s", line, summary(it))
		}
	case ref.object && ref.dupText:
		if it.Err == nil || !strings.HasPrefix(it.Err.Msg, "duplicate text field") {
			t.Fatalf("%q: want a duplicate text field error, got %s", line, summary(it))
		}
	case !ref.object, ref.text == nil, ref.text[0] != '"':
		if it.Err == nil || strings.HasPrefix(it.Err.Msg, "invalid JSON") {
			t.Fatalf("%q: want a non-syntax error, got %s", line, summary(it))
		}
	case !utf8.Valid(ref.text):
		if it.Err == nil || !strings.HasPrefix(it.Err.Msg, "invalid UTF-8") {
			t.Fatalf("%q: want an invalid UTF-8 error, got %s", line, summary(it))
		}
	default:
		if it.Err != nil {
			t.Fatalf("%q: encoding/json decodes it, we say %v", line, it.Err)
		}
		var want string
		if err := json.Unmarshal(ref.text, &want); err != nil {
			t.Fatal(err)
		}
		if it.Doc.Text != want {
			t.Fatalf("%q: text %q, encoding/json says %q", line, it.Doc.Text, want)
		}
		if got := string(it.Raw[it.TextSpan[0]:it.TextSpan[1]]); got != string(ref.text) {
			t.Fatalf("%q: span covers %q, want %q", line, got, ref.text)
		}
		var wantID string
		if ref.id != nil {
			switch ref.id[0] {
			case '"':
				_ = json.Unmarshal(ref.id, &wantID)
			case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
				wantID = string(ref.id)
			}
		}
		if wantID == "" {
			wantID = "f:1"
		}
		if it.Doc.ID != wantID {
			t.Fatalf("%q: id %q, want %q", line, it.Doc.ID, wantID)
		}
	}
}

// scanSeeds are lines that exercise every branch of the scanner; they seed the
// fuzzer too.
var scanSeeds = []string{
	`{"text":"a"}`,
	`{"id":"x","text":"a\nb\u00e9\ud83d\ude00\ud800","url":"u"}`,
	`{"id":-0.5e-3,"text":""}`,
	`{"a":[1,2.5,-3e10,true,false,null,{"b":[]},"s"],"text":"t","text":"u"}`,
	`  {"text" : "sp" }  `,
	`{"te\u0078t":"esc key"}`,
	`{"text":"\/\\\"\b\f\n\r\t"}`,
	`{}`, `[]`, `"s"`, `1`, `null`,
	`{"text":1}`, `{"text":null}`, `{"text":{}}`,
	`{`, `{"`, `{"text"`, `{"text":`, `{"text":"`, `{"text":"a`, `{"text":"a"`,
	`{"text":"a",}`, `{,}`, `{"a" 1}`, `{"a":1 "b":2}`, `[1 2]`, `[1,]`, `[`,
	`{"text":"\x"}`, `{"text":"\u12"}`, `{"text":"\u12g4"}`, "{\"text\":\"\x01\"}",
	`{"n":01}`, `{"n":1.}`, `{"n":.5}`, `{"n":1e}`, `{"n":1e+}`, `{"n":-}`, `{"n":+1}`,
	`{"n":tru}`, `{"n":nul}`, `{"n":fals}`, `{"n":True}`,
	`{"text":"a"} x`, `{"text":"a"}{}`, "{\"text\":\"a\"}\x00",
	"{\"text\":\"\xff\"}", "{\"id\":\"\xff\xfe\xe2\x82\",\"text\":\"a\"}", `{"id":"","text":"a"}`, "{\"text\":\"ok\",\"other\":\"\xff\"}", "{\"\xff\":1,\"text\":\"k\"}",
	"\xef\xbb\xbf{\"text\":\"bom\"}",
}

// deepSeeds sit on either side of the nesting limit; they are too slow to seed
// the fuzzer with.
var deepSeeds = []string{
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	`{"a":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `,"text":"deep"}`,
	`{"a":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `,"text":"deep"}`,
	`{"a":` + strings.Repeat(`{"b":`, 9998) + `1` + strings.Repeat("}", 9998) + `,"text":"deep"}`,
	`{"a":` + strings.Repeat(`{"b":`, 9999) + `1` + strings.Repeat("}", 9999) + `,"text":"deep"}`,
}

func TestScanAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range append(scanSeeds, deepSeeds...) {
		checkAgainstReference(t, []byte(s))
	}
	// Every prefix of a valid line is checked too: truncation is the commonest
	// corruption in crawl output.
	full := []byte(`{"id":12,"url":"https://e.x/\u00e9","text":"x\"y\\z\ud83d\ude00","a":[true,false,null,-1.5E+3,{"k":"v"}]}`)
	for i := range full {
		checkAgainstReference(t, full[:i])
	}
}

func TestSpecials(t *testing.T) {
	isSpecial := func(c byte) bool { return c == '"' || c == '\\' || c < 0x20 }
	// Every byte value at every position, with ordinary and special neighbors: the
	// lowest mark must be the first special byte.
	for _, fill := range []byte{'a', 0xff, 0x20, '"', 0} {
		for c := 0; c < 256; c++ {
			for pos := 0; pos < 8; pos++ {
				var b [8]byte
				for i := range b {
					if i < pos {
						b[i] = 'a'
					} else {
						b[i] = fill
					}
				}
				b[pos] = byte(c)
				first := -1
				for i, x := range b {
					if isSpecial(x) {
						first = i
						break
					}
				}
				m := specials(binary.LittleEndian.Uint64(b[:]))
				got := -1
				if m != 0 {
					got = bits.TrailingZeros64(m) >> 3
				}
				if got != first {
					t.Fatalf("specials(% x): first mark at %d, want %d", b, got, first)
				}
			}
		}
	}
}

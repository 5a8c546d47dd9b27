package source

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var benchWords = strings.Fields(`the of and to in a is that for it as was with be by on not he
this are or his from at which but have an they you were her she there been one all we their
has would when if so no will more can who about its up said out into than them only other
time new some could these two may first then do any like my now over such our man me even
most made after also did many before must through back years where much your way well down
should because each just those people how too little state good very make world still own
see men work long get here between both life being under never day same another know while
last might us great old year off come since against go came right used take three café naïve
“quoted” résumé Zürich 東京 — – … «guillemets» señor`)

// benchCorpus builds a deterministic JSONL batch shaped like crawl output:
// ids, URLs, metadata with numbers, and multi-paragraph texts with escaped line
// breaks and quotes and some non-ASCII.
var benchCorpus = sync.OnceValue(func() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	var text strings.Builder
	for i := 0; b.Len() < 20<<20; i++ {
		text.Reset()
		paras := 2 + r.IntN(8)
		for p := 0; p < paras; p++ {
			if p > 0 {
				text.WriteString("\n\n")
			}
			words := 20 + r.IntN(120)
			for w := 0; w < words; w++ {
				if w > 0 {
					text.WriteByte(' ')
				}
				if r.IntN(40) == 0 {
					text.WriteString(`"` + benchWords[r.IntN(len(benchWords))] + `"`)
					continue
				}
				text.WriteString(benchWords[r.IntN(len(benchWords))])
				if r.IntN(12) == 0 {
					text.WriteByte('.')
				}
			}
		}
		doc := map[string]any{
			"id":   "doc-" + strconv.Itoa(i),
			"url":  "https://news.example.com/" + strconv.Itoa(r.IntN(1e6)) + "/article.html",
			"text": text.String(),
			"meta": map[string]any{"lang": "en", "score": r.Float64(), "fetched": 1700000000 + r.IntN(1e7)},
		}
		line, err := json.Marshal(doc)
		if err != nil {
			panic(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
})

func BenchmarkReadJSONL(b *testing.B) {
	data := benchCorpus()
	opt := Options{}.withDefaults()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		readStream("bench.jsonl", bytes.NewReader(data), JSONL, -1, opt, func(it Item) bool {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
			return true
		})
		if n == 0 {
			b.Fatal("no documents")
		}
	}
}

// BenchmarkBaselineEncodingJSON decodes the same corpus with encoding/json into a
// three-field struct, the least a map-free standard decoder can do, to put
// BenchmarkReadJSONL's figure in context.
func BenchmarkBaselineEncodingJSON(b *testing.B) {
	data := benchCorpus()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rest := data
		for len(rest) > 0 {
			i := bytes.IndexByte(rest, '\n')
			var doc struct{ ID, URL, Text string }
			if err := json.Unmarshal(rest[:i], &doc); err != nil {
				b.Fatal(err)
			}
			rest = rest[i+1:]
		}
	}
}

package builtin_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/text"
)

// adversarialShapes are texts built to make a scan run away (issue 16): unclosed
// Markdown links made a forward scan from every "](" run to the end of the line,
// and the others are runs of one thing, many tiny lines, many findings.
var adversarialShapes = []struct{ name, unit string }{
	{"unclosed-links", "[a]("},
	{"angle-links", "[a](<"},
	{"title-links", `[a](http://x "`},
	{"ref-links", "[a]["},
	{"urls", "http://"},
	{"open-brackets", "["},
	{"one-char", "a"},
	{"tiny-lines", "a\n"},
	{"dash-lines", "a -\n"},
	{"double-spaces", "a  "},
	{"quotes", `"`},
	{"html", "<a "},
}

// BenchmarkAdversarial runs every built-in rule on each shape at 1 MB and 10 MB;
// the ns/op of the two sizes must differ by about 10 (linear work), which the
// closing note of issue 16 reports:
//
//	go test ./rules/builtin -run '^$' -bench Adversarial -benchtime 1x -count 3
func BenchmarkAdversarial(b *testing.B) {
	all := builtin.Builtin()
	for _, sh := range adversarialShapes {
		for _, size := range []int{1 << 20, 10 << 20} {
			txt := strings.Repeat(sh.unit, size/len(sh.unit))
			name := sh.name + "/1MB"
			if size > 1<<20 {
				name = sh.name + "/10MB"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(txt)))
				b.ReportAllocs()
				for b.Loop() {
					doc := &rules.Document{Text: txt, Path: "adversarial.txt", ID: "adversarial.txt"}
					rules.Run(all, doc, text.NewAnalysis(txt), nil)
				}
			})
		}
	}
}

package boilerplate_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
)

const repeatedCases = "../../testdata/rules/repeated-line"

// repeatedBatch is a golden case of a corpus rule: the document under test
// (input.txt) and the other documents of its batch (sections under batch/), with
// an optional "urls" section of "NAME URL" lines.
type repeatedBatch struct {
	arch  *txtar.Archive
	input string
	docs  []*rules.Document
}

func readCase(t *testing.T, file string) *repeatedBatch {
	t.Helper()
	arch, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	urls := map[string]string{}
	c := &repeatedBatch{arch: arch}
	for _, f := range arch.Files {
		if f.Name == "urls" {
			for _, line := range strings.Split(string(f.Data), "\n") {
				if name, u, ok := strings.Cut(strings.TrimSpace(line), " "); ok {
					urls[name] = strings.TrimSpace(u)
				}
			}
		}
	}
	for _, f := range arch.Files {
		switch {
		case f.Name == "input.txt":
			c.input = string(f.Data)
			c.docs = append(c.docs, &rules.Document{Text: c.input, Path: f.Name, ID: f.Name, URL: urls[f.Name]})
		case strings.HasPrefix(f.Name, "batch/"):
			c.docs = append(c.docs, &rules.Document{Text: string(f.Data), Path: f.Name, ID: f.Name, URL: urls[f.Name]})
		}
	}
	if c.docs == nil || c.docs[0].Path != "input.txt" {
		t.Fatalf("%s: the first document section must be input.txt", file)
	}
	return c
}

func repeatedSection(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// TestRepeatedLine runs the golden cases: a first pass over every document of
// the case, then the check and the fix loop on input.txt with that state.
func TestRepeatedLine(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repeatedCases, "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no golden cases")
	}
	sort.Strings(files)
	update := flag.Lookup("update") != nil && flag.Lookup("update").Value.String() == "true"
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			c := readCase(t, file)
			r := boilerplate.RepeatedLine()
			if opts, ok := repeatedSection(c.arch, "options.json"); ok {
				r = rulestest.Configure(t, r, opts)
			}
			states := engine.ObserveDocuments([]rules.Rule{r}, c.docs)
			doc := *c.docs[0]
			check := func(s string) []rules.Finding {
				d := doc
				d.Text = s
				return rules.Run([]rules.Rule{r}, &d, nil, states)
			}
			got := check(c.input)
			rulestest.CheckProperties(t, c.input, got)
			res := fix.Loop(c.input, got, check, false)
			gotFindings := rulestest.FormatFindings(c.input, got)
			if update {
				repeatedSet(c.arch, "findings", gotFindings)
				if res.Text != c.input {
					repeatedSet(c.arch, "fixed.txt", res.Text)
				}
				if err := os.WriteFile(file, txtar.Format(c.arch), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := repeatedSection(c.arch, "findings")
			if gotFindings != string(want) {
				t.Errorf("findings differ\n--- got\n%s--- want\n%s", gotFindings, want)
			}
			wantFixed, hasFixed := repeatedSection(c.arch, "fixed.txt")
			switch {
			case hasFixed && res.Text != string(wantFixed):
				t.Errorf("fixed text differs\n--- got\n%s--- want\n%s", res.Text, wantFixed)
			case !hasFixed && res.Text != c.input:
				t.Errorf("the fixes changed the text but the case has no fixed.txt section; got\n%s", res.Text)
			}
			if again := fix.Loop(res.Text, nil, check, false); again.Text != res.Text {
				t.Errorf("fixing twice differs from fixing once")
			}
			if strings.HasPrefix(filepath.Base(file), "ok-") && len(got) > 0 {
				t.Errorf("an ok- case has findings")
			}
		})
	}
}

func repeatedSet(a *txtar.Archive, name, data string) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = []byte(data)
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
}

// repeatedPages returns n pages of one site: the same menu and footer around a body of
// its own.
func repeatedPages(n int, site string) []*rules.Document {
	var docs []*rules.Document
	for i := 0; i < n; i++ {
		w := repeatedWord(i + 1000)
		text := fmt.Sprintf("Home\nNews\nSport\nWeather\n\nThe story %s tells what happened in district %s on a busy Monday morning.\n"+
			"Officials said the road to %s would stay closed while crews repaired the bridge.\n\n"+
			"Sign up for our newsletter\n© 2019 %s. All rights reserved.\n", w, w, w, site)
		docs = append(docs, &rules.Document{Text: text, Path: "batch.jsonl", Record: i + 1, ID: fmt.Sprint(i), URL: "https://www." + site + "/story/" + fmt.Sprint(i)})
	}
	return docs
}

// Without its first pass (standard input) the rule reports nothing; with it, it
// reports the menu and the footer and leaves each page's own lines.
func TestRepeatedLineNeedsFirstPass(t *testing.T) {
	r := boilerplate.RepeatedLine()
	docs := repeatedPages(5, "example.com")
	if fs := rules.Run([]rules.Rule{r}, docs[0], nil, nil); len(fs) != 0 {
		t.Fatalf("without a first pass: want no finding, got %d", len(fs))
	}
	states := engine.ObserveDocuments([]rules.Rule{r}, docs)
	fs := rules.Run([]rules.Rule{r}, docs[2], nil, states)
	if len(fs) != 2 {
		t.Fatalf("want 2 findings (menu, footer), got %s", rulestest.FormatFindings(docs[2].Text, fs))
	}
	for _, f := range fs {
		if strings.Contains(docs[2].Text[f.Start:f.End], "Story") {
			t.Errorf("a page's own line was flagged: %q", docs[2].Text[f.Start:f.End])
		}
	}
	if !strings.Contains(fs[0].Message, "4 lines recur in 5 of 5 documents of example.com") {
		t.Errorf("message %q", fs[0].Message)
	}
	if fs[0].Score == nil || fs[0].Score.Value != 5 || fs[0].Score.Threshold != 4 {
		t.Errorf("score %+v", fs[0].Score)
	}
}

// The engine's two passes over files: a menu shared by documents in different
// files is flagged in each.
func TestRepeatedLineAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, d := range repeatedPages(5, "example.org") {
		p := filepath.Join(dir, fmt.Sprintf("page%d.txt", i))
		if err := os.WriteFile(p, []byte(d.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	var flagged []string
	err := engine.Run(files, engine.Options{Rules: []rules.Rule{boilerplate.RepeatedLine()}, Workers: 2}, func(r *engine.Result) error {
		if r.Report == nil {
			return fmt.Errorf("input error: %v", r.Item.Err)
		}
		for _, f := range r.Report.Findings {
			flagged = append(flagged, filepath.Base(r.Report.Path)+":"+r.Report.Text[f.Start:f.End])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Plain files carry no URL: the batch is one site. Each file has two blocks.
	if len(flagged) != 10 {
		t.Fatalf("want 10 findings over 5 files, got %d: %q", len(flagged), flagged)
	}
	if !strings.HasPrefix(flagged[0], "page0.txt:Home\nNews") {
		t.Errorf("first finding %q", flagged[0])
	}
}

// Observing a batch in parts and merging gives the same findings as observing it
// whole, in any order of merging.
func TestRepeatedLineMerge(t *testing.T) {
	r := boilerplate.RepeatedLine().(rules.CorpusRule)
	docs := append(repeatedPages(6, "a.example"), repeatedPages(5, "b.example")...)
	whole := r.NewState()
	for _, d := range docs {
		whole.Observe(d, text.NewAnalysis(d.Text))
	}
	parts := []rules.CorpusState{r.NewState(), r.NewState(), r.NewState()}
	for i, d := range docs {
		parts[i%3].Observe(d, text.NewAnalysis(d.Text))
	}
	ab := r.NewState()
	ab.Merge(parts[2])
	ab.Merge(parts[0])
	ab.Merge(parts[1])
	for _, d := range docs {
		a := rulestest.FormatFindings(d.Text, rules.Run([]rules.Rule{r}, d, nil, map[string]rules.CorpusState{"repeated-line": whole}))
		b := rulestest.FormatFindings(d.Text, rules.Run([]rules.Rule{r}, d, nil, map[string]rules.CorpusState{"repeated-line": ab}))
		if a != b || a == "" {
			t.Fatalf("doc %s: merged findings differ or are empty\n--- whole\n%s--- merged\n%s", d.ID, a, b)
		}
	}
}

// The state stays within max_pairs however many distinct lines the batch has,
// and chrome seen on every page is still found.
func TestRepeatedLineMemoryBounded(t *testing.T) {
	r, err := boilerplate.RepeatedLine().(rules.Configurable).Configure(map[string]any{"max_pairs": 1024.0})
	if err != nil {
		t.Fatal(err)
	}
	st := r.(rules.CorpusRule).NewState()
	var last *rules.Document
	for i := 0; i < 5000; i++ {
		txt := fmt.Sprintf("Skip to content\nA line only page %s has, about item %s.\nAnother unique line %s.\n", repeatedWord(i), repeatedWord(i*7), repeatedWord(i*13))
		last = &rules.Document{Text: txt, ID: fmt.Sprint(i), URL: "https://example.net/p" + fmt.Sprint(i)}
		st.Observe(last, text.NewAnalysis(txt))
	}
	type sizer interface{ Pairs() int }
	if n := st.(sizer).Pairs(); n > 1024 {
		t.Fatalf("state holds %d pairs, want at most 1024", n)
	}
	fs := rules.Run([]rules.Rule{r}, last, nil, map[string]rules.CorpusState{"repeated-line": st})
	if len(fs) != 1 || last.Text[fs[0].Start:fs[0].End] != "Skip to content" {
		t.Fatalf("want the shared line flagged alone, got %s", rulestest.FormatFindings(last.Text, fs))
	}
}

// repeatedWord spells n in letters: numbers are folded before lines are compared.
func repeatedWord(n int) string {
	var b []byte
	for {
		b = append(b, byte('a'+n%26))
		n /= 26
		if n == 0 {
			return string(b)
		}
	}
}

// Copies of one page (the same text, or the same URL) count as one document:
// two copies of an article do not make its lines recur, and identical records
// are never emptied; the pages with a shared menu are still flagged.
func TestRepeatedLineDuplicateDocuments(t *testing.T) {
	body := "The council approved the new budget on Tuesday after a long debate about school funding and libraries.\n" +
		"The mayor said the plan would protect libraries and parks while keeping property taxes flat next year.\n"
	docs := []*rules.Document{
		{Text: "Home\n" + body, ID: "a", URL: "https://x.example/a"},
		{Text: "Home\n" + body, ID: "b", URL: "https://x.example/a?amp=1"},
		{Text: "Home\n" + body + "Updated at noon.\n", ID: "a2", URL: "https://x.example/a/"},
	}
	for i := range 4 {
		docs = append(docs, &rules.Document{Text: fmt.Sprintf("Home\nA different story, number %s, about the harbour, the ferry and the storm that closed both.\n", repeatedWord(i)),
			ID: fmt.Sprint(i), URL: fmt.Sprintf("https://x.example/c%d", i)})
	}
	r := boilerplate.RepeatedLine()
	states := engine.ObserveDocuments([]rules.Rule{r}, docs)
	for _, d := range docs[:3] {
		for _, f := range rules.Run([]rules.Rule{r}, d, nil, states) {
			if strings.Contains(d.Text[f.Start:f.End], "council") {
				t.Errorf("%s: a copy's own lines were flagged: %s", d.ID, rulestest.FormatFindings(d.Text, []rules.Finding{f}))
			}
		}
	}
	// The other pages' menu is flagged. (There the article's copies still
	// count three times: a document corrects the counts of its own copies only.)
	fs := rules.Run([]rules.Rule{r}, docs[3], nil, states)
	if len(fs) != 1 || docs[3].Text[fs[0].Start:fs[0].End] != "Home" {
		t.Errorf("page with chrome: want the menu flagged, got %s", rulestest.FormatFindings(docs[3].Text, fs))
	}
}

func TestRepeatedLineOptions(t *testing.T) {
	c := boilerplate.RepeatedLine().(rules.Configurable)
	rulestest.CheckOptions(t, c, []rulestest.OptionCase{
		{Options: map[string]any{"min_site_docs": 3.0}},
		{Options: map[string]any{"min_site_docs": 1.0}, Err: "from 2 to"},
		{Options: map[string]any{"min_site_docs": 2.5}, Err: "whole number"},
		{Options: map[string]any{"min_site_share": "x"}, Err: "number"},
		{Options: map[string]any{"min_sites_share": 1.5}, Err: "from 0 to 1"},
		{Options: map[string]any{"max_pairs": 10.0}, Err: "from 1024 to"},
		{Options: map[string]any{"nope": 1.0}, Err: "unknown option"},
		{Options: map[string]any{"level": "aggressive"}},
		{Options: map[string]any{"level": "balance"}, Err: `did you mean "balanced"?`},
	})
	if c.Options()["min_site_docs"] != 4 || c.Options()["level"] != "conservative" {
		t.Errorf("defaults changed by Configure: %v", c.Options())
	}
}

// Fuzz: a batch made of the text and two variants of it; findings keep the
// contract and fixing is idempotent.
func FuzzRepeatedLine(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(repeatedCases, "*.txtar"))
	for _, file := range files {
		if a, err := txtar.ParseFile(file); err == nil {
			if b, ok := repeatedSection(a, "input.txt"); ok {
				f.Add(string(b))
			}
		}
	}
	f.Add("Home\nNews\n\nBody line.\n")
	f.Add("")
	r := boilerplate.RepeatedLine()
	f.Fuzz(func(t *testing.T, text string) {
		docs := []*rules.Document{
			{Text: text, ID: "a"},
			{Text: text + "\nOther line.", ID: "b"},
			{Text: strings.ToUpper(text), ID: "c"},
		}
		for _, d := range docs {
			if !utf8.ValidString(d.Text) {
				return
			}
		}
		states := engine.ObserveDocuments([]rules.Rule{r}, docs)
		check := func(s string) []rules.Finding {
			return rules.Run([]rules.Rule{r}, &rules.Document{Text: s, ID: "a"}, nil, states)
		}
		fs := check(text)
		if err := rulestest.Properties(text, fs); err != nil {
			t.Fatal(err)
		}
		once := fix.Loop(text, fs, check, true)
		twice := fix.Loop(once.Text, once.Remaining, check, true)
		if twice.Text != once.Text && once.Passes <= fix.MaxPasses {
			t.Fatalf("fixing twice differs from fixing once: %q", text)
		}
	})
}

func BenchmarkRepeatedLine(b *testing.B) {
	// About 1 MB: 3,000 pages of one site.
	docs := repeatedPages(3000, "bench.example")
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	r := boilerplate.RepeatedLine()
	b.Run("observe", func(b *testing.B) {
		b.SetBytes(size)
		for i := 0; i < b.N; i++ {
			engine.ObserveDocuments([]rules.Rule{r}, docs)
		}
	})
	states := engine.ObserveDocuments([]rules.Rule{r}, docs)
	b.Run("check", func(b *testing.B) {
		b.SetBytes(size)
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				rules.Run([]rules.Rule{r}, d, nil, states)
			}
		}
	})
}

// The engine's two passes give the same findings on 1, 2 and 8 workers when the
// batch holds near-duplicate copies under other URLs (the clusters are derived
// from the merged workers' signatures), and the copies' own lines are left.
func TestRepeatedLineClustersWorkers(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for f := range 3 {
		var b strings.Builder
		for _, d := range repeatedPages(12, "example.com")[f*4 : f*4+4] {
			line, _ := json.Marshal(map[string]string{"id": "p" + d.ID, "text": d.Text, "url": d.URL})
			b.Write(append(line, '\n'))
		}
		for i := range 4 {
			txt := "Home\nNews\nSport\nWeather\n\nLemon drizzle cake\nServes eight, takes one hour\n225g softened butter\n225g caster sugar\n" +
				"Four eggs, beaten\n275g self-raising flour\nFinely grated zest of two lemons\nHeat the oven to 180C\n" +
				fmt.Sprintf("Updated %d May\n", f*4+i)
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("c%d-%d", f, i), "text": txt, "url": fmt.Sprintf("https://example.com/cake?utm=%d", f*4+i)})
			b.Write(append(line, '\n'))
		}
		name := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", f))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	run := func(workers int) string {
		var out strings.Builder
		err := engine.Run(names, engine.Options{Rules: []rules.Rule{boilerplate.RepeatedLine()}, Workers: workers, Source: source.Options{TextField: "text", IDField: "id"}},
			func(res *engine.Result) error {
				if res.Report == nil {
					return fmt.Errorf("input error: %v", res.Item.Err)
				}
				for _, f := range res.Report.Findings {
					fmt.Fprintf(&out, "%s:%d %d-%d %s\n", filepath.Base(res.Report.Path), res.Report.Record, f.Start, f.End, f.Message)
				}
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	one := run(1)
	// The menu on all 24 documents and the footer on the 12 pages: 36, and
	// nothing of the cake's lines.
	if !strings.Contains(one, "4 lines recur in 13 of 13 documents of example.com") || strings.Count(one, "\n") != 36 {
		t.Fatalf("want the menu flagged on the 12 pages and the 12 copies (counted as one), the footer on the pages, got\n%s", one)
	}
	for _, w := range []int{2, 8} {
		if got := run(w); got != one {
			t.Errorf("workers=%d: findings differ from one worker's\n--- 1\n%s--- %d\n%s", w, one, w, got)
		}
	}
}

// fixBatch runs the fix loop of rs over every document of docs with the state
// of a first pass over docs, as `corpuslint fix` does on one batch, and
// returns the fixed documents.
func fixBatch(rs []rules.Rule, docs []*rules.Document) []*rules.Document {
	states := engine.ObserveDocuments(rs, docs)
	out := make([]*rules.Document, len(docs))
	for i, d := range docs {
		check := func(s string) []rules.Finding {
			c := *d
			c.Text = s
			return rules.Run(rs, &c, nil, states)
		}
		c := *d
		c.Text = fix.Loop(d.Text, nil, check, false).Text
		out[i] = &c
	}
	return out
}

// chromeBatch returns a batch of pages of several sites, each page a few lines
// of its own between chrome lines: the site's menu and footer on most of its
// pages, and generic lines ("Advertisement") that many sites share, each
// placed alone or next to other chrome at random.
func chromeBatch(r *rand.Rand) []*rules.Document {
	generic := []string{"Advertisement", "Continue reading the main story", "Share this article", "Sign up for our newsletter"}
	var docs []*rules.Document
	for site := range 8 {
		menu := []string{fmt.Sprintf("Home %d", site), "News", fmt.Sprintf("Sport in %s", repeatedWord(site))}
		pages := 3 + r.IntN(12)
		for pg := range pages {
			var b strings.Builder
			put := func(s string) { b.WriteString(s + "\n") }
			if r.IntN(4) > 0 {
				for _, m := range menu[:1+r.IntN(len(menu))] {
					put(m)
				}
			}
			for k := range 2 + r.IntN(4) {
				w := repeatedWord(site*1000 + pg*10 + k)
				put(fmt.Sprintf("The report on %s said the works in %s would take until the spring of next year.", w, w))
				if r.IntN(3) == 0 {
					put(generic[r.IntN(len(generic))])
					if r.IntN(2) == 0 {
						put(generic[r.IntN(len(generic))])
					}
				}
			}
			if r.IntN(3) > 0 {
				put(fmt.Sprintf("© %s. All rights reserved.", repeatedWord(site)))
			}
			docs = append(docs, &rules.Document{Text: b.String(), Path: "batch.jsonl", Record: len(docs) + 1,
				ID: fmt.Sprint(len(docs)), URL: fmt.Sprintf("https://site%d.example/page/%d", site, pg)})
		}
	}
	return docs
}

// Fix twice is fix once over a batch, whose counts the first run's fixes
// move: the second run sees a batch from which the first deleted chrome on
// some pages, so a line's counts fall (a site's chrome can become only generic
// chrome), and nothing may become newly safe to delete.
func TestRepeatedLineFixTwiceOverBatch(t *testing.T) {
	rs := []rules.Rule{boilerplate.RepeatedLine()}
	for seed := range uint64(100) {
		docs := chromeBatch(rand.New(rand.NewPCG(seed, 7)))
		once := fixBatch(rs, docs)
		changed := 0
		for i := range docs {
			if once[i].Text != docs[i].Text {
				changed++
			}
		}
		if changed == 0 {
			t.Fatalf("seed %d: the first run fixed nothing: the batch tests nothing", seed)
		}
		twice := fixBatch(rs, once)
		for i := range once {
			if twice[i].Text != once[i].Text {
				t.Errorf("seed %d, page %s: the second run changed\n%s\ninto\n%s", seed, once[i].URL, once[i].Text, twice[i].Text)
			}
		}
	}
}

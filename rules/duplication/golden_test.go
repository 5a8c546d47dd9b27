package duplication_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/duplication"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

// A golden case of a corpus rule here is a batch: every section but findings,
// options.json, fixed.txt and unsafe-fixed.txt is a document, named by its path
// (or "path:record" for a record of a file); input.txt is the one checked.
var special = map[string]bool{"findings": true, "options.json": true, "fixed.txt": true, "unsafe-fixed.txt": true}

func batchDocs(t *testing.T, arch *txtar.Archive) (input *rules.Document, docs []*rules.Document) {
	t.Helper()
	for _, f := range arch.Files {
		if special[f.Name] {
			continue
		}
		path, rec := f.Name, 0
		if i := strings.LastIndexByte(f.Name, ':'); i > 0 {
			if n, err := strconv.Atoi(f.Name[i+1:]); err == nil {
				path, rec = f.Name[:i], n
			}
		}
		d := &rules.Document{Text: string(f.Data), Path: path, Record: rec, ID: f.Name}
		docs = append(docs, d)
		if f.Name == "input.txt" {
			input = d
		}
	}
	if input == nil {
		t.Fatal("no input.txt section")
	}
	return input, docs
}

func section(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

func setSection(a *txtar.Archive, name, data string) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = []byte(data)
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
}

// runGolden runs the cases of dir: a first pass over every document of the
// case, then the check and the fix loop on input.txt with that state. A drop is
// not an edit, so the text after the fixes is the input.
func runGolden(t *testing.T, r rules.Rule, dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if len(files) == 0 {
		t.Fatalf("no golden cases in %s", dir)
	}
	sort.Strings(files)
	update := flag.Lookup("update") != nil && flag.Lookup("update").Value.String() == "true"
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			arch, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			rr := r
			if opts, ok := section(arch, "options.json"); ok {
				rr = rulestest.Configure(t, r, opts)
			}
			input, docs := batchDocs(t, arch)
			states := engine.ObserveDocuments([]rules.Rule{rr}, docs)
			check := func(s string) []rules.Finding {
				d := *input
				d.Text = s
				return rules.Run([]rules.Rule{rr}, &d, nil, states)
			}
			got := check(input.Text)
			rulestest.CheckProperties(t, input.Text, got)
			gotFindings := rulestest.FormatFindings(input.Text, got)
			if update {
				setSection(arch, "findings", gotFindings)
				if err := os.WriteFile(file, txtar.Format(arch), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := section(arch, "findings")
			if gotFindings != string(want) {
				t.Errorf("findings differ\n--- got\n%s--- want\n%s", gotFindings, want)
			}
			for _, unsafe := range []bool{false, true} {
				res := fix.Loop(input.Text, got, check, unsafe)
				if res.Text != input.Text {
					t.Errorf("unsafe=%v: the fixes edited the text; a drop should not", unsafe)
				}
				wantDrop := len(got) > 0 && (unsafe || got[0].Fix.Applicability == rules.Safe)
				if (res.Dropped != nil) != wantDrop {
					t.Errorf("unsafe=%v: dropped %v, want %v", unsafe, res.Dropped != nil, wantDrop)
				}
			}
			if strings.HasPrefix(filepath.Base(file), "ok-") && len(got) > 0 {
				t.Errorf("an ok- case has findings")
			}
			if strings.HasPrefix(filepath.Base(file), "flag-") && len(got) == 0 {
				t.Errorf("a flag- case has no finding")
			}
		})
	}
}

func TestDuplicateDocumentGolden(t *testing.T) {
	runGolden(t, duplication.DuplicateDocument(), "../../testdata/rules/duplicate-document")
}

func TestNearDuplicateGolden(t *testing.T) {
	runGolden(t, duplication.NearDuplicate(), "../../testdata/rules/near-duplicate")
}

func TestNearDuplicateMergeAndCodec(t *testing.T) {
	mergeOrders(t, duplication.NearDuplicate(), corpus(600))
}

// The engine's two passes give the same findings on 1, 2 and 8 workers.
func TestNearDuplicateWorkers(t *testing.T) {
	r := duplication.NearDuplicate()
	docs := corpus(600)
	one := engineFindings(t, r, docs, 1)
	if strings.Count(one, "\n") < 50 {
		t.Fatalf("want the generated copies flagged, got\n%s", one)
	}
	for _, w := range []int{2, 8} {
		if got := engineFindings(t, r, docs, w); got != one {
			t.Errorf("workers=%d: findings differ from one worker's", w)
		}
	}
}

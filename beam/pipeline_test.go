package beam

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	sdk "github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate"
)

func init() { AddRules(lineRule{}) }

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// testInputs are the inputs of the comparison as a user would give them: files of
// every format the core reads, a glob and a folder.
var testInputs = []string{
	"../testdata/examples",            // a folder, walked as the core walks it
	"../testdata/source/sample.jsonl", // JSONL with bad records
	"../testdata/source/sample.txt",   // plain text
	"../testdata/source/crlf.txt",     // CRLF text
	"../testdata/source/notes.json",   // a .json file: text
	"../testdata/source/dolma.jsonl.zst",
	"../testdata/source/sample.warc.wet.gz",
	"../testdata/source/sample.warc.gz",
	"../testdata/source/sample.parquet",
	"testdata/*",              // repeated lines across documents and files
	"testdata/valley-a.jsonl", // named twice: read once
}

// coreFiles expands testInputs the way a shell and `corpuslint lint` would.
func coreFiles(t *testing.T) []string {
	t.Helper()
	var args []string
	for _, in := range testInputs {
		if strings.ContainsAny(in, "*?[") {
			m, err := filepath.Glob(in)
			if err != nil {
				t.Fatal(err)
			}
			args = append(args, m...)
			continue
		}
		args = append(args, in)
	}
	files, errs := source.Expand(args)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return files
}

// coreRun is the reference: engine.Run over the files with options built as the
// lint command builds them, findings encoded by the jsonl reporter.
func coreRun(t *testing.T, files []string, flags config.Flags, fixes bool) (findings, errs []string, agg *aggregate.Aggregate) {
	t.Helper()
	res, err := config.Resolve(nil, flags, addedRules())
	if err != nil {
		t.Fatal(err)
	}
	opt := engine.Setup(res, nil)
	opt.Workers, opt.Fix = 2, fixes
	var buf bytes.Buffer
	w := report.NewJSONL(&buf, report.Options{})
	agg = aggregate.New(aggregate.Options{Fixes: fixes})
	for _, r := range res.Rules {
		agg.NoteRules(r.Meta().Name)
	}
	err = engine.Run(files, opt, func(r *engine.Result) error {
		if r.Item.Err != nil {
			// As the pipeline's errors file: every unreadable record (Unlisted
			// ones too), not the reader's summary of them.
			if r.Item.Err.Omitted == 0 && !r.Item.Err.Warning {
				errs = append(errs, r.Item.Err.Error())
				agg.AddError()
			}
			return nil //nolint:nilerr // an unreadable record is counted and the run goes on
		}
		agg.Add(r.Report)
		return w.Document(r.Report)
	})
	if err == nil {
		err = w.Close(nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return lines(buf.String()), errs, agg
}

// beamRun runs the pipeline on Prism and returns its findings lines, its errors
// and its aggregate.
func beamRun(t *testing.T, o Options) (findings, errs []string, agg *aggregate.Aggregate) {
	t.Helper()
	out := t.TempDir() + "/"
	o.Inputs, o.Output = testInputs, out
	p, s := sdk.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	shards, _ := filepath.Glob(ShardPattern(out))
	if len(shards) == 0 || len(shards) > o.Shards {
		t.Fatalf("%d findings shards, want 1 to %d", len(shards), o.Shards)
	}
	for _, sh := range shards {
		b, err := os.ReadFile(sh)
		if err != nil {
			t.Fatal(err)
		}
		findings = append(findings, lines(string(b))...)
	}
	if b, err := os.ReadFile(ErrorsName(out)); err == nil {
		errs = lines(string(b))
	}
	f, err := os.Open(AggregateName(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	agg, err = aggregate.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return findings, errs, agg
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = append([]string(nil), got...), append([]string(nil), want...)
	sort.Strings(got)
	sort.Strings(want)
	if reflect.DeepEqual(got, want) {
		return
	}
	gs, ws := map[string]int{}, map[string]int{}
	for _, l := range got {
		gs[l]++
	}
	for _, l := range want {
		ws[l]++
	}
	n := 0
	for _, l := range want {
		if gs[l] < ws[l] && n < 10 {
			t.Errorf("%s: missing from the pipeline: %s", what, l)
			n++
		}
	}
	for _, l := range got {
		if ws[l] < gs[l] && n < 20 {
			t.Errorf("%s: only in the pipeline: %s", what, l)
			n++
		}
	}
	t.Fatalf("%s: pipeline has %d lines, core %d", what, len(got), len(want))
}

// sameAggregate compares what must not depend on how the work was split: counts,
// histograms, per-rule and per-domain figures. Examples and the worst documents
// keep the first ones merged, which depends on the order bundles finish.
func sameAggregate(t *testing.T, got, want *aggregate.Aggregate) {
	t.Helper()
	type counts struct {
		Docs, Bytes, Words, Findings, Flagged, Errors, Boiler int64
		Fixed, Dropped, Removed, Added                        int64
		Rules                                                 []string
	}
	c := func(a *aggregate.Aggregate) counts {
		return counts{a.Documents, a.Bytes, a.Words, a.Findings, a.Flagged, a.Errors, a.BoilerplateBytes,
			a.FixedDocs, a.DroppedDocs, a.FixRemovedBytes, a.FixAddedBytes, a.CheckedRules}
	}
	if !reflect.DeepEqual(c(got), c(want)) {
		t.Errorf("aggregate totals: pipeline %+v, core %+v", c(got), c(want))
	}
	hist := func(what string, g, w aggregate.Histogram) {
		if !reflect.DeepEqual(g.Counts, w.Counts) || g.N != w.N || g.Under != w.Under || g.Over != w.Over ||
			g.Min != w.Min || g.Max != w.Max || math.Abs(g.Sum-w.Sum) > 1e-9*math.Max(1, math.Abs(w.Sum)) {
			t.Errorf("histogram %s: pipeline %+v, core %+v", what, g, w)
		}
	}
	hist("length", got.Length, want.Length)
	hist("boilerplate", got.Boilerplate, want.Boilerplate)
	if len(got.Rules) != len(want.Rules) {
		t.Errorf("rules with findings: pipeline %d, core %d", len(got.Rules), len(want.Rules))
	}
	for name, w := range want.Rules {
		g := got.Rules[name]
		if g == nil || g.Findings != w.Findings || g.Documents != w.Documents || g.Fixable != w.Fixable ||
			g.Category != w.Category || !reflect.DeepEqual(g.Severity, w.Severity) {
			t.Errorf("rule %s: pipeline %+v, core %+v", name, g, w)
		}
	}
	if len(got.Scores) != len(want.Scores) {
		t.Errorf("scores: pipeline %d, core %d", len(got.Scores), len(want.Scores))
	}
	for name, w := range want.Scores {
		g := got.Scores[name]
		if g == nil {
			t.Errorf("score %s missing from the pipeline", name)
			continue
		}
		hist("score "+name+" flagged", g.Flagged, w.Flagged)
		hist("score "+name+" passing", g.Passing, w.Passing)
	}
	if !reflect.DeepEqual(got.Domains, want.Domains) {
		t.Errorf("domains: pipeline %+v, core %+v", got.Domains, want.Domains)
	}
}

// TestPipelineMatchesCore runs the whole pipeline on Prism over the test corpus
// and compares its findings, input errors and aggregate with the core engine's
// on the same files: identical, order aside.
func TestPipelineMatchesCore(t *testing.T) {
	files := coreFiles(t)
	for _, tc := range []struct {
		name  string
		flags config.Flags
		o     Options
	}{
		// Every rule, the test corpus rule included, fixes computed for the aggregate.
		{"all", config.Flags{Select: []string{"all"}}, Options{Shards: 3, Settings: Settings{Fixes: true}}},
		// The default profile, documents reshuffled.
		{"default", config.Flags{}, Options{Shards: 2, ReshuffleDocuments: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErrs, wantAgg := coreRun(t, files, tc.flags, tc.o.Settings.Fixes)
			tc.o.Settings.Select = tc.flags.Select
			got, gotErrs, gotAgg := beamRun(t, tc.o)
			if len(want) == 0 {
				t.Fatal("the core found nothing: the comparison would prove nothing")
			}
			sameLines(t, "findings", got, want)
			sameLines(t, "input errors", gotErrs, wantErrs)
			sameAggregate(t, gotAgg, wantAgg)
			// With every rule selected, the quality filters drop the short test
			// documents and fold repeated-line into the drop: the test corpus
			// rule exercises the corpus pass there.
			must := []string{`"rule":"repeated-line"`}
			if tc.name == "all" {
				must = []string{`"rule":"test-repeated-line"`}
			}
			for _, rule := range must {
				if !strings.Contains(strings.Join(want, "\n"), rule) {
					t.Errorf("no finding of %s: the corpus rule was not exercised", rule)
				}
			}
			t.Logf("%d findings, %d input errors, %d documents: identical", len(got), len(gotErrs), gotAgg.Documents)
		})
	}
}

// TestPipelineMatchesCLI compares the pipeline with the corpuslint binary itself:
// `corpuslint lint --format jsonl --select all` on the same files prints exactly
// the lines the pipeline writes, order aside.
func TestPipelineMatchesCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the corpuslint binary")
	}
	bin := filepath.Join(t.TempDir(), "corpuslint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/corpuslint")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building corpuslint: %v\n%s", err, out)
	}
	files := coreFiles(t)
	cmd := exec.Command(bin, append([]string{"lint", "--no-config", "--format", "jsonl", "--select", "all", "--workers", "2"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		// The corpus has unreadable records, so the status is 2.
		t.Fatalf("corpuslint lint: %v (want exit status 2)\n%s", err, stderr.String())
	}
	var wantErrs []string
	for _, l := range lines(stderr.String()) {
		if e, ok := strings.CutPrefix(l, "error: "); ok {
			// The CLI adds a hint to a missing text field's error (the fields
			// the record has), read from the raw record as it prints the
			// error; the pipeline's errors.txt carries the error itself.
			if i := strings.Index(e, "; the record has fields: "); i >= 0 {
				e = e[:i]
			}
			wantErrs = append(wantErrs, e)
		}
	}
	got, gotErrs, _ := beamRun(t, Options{Shards: 4, Settings: Settings{
		Select: []string{"all"},
		// The test corpus rule exists only in this test binary.
		Ignore: []string{lineRule{}.Meta().Name},
	}})
	sameLines(t, "findings", got, lines(stdout.String()))
	sameLines(t, "input errors", gotErrs, wantErrs)
	t.Logf("%d findings, %d input errors: identical to corpuslint lint", len(got), len(gotErrs))
}

// TestCorpusStatesRoundTrip checks the side input's encoding: states survive
// EncodeCorpusStates and DecodeCorpusStates, and merging partial states that
// crossed the wire gives the state of the whole.
func TestCorpusStatesRoundTrip(t *testing.T) {
	docs := []*rules.Document{
		{Text: "Share this story with your friends and family today please.\nb\n", URL: "https://x.example/1"},
		{Text: "Share this story with your friends and family today please.\nc", URL: "https://x.example/2"},
		{Text: "Share this story with your friends and family today please.", URL: "https://y.example/1"},
		{Text: "Advertisement\nsomething else entirely", URL: "https://z.example/1"},
	}
	for _, r := range []rules.Rule{lineRule{}, boilerplate.RepeatedLine()} {
		name := r.Meta().Name
		t.Run(name, func(t *testing.T) {
			rs := []rules.Rule{r}
			whole := engine.ObserveDocuments(rs, docs)
			b1, err := EncodeCorpusStates(engine.ObserveDocuments(rs, docs[:1]))
			if err != nil {
				t.Fatal(err)
			}
			b2, err := EncodeCorpusStates(engine.ObserveDocuments(rs, docs[1:]))
			if err != nil {
				t.Fatal(err)
			}
			fn := &observeFn{Settings: Settings{Select: []string{name}}}
			if err := fn.Setup(); err != nil {
				t.Fatal(err)
			}
			a1, err := decodeCorpusAcc(b1)
			if err != nil {
				t.Fatal(err)
			}
			a2, err := decodeCorpusAcc(b2)
			if err != nil {
				t.Fatal(err)
			}
			merged, err := fn.MergeAccumulators(a1, a2)
			if err != nil {
				t.Fatal(err)
			}
			out, err := fn.ExtractOutput(merged)
			if err != nil {
				t.Fatal(err)
			}
			want, err := EncodeCorpusStates(whole)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, want) {
				t.Fatalf("merged partial states encode differently from the whole")
			}
			back, err := DecodeCorpusStates(rs, out)
			if err != nil {
				t.Fatal(err)
			}
			again, err := EncodeCorpusStates(back)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, want) {
				t.Fatalf("decoded states encode differently")
			}
			for cut := range len(out) {
				if _, err := DecodeCorpusStates(rs, out[:cut]); err == nil && cut > 0 {
					t.Fatalf("states cut at %d of %d bytes decoded without error", cut, len(out))
				}
			}
		})
	}
}

// TestOtherFilesystem reads the inputs through the SDK's filesystem registry (the
// in-memory filesystem standing in for gs:// or s3://) and writes the outputs
// there too: findings and errors are the core's on local copies of the same
// files, with the paths (and the ids made of paths) naming the remote files.
func TestOtherFilesystem(t *testing.T) {
	local := filepath.Join(t.TempDir(), "corpus")
	if err := os.Mkdir(local, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"testdata/valley-a.jsonl", "testdata/valley-b.jsonl.gz", "testdata/column.txt",
		"../testdata/source/sample.parquet", "../testdata/source/sample.warc.wet.gz", "../testdata/source/sample.jsonl"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(local, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		memfs.Write("memfs://corpus/"+filepath.Base(f), b)
	}
	files, errs := source.Expand([]string{local})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, f := range []string{"sample.parquet", "sample.warc.wet.gz"} { // a folder walk may not take them
		if f = filepath.Join(local, f); !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	flags := config.Flags{Select: []string{"all"}}
	want, wantErrs, _ := coreRun(t, files, flags, false)
	remote := func(ls []string) []string {
		out := make([]string, len(ls))
		for i, l := range ls {
			out[i] = strings.ReplaceAll(l, local+"/", "memfs://corpus/")
		}
		return out
	}
	want, wantErrs = remote(want), remote(wantErrs)

	p, s := sdk.NewPipelineWithRoot()
	err := Build(s, Options{Inputs: []string{"memfs://corpus/*"}, Output: "memfs://out/", Shards: 2, Settings: Settings{Select: flags.Select}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	ctx := context.Background()
	fs := memfs.New(ctx)
	read := func(name string) string {
		r, err := fs.OpenRead(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		return string(b)
	}
	shards, err := fs.List(ctx, ShardPattern("memfs://out/"))
	if err != nil || len(shards) == 0 {
		t.Fatalf("no findings shards written: %v", err)
	}
	var got []string
	for _, sh := range shards {
		got = append(got, lines(read(sh))...)
	}
	sameLines(t, "findings", got, want)
	sameLines(t, "input errors", lines(read(ErrorsName("memfs://out/"))), wantErrs)
	agg, err := aggregate.Read(strings.NewReader(read(AggregateName("memfs://out/"))))
	if err != nil {
		t.Fatal(err)
	}
	if agg.Findings != int64(len(want)) {
		t.Errorf("aggregate counts %d findings, want %d", agg.Findings, len(want))
	}
	t.Logf("%d findings, %d input errors: identical", len(got), len(wantErrs))
}

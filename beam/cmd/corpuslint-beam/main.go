// Command corpuslint-beam runs corpuslint as an Apache Beam pipeline: the same
// rules as `corpuslint lint`, spread over the workers of a Beam runner (Prism
// locally, Flink, Spark or Google Cloud Dataflow).
//
//	corpuslint-beam --input 'gs://bucket/crawl/*.warc.wet.gz' --output gs://bucket/out/ \
//	    --runner dataflow --project P --region europe-west1 \
//	    --staging_location gs://bucket/staging --worker_binary ./corpuslint-beam-linux-amd64
//
// It writes <output>findings-NNNNN.jsonl (the findings in the jsonl contract of
// `corpuslint lint --format jsonl`), <output>aggregate.json (the report aggregate
// combined across workers) and, when some input could not be read,
// <output>errors.txt. The runner flags are the Beam Go SDK's own (--runner,
// --endpoint, --environment_type, --project, --region, ...); see docs/beam.md.
//
// Exit status: 0 when the pipeline succeeded and every input was read; 2 on a
// usage error, a failed pipeline, or inputs that could not be read (counted in the
// aggregate, listed in errors.txt). Findings do not change the exit status: in a
// batch job they are the output, not a failure.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	sdk "github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	// Filesystems beyond beamx's gcs and local.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	clbeam "github.com/corpuslint/corpuslint/beam"
	"github.com/corpuslint/corpuslint/report/aggregate"
)

// listFlag is a flag that may be repeated and whose values may be comma separated.
type listFlag struct {
	vals []string
	set  bool
}

func (l *listFlag) String() string { return strings.Join(l.vals, ",") }

func (l *listFlag) Set(v string) error {
	l.set = true
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			l.vals = append(l.vals, p)
		}
	}
	return nil
}

// list returns nil when the flag was not given and a non-nil list when it was,
// so that "not given" and "given empty" differ as in the core.
func (l *listFlag) list() []string {
	if !l.set {
		return nil
	}
	if l.vals == nil {
		return []string{}
	}
	return l.vals
}

var (
	inputs       listFlag
	selectRules  listFlag
	extendSelect listFlag
	ignoreRules  listFlag

	output    = flag.String("output", "", "prefix of the output files: a folder when it ends in /, else a name prefix (required)")
	textField = flag.String("text-field", "", `JSON field holding the text; a dotted path reaches into nested objects (default "text")`)
	idField   = flag.String("id-field", "", `JSON field holding the document id (default "id")`)
	profile   = flag.String("profile", "", "rule profile: news (default), gopher, c4, fineweb or all")
	cfgPath   = flag.String("config", "", "configuration file (default: the nearest corpuslint.yaml from the current folder upwards); read here and shipped to the workers")
	noConfig  = flag.Bool("no-config", false, "ignore any configuration file")
	shards    = flag.Int("shards", clbeam.DefaultShards, "number of findings files")
	reshuffle = flag.Bool("reshuffle-documents", false, "redistribute documents between reading and checking (for inputs of few large files)")
	cleanMode = flag.Bool("clean", false, "cleaning mode (corpuslint fix --output DIR/): write each input's fixed documents, its rejected records and corpuslint-manifest.json to the --output folder, as the binary does; local or mounted paths only")
	keepEmpty = flag.Bool("keep-empty", false, "with --clean: keep a document whose text the fixes emptied")
	annotate  = flag.String("annotate", "", "with --clean: add each document's statistics under this field")
	unsafe    = flag.Bool("unsafe-fixes", false, "with --clean: apply unsafe fixes too")
	outFormat = flag.String("output-format", "", "with --clean: jsonl, jsonl.gz or jsonl.zst (default: each input's compression)")
	fixes     = flag.Bool("fixes", true, "run the fix loop so that the aggregate has fix totals and the worst documents' diffs, as `corpuslint report` does (--fixes=false is faster; findings are the same)")
)

func init() {
	flag.Var(&inputs, "input", "files to read: a glob on any filesystem the SDK knows (gs://, s3://, local); repeatable or comma separated (required)")
	flag.Var(&selectRules, "select", `run only these rules or categories, comma separated ("all" for every rule)`)
	flag.Var(&extendSelect, "extend-select", "add these rules or categories to the selection")
	flag.Var(&ignoreRules, "ignore", "skip these rules or categories, comma separated")
}

func main() {
	flag.Parse()
	// On a worker, Init runs the SDK harness and never returns.
	sdk.Init()
	os.Exit(run(context.Background()))
}

func run(ctx context.Context) int {
	if len(inputs.vals) == 0 || *output == "" {
		fmt.Fprintln(os.Stderr, "corpuslint-beam: --input and --output are required; see --help")
		return 2
	}
	settings := clbeam.Settings{
		Profile:      *profile,
		Select:       selectRules.list(),
		ExtendSelect: extendSelect.list(),
		Ignore:       ignoreRules.list(),
		TextField:    *textField,
		IDField:      *idField,
		Fixes:        *fixes,
	}
	if !*noConfig {
		if err := settings.LoadConfig(*cfgPath); err != nil {
			fmt.Fprintln(os.Stderr, "corpuslint-beam:", err)
			return 2
		}
	}
	p, s := sdk.NewPipelineWithRoot()
	o := clbeam.Options{
		Inputs:             inputs.vals,
		Output:             *output,
		Shards:             *shards,
		ReshuffleDocuments: *reshuffle,
		Settings:           settings,
	}
	if *cleanMode {
		o.Clean = &clbeam.CleanOptions{UnsafeFixes: *unsafe, KeepEmpty: *keepEmpty, Annotate: *annotate, OutputFormat: *outFormat}
	}
	err := clbeam.Build(s, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpuslint-beam:", err)
		return 2
	}
	if err := beamx.Run(ctx, p); err != nil {
		fmt.Fprintln(os.Stderr, "corpuslint-beam: pipeline failed:", err)
		return 2
	}
	if *cleanMode {
		fmt.Fprintf(os.Stderr, "cleaned into %s; manifest: %s\n", *output, filepath.Join(*output, "corpuslint-manifest.json"))
		return 0
	}
	return summarize(ctx, *output)
}

// summarize prints the totals from the aggregate when the launcher can read it
// (a template launch or a job left running may not have written it yet).
func summarize(ctx context.Context, prefix string) int {
	name := clbeam.AggregateName(prefix)
	a, err := readAggregate(ctx, name)
	if err != nil {
		fmt.Fprintf(os.Stderr, "corpuslint-beam: pipeline done; cannot read %s: %v\n", name, err)
		return 0
	}
	fmt.Fprintf(os.Stderr, "%d documents, %d flagged, %d findings, %d input errors\nfindings: %s\naggregate: %s\n",
		a.Documents, a.Flagged, a.Findings, a.Errors, clbeam.ShardPattern(prefix), name)
	if a.Errors > 0 {
		fmt.Fprintf(os.Stderr, "errors: %s\n", clbeam.ErrorsName(prefix))
		return 2
	}
	return 0
}

func readAggregate(ctx context.Context, name string) (*aggregate.Aggregate, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return aggregate.Read(io.Reader(r))
}

// Package beam runs corpuslint as an Apache Beam pipeline (Go SDK), so that one
// corpus can be checked on many machines by an existing engine: locally with the
// Prism runner, or on Flink, Spark or Google Cloud Dataflow. It imports the core
// engine as a library (DESIGN.md, "Beyond one machine") and adds no scheduler,
// cluster or shuffle of its own.
//
// The pipeline (Build):
//
//	input globs ─ fileio.MatchAll ─ distinct paths (a shuffle: files spread over workers)
//	   │
//	   ├─ read ─ observe (CombineFn: per-worker corpus states, merged) ─┐ side input
//	   │                                                                │
//	   └─ read ─ [reshuffle documents] ─ check (engine.Checker) ◄───────┘
//	                 │                         │
//	             errors file           findings lines ─ GroupByKey(shard) ─ findings-NNNNN.jsonl
//	                                   bundle aggregates ─ Combine(Merge) ─ aggregate.json
//
// Files are the unit of reading (a compressed stream cannot be split, and record
// numbers are line numbers counted from the start of the file); documents are the
// unit of checking. When corpus rules are selected the files are read twice, as
// the core does: once to observe, once to check, so that no runner has to hold or
// spill the whole corpus while the first pass completes.
package beam

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"

	sdk "github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	// The filesystems every run needs: local files, and Google Cloud Storage.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/filter"

	"github.com/corpuslint/corpuslint/internal/source"
)

func init() {
	sdk.RegisterType(reflect.TypeOf((*Doc)(nil)).Elem())
	sdk.RegisterCoder(reflect.TypeOf((*corpusAcc)(nil)), encodeCorpusAcc, decodeCorpusAcc)
	sdk.RegisterCoder(reflect.TypeOf((*aggAcc)(nil)), encodeAggAcc, decodeAggAcc)

	register.DoFn4x1[context.Context, string, func(Doc), func(string), error](&readFn{})
	register.DoFn5x1[context.Context, Doc, []byte, func(int, string), func(string), error](&checkFn{})
	register.DoFn2x0[string, func(string)](&errorAggFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.DoFn2x1[context.Context, string, error](&writeFileFn{})
	register.Combiner3[*corpusAcc, Doc, []byte](&observeFn{})
	register.Combiner3[*aggAcc, string, string](&mergeAggFn{})
	register.Function1x1(metadataPath)
	register.Emitter1[Doc]()
	register.Emitter1[string]()
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// DefaultShards is the number of findings files when Options.Shards is 0.
const DefaultShards = 16

// Options describe one run of the pipeline.
type Options struct {
	// Inputs are the files to read: globs of any filesystem the SDK knows
	// (gs://bucket/crawl/*.warc.wet.gz, /data/*.jsonl.zst, ...). A local folder
	// is walked as `corpuslint lint` walks it.
	Inputs []string
	// Output is the prefix of the files written: a folder when it ends in "/",
	// else a name prefix ("gs://b/run/cl" writes gs://b/run/cl-findings-00000.jsonl).
	Output string
	// Shards is the number of findings files (DefaultShards when 0).
	Shards int
	// ReshuffleDocuments redistributes documents between reading and checking.
	// It helps when there are fewer files than workers, at the cost of shuffling
	// the text once; with many files, reading already spreads the work.
	ReshuffleDocuments bool
	// Settings select and configure the rules.
	Settings Settings
	// Clean, when set, runs the cleaning mode instead of linting (clean.go):
	// Output is then the folder the cleaned and rejected files and the
	// manifest go to, and Shards and ReshuffleDocuments do not apply.
	Clean *CleanOptions
}

// ShardName is the name of findings shard i under prefix.
func ShardName(prefix string, i int) string {
	return join(prefix, fmt.Sprintf("findings-%05d.jsonl", i))
}

// ShardPattern is the glob matching every findings shard under prefix.
func ShardPattern(prefix string) string { return join(prefix, "findings-*.jsonl") }

// AggregateName is the name of the combined report aggregate under prefix: the
// JSON of an aggregate.Aggregate, which aggregate.Read reads.
func AggregateName(prefix string) string { return join(prefix, "aggregate.json") }

// ErrorsName is the name of the input errors file under prefix, one
// "path:record: message" line per input problem (written only when there are
// some).
func ErrorsName(prefix string) string { return join(prefix, "errors.txt") }

func join(prefix, name string) string {
	if prefix == "" || strings.HasSuffix(prefix, "/") {
		return prefix + name
	}
	return prefix + "-" + name
}

func metadataPath(m fileio.FileMetadata) string { return m.Path }

// Build adds the corpuslint pipeline to s.
func Build(s sdk.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return fmt.Errorf("no input given")
	}
	if o.Output == "" {
		return fmt.Errorf("no output prefix given")
	}
	if o.Clean != nil {
		return buildClean(s, o)
	}
	if o.Shards <= 0 {
		o.Shards = DefaultShards
	}
	st, err := o.Settings.setup()
	if err != nil {
		return err
	}
	globs, err := expandLocal(o.Inputs)
	if err != nil {
		return err
	}

	s = s.Scope("corpuslint")
	matched := fileio.MatchAll(s, sdk.Create(s, globs...), fileio.MatchEmptyAllowIfWildcard())
	// Distinct groups by path: a file named by two globs is read once, and the
	// grouping spreads the files over the workers.
	files := filter.Distinct(s, sdk.ParDo(s, metadataPath, matched))

	var states sdk.PCollection
	if len(st.corpus) > 0 {
		observe := s.Scope("observe")
		docs, _ := sdk.ParDo2(observe, &readFn{Settings: o.Settings}, files)
		states = sdk.Combine(observe, &observeFn{Settings: o.Settings}, docs)
	} else {
		states = sdk.Create(s, []byte{})
	}

	check := s.Scope("check")
	docs, errs := sdk.ParDo2(check, &readFn{Settings: o.Settings}, files)
	if o.ReshuffleDocuments {
		docs = sdk.Reshuffle(check, docs)
	}
	lines, aggs := sdk.ParDo2(check, &checkFn{Settings: o.Settings, Shards: o.Shards}, docs, sdk.SideInput{Input: states})

	write := s.Scope("write")
	sdk.ParDo0(write, &writeShardFn{Prefix: o.Output}, sdk.GroupByKey(write, lines))
	errAggs := sdk.ParDo(write, &errorAggFn{}, errs)
	total := sdk.Combine(write, &mergeAggFn{}, sdk.Flatten(write, aggs, errAggs))
	sdk.ParDo0(write, &writeFileFn{Name: AggregateName(o.Output)}, total)
	textio.Write(write, ErrorsName(o.Output), errs)
	return nil
}

// expandLocal replaces each local folder among inputs by the files `corpuslint
// lint` would read in it; globs and files of other filesystems stay as they are.
func expandLocal(inputs []string) ([]any, error) {
	var out []any
	for _, in := range inputs {
		if isLocal(in) {
			if st, err := os.Stat(in); err == nil && st.IsDir() {
				files, errs := source.Expand([]string{in})
				if len(errs) > 0 {
					return nil, errs[0]
				}
				for _, f := range files {
					out = append(out, escapeGlob(f))
				}
				continue
			}
		}
		out = append(out, in)
	}
	return out, nil
}

// escapeGlob makes a file name found by a walk match itself only.
func escapeGlob(name string) string {
	if !strings.ContainsAny(name, `*?[\`) {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

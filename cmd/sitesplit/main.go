// Command sitesplit writes the split of the labeled dev pages by site into a
// tuning part and a check part (about 70/30, by a hash of the registrable
// domain), so that rules are tuned on some sites and scored on others:
//
//	go run ./cmd/sitesplit > testdata/eval/site-split.tsv
//
// `corpuslint eval --split testdata/eval/site-split.tsv --part check` then scores
// the check part only; `go run ./cmd/boilertrain -split ... -part tune` trains on
// the tuning part only.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/corpuslint/corpuslint/internal/eval"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus", "folder of the labeled dev files")
	files := flag.String("labels", "aeb-dev.jsonl,readability-dev.jsonl,trafilatura-eval-dev.jsonl", "labeled files in -corpus, comma separated")
	own := flag.String("own", "testdata/eval/kinds.jsonl", "the project's own labeled set of other document kinds, split the same way")
	flag.Parse()
	var paths []string
	for _, f := range strings.Split(*files, ",") {
		paths = append(paths, filepath.Join(*corpus, strings.TrimSpace(f)))
	}
	if *own != "" {
		paths = append(paths, *own)
	}
	var recs []*eval.Record
	for _, path := range paths {
		rr, err := eval.Load(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sitesplit:", err)
			os.Exit(1)
		}
		recs = append(recs, rr...)
	}
	if err := eval.WriteSplit(os.Stdout, recs); err != nil {
		fmt.Fprintln(os.Stderr, "sitesplit:", err)
		os.Exit(1)
	}
}

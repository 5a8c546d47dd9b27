// Command benchgen writes the adversarial documents of the speed benchmark
// (scripts/bench.sh) as one-record JSONL files: the shapes that make naive
// linters quadratic.
//
//	go run ./internal/benchgen -kind longline -mb 50 -out /tmp/longline.jsonl
//
// Kinds:
//
//	longline    one line of ordinary prose with no line break
//	shortlines  100,000 short lines ("Line 123 of the list.")
//	quotes      nothing but double quotes, straight and curly
//	dashes      nothing but dashes and spaces: "-", "–", "—", lines of "-"
//
// The text is deterministic so that runs compare.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

// prose is ordinary English, repeated to size for longline.
const prose = "The council approved the new budget on Tuesday after a long debate about " +
	"school funding, road repairs and the future of the public library. Officials said " +
	"the plan keeps taxes flat while adding two bus routes, and residents who spoke at " +
	"the meeting asked for more street lighting near the station. "

func main() {
	kind := flag.String("kind", "longline", "longline, shortlines, quotes or dashes")
	mb := flag.Float64("mb", 10, "approximate size of the document in MB (shortlines: ignored, 100,000 lines)")
	out := flag.String("out", "", "output JSONL file (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchgen: -out is required")
		os.Exit(2)
	}
	size := int(*mb * 1e6)
	var b strings.Builder
	switch *kind {
	case "longline":
		for b.Len() < size {
			b.WriteString(prose)
		}
	case "shortlines":
		for i := 0; i < 100000; i++ {
			fmt.Fprintf(&b, "Line %d of the list.\n", i)
		}
	case "quotes":
		pat := "\"\u201c\u201d\"\u2018\u2019'\" "
		for b.Len() < size {
			b.WriteString(pat)
		}
	case "dashes":
		pat := "- \u2013 \u2014\n-\n -- \u2014\u2014 "
		for b.Len() < size {
			b.WriteString(pat)
		}
	default:
		fmt.Fprintf(os.Stderr, "benchgen: unknown -kind %q\n", *kind)
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	rec, err := json.Marshal(map[string]string{"id": *kind, "text": b.String()})
	if err == nil {
		_, err = w.Write(append(rec, '\n'))
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}

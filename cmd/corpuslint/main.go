// Command corpuslint is a content-quality linter for scraped text corpora: it finds
// trailing headline lists, broken quotes, stray dashes, unattributed quotations and
// more, at exact positions, and applies the safe fixes without losing data.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

// Exit statuses (DESIGN.md "Exit status").
const (
	exitClean    = 0
	exitFindings = 1
	exitTrouble  = 2
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(args)
	var ec cli.ExitCoder
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ec):
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, "corpuslint:", msg)
		}
		return ec.ExitCode()
	default:
		fmt.Fprintln(stderr, "corpuslint:", err)
		return exitTrouble
	}
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:  "corpuslint",
		Usage: "lint scraped text corpora: find boilerplate, broken quotes, stray dashes and more, and fix them safely",
		Description: `corpuslint checks plain text files (.txt, .md) and JSONL crawl batches (.jsonl, .ndjson,
gzip-compressed or not) with pluggable rules, reports each problem at an exact
position, and applies the safe fixes without touching anything else.

Examples:
   corpuslint lint article.txt
   corpuslint lint --format jsonl batch.jsonl.gz > findings.jsonl
   corpuslint fix --diff batch.jsonl
   corpuslint rules trailing-headlines`,
		Reader:                 stdin,
		Writer:                 stdout,
		ErrWriter:              stderr,
		HideHelpCommand:        true,
		UseShortOptionHandling: true,
		ExitErrHandler:         func(*cli.Context, error) {}, // run() prints and exits
		Commands: []*cli.Command{
			lintCommand(),
			fixCommand(),
			rulesCommand(),
			reportCommand(),
			evalCommand(),
			baselineCommand(),
			initCommand(),
			configCommand(),
		},
	}
}

// Package app is the corpuslint command line as a library. Main runs it with extra
// rules written in Go, so a team builds its own corpuslint binary in a few lines
// (see examples/customrule); every command, flag, format and configuration key then
// knows the extra rules.
package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/rules"
)

// Exit statuses (DESIGN.md "Exit status").
const (
	exitClean    = 0
	exitFindings = 1
	exitTrouble  = 2
)

// extraRulesKey holds the extra rules in the cli.App's metadata, so that commands
// reach them without a global.
const extraRulesKey = "corpuslint.extraRules"

// Main runs the corpuslint command line on args (args[0] is the program name) with
// the process's standard streams and returns the exit status: 0 clean, 1 findings
// at or above --fail-on, 2 usage errors or unreadable input. extra rules join the
// built-in ones.
func Main(args []string, extra ...rules.Rule) int {
	if os.Getenv("GOGC") == "" {
		// The live heap is small (the documents in flight and the corpus rules'
		// counts) and most garbage is per-document analysis, so collecting at 3x
		// the live heap instead of 2x trades a few MB for a tenth less CPU.
		debug.SetGCPercent(200)
	}
	return Run(args, os.Stdin, os.Stdout, os.Stderr, extra...)
}

// Run is Main with explicit streams, for tests and embedding.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, extra ...rules.Rule) int {
	app := newApp(stdin, stdout, stderr)
	app.Metadata = map[string]any{extraRulesKey: extra}
	err := app.Run(interspersed(app, args))
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
	app := &cli.App{
		Name:    "corpuslint",
		Version: versionOf(readBuildInfo()).versionLine(),
		Usage:   "lint scraped text corpora: find boilerplate, broken quotes, stray dashes and more, and fix them safely",
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
			versionCommand(),
		},
		Action:       rootAction,
		OnUsageError: onUsageError,
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsageError
	}
	return app
}

package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

// commonFlags are the flags lint and fix share: what to read and which rules to run.
func commonFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "text-field", Value: "text", Usage: "JSON field holding the text; a dotted path such as meta.body reaches into nested objects"},
		&cli.StringFlag{Name: "id-field", Value: "id", Usage: "JSON field holding the document id (else path:record is used)"},
		&cli.StringFlag{Name: "select", Usage: "run only these rules or categories, comma separated (\"all\" for every rule)"},
		&cli.StringFlag{Name: "ignore", Usage: "skip these rules or categories, comma separated"},
		&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "lowest severity that makes the exit status 1: error, warning, info or never"},
		&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "documents checked in parallel"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only: no summary, no progress"},
	}
}

// splitList splits a comma separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// failOn parses --fail-on; ok is false for "never".
func failOn(s string) (sev rules.Severity, ok bool, err error) {
	if strings.EqualFold(strings.TrimSpace(s), "never") {
		return 0, false, nil
	}
	sev, err = rules.ParseSeverity(s)
	if err != nil {
		return 0, false, fmt.Errorf("--fail-on: %w", err)
	}
	return sev, true, nil
}

// usageError is an exit-2 error for bad flags and arguments.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), exitTrouble)
}

// setup is what lint and fix both derive from their flags.
type setup struct {
	files    []string
	inputErr []*source.InputError
	opt      engine.Options
	failSev  rules.Severity
	failOn   bool
}

func newSetup(c *cli.Context) (*setup, error) {
	if c.NArg() == 0 {
		return nil, usageError("no PATH given; try `corpuslint %s --help`", c.Command.Name)
	}
	reg, err := rules.NewRegistry(rules.Builtin()...)
	if err != nil {
		return nil, err
	}
	rs, err := reg.Select(splitList(c.String("select")), splitList(c.String("ignore")))
	if err != nil {
		return nil, usageError("%v", err)
	}
	s := &setup{}
	s.failSev, s.failOn, err = failOn(c.String("fail-on"))
	if err != nil {
		return nil, usageError("%v", err)
	}
	if c.Int("workers") < 1 {
		return nil, usageError("--workers must be at least 1")
	}
	s.files, s.inputErr = source.Expand(c.Args().Slice())
	s.opt = engine.Options{
		Rules:   rs,
		Workers: c.Int("workers"),
		Source: source.Options{
			TextField: c.String("text-field"),
			IDField:   c.String("id-field"),
			URLField:  "url",
		},
	}
	return s, nil
}

// useColor reports whether w is a terminal and NO_COLOR is unset.
func useColor(w io.Writer) bool {
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

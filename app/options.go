package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/baseline"
	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
)

// extraOf returns the rules a Go program added to the built-in ones (Main's extra
// arguments); the plain corpuslint binary has none.
func extraOf(c *cli.Context) []rules.Rule {
	extra, _ := c.App.Metadata[extraRulesKey].([]rules.Rule)
	return extra
}

// registryOf returns the registry of the built-in and extra rules.
func registryOf(c *cli.Context) (*rules.Registry, error) {
	return rules.NewRegistry(append(builtin.Builtin(), extraOf(c)...)...)
}

// commonFlags are the flags lint, fix and the other checking commands share: what
// to read, which rules to run and how to configure them.
func commonFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "configuration file (default: the nearest " + config.FileName + " from the current folder upwards)"},
		&cli.BoolFlag{Name: "no-config", Usage: "ignore any configuration file"},
		&cli.StringFlag{Name: "profile", Usage: "rule `PROFILE`: news (default), normalize, gopher, c4, fineweb or all (corpuslint config shows what it selects)"},
		&cli.StringFlag{Name: "text-field", Usage: "JSON field holding the text; a dotted path such as meta.body reaches into nested objects", DefaultText: "text"},
		&cli.StringFlag{Name: "id-field", Usage: "JSON field holding the document id (else path:record is used)", DefaultText: "id"},
		&cli.StringFlag{Name: "max-record-size", Usage: "largest record or document read (a JSONL line, a file, a WARC record, a Parquet page), after decompression; larger ones are input errors (bytes, or with KiB, MiB, GiB; at most 2GiB); it also sets the soft memory limit (README)", DefaultText: "256MiB"},
		&cli.StringFlag{Name: "max-record-lines", Usage: "most lines a document may have; documents with more are input errors, since checking a document costs memory for each line (docs/limits.md)", DefaultText: "4194304"},
		&cli.BoolFlag{Name: "verify-digests", Usage: "check each WARC-Block-Digest of a WARC record that becomes a document; a mismatch is a warning and the text is still checked (default: digests are not checked)"},
		&cli.StringFlag{Name: "select", Usage: "run only these rules or categories, comma separated (\"all\" for every rule)"},
		&cli.StringFlag{Name: "extend-select", Usage: "add these rules or categories to the selection"},
		&cli.StringFlag{Name: "ignore", Usage: "skip these rules or categories, comma separated"},
		&cli.StringFlag{Name: "fail-on", Usage: "lowest severity that makes the exit status 1: error, warning, info or never", DefaultText: "warning"},
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

// failOn parses a fail-on value; ok is false for "never".
func failOn(s string) (sev rules.Severity, ok bool, err error) {
	sev, ok, err = config.ParseFailOn(s)
	if err != nil {
		return 0, false, fmt.Errorf("fail-on: %w", err)
	}
	return sev, ok, nil
}

// usageError is an exit-2 error for bad flags, arguments and configuration.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), exitTrouble)
}

// setup is what the checking commands derive from flags and configuration.
type setup struct {
	files    []string
	inputErr []*source.InputError
	opt      engine.Options
	resolved *config.Resolved
	failSev  rules.Severity
	failOn   bool
}

// flagList returns a list flag's value, nil when the flag was not given (so the
// configuration decides) and empty but non-nil when given empty.
func flagList(c *cli.Context, name string) []string {
	if !c.IsSet(name) {
		return nil
	}
	l := splitList(c.String(name))
	if l == nil {
		l = []string{}
	}
	return l
}

// resolveConfig loads the configuration that applies and combines it with flags.
func resolveConfig(c *cli.Context, extraFlags config.Flags) (*config.Resolved, error) {
	var cfg *config.Config
	if !c.Bool("no-config") {
		path := c.String("config")
		if path == "" {
			found, err := config.Find(".")
			if err != nil {
				return nil, usageError("%v", err)
			}
			path = found
		}
		if path != "" {
			loaded, err := config.Load(path)
			if err != nil {
				var perr *os.PathError
				if errors.As(err, &perr) {
					return nil, usageError("config: %v", err)
				}
				return nil, usageError("%v", err)
			}
			cfg = loaded
		}
	}
	flags := extraFlags
	flags.Profile = c.String("profile")
	flags.Select = flagList(c, "select")
	flags.Ignore = flagList(c, "ignore")
	flags.ExtendSelect = flagList(c, "extend-select")
	flags.FailOn = c.String("fail-on")
	flags.TextField = c.String("text-field")
	flags.IDField = c.String("id-field")
	flags.VerifyDigests = c.Bool("verify-digests")
	if v := c.String("max-record-size"); v != "" {
		n, err := source.ParseRecordSize(v)
		if err != nil {
			return nil, usageError("--max-record-size: %v", err)
		}
		flags.MaxRecordSize = n
	}
	if v := c.String("max-record-lines"); v != "" {
		n, err := source.ParseRecordLines(v)
		if err != nil {
			return nil, usageError("--max-record-lines: %v", err)
		}
		flags.MaxRecordLines = n
	}
	res, err := config.Resolve(cfg, flags, extraOf(c))
	if err != nil {
		return nil, usageError("%v", err)
	}
	return res, nil
}

func newSetup(c *cli.Context) (*setup, error) {
	return newSetupWith(c, config.Flags{})
}

// newSetupFor builds the setup for the given paths without applying any baseline
// (the baseline command records findings; it must not hide them).
// Nor does it group findings: the baseline holds single findings, so that a new
// one of a rule whose findings group is new however its group reads.
func newSetupFor(c *cli.Context, paths []string) (*setup, error) {
	return buildSetup(c, paths, config.Flags{Ungrouped: true}, false)
}

// newSetupWith builds the setup with command-specific flags (format, baseline).
func newSetupWith(c *cli.Context, extra config.Flags) (*setup, error) {
	return buildSetup(c, c.Args().Slice(), extra, true)
}

func buildSetup(c *cli.Context, paths []string, extra config.Flags, useBaseline bool) (*setup, error) {
	if len(paths) == 0 {
		return nil, usageError("no PATH given; try `corpuslint %s --help`", c.Command.Name)
	}
	res, err := resolveConfig(c, extra)
	if err != nil {
		return nil, err
	}
	s := &setup{resolved: res}
	s.failSev, s.failOn, err = failOn(res.FailOn)
	if err != nil {
		return nil, usageError("%v", err)
	}
	if c.Int("workers") < 1 {
		return nil, usageError("--workers must be at least 1")
	}
	s.files, s.inputErr = source.Expand(paths)
	var base *baseline.Baseline
	if res.Baseline != "" && useBaseline {
		base, err = baseline.Load(res.Baseline)
		if err != nil {
			return nil, usageError("baseline: %v", err)
		}
	}
	s.opt = engine.Setup(res, base)
	s.opt.Workers = c.Int("workers")
	// Memory grows with the documents in flight: the collector is told the
	// budget, so that its pacing does not double the peak (see boundHeap).
	boundHeap(res.Input.MaxRecordSize, s.opt.Workers)
	if !c.Bool("quiet") {
		// Streams (standard input, FIFOs, /dev/fd/N) are copied for the corpus
		// rules' two passes; one too long to copy is said so here.
		errw := c.App.ErrWriter
		s.opt.Notice = func(msg string) { fmt.Fprintln(errw, "notice:", msg) }
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

// findingsOf returns the findings of a checked document as the rules reported them.
func findingsOf(r *engine.Result) []rules.Finding {
	fs := make([]rules.Finding, len(r.Report.Findings))
	for i, it := range r.Report.Findings {
		fs[i] = it.Finding
	}
	return fs
}

package app

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented " + config.FileName + " listing every rule",
		ArgsUsage: "[FILE]",
		Description: `Writes a configuration file (default ./` + config.FileName + `) that lists every rule with
its category, default severity and options, commented out, ready to edit. It
refuses to overwrite an existing file unless --force is given.

Examples:
   corpuslint init
   corpuslint init --force configs/corpuslint.yaml`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing file"}},
		Action: func(c *cli.Context) error {
			path := config.FileName
			if c.NArg() > 0 {
				path = c.Args().First()
			}
			if _, err := os.Stat(path); err == nil && !c.Bool("force") {
				return usageError("%s exists; use --force to overwrite it", path)
			}
			reg, err := registryOf(c)
			if err != nil {
				return err
			}
			if err := os.WriteFile(path, []byte(initTemplate(reg)), 0o644); err != nil {
				return cli.Exit(err.Error(), exitTrouble)
			}
			fmt.Fprintf(c.App.Writer, "wrote %s\n", path)
			return nil
		},
	}
}

// initTemplate renders the commented configuration written by `corpuslint init`.
func initTemplate(reg *rules.Registry) string {
	var b strings.Builder
	b.WriteString(`# corpuslint configuration. Flags given on the command line override this file;
# corpuslint looks for the nearest corpuslint.yaml from the current folder upwards.

# Rule profile: news (the default set for scraped articles), gopher, c4, fineweb, all.
profile: news

# Rules or categories to run instead of the profile's, to add, and to skip.
# Categories: ` + categoryList() + `
# select: [boilerplate, quotes]
# extend-select: [c4-lines]
# ignore: [missing-attribution]

# Lowest severity that makes lint exit 1: error, warning, info or never.
fail-on: warning

# Output format of lint: table, diff, json, jsonl, ...
# format: table

# How JSONL records are read.
input:
  text-field: text       # a dotted path such as meta.body reaches into objects
  id-field: id
  url-field: url
  suppress-field: corpuslint   # a record's {"corpuslint": {"ignore": ["stray-dash"]}}
  max-record-size: 256MiB      # larger records (after decompression) are input errors
  max-record-lines: 4194304    # so are documents of more lines (each line costs memory to check)
  verify-digests: false        # check WARC-Block-Digest; a mismatch is a warning, the text is still checked

# Findings recorded by ` + "`corpuslint baseline`" + ` are not reported again.
# baseline: corpuslint-baseline.json

# Documents never reported, by id.
# ignore-ids: [doc-17]

# Per-rule severity and options. "stray-dash: error" sets the severity alone.
rules:
`)
	for _, r := range reg.All() {
		m := r.Meta()
		state := "on"
		if m.Disabled {
			state = "off by default"
		}
		fmt.Fprintf(&b, "  # %s (%s, %s, %s): %s\n", m.Name, m.Category, m.Severity, state, m.Title)
		fmt.Fprintf(&b, "  # %s:\n  #   severity: %s\n", m.Name, m.Severity)
		if c, ok := r.(rules.Configurable); ok {
			opts := c.Options()
			keys := make([]string, 0, len(opts))
			for k := range opts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				v, _ := yaml.Marshal(opts[k])
				fmt.Fprintf(&b, "  #   %s: %s\n", k, strings.TrimSpace(strings.ReplaceAll(string(v), "\n", " ")))
			}
		}
	}
	b.WriteString(`
# Overrides for files matching globs (relative to this file; a glob without a
# slash matches the file name anywhere).
# per-path:
#   - paths: ["drafts/**", "*.md"]
#     ignore: [missing-attribution]
#     rules:
#       trailing-headlines:
#         severity: info

# Rules declared here, without Go. kind: pattern (an RE2 regular expression) or
# phrases (literal words or phrases, case-insensitive, on word boundaries).
# scope: document, paragraph, line, "first N lines" or "last N lines".
# replace: a fix (for patterns a template with $1; an empty string deletes).
# custom-rules:
#   - name: lorem-ipsum
#     kind: pattern
#     pattern: '(?i)lorem ipsum'
#     message: placeholder text left in the document
#     severity: error
#     category: quality
#   - name: click-here
#     kind: phrases
#     phrases: [click here, tap here]
#     message: 'link text "%s" left from the page'
#     scope: last 5 lines
`)
	return b.String()
}

func categoryList() string {
	var cs []string
	for _, c := range rules.Categories() {
		cs = append(cs, string(c))
	}
	return strings.Join(cs, ", ")
}

func configCommand() *cli.Command {
	return &cli.Command{
		Name:      "config",
		Usage:     "print the resolved configuration for a path",
		ArgsUsage: "[PATH]",
		Description: `Prints the configuration that applies to PATH (default: the current folder) after
flags, the nearest configuration file and the defaults are combined: the file
used, the profile, the input settings, and every rule that runs there with its
severity and options.

Examples:
   corpuslint config
   corpuslint config --profile gopher data/batch.jsonl`,
		Flags: commonFlags(),
		Action: func(c *cli.Context) error {
			res, err := resolveConfig(c, config.Flags{})
			if err != nil {
				return err
			}
			path := "."
			if c.NArg() > 0 {
				path = c.Args().First()
			}
			return printResolved(c.App.Writer, res, path)
		},
	}
}

func printResolved(w io.Writer, res *config.Resolved, path string) error {
	file := res.File
	if file == "" {
		file = "(none: built-in defaults)"
	}
	type ruleOut struct {
		Category string         `yaml:"category"`
		Severity string         `yaml:"severity"`
		Options  map[string]any `yaml:"options,omitempty"`
	}
	out := struct {
		Config   string             `yaml:"config"`
		Path     string             `yaml:"path"`
		Profile  string             `yaml:"profile"`
		FailOn   string             `yaml:"fail-on"`
		Format   string             `yaml:"format"`
		Baseline string             `yaml:"baseline,omitempty"`
		Input    map[string]string  `yaml:"input"`
		Rules    map[string]ruleOut `yaml:"rules"`
	}{
		Config: file, Path: path, Profile: res.Profile, FailOn: res.FailOn, Format: res.Format, Baseline: res.Baseline,
		Input: map[string]string{"text-field": res.Input.TextField, "id-field": res.Input.IDField,
			"url-field": res.Input.URLField, "suppress-field": res.Input.SuppressField,
			"max-record-size":  source.FormatSize(res.Input.MaxRecordSize),
			"max-record-lines": strconv.FormatInt(res.Input.MaxRecordLines, 10),
			"verify-digests":   strconv.FormatBool(res.Input.VerifyDigests)},
		Rules: map[string]ruleOut{},
	}
	for _, r := range res.RulesFor(path) {
		m := r.Meta()
		sev := m.Severity
		if s, ok := res.SeverityFor(path)[m.Name]; ok {
			sev = s
		}
		ro := ruleOut{Category: string(m.Category), Severity: sev.String()}
		if c, ok := r.(rules.Configurable); ok {
			ro.Options = c.Options()
		}
		out.Rules[m.Name] = ro
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return err
	}
	return enc.Close()
}

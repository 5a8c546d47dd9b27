// Package config reads corpuslint.yaml, validates it with errors that quote the
// file, line and key, and resolves it with the command-line flags into the rule
// set, severities and filters a run uses. Precedence: flags, then the nearest
// file, then the built-in defaults.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
)

// FileName is the name looked up from the current folder upwards.
const FileName = "corpuslint.yaml"

// ParseFailOn reads a fail-on value, from a flag or the file alike: a severity
// (error, warning or its short form warn, info) or never, when ok is false.
func ParseFailOn(s string) (sev rules.Severity, ok bool, err error) {
	if strings.EqualFold(strings.TrimSpace(s), "never") {
		return 0, false, nil
	}
	sev, err = rules.ParseSeverity(s)
	if err != nil {
		return 0, false, fmt.Errorf("unknown fail-on %q (want error, warning, info or never)", s)
	}
	return sev, true, nil
}

// Config is the content of one corpuslint.yaml.
type Config struct {
	// Path is the file the configuration came from; empty for the defaults.
	Path string

	Profile      string
	Select       []string
	Ignore       []string
	ExtendSelect []string
	FailOn       string
	Format       string
	Input        Input
	// Rules holds per-rule settings by rule name.
	Rules map[string]RuleSettings
	// PerPath holds overrides for files matching globs, in file order.
	PerPath []PerPath
	// IgnoreIDs lists document ids that are never reported.
	IgnoreIDs []string
	// Custom holds rules declared in the file.
	Custom []CustomRule
	// Baseline is a baseline file (relative to the config file) applied by lint.
	Baseline string
	// Pos holds where each value was written, by its key as errors name it
	// ("profile", "select[1]", "rules.stray-dash", "rules.stray-dash.severity",
	// "per-path[0].rules.x.option"), so that errors found when the file is
	// resolved against the rules quote the line and column too.
	Pos map[string]Pos
}

// Pos is a line and column (1-based) in a configuration file.
type Pos struct{ Line, Col int }

// Input holds the input defaults.
type Input struct {
	TextField     string
	IDField       string
	URLField      string
	SuppressField string
	// MaxRecordSize is input.max-record-size in bytes; 0 when not set.
	MaxRecordSize int64
	// MaxRecordLines is input.max-record-lines; 0 when not set.
	MaxRecordLines int64
	// VerifyDigests is input.verify-digests: WARC block digests are checked
	// and a mismatch is a warning (source.Options.VerifyDigests).
	VerifyDigests bool
}

// RuleSettings is a rule's severity override and options.
type RuleSettings struct {
	Severity string
	Options  map[string]any
	// Line is where the settings start in the file, for error messages.
	Line int
}

// PerPath applies select, ignore and rule settings to files matching Paths.
type PerPath struct {
	Paths  []string
	Select []string
	Ignore []string
	Rules  map[string]RuleSettings
	Line   int
}

// CustomRule is a rule declared in the file (see rules.Spec).
type CustomRule struct {
	Name     string
	Kind     string
	Pattern  string
	Phrases  []string
	Message  string
	Severity string
	Category string
	Scope    string
	Replace  *string
	Unsafe   bool
	Doc      string
	Line     int
}

// Error is a configuration error at a place in a file.
type Error struct {
	Path string
	Line int
	Col  int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	loc := e.Path
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			loc += ":" + strconv.Itoa(e.Col)
		}
	}
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// Find returns the nearest corpuslint.yaml from dir upwards, or "" if none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse validates data, the content of the configuration file at path.
func Parse(path string, data []byte) (*Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{Path: path, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	cfg := &Config{Path: path, Rules: map[string]RuleSettings{}, Pos: map[string]Pos{}}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file is an empty configuration
	}
	p := &parser{path: path, pos: cfg.Pos}
	p.top(doc.Content[0], cfg)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return cfg, nil
}

// topKeys are the keys allowed at the top level, with what each takes.
var topKeys = map[string]string{
	"profile":       "a profile name",
	"select":        "a list of rules or categories",
	"ignore":        "a list of rules or categories",
	"extend-select": "a list of rules or categories",
	"fail-on":       "error, warning, info or never",
	"format":        "an output format",
	"input":         "a mapping with text-field, id-field, url-field, suppress-field, max-record-size, max-record-lines, verify-digests",
	"rules":         "a mapping from rule name to its severity and options",
	"per-path":      "a list of {paths, select, ignore, rules}",
	"ignore-ids":    "a list of document ids",
	"custom-rules":  "a list of rules declared with kind pattern or phrases",
	"baseline":      "a baseline file",
}

type parser struct {
	path string
	errs []error
	pos  map[string]Pos
}

func (p *parser) fail(n *yaml.Node, key, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, &Error{Path: p.path, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// at records where the value of key was written.
func (p *parser) at(n *yaml.Node, key string) {
	p.pos[key] = Pos{n.Line, n.Column}
}

func allowed(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// unknownKey reports key k, which is not one of m's, with the keys allowed
// and the one it most likely misspells.
func (p *parser) unknownKey(k *yaml.Node, key string, m map[string]string) {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	p.fail(k, key, "unknown key%s (allowed: %s)", didYouMean(k.Value, names), allowed(m))
}

// didYouMean is "; did you mean "x"?" for the one of known that name most likely
// misspells (option.Closest), or "".
func didYouMean(name string, known []string) string {
	if c := option.Closest(name, known); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// mapping iterates over the key/value pairs of a mapping node, failing on
// anything else.
func (p *parser) mapping(n *yaml.Node, key string, each func(k, v *yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // "rules:" with everything under it commented out is empty
	}
	if n.Kind != yaml.MappingNode {
		p.fail(n, key, "want a mapping, got %s", describe(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		each(n.Content[i], n.Content[i+1])
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an alias"
}

func (p *parser) str(n *yaml.Node, key string) string {
	p.at(n, key)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.fail(n, key, "want a single value, got %s", describe(n))
		return ""
	}
	return n.Value
}

func (p *parser) strList(n *yaml.Node, key string) []string {
	p.at(n, key)
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		// A comma separated string is accepted, as on the command line.
		var out []string
		for _, s := range strings.Split(n.Value, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return []string{}
	}
	if n.Kind != yaml.SequenceNode {
		p.fail(n, key, "want a list, got %s", describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if s := p.str(c, fmt.Sprintf("%s[%d]", key, i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) top(n *yaml.Node, cfg *Config) {
	p.mapping(n, "", func(k, v *yaml.Node) {
		key := k.Value
		switch key {
		case "profile":
			cfg.Profile = p.str(v, key)
		case "select":
			cfg.Select = p.strList(v, key)
		case "ignore":
			cfg.Ignore = p.strList(v, key)
		case "extend-select":
			cfg.ExtendSelect = p.strList(v, key)
		case "fail-on":
			cfg.FailOn = p.str(v, key)
			if _, _, err := ParseFailOn(cfg.FailOn); cfg.FailOn != "" && err != nil {
				p.fail(v, key, "%v", err)
			}
		case "format":
			cfg.Format = p.str(v, key)
		case "baseline":
			cfg.Baseline = p.str(v, key)
		case "ignore-ids":
			cfg.IgnoreIDs = p.strList(v, key)
		case "input":
			p.input(v, &cfg.Input)
		case "rules":
			cfg.Rules = p.ruleSettings(v, "rules")
		case "per-path":
			p.perPath(v, cfg)
		case "custom-rules":
			p.custom(v, cfg)
		default:
			p.unknownKey(k, key, topKeys)
		}
	})
}

var inputKeys = map[string]string{"text-field": "", "id-field": "", "url-field": "", "suppress-field": "", "max-record-size": "", "max-record-lines": "", "verify-digests": ""}

func (p *parser) input(n *yaml.Node, in *Input) {
	p.mapping(n, "input", func(k, v *yaml.Node) {
		key := "input." + k.Value
		switch k.Value {
		case "text-field":
			in.TextField = p.str(v, key)
		case "id-field":
			in.IDField = p.str(v, key)
		case "url-field":
			in.URLField = p.str(v, key)
		case "suppress-field":
			in.SuppressField = p.str(v, key)
		case "max-record-size":
			if str := p.str(v, key); str != "" {
				n, err := source.ParseRecordSize(str)
				if err != nil {
					p.fail(v, key, "%v", err)
				}
				in.MaxRecordSize = n
			}
		case "max-record-lines":
			if str := p.str(v, key); str != "" {
				n, err := source.ParseRecordLines(str)
				if err != nil {
					p.fail(v, key, "%v", err)
				}
				in.MaxRecordLines = n
			}
		case "verify-digests":
			b, err := strconv.ParseBool(p.str(v, key))
			if err != nil {
				p.fail(v, key, "want true or false")
			}
			in.VerifyDigests = b
		default:
			p.unknownKey(k, key, inputKeys)
		}
	})
}

// ruleSettings reads a mapping from rule name to {severity, option: value, ...}.
func (p *parser) ruleSettings(n *yaml.Node, prefix string) map[string]RuleSettings {
	out := map[string]RuleSettings{}
	p.mapping(n, prefix, func(k, v *yaml.Node) {
		name := k.Value
		rs := RuleSettings{Line: k.Line, Options: map[string]any{}}
		p.at(k, prefix+"."+name)
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			// `stray-dash: error` is shorthand for the severity alone.
			p.at(v, prefix+"."+name+".severity")
			rs.Severity = v.Value
			out[name] = rs
			return
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			out[name] = rs
			return
		}
		p.mapping(v, prefix+"."+name, func(ok, ov *yaml.Node) {
			key := prefix + "." + name + "." + ok.Value
			if ok.Value == "severity" {
				rs.Severity = p.str(ov, key)
				return
			}
			p.at(ok, key)
			var val any
			if err := ov.Decode(&val); err != nil {
				p.fail(ov, key, "%v", err)
				return
			}
			rs.Options[ok.Value] = normalize(val)
		})
		out[name] = rs
	})
	return out
}

// normalize turns YAML's decoded values into the JSON-like shapes rule options
// expect: float64 for every number, []any and map[string]any for collections.
func normalize(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	case []any:
		for i := range x {
			x[i] = normalize(x[i])
		}
		return x
	case map[string]any:
		for k := range x {
			x[k] = normalize(x[k])
		}
		return x
	}
	return v
}

var perPathKeys = map[string]string{"paths": "", "select": "", "ignore": "", "rules": ""}

func (p *parser) perPath(n *yaml.Node, cfg *Config) {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "per-path", "want a list of {paths, select, ignore, rules}, got %s", describe(n))
		return
	}
	for i, item := range n.Content {
		prefix := fmt.Sprintf("per-path[%d]", i)
		pp := PerPath{Line: item.Line}
		p.at(item, prefix)
		p.mapping(item, prefix, func(k, v *yaml.Node) {
			key := prefix + "." + k.Value
			switch k.Value {
			case "paths":
				pp.Paths = p.strList(v, key)
			case "select":
				pp.Select = p.strList(v, key)
			case "ignore":
				pp.Ignore = p.strList(v, key)
			case "rules":
				pp.Rules = p.ruleSettings(v, key)
			default:
				p.unknownKey(k, key, perPathKeys)
			}
		})
		if len(pp.Paths) == 0 {
			p.fail(item, prefix+".paths", "at least one glob is required")
		}
		cfg.PerPath = append(cfg.PerPath, pp)
	}
}

var customKeys = map[string]string{"name": "", "kind": "", "pattern": "", "phrases": "", "message": "",
	"severity": "", "category": "", "scope": "", "replace": "", "unsafe": "", "doc": ""}

func (p *parser) custom(n *yaml.Node, cfg *Config) {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, "custom-rules", "want a list of rules, got %s", describe(n))
		return
	}
	for i, item := range n.Content {
		prefix := fmt.Sprintf("custom-rules[%d]", i)
		cr := CustomRule{Line: item.Line}
		p.at(item, prefix)
		p.mapping(item, prefix, func(k, v *yaml.Node) {
			key := prefix + "." + k.Value
			switch k.Value {
			case "name":
				cr.Name = p.str(v, key)
			case "kind":
				cr.Kind = p.str(v, key)
			case "pattern":
				cr.Pattern = p.str(v, key)
			case "phrases":
				cr.Phrases = p.strList(v, key)
			case "message":
				cr.Message = p.str(v, key)
			case "severity":
				cr.Severity = p.str(v, key)
			case "category":
				cr.Category = p.str(v, key)
			case "scope":
				cr.Scope = p.str(v, key)
			case "replace":
				if v.Kind == yaml.ScalarNode {
					s := v.Value // an empty replacement deletes the match
					cr.Replace = &s
				} else {
					p.fail(v, key, "want a string, got %s", describe(v))
				}
			case "unsafe":
				b, err := strconv.ParseBool(p.str(v, key))
				if err != nil {
					p.fail(v, key, "want true or false")
				}
				cr.Unsafe = b
			case "doc":
				cr.Doc = p.str(v, key)
			default:
				p.unknownKey(k, key, customKeys)
			}
		})
		cfg.Custom = append(cfg.Custom, cr)
	}
}

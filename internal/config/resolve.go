package config

import (
	"cmp"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/custom"
)

// Flags are the settings given on the command line; a zero value means "not
// given", so the file or the defaults decide.
type Flags struct {
	Profile      string
	Select       []string
	Ignore       []string
	ExtendSelect []string
	FailOn       string
	Format       string
	TextField    string
	IDField      string
	Baseline     string
	// MaxRecordSize is --max-record-size in bytes; 0 when not given.
	MaxRecordSize int64
	// Ungrouped reports every finding on its own, even of rules whose findings
	// in one document are reported as one (rules.Meta.Grouped).
	Ungrouped bool
}

// Resolved is the configuration a run uses, after flags, file and defaults.
type Resolved struct {
	// File is the configuration file used ("" when none).
	File     string
	Profile  string
	FailOn   string
	Format   string
	Input    Input
	Baseline string
	// Ungrouped is Flags.Ungrouped: no finding is grouped with others.
	Ungrouped bool
	// Registry holds the built-in, extra and custom rules.
	Registry *rules.Registry
	// Rules is the configured rule set for files no per-path entry matches.
	Rules []rules.Rule
	// Severity overrides rule severities, by rule name.
	Severity map[string]rules.Severity
	// IgnoreIDs are document ids never reported.
	IgnoreIDs map[string]bool

	selectors, ignores []string
	options            map[string]map[string]any
	perPath            []PerPath
	baseDir            string
	cache              sync.Map // key of matching per-path entries -> []rules.Rule
}

// Defaults of the input settings and the run.
const (
	DefaultProfile = "news"
	DefaultFailOn  = "warning"
	DefaultFormat  = "table"
)

// Resolve combines flags, the file (cfg may be nil) and the defaults. extra are
// rules added by a Go program that embeds corpuslint.
func Resolve(cfg *Config, flags Flags, extra []rules.Rule) (*Resolved, error) {
	if cfg == nil {
		cfg = &Config{Rules: map[string]RuleSettings{}}
	}
	r := &Resolved{File: cfg.Path, perPath: cfg.PerPath, options: map[string]map[string]any{},
		Severity: map[string]rules.Severity{}, IgnoreIDs: map[string]bool{}}
	if cfg.Path != "" {
		r.baseDir = filepath.Dir(cfg.Path)
	}
	where := func(line int, key string) string {
		if cfg.Path == "" {
			return key
		}
		return fmt.Sprintf("%s:%d: %s", cfg.Path, line, key)
	}

	// The registry: built-ins, a Go program's extras, then the file's custom rules.
	all := append(builtin.Builtin(), extra...)
	for _, c := range cfg.Custom {
		spec, err := c.spec()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(c.Line, "custom-rules"), err)
		}
		cr, err := custom.New(spec)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(c.Line, "custom-rules"), err)
		}
		all = append(all, cr)
	}
	reg, err := rules.NewRegistry(all...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where(0, "rules"), err)
	}
	r.Registry = reg

	r.Profile = first(flags.Profile, cfg.Profile, DefaultProfile)
	prof, ok := builtin.LookupProfile(r.Profile)
	if !ok {
		var names []string
		for _, p := range builtin.Profiles() {
			names = append(names, p.Name)
		}
		return nil, fmt.Errorf("unknown profile %q (profiles: %s)", r.Profile, strings.Join(names, ", "))
	}
	r.FailOn = first(flags.FailOn, cfg.FailOn, DefaultFailOn)
	r.Format = first(flags.Format, cfg.Format, DefaultFormat)
	r.Baseline = flags.Baseline
	r.Ungrouped = flags.Ungrouped
	if r.Baseline == "" && cfg.Baseline != "" {
		r.Baseline = cfg.Baseline
		if !filepath.IsAbs(r.Baseline) && r.baseDir != "" {
			r.Baseline = filepath.Join(r.baseDir, r.Baseline)
		}
	}
	r.Input = Input{
		TextField:     first(flags.TextField, cfg.Input.TextField, "text"),
		IDField:       first(flags.IDField, cfg.Input.IDField, "id"),
		URLField:      first(cfg.Input.URLField, "url"),
		SuppressField: first(cfg.Input.SuppressField, "corpuslint"),
		MaxRecordSize: cmp.Or(flags.MaxRecordSize, cfg.Input.MaxRecordSize, source.DefaultMaxRecordSize),
	}
	for _, id := range cfg.IgnoreIDs {
		r.IgnoreIDs[id] = true
	}

	// Selection: a flag replaces the file's list, which replaces the profile's;
	// extend-select adds to whichever won.
	switch {
	case flags.Select != nil:
		r.selectors = flags.Select
	case cfg.Select != nil:
		r.selectors = cfg.Select
	default:
		r.selectors = prof.Select
	}
	if len(cfg.ExtendSelect)+len(flags.ExtendSelect) > 0 {
		if len(r.selectors) == 0 {
			r.selectors = defaultOn(reg)
		}
		r.selectors = append(append(append([]string(nil), r.selectors...), cfg.ExtendSelect...), flags.ExtendSelect...)
	}
	r.ignores = cfg.Ignore
	if flags.Ignore != nil {
		r.ignores = flags.Ignore
	}

	// Options and severities: the profile's, then the file's.
	for name, o := range prof.Options {
		r.options[name] = copyMap(o)
	}
	for name, s := range prof.Severity {
		r.Severity[name] = s
	}
	names := make([]string, 0, len(cfg.Rules))
	for name := range cfg.Rules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		rs := cfg.Rules[name]
		if _, ok := reg.Lookup(name); !ok {
			return nil, fmt.Errorf("%s: no such rule (see `corpuslint rules`)", where(rs.Line, "rules."+name))
		}
		if rs.Severity != "" {
			sev, err := rules.ParseSeverity(rs.Severity)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where(rs.Line, "rules."+name+".severity"), err)
			}
			r.Severity[name] = sev
		}
		if len(rs.Options) > 0 {
			if r.options[name] == nil {
				r.options[name] = map[string]any{}
			}
			for k, v := range rs.Options {
				r.options[name][k] = v
			}
		}
	}
	// Validate every per-path entry now, so a bad glob or option fails at load time.
	for i, pp := range r.perPath {
		for _, g := range pp.Paths {
			if !doublestar.ValidatePattern(filepath.ToSlash(g)) {
				return nil, fmt.Errorf("%s: bad glob %q", where(pp.Line, fmt.Sprintf("per-path[%d].paths", i)), g)
			}
		}
		for name, rs := range pp.Rules {
			if _, ok := reg.Lookup(name); !ok {
				return nil, fmt.Errorf("%s: no such rule", where(rs.Line, fmt.Sprintf("per-path[%d].rules.%s", i, name)))
			}
			if rs.Severity != "" {
				if _, err := rules.ParseSeverity(rs.Severity); err != nil {
					return nil, fmt.Errorf("%s: %w", where(rs.Line, fmt.Sprintf("per-path[%d].rules.%s.severity", i, name)), err)
				}
			}
		}
		if _, err := r.build(append(append([]string(nil), r.selectors...), pp.Select...), append(append([]string(nil), r.ignores...), pp.Ignore...), []PerPath{pp}); err != nil {
			return nil, fmt.Errorf("%s: %w", where(pp.Line, fmt.Sprintf("per-path[%d]", i)), err)
		}
	}
	r.Rules, err = r.build(r.selectors, r.ignores, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where(0, "rules"), err)
	}
	return r, nil
}

// defaultOn lists the rules a run uses when nothing is selected, so that
// extend-select can add to them.
func defaultOn(reg *rules.Registry) []string {
	var out []string
	for _, r := range reg.All() {
		if !r.Meta().Disabled {
			out = append(out, r.Meta().Name)
		}
	}
	return out
}

// build selects rules and applies options (the resolved ones, then those of the
// given per-path entries).
func (r *Resolved) build(selectors, ignores []string, pps []PerPath) ([]rules.Rule, error) {
	chosen, err := r.Registry.Select(selectors, ignores)
	if err != nil {
		return nil, err
	}
	out := make([]rules.Rule, 0, len(chosen))
	for _, rule := range chosen {
		name := rule.Meta().Name
		opts := copyMap(r.options[name])
		for _, pp := range pps {
			if rs, ok := pp.Rules[name]; ok {
				if opts == nil {
					opts = map[string]any{}
				}
				for k, v := range rs.Options {
					opts[k] = v
				}
			}
		}
		if len(opts) > 0 {
			c, ok := rule.(rules.Configurable)
			if !ok {
				return nil, fmt.Errorf("rule %s takes no options (given: %s)", name, strings.Join(keys(opts), ", "))
			}
			if rule, err = c.Configure(opts); err != nil {
				return nil, fmt.Errorf("rule %s: %v", name, err)
			}
		}
		out = append(out, rule)
	}
	return out, nil
}

// RulesFor returns the rule set for a file: the resolved one, changed by every
// per-path entry whose globs match the path.
func (r *Resolved) RulesFor(path string) []rules.Rule {
	if len(r.perPath) == 0 {
		return r.Rules
	}
	var match []int
	for i, pp := range r.perPath {
		if r.matches(pp, path) {
			match = append(match, i)
		}
	}
	if len(match) == 0 {
		return r.Rules
	}
	key := fmt.Sprint(match)
	if v, ok := r.cache.Load(key); ok {
		return v.([]rules.Rule)
	}
	sel := append([]string(nil), r.selectors...)
	ign := append([]string(nil), r.ignores...)
	var pps []PerPath
	for _, i := range match {
		pp := r.perPath[i]
		sel = append(sel, pp.Select...)
		ign = append(ign, pp.Ignore...)
		pps = append(pps, pp)
	}
	if len(sel) > 0 && len(r.selectors) == 0 {
		// A per-path select adds to the default set rather than replacing it.
		sel = append(defaultOn(r.Registry), sel...)
	}
	rs, err := r.build(sel, ign, pps)
	if err != nil {
		rs = r.Rules // validated in Resolve; cannot happen
	}
	r.cache.Store(key, rs)
	return rs
}

// matches reports whether a per-path entry applies to path. Globs are relative to
// the configuration file's folder; a glob without a slash matches the file name
// anywhere, as in .gitignore.
func (r *Resolved) matches(pp PerPath, path string) bool {
	rel := path
	if r.baseDir != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if baseAbs, err := filepath.Abs(r.baseDir); err == nil {
				if x, err := filepath.Rel(baseAbs, abs); err == nil && !strings.HasPrefix(x, "..") {
					rel = x
				}
			}
		}
	}
	rel = filepath.ToSlash(filepath.Clean(rel))
	for _, g := range pp.Paths {
		g = filepath.ToSlash(g)
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		if !strings.Contains(g, "/") {
			if ok, _ := doublestar.Match(g, filepath.Base(rel)); ok {
				return true
			}
		}
	}
	return false
}

// Options returns the resolved options of a rule (profile and file), for display.
func (r *Resolved) Options(name string) map[string]any { return r.options[name] }

func (c CustomRule) spec() (custom.Spec, error) {
	s := custom.Spec{Name: c.Name, Kind: c.Kind, Pattern: c.Pattern, Phrases: c.Phrases,
		Message: c.Message, Category: rules.Category(c.Category), Replace: c.Replace, Unsafe: c.Unsafe, Doc: c.Doc}
	if c.Name == "" {
		return s, fmt.Errorf("a custom rule needs a name")
	}
	if c.Severity != "" {
		sev, err := rules.ParseSeverity(c.Severity)
		if err != nil {
			return s, fmt.Errorf("rule %q: %v", c.Name, err)
		}
		s.Severity = sev
	}
	if c.Category != "" {
		known := false
		for _, cat := range rules.Categories() {
			if string(cat) == c.Category {
				known = true
			}
		}
		if !known {
			var cs []string
			for _, cat := range rules.Categories() {
				cs = append(cs, string(cat))
			}
			return s, fmt.Errorf("rule %q: category %q is not one of %s", c.Name, c.Category, strings.Join(cs, ", "))
		}
	}
	scope, err := custom.ParseScope(c.Scope)
	if err != nil {
		return s, fmt.Errorf("rule %q: %v", c.Name, err)
	}
	s.Scope = scope
	return s, nil
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func copyMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SeverityFor returns the severity overrides for a file: the resolved ones,
// changed by the per-path entries whose globs match it.
func (r *Resolved) SeverityFor(path string) map[string]rules.Severity {
	if len(r.perPath) == 0 {
		return r.Severity
	}
	var out map[string]rules.Severity
	for _, pp := range r.perPath {
		if !r.matches(pp, path) {
			continue
		}
		for name, rs := range pp.Rules {
			sev, err := rules.ParseSeverity(rs.Severity)
			if rs.Severity == "" || err != nil {
				continue
			}
			if out == nil {
				out = make(map[string]rules.Severity, len(r.Severity)+1)
				for k, v := range r.Severity {
					out[k] = v
				}
			}
			out[name] = sev
		}
	}
	if out == nil {
		return r.Severity
	}
	return out
}

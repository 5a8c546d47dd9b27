package config

import (
	"cmp"
	"errors"
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
	"github.com/corpuslint/corpuslint/rules/option"
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
	// MaxRecordLines is --max-record-lines; 0 when not given.
	MaxRecordLines int64
	// VerifyDigests is --verify-digests; false leaves it to the file.
	VerifyDigests bool
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
	// where names a key of the file with its place: path:line:col: key. The
	// line given is used when the parser recorded no position.
	where := func(line int, key string) string {
		if cfg.Path == "" {
			return key
		}
		if p, ok := cfg.Pos[key]; ok {
			return fmt.Sprintf("%s:%d:%d: %s", cfg.Path, p.Line, p.Col, key)
		}
		if line > 0 {
			return fmt.Sprintf("%s:%d: %s", cfg.Path, line, key)
		}
		return fmt.Sprintf("%s: %s", cfg.Path, key)
	}

	// The registry: built-ins, a Go program's extras, then the file's custom rules.
	all := append(builtin.Builtin(), extra...)
	for i, c := range cfg.Custom {
		key := fmt.Sprintf("custom-rules[%d]", i)
		spec, err := c.spec()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(c.Line, key), err)
		}
		cr, err := custom.New(spec)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where(c.Line, key), err)
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
		src := "--profile"
		if flags.Profile == "" {
			src = where(0, "profile")
		}
		return nil, fmt.Errorf("%s: unknown profile %q%s (profiles: %s)", src, r.Profile, didYouMean(r.Profile, names), strings.Join(names, ", "))
	}
	if flags.FailOn != "" {
		if _, _, err := ParseFailOn(flags.FailOn); err != nil {
			return nil, fmt.Errorf("--fail-on: %w", err)
		}
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
		TextField:      first(flags.TextField, cfg.Input.TextField, "text"),
		IDField:        first(flags.IDField, cfg.Input.IDField, "id"),
		URLField:       first(cfg.Input.URLField, "url"),
		SuppressField:  first(cfg.Input.SuppressField, "corpuslint"),
		MaxRecordSize:  cmp.Or(flags.MaxRecordSize, cfg.Input.MaxRecordSize, source.DefaultMaxRecordSize),
		MaxRecordLines: cmp.Or(flags.MaxRecordLines, cfg.Input.MaxRecordLines, source.DefaultMaxRecordLines),
		VerifyDigests:  flags.VerifyDigests || cfg.Input.VerifyDigests,
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
	// Every rule or category named anywhere is checked, selected or not.
	for _, l := range []struct {
		flag, key string
		list      []string
		fromFlag  bool
	}{
		{"--select", "select", flags.Select, true}, {"--ignore", "ignore", flags.Ignore, true},
		{"--extend-select", "extend-select", flags.ExtendSelect, true},
		{"", "select", cfg.Select, false}, {"", "ignore", cfg.Ignore, false}, {"", "extend-select", cfg.ExtendSelect, false},
	} {
		for i, sel := range l.list {
			if err := checkSelector(reg, sel); err != nil {
				src := l.flag
				if !l.fromFlag {
					key := fmt.Sprintf("%s[%d]", l.key, i)
					if _, ok := cfg.Pos[key]; !ok {
						key = l.key // a comma separated string
					}
					src = where(0, key)
				}
				return nil, fmt.Errorf("%s: %w", src, err)
			}
		}
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
		if err := checkSettings(reg, name, rs, "rules."+name, where); err != nil {
			return nil, err
		}
		if rs.Severity != "" {
			sev, _ := rules.ParseSeverity(rs.Severity) // checked above
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
		ppNames := make([]string, 0, len(pp.Rules))
		for name := range pp.Rules {
			ppNames = append(ppNames, name)
		}
		sort.Strings(ppNames)
		for _, name := range ppNames {
			if err := checkSettings(reg, name, pp.Rules[name], fmt.Sprintf("per-path[%d].rules.%s", i, name), where); err != nil {
				return nil, err
			}
		}
		for j, sel := range append(append([]string(nil), pp.Select...), pp.Ignore...) {
			key := fmt.Sprintf("per-path[%d].select[%d]", i, j)
			if j >= len(pp.Select) {
				key = fmt.Sprintf("per-path[%d].ignore[%d]", i, j-len(pp.Select))
			}
			if err := checkSelector(reg, sel); err != nil {
				return nil, fmt.Errorf("%s: %w", where(pp.Line, key), err)
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

// checkSelector checks one item of a select or ignore list: a rule, a category,
// all or default.
func checkSelector(reg *rules.Registry, sel string) error {
	if sel == "all" || sel == "default" {
		return nil
	}
	known := []string{"all", "default"}
	for _, c := range rules.Categories() {
		if sel == string(c) {
			return nil
		}
		known = append(known, string(c))
	}
	if _, ok := reg.Lookup(sel); ok {
		return nil
	}
	for _, r := range reg.All() {
		known = append(known, r.Meta().Name)
	}
	if dym := didYouMean(sel, known); dym != "" {
		return fmt.Errorf("unknown rule or category %q%s (see `corpuslint rules`)", sel, dym)
	}
	sort.Strings(known)
	return fmt.Errorf("unknown rule or category %q (known: %s)", sel, strings.Join(known, ", "))
}

// checkSettings checks a rule's settings under key (rules.NAME or
// per-path[i].rules.NAME) whether or not the rule is selected: the rule exists,
// the severity is one, and the options decode as the rule reads them, so that a
// misspelt option is an error on the day it is written, not on the day the
// rule is first selected.
func checkSettings(reg *rules.Registry, name string, rs RuleSettings, key string, where func(int, string) string) error {
	rule, ok := reg.Lookup(name)
	if !ok {
		var names []string
		for _, r := range reg.All() {
			names = append(names, r.Meta().Name)
		}
		return fmt.Errorf("%s: no such rule%s (see `corpuslint rules`)", where(rs.Line, key), didYouMean(name, names))
	}
	if rs.Severity != "" {
		if _, err := rules.ParseSeverity(rs.Severity); err != nil {
			return fmt.Errorf("%s: %w", where(rs.Line, key+".severity"), err)
		}
	}
	if len(rs.Options) == 0 {
		return nil
	}
	opts := keys(rs.Options)
	c, ok := rule.(rules.Configurable)
	if !ok {
		k := opts[0]
		return fmt.Errorf("%s: unknown key: %s takes no options, only severity%s", where(rs.Line, key+"."+k), name, didYouMean(k, []string{"severity"}))
	}
	if _, err := c.Configure(rs.Options); err != nil {
		var oe *rules.OptionError
		if errors.As(err, &oe) {
			msg := oe.Msg
			if strings.HasPrefix(msg, "unknown option") && option.Closest(oe.Option, []string{"severity"}) != "" {
				if strings.Contains(msg, "did you mean") {
					msg += ` Or "severity"?`
				} else {
					msg += `; did you mean "severity"?`
				}
			}
			return fmt.Errorf("%s: %s", where(rs.Line, key+"."+oe.Option), msg)
		}
		return fmt.Errorf("%s: %w", where(rs.Line, key), err)
	}
	return nil
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

package beam

import (
	"fmt"
	"os"
	"sync"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/rules"
)

// Settings is everything a worker needs to check documents exactly as `corpuslint
// lint` would on the launching machine. It travels inside the pipeline (each DoFn
// carries it, JSON-encoded by the SDK), so workers read no configuration file of
// their own: the launcher reads corpuslint.yaml and ships its bytes.
//
// A nil list means "not given" (the configuration file or the profile decides);
// an empty non-nil list means "given empty", as with the core's flags.
type Settings struct {
	// Profile, Select, ExtendSelect and Ignore are the core's rule selection flags.
	Profile      string   `json:"profile,omitempty"`
	Select       []string `json:"select"`
	ExtendSelect []string `json:"extend_select"`
	Ignore       []string `json:"ignore"`
	// TextField and IDField name the JSON fields holding the text and the id.
	TextField string `json:"text_field,omitempty"`
	IDField   string `json:"id_field,omitempty"`
	// ConfigPath and ConfigData are the configuration file's name and content
	// ("" and nil when there is none). Per-path globs are matched relative to
	// ConfigPath's folder, as in the core.
	ConfigPath string `json:"config_path,omitempty"`
	ConfigData []byte `json:"config_data,omitempty"`
	// Fixes runs the fix loop on every document so that the aggregate's fix
	// totals and the worst documents' diffs are filled in (slower). Findings do
	// not depend on it.
	Fixes bool `json:"fixes,omitempty"`
}

// LoadConfig fills ConfigPath and ConfigData from path, or from the nearest
// corpuslint.yaml upwards from the current folder when path is "" (as `corpuslint
// lint` does). It leaves s unchanged when no file is found.
func (s *Settings) LoadConfig(path string) error {
	if path == "" {
		found, err := config.Find(".")
		if err != nil {
			return err
		}
		if found == "" {
			return nil
		}
		path = found
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if _, err := config.Parse(path, data); err != nil {
		return err
	}
	s.ConfigPath, s.ConfigData = path, data
	return nil
}

// extraRules are rules a Go program adds to the built-in ones (AddRules).
var (
	extraMu    sync.Mutex
	extraRules []rules.Rule
)

// AddRules adds rules to the built-in ones, the way a Go program embedding
// corpuslint adds its own. Call it from an init function: the launcher and every
// worker run the same binary, and both must know the rules.
//
// It is a registration, like the SDK's own register calls, rather than an
// argument of Build as with app.Main(args, extra...): a worker never runs Build.
// It rebuilds each DoFn from its JSON encoding (Settings travels that way), and a
// rule is code, not data, so it cannot travel with them.
func AddRules(rs ...rules.Rule) {
	extraMu.Lock()
	defer extraMu.Unlock()
	extraRules = append(extraRules, rs...)
}

func addedRules() []rules.Rule {
	extraMu.Lock()
	defer extraMu.Unlock()
	return append([]rules.Rule(nil), extraRules...)
}

// setup is what a worker derives from Settings: the resolved configuration and
// the engine options, built the way the core's lint command builds them.
type setup struct {
	res *config.Resolved
	opt engine.Options
	// corpus lists the selected corpus rules; empty when there are none.
	corpus []rules.CorpusRule
}

// Resolve checks the settings and returns the resolved configuration, the same
// as `corpuslint lint` derives from its flags and configuration file.
func (s Settings) Resolve() (*config.Resolved, error) {
	var cfg *config.Config
	if s.ConfigPath != "" {
		c, err := config.Parse(s.ConfigPath, s.ConfigData)
		if err != nil {
			return nil, err
		}
		cfg = c
	}
	return config.Resolve(cfg, config.Flags{
		Profile:      s.Profile,
		Select:       s.Select,
		ExtendSelect: s.ExtendSelect,
		Ignore:       s.Ignore,
		TextField:    s.TextField,
		IDField:      s.IDField,
	}, addedRules())
}

func (s Settings) setup() (*setup, error) {
	res, err := s.Resolve()
	if err != nil {
		return nil, err
	}
	// The same options as the core's lint command; beam has no baseline.
	st := &setup{res: res, opt: engine.Setup(res, nil), corpus: engine.CorpusRules(res.Rules)}
	st.opt.Fix = s.Fixes
	return st, nil
}

// ruleNames lists the names of the selected rules, for Aggregate.NoteRules.
func (st *setup) ruleNames() []string {
	names := make([]string, len(st.res.Rules))
	for i, r := range st.res.Rules {
		names[i] = r.Meta().Name
	}
	return names
}

// newAggregate returns an empty aggregate for one bundle.
func (st *setup) newAggregate() *aggregate.Aggregate {
	a := aggregate.New(aggregate.Options{Fixes: st.opt.Fix})
	a.NoteRules(st.ruleNames()...)
	return a
}

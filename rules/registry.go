package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Registry is a set of rules addressed by name. A Go program that wants its own rules
// builds a Registry from Builtin() plus its rules and hands it to the engine.
type Registry struct {
	rules  []Rule
	byName map[string]Rule
}

// NewRegistry returns a registry of rs. Rule names must be unique and non-empty.
func NewRegistry(rs ...Rule) (*Registry, error) {
	reg := &Registry{byName: make(map[string]Rule, len(rs))}
	for _, r := range rs {
		if err := reg.Add(r); err != nil {
			return nil, err
		}
	}
	return reg, nil
}

// Add registers r; it fails when the name is taken or malformed.
func (reg *Registry) Add(r Rule) error {
	m := r.Meta()
	if m.Name == "" || strings.ToLower(m.Name) != m.Name || strings.ContainsAny(m.Name, " _,") {
		return fmt.Errorf("rule name %q is not a kebab-case slug", m.Name)
	}
	if _, ok := reg.byName[m.Name]; ok {
		return fmt.Errorf("rule %q registered twice", m.Name)
	}
	if isCategory(m.Name) || m.Name == "all" || m.Name == "default" {
		return fmt.Errorf("rule name %q clashes with a category", m.Name)
	}
	reg.rules = append(reg.rules, r)
	reg.byName[m.Name] = r
	return nil
}

func isCategory(s string) bool {
	for _, c := range Categories() {
		if string(c) == s {
			return true
		}
	}
	return false
}

// All returns every registered rule in registration order.
func (reg *Registry) All() []Rule { return reg.rules }

// Lookup returns the rule called name.
func (reg *Registry) Lookup(name string) (Rule, bool) {
	r, ok := reg.byName[name]
	return r, ok
}

// Select returns the rules chosen by selectors and ignores, each a list of rule
// names or categories ("all" selects every rule, "default" the rules on by
// default). With no selectors the rules not
// marked Disabled are chosen. An unknown name is an error that lists what exists.
func (reg *Registry) Select(selectors, ignores []string) ([]Rule, error) {
	match := func(sel string, r Rule) bool {
		m := r.Meta()
		return sel == "all" || sel == "default" && !m.Disabled || sel == m.Name || sel == string(m.Category)
	}
	for _, s := range append(append([]string(nil), selectors...), ignores...) {
		if s == "all" || s == "default" || isCategory(s) {
			continue
		}
		if _, ok := reg.byName[s]; !ok {
			return nil, fmt.Errorf("unknown rule or category %q (known: %s)", s, strings.Join(reg.names(), ", "))
		}
	}
	var out []Rule
	for _, r := range reg.rules {
		chosen := len(selectors) == 0 && !r.Meta().Disabled
		for _, s := range selectors {
			if match(s, r) {
				chosen = true
			}
		}
		for _, s := range ignores {
			if match(s, r) {
				chosen = false
			}
		}
		if chosen {
			out = append(out, r)
		}
	}
	return out, nil
}

func (reg *Registry) names() []string {
	var ns []string
	for _, r := range reg.rules {
		ns = append(ns, r.Meta().Name)
	}
	for _, c := range Categories() {
		ns = append(ns, string(c))
	}
	sort.Strings(ns)
	return ns
}

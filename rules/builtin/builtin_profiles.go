package builtin

import "github.com/corpuslint/corpuslint/rules"

// LookupProfile returns the built-in profile called name.
func LookupProfile(name string) (rules.Profile, bool) {
	for _, p := range Profiles() {
		if p.Name == name {
			return p, true
		}
	}
	return rules.Profile{}, false
}

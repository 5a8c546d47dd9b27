package builtin

import "github.com/corpuslint/corpuslint/rules"

// Profiles returns the built-in profiles. "news" is the default set for scraped
// articles: every rule not marked Disabled. "gopher", "c4" and "fineweb" select the
// rules that reproduce a published filter as datatrove implements it (default
// settings, English): a document gets a finding of severity warning or above exactly
// when that filter would drop it.
func Profiles() []rules.Profile {
	return []rules.Profile{
		{Name: "news", Doc: "the default set for scraped news and blog articles: every rule that is on by default"},
		{
			Name: "gopher",
			Doc: "datatrove's GopherQualityFilter and GopherRepetitionFilter with default settings: " +
				"a warning exactly when either would drop the document",
			Select: []string{"gopher-quality", "gopher-repetition"},
		},
		{
			Name: "c4",
			Doc: "datatrove's C4QualityFilter with default settings: a warning when it would drop the " +
				"document, and an info finding with a fix for each line it would remove",
			Select: []string{"c4-quality", "c4-lines"},
		},
		{
			Name:   "fineweb",
			Doc:    "datatrove's FineWebQualityFilter with default settings: a warning exactly when it would drop the document",
			Select: []string{"fineweb-quality"},
		},
		{
			Name: "normalize",
			Doc: "the default set plus the normalization rules off by default (no-break spaces, repeated spaces, " +
				"spaces before punctuation, ellipsis variants, runs of blank lines): for a corpus to be normalized, not just checked",
			Select: []string{"default", "nonbreaking-space", "repeated-spaces", "space-before-punctuation", "ellipsis-variants", "excess-blank-lines"},
		},
		{Name: "all", Doc: "every rule, including those off by default", Select: []string{"all"}},
	}
}

// LookupProfile returns the built-in profile called name.
func LookupProfile(name string) (rules.Profile, bool) {
	for _, p := range Profiles() {
		if p.Name == name {
			return p, true
		}
	}
	return rules.Profile{}, false
}

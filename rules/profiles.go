package rules

// Profiles returns the built-in profiles. "news" is the default set for scraped
// articles: every rule not marked Disabled.
func Profiles() []Profile {
	return []Profile{
		{Name: "news", Doc: "the default set for scraped news and blog articles: every rule that is on by default"},
		{Name: "all", Doc: "every rule, including those off by default", Select: []string{"all"}},
	}
}

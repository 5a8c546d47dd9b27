package rules

// Profile is a named selection of rules with option values, such as the set that
// reproduces a published filter (Gopher, C4, FineWeb) or the default set for news.
type Profile struct {
	Name string
	// Doc says what the profile is for and which published filter it reproduces.
	Doc string
	// Select lists rule names or categories, as --select does.
	Select []string
	// Options holds per-rule option values, by rule name.
	Options map[string]map[string]any
	// Severity overrides per-rule severities, by rule name.
	Severity map[string]Severity
}

package boilerplate

// The operating points of the boilerplate rules (option "level"). A finding is
// reported at every level; the level decides which findings' deletions are safe
// (applied by `corpuslint fix`) and which are unsafe (applied only with
// --unsafe-fixes). conservative, the default, keeps safe only what measured at a
// precision of 0.99 or more on pages no rule was written or tuned on (the check
// part of the site split and the project's own set of other document kinds; see
// each rule's doc); aggressive makes every deletion safe, as before levels.
const (
	levelConservative = "conservative"
	levelBalanced     = "balanced"
	levelAggressive   = "aggressive"
)

// levels lists the levels, for the option's allowed values.
var levels = []string{levelConservative, levelBalanced, levelAggressive}

// conservativeDocs is the number of documents of a site that must hold every
// line of a repeated block for its deletion to be safe at the conservative level.
const conservativeDocs = 5

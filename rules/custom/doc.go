// Package custom holds rules declared as data: a list of phrases or patterns in
// the configuration becomes a rule with a name, category, severity and message
// (Vale's existence checks, in effect).
package custom

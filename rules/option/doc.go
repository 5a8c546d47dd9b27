// Package option decodes a rule's options (from YAML or JSON) with bounds and
// one error shape: every error is a *rules.OptionError naming the option.
package option

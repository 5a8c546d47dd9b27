package app

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/rules/option"
)

// onUsageError turns a flag the parser rejects into one line, with the flag it
// most likely misspells, instead of urfave/cli's "Incorrect Usage" and the
// whole help (49 lines that hide the one that matters).
func onUsageError(c *cli.Context, err error, _ bool) error {
	cmd, flags := "corpuslint", c.App.Flags
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		cmd, flags = "corpuslint "+c.Command.Name, c.Command.Flags
	}
	help := fmt.Sprintf("see `%s --help`", cmd)
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
		var known []string
		for _, f := range append(flags, cli.HelpFlag) {
			for _, n := range f.Names() {
				if len(n) > 1 {
					known = append(known, n)
				}
			}
		}
		if cl := option.Closest(name, known); cl != "" {
			return usageError("unknown flag %s; did you mean --%s? (%s)", dashed(name), cl, help)
		}
		return usageError("unknown flag %s (%s)", dashed(name), help)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return usageError("%s needs a value (%s)", dashed(name), help)
	}
	// "invalid value "x" for flag -workers: ..." names the flag as typed.
	msg = singleDashFlag.ReplaceAllString(msg, "flag --$1")
	return usageError("%s (%s)", msg, help)
}

// singleDashFlag is how the flag package names a long flag: -workers.
var singleDashFlag = regexp.MustCompile(`flag -([a-z][a-z-]+)`)

// dashed writes a flag name as it is typed: -q, --format.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// rootAction runs when no command was named: the help without arguments, else
// an error naming the command most likely meant (urfave/cli would look for a
// help topic and exit 3).
func rootAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.ShowAppHelp(c)
	}
	name := c.Args().First()
	var names []string
	for _, cmd := range c.App.VisibleCommands() {
		names = append(names, cmd.Name)
	}
	if cl := option.Closest(name, names); cl != "" {
		return usageError("unknown command %q; did you mean %q? (commands: %s)", name, cl, strings.Join(names, ", "))
	}
	return usageError("unknown command %q (commands: %s)", name, strings.Join(names, ", "))
}

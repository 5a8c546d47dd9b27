package app

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// valueTaker is what urfave/cli's flags (all but BoolFlag take a value) say
// about themselves.
type valueTaker interface{ TakesValue() bool }

// interspersed moves a command's flags before its arguments, so that
// `corpuslint lint file.txt --format jsonl` means what it does in ruff, git and
// pflag: urfave/cli/v2 (the standard flag package underneath) stops at the
// first argument and would take --format as a path. A flag that takes a value
// keeps the argument after it (`--format jsonl`), `--` ends the flags (what
// follows is kept as arguments, even when it starts with a dash), and `-` is an
// argument (standard input). Flags the command does not know stay among the
// flags, so that the parser reports them. args[0] is the program name; the
// result has the global flags, the command, its flags, then `--` and the
// arguments when there are any.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	i := 1
	for i < len(args) && isFlag(args[i]) {
		i++ // global flags (--help, --version) take no value
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil || cmd.SkipFlagParsing || len(cmd.Subcommands) > 0 {
		return args
	}
	takes := map[string]bool{} // flag name or alias: whether it takes a value
	for _, f := range cmd.Flags {
		v, ok := f.(valueTaker)
		for _, n := range f.Names() {
			takes[n] = ok && v.TakesValue()
		}
	}
	out := append([]string{}, args[:i+1]...)
	var positional []string
	help := false
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			positional = append(positional, rest[j+1:]...)
			j = len(rest)
		case isFlag(a):
			out = append(out, a)
			help = help || a == "-h" || a == "--help" || a == "-help"
			if flagTakesValue(a, takes) && j+1 < len(rest) {
				j++
				out = append(out, rest[j])
			}
		default:
			positional = append(positional, a)
		}
	}
	if help {
		// `corpuslint lint data/ --help` asks for lint's help; with arguments
		// urfave/cli would look for a help topic named after the first one.
		return out
	}
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

// isFlag reports whether a looks like a flag: a dash and more, but not `--`.
func isFlag(a string) bool {
	return len(a) > 1 && a[0] == '-' && a != "--"
}

// flagTakesValue reports whether flag argument a (`--name`, `-n`, `--name=v`, or
// bool shorts combined as `-qf`) needs the next argument as its value.
func flagTakesValue(a string, takes map[string]bool) bool {
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") {
		return false
	}
	if v, known := takes[name]; known {
		return v
	}
	if a[1] != '-' && len(name) > 1 {
		// Combined short flags (UseShortOptionHandling): only the last may
		// take a value.
		for _, r := range name[:len(name)-1] {
			if v, known := takes[string(r)]; !known || v {
				return false
			}
		}
		return takes[name[len(name)-1:]]
	}
	return false
}

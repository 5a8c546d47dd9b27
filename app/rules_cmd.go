package app

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/rules"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the rules, or explain one",
		ArgsUsage: "[NAME]",
		Description: `Without NAME, lists every rule: name, category, default severity, whether it
fixes, and a one-line summary. With NAME, prints the rule's full documentation
with a text it flags and the same text as it should be.

Examples:
   corpuslint rules
   corpuslint rules broken-quotes`,
		Action: func(c *cli.Context) error {
			reg, err := registryOf(c)
			if err != nil {
				return err
			}
			switch c.NArg() {
			case 0:
				return listRules(c.App.Writer, reg)
			case 1:
				r, ok := reg.Lookup(c.Args().First())
				if !ok {
					var names []string
					for _, r := range reg.All() {
						names = append(names, r.Meta().Name)
					}
					sort.Strings(names)
					return usageError("no rule %q (rules: %s)", c.Args().First(), strings.Join(names, ", "))
				}
				return explainRule(c.App.Writer, r)
			}
			return usageError("rules takes at most one NAME")
		},
	}
}

func listRules(w io.Writer, reg *rules.Registry) error {
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header("rule", "category", "severity", "fix", "default", "summary")
	for _, r := range reg.All() {
		m := r.Meta()
		fixable, on := fixClass(r), "on"
		if m.Disabled {
			on = "off"
		}
		if err := t.Append([]string{m.Name, string(m.Category), m.Severity.String(), fixable, on, m.Title}); err != nil {
			return err
		}
	}
	return t.Render()
}

func explainRule(w io.Writer, r rules.Rule) error {
	m := r.Meta()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", m.Name, m.Title)
	fmt.Fprintf(&b, "Category: %s    Default severity: %s    Fixes: %s    On by default: %s\n",
		m.Category, m.Severity, fixWord(fixClass(r)), yesNo(!m.Disabled))
	if m.Matches != "" {
		fmt.Fprintf(&b, "Matches: %s\n", m.Matches)
	}
	fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(m.Doc))
	if m.SafeFixes != "" {
		fmt.Fprintf(&b, "\nSafe fixes, as measured:\n%s\n", strings.TrimSpace(m.SafeFixes))
	}
	if c, ok := r.(rules.Configurable); ok {
		opts := c.Options()
		keys := make([]string, 0, len(opts))
		for k := range opts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if len(keys) > 0 {
			b.WriteString("\nOptions (defaults):\n")
			for _, k := range keys {
				fmt.Fprintf(&b, "  %s: %v\n", k, opts[k])
			}
		}
	}
	fmt.Fprintf(&b, "\nFlagged:\n%s\n\nBetter:\n%s\n", indent(m.Bad), indent(m.Good))
	_, err := io.WriteString(w, b.String())
	return err
}

// fixClass is a rule's "fix" column: "yes" when it offers safe fixes,
// "unsafe" when its fixes need --unsafe-fixes (a redaction that changes
// meaning), "" when it offers none. Meta.Fixable says only that some fix
// exists; which kind is read off the rule's own example (Meta.Bad), checked
// as lint checks it.
func fixClass(r rules.Rule) string {
	m := r.Meta()
	if !m.Fixable {
		return ""
	}
	if m.Bad == "" {
		return "yes"
	}
	doc := &rules.Document{Text: m.Bad, Path: "example.txt", ID: "example.txt"}
	rs := []rules.Rule{r}
	docs := []*rules.Document{doc}
	rep, _ := engine.NewChecker(engine.Options{Rules: rs}, engine.ObserveDocuments(rs, docs)).Check(doc)
	unsafe := false
	for _, it := range rep.Findings {
		switch {
		case it.Fix == nil:
		case it.Fix.Applicability == rules.Safe:
			return "yes"
		default:
			unsafe = true
		}
	}
	if unsafe {
		return "unsafe"
	}
	return "yes" // the example shows no fix; Fixable says there are some
}

// fixWord is fixClass in `corpuslint rules NAME`'s words.
func fixWord(class string) string {
	switch class {
	case "yes":
		return "yes"
	case "unsafe":
		return "unsafe only (--unsafe-fixes)"
	}
	return "no"
}

func yesNo(v bool) string {
	if v {
		return "yes"
	}
	return "no"
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

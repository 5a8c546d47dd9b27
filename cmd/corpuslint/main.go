// Command corpuslint is a content-quality linter for scraped text corpora: it finds
// trailing headline lists, broken quotes, stray dashes, unattributed quotations,
// boilerplate, mojibake and more, at exact positions, and applies the safe fixes
// without losing data. The command line itself lives in package app.
package main

import (
	"os"

	"github.com/corpuslint/corpuslint/app"
)

func main() {
	os.Exit(app.Main(os.Args))
}

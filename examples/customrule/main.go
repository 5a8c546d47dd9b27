// Command corpuslint-custom is corpuslint with one more rule, written in Go: it
// shows how a team builds its own corpuslint binary. Every built-in command, flag,
// format and configuration key works as in corpuslint; `corpuslint-custom rules`
// lists the extra rule with the others.
package main

import (
	"os"

	"github.com/corpuslint/corpuslint/app"
)

func main() {
	os.Exit(app.Main(os.Args, ClickbaitTitle()))
}

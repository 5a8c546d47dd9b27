package main

import "github.com/urfave/cli/v2"

// evalCommand is written by the boilerplate evaluation work (issue 8).
func evalCommand() *cli.Command {
	return &cli.Command{Name: "eval", Usage: "measure boilerplate rules on labeled data (not yet available)", Hidden: true,
		Action: func(*cli.Context) error { return usageError("eval is not available yet") }}
}

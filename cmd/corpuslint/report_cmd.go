package main

import "github.com/urfave/cli/v2"

// reportCommand is written by the reports work (issue 6).
func reportCommand() *cli.Command {
	return &cli.Command{Name: "report", Usage: "write a quality report (not yet available)", Hidden: true,
		Action: func(*cli.Context) error { return usageError("report is not available yet") }}
}

// Package aggregate is the batch report model behind `corpuslint report`. An
// Aggregate folds checked documents (report.Document) into bounded state: counts,
// fixed-bin histograms, per-domain figures, the worst documents with the diffs of
// their safe fixes, and a few examples per rule. Aggregates of parts of a batch
// merge, and round-trip through JSON, so a distributed runner computes parts and
// renders the whole. WriteHTML and WriteMarkdown render an aggregate as one
// self-contained HTML page or as Markdown.
//
// The files follow the jobs: aggregate.go (the model and Add), rulestats.go
// (per-rule counts and examples), scores.go, histogram.go, domains.go, worst.go,
// merge.go, json.go, rows.go (the figures the renderers show), render.go
// (RenderOptions and number formatting), markdown.go, html.go, charts.go (the SVG
// charts) and sidebyside.go (the fix diffs). The streaming reporters of
// `corpuslint lint` are package report.
package aggregate

// Package model is the boilerplate rules' learned model: two stages of
// gradient-boosted decision trees, their flattened fast form, scoring and the
// per-feature explanations, and the shipped weights (embedded data written by
// cmd/boilertrain).
package model

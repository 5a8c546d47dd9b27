// Package encoding holds the rules about characters damaged or left behind by
// decoding: mojibake, U+FFFD, control and invisible characters, soft hyphens,
// no-break spaces and mixed line endings.
package encoding

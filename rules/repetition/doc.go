// Package repetition holds the rules about text repeated inside one document:
// repeated-paragraph and Gopher's repetition filter.
package repetition

// Package wordset holds word lists (stop words and others) as sets, shared by
// rule families.
package wordset

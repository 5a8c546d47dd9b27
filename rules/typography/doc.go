// Package typography holds the rules about dashes, spaces, blank lines and
// ellipses that extraction left behind.
package typography

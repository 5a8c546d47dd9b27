// Package markupscan holds the scanners of HTML tags, character references, code
// lines and Markdown code fences that more than one rule family uses.
package markupscan

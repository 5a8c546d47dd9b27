// Package markup holds the rules about markup left in plain text: HTML tags and
// character references, Markdown and wiki syntax, code lines and lines holding
// only a URL.
package markup

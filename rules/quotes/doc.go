// Package quotes holds broken-quotes: double quotes that do not pair up, point the
// wrong way, mix styles or are still HTML-escaped.
package quotes

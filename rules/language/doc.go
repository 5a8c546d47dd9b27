// Package language holds the language rule: the document's language and the
// detector's confidence, from github.com/abadojack/whatlanggo (trigram profiles
// of 84 languages), compared with the languages a corpus expects, as
// datatrove's LanguageFilter does with fastText.
package language

package render

import (
	"github.com/backplan/backplan/internal/i18n"
)

// langOf returns the built-in messages of a language, for the internal
// tests; it panics on a language the workbook lacks, which a test names
// only by mistake.
func langOf(tag string) *i18n.Lang {
	set, err := i18n.Builtin()
	if err != nil {
		panic(err)
	}
	m, err := set.Match(tag)
	if err != nil {
		panic(err)
	}
	return m
}

// english is the English messages, which most internal tests check.
var english = langOf("en")

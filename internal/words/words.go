// Package words holds the few English helpers that plan, render and the
// command line all need, so that each has one home: counting a noun and
// joining a list.
package words

import (
	"fmt"
	"strconv"
	"strings"
)

// Count returns n with the unit, made plural when n is not 1:
// "1 week", "3 weeks". The plural adds an s.
func Count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// And joins items as "a", "a and b", "a, b and c".
func And[T ~string](items []T) string { return join(items, "and") }

// Or joins items as "a", "a or b", "a, b or c".
func Or[T ~string](items []T) string { return join(items, "or") }

func join[T ~string](items []T, last string) string {
	s := make([]string, len(items))
	for i, v := range items {
		s[i] = string(v)
	}
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + last + " " + s[len(s)-1]
}

// maxQuoted is how many characters of a value Quote quotes.
const maxQuoted = 40

// Quote quotes a value someone gave for a message, as %q does, but at
// most its first maxQuoted characters then "…": a value of megabytes must
// not be repeated whole in a one-line error or a report.
func Quote(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return strconv.Quote(s[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(s)
}

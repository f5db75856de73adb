// Package words holds the few English helpers that plan, render and the
// command line all need, so that each has one home: counting a noun and
// joining a list.
package words

import (
	"fmt"
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

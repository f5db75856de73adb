package words_test

import (
	"testing"

	"github.com/backplan/backplan/internal/words"
)

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 weeks"}, {1, "1 week"}, {2, "2 weeks"}} {
		if got := words.Count(tt.n, "week"); got != tt.want {
			t.Errorf("Count(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestLists(t *testing.T) {
	for _, tt := range []struct {
		items   []string
		and, or string
	}{
		{nil, "", ""},
		{[]string{"a"}, "a", "a"},
		{[]string{"a", "b"}, "a and b", "a or b"},
		{[]string{"a", "b", "c"}, "a, b and c", "a, b or c"},
	} {
		if got := words.And(tt.items); got != tt.and {
			t.Errorf("And(%q): got %q, want %q", tt.items, got, tt.and)
		}
		if got := words.Or(tt.items); got != tt.or {
			t.Errorf("Or(%q): got %q, want %q", tt.items, got, tt.or)
		}
	}
}

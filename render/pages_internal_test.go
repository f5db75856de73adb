package render

import (
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// TestPageCeiling: the page loops end however much they are asked to
// break. A heading repeated at each break that is itself taller than a
// page breaks once, not forever (onBreak does not run inside itself),
// and past maxPages a layout records its error and keeps no more pages.
func TestPageCeiling(t *testing.T) {
	r, err := New(1)
	if err != nil {
		t.Fatal(err)
	}
	l := r.newLayout(&plan.Plan{}, Options{Paper: A4}, Info{}, 210, 297, nil, newTextCache(), nil)
	breaks := 0
	l.onBreak = func() {
		breaks++
		for range 200 { // taller than a page: it asks for pages itself
			l.ensure(l.bottom)
			l.y = l.bottom
		}
	}
	l.breakPage()
	if breaks != 1 {
		t.Errorf("a heading taller than a page ran %d times at one break", breaks)
	}
	for range 2 * maxPages {
		l.breakPage()
	}
	if len(l.doc.Pages) != maxPages || l.err == nil || !strings.Contains(l.err.Error(), "runs past") {
		t.Errorf("%d pages kept, error %v; want %d and an error", len(l.doc.Pages), l.err, maxPages)
	}
}

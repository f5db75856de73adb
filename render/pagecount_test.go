package render_test

import (
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestPageCounts keeps long plans short, as issue 12 asks: a 12-week
// plan of 5 days at most 32 pages, and a 52-week plan of 4 days at most
// 72 (70 before the brisk walk, which has its own page). The year's
// progress table stands in two halves side by side and starts under the
// last exercise, so it and the notes take two pages.
func TestPageCounts(t *testing.T) {
	c := realCatalog(t)
	for _, tc := range []struct {
		weeks, days, most int
	}{
		{12, 5, 32},
		{52, 4, 72},
	} {
		p := build(t, c, plan.Options{Weeks: tc.weeks, Days: tc.days})
		d, err := rend.Layout(p, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(d.Pages); n > tc.most {
			t.Errorf("%d weeks of %d days: %d pages, want at most %d", tc.weeks, tc.days, n, tc.most)
		}
	}
}

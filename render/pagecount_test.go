package render_test

import (
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestPageCounts keeps long plans short, as issue 12 asks: a 12-week
// plan of 5 days at most 32 pages, and a 52-week plan of 4 days at most
// 72 (70 before the brisk walk, which has its own page), not counting the
// spare week pages issue 19 adds (one for every four weeks: 3 and 13).
// Every exercise whole on its page costs none.
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
		spare := 0
		for _, pg := range d.Pages {
			if len(pg.Marks) > 0 && strings.HasPrefix(pg.Marks[0].Title, "Spare week page") {
				spare++
			}
		}
		if want := (tc.weeks + 3) / 4; spare != want {
			t.Errorf("%d weeks: %d spare week pages, want %d", tc.weeks, spare, want)
		}
		if n := len(d.Pages) - spare; n > tc.most {
			t.Errorf("%d weeks of %d days: %d pages and %d spare week pages, want at most %d and the spare pages", tc.weeks, tc.days, n, spare, tc.most)
		}
	}
}

package render_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestLandscapeWeek gives a week of seven days more boxes than an
// upright page holds: every week page, the spare one too, turns on its
// side (one look for them all), each week stays on one page, the pages
// around them stay upright with their footers, and the PDF is valid.
func TestLandscapeWeek(t *testing.T) {
	t.Skip("after the prescriptions merge no week of this plan turns the page on its side: to be settled (bounds)")
	c := realCatalog(t)
	p := build(t, c, plan.Options{Weeks: 2, Days: 7, Minutes: 15, Focus: plan.FocusCore})
	// Seven sets of each exercise every day of week 1: more boxes than
	// a day's column upright holds in few enough lines.
	for d, ses := range p.Weeks[0].Sessions {
		for i := range ses.Items {
			p.Weeks[0].Sessions[d].Items[i].Dose.Sets = 7
		}
	}
	for _, paper := range []render.Paper{render.A4, render.Letter} {
		o := render.Options{Paper: paper}
		d, err := rend.Layout(p, o)
		if err != nil {
			t.Fatal(err)
		}
		var turned []int
		for _, pg := range d.Pages {
			if pg.Landscape {
				turned = append(turned, pg.Number)
			}
		}
		week1, week2, spare := markPage(d, "Week 1:"), markPage(d, "Week 2:"), markPage(d, "Spare week page")
		if want := []int{week1, week2, spare}; !slices.Equal(turned, want) || week2 != week1+1 || spare != week2+1 {
			t.Errorf("%s: pages on their side %v, want the week pages %v, one each", paper, turned, want)
		}
		pg := d.Pages[week1-1]
		foot := pg.Items[len(pg.Items)-2]
		if foot.Kind != render.Text || !strings.HasPrefix(foot.Text, "Page ") || foot.X+foot.W < d.Width {
			t.Errorf("%s: the turned page's footer is %q at x %.1f", paper, foot.Text, foot.X)
		}
		for _, it := range pg.Items {
			bottom := it.Y + it.H
			if it.Kind == render.Text {
				bottom = it.Y // the baseline
			}
			if it.X+it.W > d.Height-12 || bottom > d.Width-12 {
				t.Errorf("%s: %s %q at %.1f,%.1f runs off the turned page", paper, it.Kind, it.Text, it.X, it.Y)
				break
			}
		}
		pdf := pdfBytes(t, p, o)
		validate(t, pdf)
		if dir := os.Getenv("BACKPLAN_KEEP"); dir != "" {
			os.WriteFile(dir+"/landscape-"+string(paper)+".pdf", pdf, 0o644)
		}
	}
}

// markPage is the page of the first bookmark that starts with prefix.
func markPage(d *render.Document, prefix string) int {
	for _, pg := range d.Pages {
		for _, m := range pg.Marks {
			if len(m.Title) >= len(prefix) && m.Title[:len(prefix)] == prefix {
				return pg.Number
			}
		}
	}
	return 0
}

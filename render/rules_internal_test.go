package render

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/plan"
)

// TestLayoutRules lays out workbooks over days 1 to 7, normal and large
// print, A4 and Letter, 1 to 52 weeks and every focus, and checks the
// rules a patient with a pen relies on: every week on one page, no
// heading last on a page, no table part of fewer than two rows, no word
// broken between letters, and tick boxes at their full size. With
// the quick run (without BACKPLAN_SLOW_TESTS=1) it takes every seventh
// combination (every 21st of 52 weeks).
func TestLayoutRules(t *testing.T) {
	data, err := os.Open("../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := plan.LoadCatalog(data, "exercises.yaml")
	data.Close()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(2)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for days := 1; days <= 7; days++ {
		for _, large := range []bool{false, true} {
			for _, paper := range []Paper{A4, Letter} {
				for _, weeks := range []int{1, 4, 12, 52} {
					for _, focus := range plan.Focuses {
						n++
						if !testenv.Full() && (n%7 != 0 || weeks == 52 && n%21 != 0) {
							continue
						}
						name := fmt.Sprintf("%dd-%s-large=%v-%dw-%s", days, paper, large, weeks, focus)
						p, err := plan.Build(c, plan.Options{Weeks: weeks, Days: days, Focus: focus, Today: plan.NewDate(2026, 11, 24),
							Patient: plan.Patient{Name: "Ana Ruiz", Notes: "Walk every day as well, and bring this book to your next visit."}})
						if err != nil {
							t.Fatal(err)
						}
						o := Options{Paper: paper, LargePrint: large}
						d, err := r.Layout(p, o)
						if err != nil {
							t.Fatal(err)
						}
						shown := 0
						for _, e := range layoutRuleErrors(d, p, styleFor(o)) {
							if shown++; shown <= 10 {
								t.Errorf("%s: %s", name, e)
							}
						}
					}
				}
			}
		}
	}
}

// layoutRuleErrors lists the rules d breaks.
func layoutRuleErrors(d *Document, p *plan.Plan, s style) []string {
	var errs []string
	for _, w := range p.Weeks {
		a, b := d.refs[fmt.Sprintf("week:%d", w.Number)], d.refs[fmt.Sprintf("week:%d:end", w.Number)]
		if a == 0 || a != b {
			errs = append(errs, fmt.Sprintf("week %d runs from page %d to page %d", w.Number, a, b))
		}
	}
	for _, pg := range d.Pages {
		// The footer is the page's last two texts.
		var last *Item
		texts := 0
		for i := range pg.Items {
			it := &pg.Items[i]
			if it.Kind == Text {
				texts++
			}
			if it.Kind == Tick && (it.W < s.box-0.01 || it.H < s.box-0.01) {
				errs = append(errs, fmt.Sprintf("page %d: tick box %.1f×%.1f mm, under %g", pg.Number, it.W, it.H, s.box))
			}
		}
		seen := 0
		for i := range pg.Items {
			if it := &pg.Items[i]; it.Kind == Text {
				if seen++; seen == texts-2 {
					last = it
				}
			}
		}
		if last != nil && last.Bold && last.Size > s.body {
			errs = append(errs, fmt.Sprintf("page %d ends with the heading %q", pg.Number, last.Text))
		}
	}
	for i, n := range d.tableParts {
		if n < 2 {
			errs = append(errs, fmt.Sprintf("table part %d has %d row", i+1, n))
		}
	}
	if len(d.splitWords) > 0 {
		errs = append(errs, "words broken between letters: "+strings.Join(d.splitWords, ", "))
	}
	return errs
}

// TestWrap breaks at spaces and after hyphens, never inside a word that
// fits on a line of its own.
func TestWrap(t *testing.T) {
	r, err := New(1)
	if err != nil {
		t.Fatal(err)
	}
	l := &layout{r: r, fs: r.fonts.faces, doc: &Document{}}
	w := l.measure("Straight-arm", true, 12) + 0.5
	got := l.wrap("Straight-arm plank", w, true, 12)
	if want := []string{"Straight-arm", "plank"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got = l.wrap("Straight-arm plank", l.measure("Straight-", true, 12)+0.5, true, 12)
	if want := []string{"Straight-", "arm", "plank"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(l.doc.splitWords) != 0 {
		t.Errorf("split words %q", l.doc.splitWords)
	}
	l.wrap("Supercalifragilistic", 10, true, 12)
	if len(l.doc.splitWords) != 1 {
		t.Errorf("a word wider than the line was not noted: %q", l.doc.splitWords)
	}
}

// TestEditedPictureRedraws keeps drawings by the picture's content: a
// spec edited in place draws anew, where a cache keyed by its address
// would return the old drawing.
func TestEditedPictureRedraws(t *testing.T) {
	r, err := New(1)
	if err != nil {
		t.Fatal(err)
	}
	sp := &figure.Spec{Start: figure.Pose{Base: "stand"}}
	draw := func() string {
		l := &layout{r: r, keys: map[*figure.Spec]string{}}
		return fmt.Sprint(l.drawings(sp, 40, 30, 0))
	}
	before := draw()
	sp.Start.Base = "sit"
	if draw() == before {
		t.Error("the edited spec drew its old picture")
	}
	sp.Start.Base = "stand"
	if draw() != before {
		t.Error("the same spec drew a different picture")
	}
}

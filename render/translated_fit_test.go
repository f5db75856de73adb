package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestTranslatedExercisesFit lays out the page of every exercise of the
// project's catalogue in each language it has an overlay for (the words
// of a translation run longer than the English): in normal print each
// exercise is whole on one page, on both papers; in large print it takes
// one page or two, as the English may. Every word must be one the
// workbook's fonts can print. The quick run checks Letter in
// normal print and A4 in large print; BACKPLAN_SLOW_TESTS=1 all four.
func TestTranslatedExercisesFit(t *testing.T) {
	c := realCatalog(t)
	names, err := filepath.Glob("../exercises.*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.LoadOverlay(filepath.Base(name), data); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range c.Languages()[1:] {
		tr, err := c.Localized(lang)
		if err != nil {
			t.Fatal(err)
		}
		if err := rend.CheckCatalog(tr); err != nil {
			t.Errorf("%s: the fonts cannot print it: %v", lang, err)
		}
		for oname, o := range allOptions {
			if !testenv.Full() && oname != "letter" && oname != "a4 large print" {
				continue
			}
			for _, id := range tr.IDs() {
				if pages := exercisePages(t, tr, id, o); pages > 2 || pages == 2 && !o.LargePrint {
					t.Errorf("%s, %s: exercise %s takes %d pages", lang, oname, id, pages)
				}
			}
		}
	}
}

// exercisePages lays out a plan that includes exercise id and counts the
// pages its exercise page takes: its own, and a page after it that holds
// no heading of its own and repeats its name (a continuation).
func exercisePages(t *testing.T, c *plan.Catalog, id string, o render.Options) int {
	t.Helper()
	e, _ := c.Lookup(id)
	p := build(t, c, plan.Options{Weeks: 1, Days: 3, Minutes: 45, Level: plan.Intermediate, Equipment: []plan.Equipment{e.Equipment}, Include: []string{id}})
	d, err := rend.Layout(p, o)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	first := markPage(d, clean(e.Name))
	if first == 0 {
		t.Fatalf("%s: no page is headed %q", id, e.Name)
	}
	pages := 1
	for n := first + 1; n <= len(d.Pages) && len(d.Pages[n-1].Marks) == 0 && strings.Contains(pageTextOf(d, n), clean(e.Name)); n++ {
		pages++
	}
	return pages
}

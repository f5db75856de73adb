package render

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/plan"
)

// TestLayoutRules lays out workbooks over days 1 to 7, normal and large
// print, A4 and Letter, 1 to 52 weeks and every focus (each focus with
// its own clinician's note, from none to the longest allowed), and
// checks the rules a patient with a pen relies on: every week on one
// page; each exercise whole on one page; a note printed whole or where
// it is said to be; one look on every week page; every tick box at least
// 1.5 mm from its cell's borders; dose tables in date order; no
// heading last on a page; no table part of fewer than two rows; no word
// broken between letters; and tick boxes at their full size. Every other
// workbook has a video for each exercise and the clinic's logo and
// link, and then: one QR code for each video, on its exercise's pages,
// and one for the clinic on the cover, each at least 25 mm, clickable
// and clear of every word; and the logo on the cover within 40 × 20 mm,
// clear of every word.
//
// The quick run (without BACKPLAN_SLOW_TESTS=1) lays out every
// ruleStride-th combination; TestRuleStride shows that it still reaches
// every value of every axis.
func TestLayoutRules(t *testing.T) {
	c := realCatalogI(t)
	r, err := New(2)
	if err != nil {
		t.Fatal(err)
	}
	videos, logo := videoCatalog(t), ruleLogo(t)
	for _, cb := range ruleCombos(testenv.Full()) {
		name := fmt.Sprintf("%dd-%s-large=%v-%dw-%s-clinic=%v-%s", cb.days, cb.paper, cb.large, cb.weeks, cb.focus, cb.clinic, cb.lang)
		cat := c
		if cb.clinic {
			cat = videos
		}
		p, err := plan.Build(cat, plan.Options{Weeks: cb.weeks, Days: cb.days, Focus: cb.focus, Today: plan.NewDate(2026, 11, 24), Lang: cb.lang,
			Patient: plan.Patient{Name: "Ana Ruiz", Notes: ruleNotes[cb.focus]}})
		if err != nil {
			t.Fatal(err)
		}
		o := Options{Paper: cb.paper, LargePrint: cb.large}
		if cb.clinic {
			o.Logo, o.ClinicURL = logo, ruleClinicURL
		}
		d, err := r.Layout(p, o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		shown := 0
		for _, e := range layoutRuleErrors(d, p, o) {
			if shown++; shown <= 10 {
				t.Errorf("%s: %s", name, e)
			}
		}
	}
}

// ruleNotes are the clinician's notes of the rule sweep, one for each
// focus: none, a line, a paragraph, the four sentences, and the
// longest allowed, in paragraphs.
var ruleNotes = map[plan.Focus]string{
	plan.FocusBalanced: "",
	plan.FocusMobility: "Walk every day as well, and bring this book to your next visit.",
	plan.FocusPosture:  "Go gently for the first week. Walk for 10 minutes each day as well. Keep the band exercises slow and steady. If your neck aches after the rolls, leave them out and tell me at your next visit.",
	plan.FocusStrength: "Left shoulder: keep your arm below shoulder height for all exercises until we review. Use the yellow band. If the tingling in your left hand comes back, stop the band exercises and call me. Walk 20 minutes on the days between.",
	plan.FocusCore:     strings.Repeat("Keep your shoulders relaxed and move slowly; stop an exercise if the pain goes above 5 out of 10.\n", 11)[:plan.MaxNotesLength-12] + " Thank you.",
}

// ruleCombo is one workbook of the rule sweep.
type ruleCombo struct {
	days, weeks int
	large       bool
	paper       Paper
	focus       plan.Focus
	// clinic: every exercise has a video, and the workbook the clinic's
	// logo and link; every other combination of the sweep, so that the
	// full run lays out each value of every other axis both ways.
	clinic bool
	// lang is the workbook's language: every one in the full run, and
	// in turn in the quick one.
	lang string
}

// ruleClinicURL is the clinic's link of the sweep.
const ruleClinicURL = "https://northside.example/videos"

// videoCatalog is the catalogue with a video for every exercise, of
// links as long as real ones.
func videoCatalog(t testing.TB) *plan.Catalog {
	c := realCatalogI(t)
	for i := range c.Exercises {
		c.Exercises[i].Video = "https://www.youtube.com/watch?v=" + c.Exercises[i].ID
	}
	return c
}

// ruleLogo is a logo twice as wide as it is tall.
func ruleLogo(t testing.TB) *Logo {
	data, err := os.ReadFile("testdata/logo.png")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseLogo(data)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The axes of the rule sweep.
var (
	ruleDays   = []int{1, 2, 3, 4, 5, 6, 7}
	ruleLarge  = []bool{false, true}
	rulePapers = []Paper{A4, Letter}
	ruleWeeks  = []int{1, 4, 12, 52}
)

// ruleStride is how far apart the quick run's combinations are: a prime
// that divides none of the axes' sizes, so that every value of every
// axis still comes up (TestRuleStride).
const ruleStride = 11

// ruleCombos are the combinations of the sweep: all of them in the full
// run, every ruleStride-th in the quick one.
func ruleCombos(full bool) []ruleCombo {
	var out []ruleCombo
	n := 0
	for _, days := range ruleDays {
		for _, large := range ruleLarge {
			for _, paper := range rulePapers {
				for _, weeks := range ruleWeeks {
					for _, focus := range plan.Focuses {
						n++
						for i, lang := range i18n.Languages() {
							switch {
							case full:
							case n%ruleStride != 0 || (n/ruleStride)%len(i18n.Languages()) != i:
								continue
							}
							out = append(out, ruleCombo{days, weeks, large, paper, focus, n%2 == 1, lang})
						}
					}
				}
			}
		}
	}
	return out
}

// TestRuleStride shows that the quick run of TestLayoutRules lays out
// every value of every axis, and that the stride divides none of their
// sizes.
func TestRuleStride(t *testing.T) {
	quick := ruleCombos(false)
	sizes := []int{len(ruleDays), len(ruleLarge), len(rulePapers), len(ruleWeeks), len(plan.Focuses)}
	for _, n := range sizes {
		if n%ruleStride == 0 {
			t.Errorf("the stride %d divides an axis of %d values", ruleStride, n)
		}
	}
	seen := map[string]bool{}
	for _, cb := range quick {
		for _, v := range []string{fmt.Sprint("days", cb.days), fmt.Sprint("large", cb.large), fmt.Sprint("paper", cb.paper), fmt.Sprint("weeks", cb.weeks), fmt.Sprint("focus", cb.focus), fmt.Sprint("clinic", cb.clinic), "lang" + cb.lang} {
			seen[v] = true
		}
	}
	var missing []string
	for _, d := range ruleDays {
		missing = appendMissing(missing, seen, fmt.Sprint("days", d))
	}
	for _, v := range ruleLarge {
		missing = appendMissing(missing, seen, fmt.Sprint("large", v))
	}
	for _, v := range rulePapers {
		missing = appendMissing(missing, seen, fmt.Sprint("paper", v))
	}
	for _, v := range ruleWeeks {
		missing = appendMissing(missing, seen, fmt.Sprint("weeks", v))
	}
	for _, v := range plan.Focuses {
		missing = appendMissing(missing, seen, fmt.Sprint("focus", v))
	}
	for _, v := range []bool{false, true} {
		missing = appendMissing(missing, seen, fmt.Sprint("clinic", v))
	}
	for _, v := range i18n.Languages() {
		missing = appendMissing(missing, seen, "lang"+v)
	}
	if len(missing) > 0 {
		t.Errorf("the quick run of %d workbooks never lays out %s", len(quick), strings.Join(missing, ", "))
	}
	if full := ruleCombos(true); len(full) != len(ruleDays)*len(ruleLarge)*len(rulePapers)*len(ruleWeeks)*len(plan.Focuses)*len(i18n.Languages()) {
		t.Errorf("the full run lays out %d workbooks", len(full))
	}
}

func appendMissing(missing []string, seen map[string]bool, v string) []string {
	if !seen[v] {
		missing = append(missing, v)
	}
	return missing
}

// layoutRuleErrors lists the rules d breaks.
func layoutRuleErrors(d *Document, p *plan.Plan, o Options) []string {
	s := styleFor(o)
	var errs []string
	for _, w := range p.Weeks {
		a, b := d.refs[fmt.Sprintf("week:%d", w.Number)], d.refs[fmt.Sprintf("week:%d:end", w.Number)]
		if a == 0 || a != b {
			errs = append(errs, fmt.Sprintf("week %d runs from page %d to page %d", w.Number, a, b))
		}
	}
	errs = append(errs, exerciseRuleErrors(d, p)...)
	errs = append(errs, noteRuleErrors(d, p)...)
	errs = append(errs, lookRuleErrors(d)...)
	errs = append(errs, boxRuleErrors(d)...)
	errs = append(errs, doseOrderErrors(d, p)...)
	errs = append(errs, codeRuleErrors(d, p)...)
	if o.ClinicURL != "" && !slices.ContainsFunc(d.Pages[0].Items, func(it Item) bool { return it.Kind == QR && it.Text == o.ClinicURL }) {
		errs = append(errs, "the cover has no code of the clinic's link")
	}
	for _, pg := range d.Pages {
		// No box, picture or code reaches the band of the footer: its
		// rule and what is below it are the footer's own. (A line of
		// text's box holds its leading, which may touch the rule.)
		_, h := pg.size(d)
		footLine := h - margin - s.lineH(s.body-1-boolF(o.LargePrint)) - 1.5
		for _, it := range pg.Items {
			if it.Kind != Text && it.Kind != Line && it.Y < footLine-0.01 && it.Y+it.H > footLine+0.01 {
				errs = append(errs, fmt.Sprintf("page %d: %s %q runs into the footer (%.1f mm past its rule)", pg.Number, it.Kind, it.Text, it.Y+it.H-footLine))
				break
			}
		}
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

// crowdedWeeks are large-print workbooks whose week pages are crowded:
// six and seven days, a review week, eight rows, an amount on several
// lines. Their pages once left out the line for notes (or let it run
// on to the next page); TestCrowdedWeeks wants every rule of the sweep
// on them, and the line for notes on every week page.
var crowdedWeeks = []struct {
	name string
	o    plan.Options
	r    Options
}{
	{"12w 6d posture cable, letter", plan.Options{Weeks: 12, Days: 6, Focus: plan.FocusPosture, Minutes: 35, Equipment: []plan.Equipment{plan.Cable}, Level: plan.Intermediate}, Options{Paper: Letter, LargePrint: true}},
	{"12w 6d posture band, letter", plan.Options{Weeks: 12, Days: 6, Focus: plan.FocusPosture, Minutes: 35, Equipment: []plan.Equipment{plan.Band}, Level: plan.Beginner}, Options{Paper: Letter, LargePrint: true}},
	{"12w 6d posture all kit, letter", plan.Options{Weeks: 12, Days: 6, Focus: plan.FocusPosture, Minutes: 20, Equipment: plan.EquipmentKinds, Level: plan.Intermediate}, Options{Paper: Letter, LargePrint: true}},
	{"12w 5d strength band, letter", plan.Options{Weeks: 12, Days: 5, Focus: plan.FocusStrength, Minutes: 45, Equipment: []plan.Equipment{plan.Band}, Level: plan.Intermediate}, Options{Paper: Letter, LargePrint: true}},
	{"12w 7d balanced all kit, letter", plan.Options{Weeks: 12, Days: 7, Focus: plan.FocusBalanced, Minutes: 35, Equipment: plan.EquipmentKinds, Level: plan.Beginner}, Options{Paper: Letter, LargePrint: true}},
	{"12w 5d posture cable, a4", plan.Options{Weeks: 12, Days: 5, Focus: plan.FocusPosture, Minutes: 45, Equipment: []plan.Equipment{plan.Cable}, Level: plan.Intermediate}, Options{Paper: A4, LargePrint: true}},
}

// TestCrowdedWeeks lays out crowdedWeeks and checks the sweep's rules on
// them, and that every week page keeps its line for notes.
func TestCrowdedWeeks(t *testing.T) {
	c := realCatalogI(t)
	r, err := New(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range crowdedWeeks {
		o := tc.o
		o.Today = plan.NewDate(2026, 11, 24)
		p, err := plan.Build(c, o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		d, err := r.Layout(p, tc.r)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		errs := layoutRuleErrors(d, p, tc.r)
		for _, pg := range weekPages(d) {
			if !strings.Contains(pageText(pg), "Notes:") {
				errs = append(errs, fmt.Sprintf("page %d (%s) has no line for notes", pg.Number, pg.Marks[0].Title))
			}
		}
		for _, e := range errs {
			t.Errorf("%s: %s", tc.name, e)
		}
	}
}

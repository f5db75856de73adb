package render_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/backplan/backplan/internal/golden"
	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/internal/validators"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

func TestMain(m *testing.M) {
	api.DisableConfigDir() // pdfcpu must not write a config directory
	os.Exit(m.Run())
}

// longName is 200 characters, with no break for the last 60.
var longName = strings.Repeat("Maria-Fernanda de los Santos ", 5)[:140] + strings.Repeat("x", 60)

// longNote is 2,000 characters in paragraphs.
var longNote = func() string {
	s := strings.Repeat("Keep your shoulders relaxed and move slowly. Stop an exercise if the pain goes above 5 out of 10. ", 14)
	s = s[:1000] + "\n\n" + s[:999]
	return s
}()

func pdfBytes(t testing.TB, p *plan.Plan, o render.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := rend.Workbook(&b, p, o); err != nil {
		t.Fatalf("Workbook: %v", err)
	}
	return b.Bytes()
}

// validate checks a PDF with pdfcpu in strict mode.
func validate(t testing.TB, pdf []byte) {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
}

// TestGolden compares the layout of a few workbooks with testdata/*.golden.
// Run go test -update to accept a change.
func TestGolden(t *testing.T) {
	c := realCatalog(t)
	tests := []struct {
		name string
		po   plan.Options
		o    render.Options
	}{
		{"letter", plan.Options{Patient: plan.Patient{Name: "José Núñez", Clinician: "Sam Lee", Clinic: "Harbour Physio", Contact: "020 7946 0000"}}, render.Options{}},
		{"a4-large-print", plan.Options{Days: 4, Patient: plan.Patient{Name: "Анна Иванова", Notes: "Walk every day too.\nBring this book to your next visit."}}, render.Options{Paper: render.A4, LargePrint: true}},
		{"a4-seven-days-long-text", plan.Options{Weeks: 6, Days: 7, Minutes: 40, Patient: plan.Patient{Name: longName, Clinician: "Ζωή Παπαδοπούλου", Notes: longNote}}, render.Options{Paper: render.A4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := build(t, c, tt.po)
			d, err := rend.Layout(p, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := d.WriteText(&got); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), "layout", got.Bytes())
		})
	}
}

// stressPlans are the workbooks every check below runs on.
func stressPlans(t testing.TB) map[string]*plan.Plan {
	c := realCatalog(t)
	return map[string]*plan.Plan{
		"default":             build(t, c, plan.Options{}),
		"52 weeks":            build(t, c, plan.Options{Weeks: 52, Days: 3, Patient: plan.Patient{Name: "Ζωή Παπαδοπούλου"}}),
		"7 days":              build(t, c, plan.Options{Days: 7, Minutes: 45, Equipment: plan.EquipmentKinds, Level: plan.Intermediate}),
		"every exercise":      everyExercise(c),
		"long name, note":     build(t, c, plan.Options{Weeks: 8, Patient: plan.Patient{Name: longName, Clinician: longName, Clinic: longName, Contact: longName, Notes: longNote}}),
		"empty patient":       build(t, c, plan.Options{Weeks: 1, Days: 1, Equipment: []plan.Equipment{}, NoFloor: true}),
		"long exercise":       longExercise(build(t, c, plan.Options{Weeks: 2})),
		"long exercise, year": longExercise(build(t, c, plan.Options{Weeks: 52, Days: 2})),
	}
}

// longExercise gives the plan's third exercise the longest text the
// catalogue's format allows (envelope): it prints whole on one page in
// normal print, and on two pages of its own in large print.
func longExercise(p *plan.Plan) *plan.Plan {
	p.Exercises[2] = envelope(p.Exercises[2])
	return p
}

// envelope is e with as much text as a catalogue exercise has: a long
// name, eight steps (560 characters in all, as the longest exercise of
// the catalogue), four form cues, three cautions, three things needed,
// and a resisted exercise's band line.
func envelope(e plan.Exercise) plan.Exercise {
	e.Name = "Outward arm turn with a light dumbbell, lying on your side on a bed"
	e.Equipment = plan.Dumbbells
	e.Purpose = "Strengthens the small muscles at the back of your shoulder that keep the joint steady when you reach and lift."
	e.Start = "Lying on your left side on a mat or a firm bed, your head on a pillow and your knees a little bent."
	e.Needs = []string{"a mat or carpet", "a pillow", "a rolled towel"}
	e.Steps = []string{
		"Roll onto your left side and rest your head on a pillow.",
		"Bend your knees a little to keep yourself steady.",
		"Put a rolled towel between your right elbow and your side.",
		"Hold a light dumbbell in your right hand, elbow bent at a right angle and forearm across your tummy.",
		"Keeping your elbow on the towel, lift the dumbbell slowly up and away from your tummy.",
		"Stop when your forearm points up at the ceiling, or sooner if it feels tight.",
		"Lower it slowly back to your tummy, two seconds up and two seconds down.",
		"Do all your repetitions, then roll onto your right side and work your left arm.",
	}
	e.Cues = []string{
		"Keep your elbow on the towel; only your forearm moves.",
		"Keep your wrist straight, in line with your forearm.",
		"Breathe out as you lift and in as you lower.",
		"Move slowly, never with a swing or a jerk.",
	}
	e.Cautions = []string{
		"Start with a very light weight, such as 0.5 to 1 kg (1 to 2 pounds).",
		"Stop if you feel sharp pain in your shoulder, or pins and needles in your hand.",
		"If getting down to the floor is hard, do this lying on a firm bed.",
	}
	e.Easier = "Do the movement with no weight at all until it feels easy, then add the lightest weight you have."
	e.Harder = "Use a slightly heavier dumbbell, or hold the top of each lift for two seconds before lowering."
	return e
}

// everyExercise is a 7-day plan with every catalogue exercise on every day:
// the largest grid a workbook can have.
func everyExercise(c *plan.Catalog) *plan.Plan {
	start := plan.NewDate(2026, 11, 30)
	p := &plan.Plan{
		Patient:   plan.Patient{Name: "Анна Иванова"},
		Settings:  plan.Settings{Weeks: 2, Days: 7, Focus: plan.FocusBalanced, Level: plan.Intermediate, Minutes: 90, Start: start, Issued: plan.NewDate(2026, 11, 24)},
		Exercises: c.Exercises,
	}
	for n := 1; n <= 2; n++ {
		w := plan.Week{Number: n, Start: start.AddDays(7 * (n - 1)), Easy: n == 1}
		for d := 0; d < 7; d++ {
			s := plan.Session{Date: w.Start.AddDays(d), Minutes: 90}
			for _, e := range c.Exercises {
				dose := e.Dose.Top
				dose.Each = e.Dose.Each
				dose.Level = 3
				dose.Sets = 5
				s.Items = append(s.Items, plan.Item{Exercise: e.ID, Dose: dose})
			}
			w.Sessions = append(w.Sessions, s)
		}
		p.Weeks = append(p.Weeks, w)
	}
	return p
}

var allOptions = map[string]render.Options{
	"letter":             {},
	"a4":                 {Paper: render.A4},
	"letter large print": {Paper: render.Letter, LargePrint: true},
	"a4 large print":     {Paper: render.A4, LargePrint: true},
}

// TestWorkbooksAreValid renders every stress plan in every page style,
// validates the PDF with pdfcpu and checks the layout's rules.
func TestWorkbooksAreValid(t *testing.T) {
	for pname, p := range stressPlans(t) {
		for oname, o := range allOptions {
			t.Run(pname+"/"+oname, func(t *testing.T) {
				t.Parallel()
				d, err := rend.Layout(p, o)
				if err != nil {
					t.Fatal(err)
				}
				checkRules(t, d, o)
				pdf := pdfBytes(t, p, o)
				validate(t, pdf)
				if *pdfcheck != "" {
					name := filepath.Join(*pdfcheck, strings.NewReplacer(" ", "-", ",", "").Replace(pname+"-"+oname)+".pdf")
					if err := os.WriteFile(name, pdf, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

var pdfcheck = flag.String("write", "", "also write every stress workbook into this directory")

// checkRules checks what every page must keep: sizes no smaller than the
// minimums, nothing within 12 mm of the paper's edge, no text on top of
// other text, and a footer on every page.
func checkRules(t *testing.T, d *render.Document, o render.Options) {
	t.Helper()
	minText, minBox := 11.0, 5.0
	if o.LargePrint {
		minText, minBox = 14, 7
	}
	const edge = 12.0
	errs := 0
	fail := func(format string, args ...any) {
		if errs < 10 {
			t.Errorf(format, args...)
		}
		errs++
	}
	for _, pg := range d.Pages {
		var texts []render.Item
		footer := fmt.Sprintf("Page %d of %d", pg.Number, len(d.Pages))
		hasFooter := false
		for _, it := range pg.Items {
			x0, x1, y0, y1 := it.X, it.X+it.W, it.Y, it.Y+it.H
			if it.Kind == render.Text {
				y0, y1 = it.Y-it.Size*0.3528*1.07, it.Y+it.Size*0.3528*0.3
				if it.Size < minText {
					fail("page %d: %q at %g pt, under %g", pg.Number, it.Text, it.Size, minText)
				}
				if err := rend.CheckText(&plan.Plan{Patient: plan.Patient{Notes: it.Text}}); err != nil {
					fail("page %d: %v", pg.Number, err)
				}
				if it.Text == footer {
					hasFooter = true
				}
				texts = append(texts, it)
			}
			if (it.Kind == render.Tick) && (it.W < minBox || it.H < minBox) {
				fail("page %d: tick box %.1f×%.1f mm, under %g", pg.Number, it.W, it.H, minBox)
			}
			if x0 < edge-0.01 || y0 < edge-0.01 || x1 > d.Width-edge+0.01 || y1 > d.Height-edge+0.01 {
				fail("page %d: %s %q at %.1f,%.1f–%.1f,%.1f is within %g mm of the edge", pg.Number, it.Kind, it.Text, x0, y0, x1, y1, edge)
			}
		}
		if !hasFooter {
			fail("page %d: no %q footer", pg.Number, footer)
		}
		// The pain rows of a grid stay together, so the scores before and
		// after a session can be compared.
		before, after := 0, 0
		for _, it := range texts {
			switch it.Text {
			case "Pain before (0 to 10)", "Pain before":
				before++
			case "Pain after (0 to 10)", "Pain after":
				after++
			}
		}
		if before != after {
			fail("page %d: %d \"pain before\" rows but %d \"pain after\"", pg.Number, before, after)
		}
		for i := range texts {
			for j := i + 1; j < len(texts); j++ {
				a, b := texts[i], texts[j]
				if a.X < b.X+b.W && b.X < a.X+a.W && a.Y-a.H*0.6 < b.Y && b.Y-b.H*0.6 < a.Y {
					fail("page %d: %q overlaps %q", pg.Number, a.Text, b.Text)
				}
			}
		}
	}
	if len(d.Pages) == 0 {
		t.Error("no pages")
	}
}

// TestSameBytes renders each workbook twice, and in parallel, and wants the
// same bytes every time.
func TestSameBytes(t *testing.T) {
	p := build(t, realCatalog(t), plan.Options{Weeks: 6, Patient: plan.Patient{Name: "Ζωή Παπαδοπούλου", Clinician: "Sam Lee"}})
	want := pdfBytes(t, p, render.Options{Paper: render.A4})
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Go(func() {
			var b bytes.Buffer
			if err := rend.Workbook(&b, p, render.Options{Paper: render.A4}); err == nil {
				got[i] = b.Bytes()
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Fatalf("render %d differs from the first (%d bytes against %d)", i+1, len(g), len(want))
		}
	}
	if bytes.Contains(want, []byte("D:20"+"26")) == false {
		t.Errorf("the PDF dates do not come from the plan's issue date")
	}
}

// TestSmall keeps the default workbook, pictures and all, small enough to
// e-mail: at most 80 KB, and 90 KB in large print, which has more pages.
func TestSmall(t *testing.T) {
	p := build(t, realCatalog(t), plan.Options{Patient: plan.Patient{Name: "José Núñez"}})
	for name, o := range allOptions {
		limit := 80_000
		if o.LargePrint {
			limit = 90_000
		}
		if n := len(pdfBytes(t, p, o)); n > limit {
			t.Errorf("%s: %d bytes, want at most %d", name, n, limit)
		}
	}
}

// TestPictures wants every exercise of the plan drawn on its page (start
// and end, or the position held) and a thumbnail on each row of every
// week's grid, in both print sizes, spare pages too.
func TestPictures(t *testing.T) {
	c := realCatalog(t)
	p := build(t, c, plan.Options{Weeks: 2, Days: 3, Minutes: 15})
	for name, o := range allOptions {
		d, err := rend.Layout(p, o)
		if err != nil {
			t.Fatal(err)
		}
		drawn := map[string]int{}
		for _, pg := range d.Pages {
			for _, it := range pg.Items {
				if it.Kind != render.Picture {
					continue
				}
				if len(it.Shapes) == 0 {
					t.Errorf("%s: picture %q has nothing in it", name, it.Ref)
				}
				drawn[it.Ref]++
			}
		}
		// A row for each exercise of each week, and of each spare page:
		// the exercises of its block of four weeks.
		rows := 0
		var block map[string]bool
		for i, w := range p.Weeks {
			if i%4 == 0 {
				block = map[string]bool{}
			}
			seen := map[string]bool{}
			for _, ses := range w.Sessions {
				for _, item := range ses.Items {
					if !seen[item.Exercise] {
						seen[item.Exercise] = true
						rows++
					}
					if !block[item.Exercise] {
						block[item.Exercise] = true
					}
				}
			}
			if i%4 == 3 || i == len(p.Weeks)-1 {
				rows += len(block)
			}
		}
		thumbs := 0
		for _, e := range p.Exercises {
			if e.Picture == nil {
				t.Fatalf("%s has no picture in the catalogue", e.ID)
			}
			want := []string{e.ID + " hold"}
			if e.Picture.End != nil {
				want = []string{e.ID + " start", e.ID + " end"}
			}
			for _, ref := range want {
				if drawn[ref] != 1 {
					t.Errorf("%s: %q drawn %d times on the exercise pages, want once", name, ref, drawn[ref])
				}
			}
			thumbs += drawn[e.ID+" thumbnail"]
		}
		if thumbs != rows {
			t.Errorf("%s: %d thumbnails in the weekly grids, want one for each of the %d rows", name, thumbs, rows)
		}
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name    string
		patient plan.Patient
		want    string // the error, or "" for none
	}{
		{"greek", plan.Patient{Name: "Ζωή Παπαδοπούλου"}, ""},
		{"cyrillic", plan.Patient{Name: "Анна Иванова"}, ""},
		{"accents", plan.Patient{Name: "José Núñez", Clinic: "Clínica Çağrı Øresund"}, ""},
		{"line breaks in notes", plan.Patient{Notes: "one\r\ntwo\n\tthree"}, ""},
		{"emoji", plan.Patient{Name: "Ann 😀"}, `patient name: cannot print "😀" (U+1F600): the fonts cover Latin, Greek and Cyrillic; remove it`},
		{"chinese in notes", plan.Patient{Notes: "ok 李"}, `notes: cannot print "李" (U+674E): the fonts cover Latin, Greek and Cyrillic; remove it`},
		{"control character", plan.Patient{Contact: "01\a23"}, `contact: cannot print the control character U+0007; remove it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := build(t, testCatalog(t), plan.Options{Weeks: 1, Patient: tt.patient})
			err := rend.CheckText(p)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				validate(t, pdfBytes(t, p, render.Options{}))
				return
			}
			var te *render.TextError
			if !errors.As(err, &te) {
				t.Fatalf("got %v, want a *render.TextError", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			var b bytes.Buffer
			if err := rend.Workbook(&b, p, render.Options{}); !errors.As(err, &te) || b.Len() > 0 {
				t.Errorf("Workbook: got %v and %d bytes, want the TextError and nothing written", err, b.Len())
			}
		})
	}
}

func TestCheckTextNamesTheExercise(t *testing.T) {
	p := build(t, testCatalog(t), plan.Options{Weeks: 1})
	p.Exercises[1].Steps = append([]string{}, p.Exercises[1].Steps...)
	p.Exercises[1].Steps[1] = "Roll ➰ them"
	err := rend.CheckText(p)
	want := fmt.Sprintf(`exercise %q step 2: cannot print "➰"`, p.Exercises[1].ID)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want it to start %s", err, want)
	}
}

func TestUnknownPaper(t *testing.T) {
	p := build(t, testCatalog(t), plan.Options{Weeks: 1})
	if err := rend.Workbook(&bytes.Buffer{}, p, render.Options{Paper: "a5"}); err == nil || !strings.Contains(err.Error(), `unknown paper "a5"`) {
		t.Errorf("got %v, want an unknown paper error", err)
	}
}

// TestCommandLineValidators opens every stress workbook in A4 and in
// large print with qpdf, poppler, MuPDF and Ghostscript (internal/
// validators); unless the full run is asked for (BACKPLAN_SLOW_TESTS=1,
// see internal/testenv), one of them. It skips where the engines are not
// installed; .ci/run installs them and fails if it skipped.
func TestCommandLineValidators(t *testing.T) {
	if missing := validators.Missing(); len(missing) > 0 {
		t.Skipf("the PDF engines %v are not installed", missing)
	}
	dir := t.TempDir()
	plans := stressPlans(t)
	names := slices.Sorted(maps.Keys(plans))
	if !testenv.Full() {
		names = []string{"7 days"}
	}
	var files []string
	for _, pname := range names {
		p := plans[pname]
		for oname, o := range map[string]render.Options{"a4": {Paper: render.A4}, "large": {LargePrint: true}} {
			if !testenv.Full() && oname != "large" {
				continue
			}
			name := filepath.Join(dir, strings.NewReplacer(" ", "-", ",", "").Replace(pname+"-"+oname)+".pdf")
			if err := os.WriteFile(name, pdfBytes(t, p, o), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
		}
	}
	validators.Run(t, files...)
}

// TestFigures draws the contact sheet of the whole catalogue: a valid PDF
// with every exercise's pictures and thumbnail in it.
func TestFigures(t *testing.T) {
	c := realCatalog(t)
	var exs []plan.Exercise
	for _, id := range c.IDs() {
		e, _ := c.Lookup(id)
		exs = append(exs, e)
	}
	for name, o := range allOptions {
		var b bytes.Buffer
		if err := rend.Figures(&b, exs, o); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		validate(t, b.Bytes())
		// Each exercise has a bookmark: its name in UTF-16.
		for _, e := range exs {
			var u16 []byte
			for _, r := range utf16.Encode([]rune(e.Name)) {
				u16 = append(u16, byte(r>>8), byte(r))
			}
			if !bytes.Contains(b.Bytes(), u16) {
				t.Errorf("%s: no bookmark for %s", name, e.ID)
			}
		}
	}
}

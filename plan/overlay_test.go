package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// freshRealCatalog loads the project's catalogue anew, for a test that
// gives it overlays (realCatalog's is shared).
func freshRealCatalog(t testing.TB) *plan.Catalog {
	t.Helper()
	data, err := os.ReadFile("../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := plan.LoadCatalog(strings.NewReader(string(data)), "exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// builtinOverlays loads the project's catalogue with every overlay beside
// it (exercises.*.yaml), as the command does.
func builtinOverlays(t testing.TB) (*plan.Catalog, []string) {
	t.Helper()
	c := freshRealCatalog(t)
	names, err := filepath.Glob("../exercises.*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no overlays beside exercises.yaml (%v)", err)
	}
	var langs []string
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.LoadOverlay(filepath.Base(name), data); err != nil {
			t.Fatalf("%v\n(when the English changed, re-translate the field it names and set from to the hash it gives)", err)
		}
		langs = append(langs, strings.Split(filepath.Base(name), ".")[1])
	}
	return c, langs
}

// TestBuiltinOverlays loads every overlay of the project's catalogue,
// which proves it complete and fresh (the loader refuses a missing or
// extra exercise or field, a list of another length and a stale hash),
// and checks what Localized promises: the same exercises with the same
// ids, doses and pictures, every step in the language, and the English
// catalogue left as it was.
func TestBuiltinOverlays(t *testing.T) {
	c, langs := builtinOverlays(t)
	if !slices.Contains(langs, "es") {
		t.Fatalf("no Spanish overlay among %v", langs)
	}
	if got, want := c.Languages(), append([]string{"en"}, langs...); !reflect.DeepEqual(got, want) {
		t.Errorf("languages: got %v, want %v", got, want)
	}
	before := slices.Clone(c.Exercises)
	for _, lang := range langs {
		tr, err := c.Localized(lang)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Lang() != lang || len(tr.Exercises) != len(c.Exercises) {
			t.Fatalf("%s: got lang %q and %d exercises", lang, tr.Lang(), len(tr.Exercises))
		}
		for i, e := range tr.Exercises {
			en := c.Exercises[i]
			checkSafeText(t, e)
			if e.ID != en.ID || e.Category != en.Category || !reflect.DeepEqual(e.Dose, en.Dose) || e.Picture != en.Picture || e.Position != en.Position {
				t.Errorf("%s: %s: the translation changed more than words", lang, en.ID)
			}
			checkTranslated(t, lang, en, e)
			if got, ok := tr.Lookup(en.ID); !ok || got.Name != e.Name {
				t.Errorf("%s: Lookup(%q) does not give the translated exercise", lang, en.ID)
			}
		}
		for _, p := range c.Prescriptions {
			for _, r := range p.Roles {
				if tr.RoleName(r.Role) == r.Name() {
					t.Errorf("%s: role %s is not translated", lang, r.Role)
				}
			}
		}
	}
	if !reflect.DeepEqual(before, c.Exercises) {
		t.Error("Localized changed the English catalogue")
	}
}

// sameInEveryLanguage are the names a translation may keep as they are:
// names that are the same word in the language (Superman, Cobra).
var sameInEveryLanguage = []string{"Superman", "Cobra"}

// checkTranslated fails if a patient-facing text of tr is its English,
// en's, word for word.
func checkTranslated(t *testing.T, lang string, en, tr plan.Exercise) {
	t.Helper()
	pairs := [][2]string{{en.Purpose, tr.Purpose}, {en.Start, tr.Start}, {en.Easier, tr.Easier}, {en.Harder, tr.Harder}}
	if !slices.Contains(sameInEveryLanguage, en.Name) {
		pairs = append(pairs, [2]string{en.Name, tr.Name})
	}
	for _, l := range [][2][]string{{en.Needs, tr.Needs}, {en.Steps, tr.Steps}, {en.Cues, tr.Cues}, {en.Cautions, tr.Cautions}} {
		for k := range l[0] {
			pairs = append(pairs, [2]string{l[0][k], l[1][k]})
		}
	}
	for _, p := range pairs {
		if p[0] != "" && p[0] == p[1] {
			t.Errorf("%s: %s: %q is the English", lang, en.ID, p[1])
		}
	}
}

// TestLocalized checks the languages Localized takes and refuses, and that
// the same inputs give the same catalogue.
func TestLocalized(t *testing.T) {
	c, _ := builtinOverlays(t)
	if got, err := c.Localized("en"); err != nil || got != c {
		t.Errorf("Localized(en): got %p, %v; want the catalogue itself", got, err)
	}
	es, err := c.Localized("es")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := es.Localized("en"); err != nil || got != c {
		t.Errorf("Localized(en) of the Spanish: got %p, %v; want the English", got, err)
	}
	again, _ := c.Localized("es")
	if !reflect.DeepEqual(es.Exercises, again.Exercises) {
		t.Error("two Spanish catalogues differ")
	}
	if c.RoleName("horizontal-pull") != "horizontal pull" {
		t.Errorf("English role name: got %q", c.RoleName("horizontal-pull"))
	}
	_, err = c.Localized("fr")
	checkError(t, err, plan.OptionProblem, "lang")
	if err == nil || !strings.Contains(err.Error(), `"fr"`) || !strings.Contains(err.Error(), "en or es") {
		t.Errorf("Localized(fr): got %v, want it to name fr and list en or es", err)
	}
	if err := es.LoadOverlay("x.es.yaml", nil); err == nil {
		t.Error("an overlay loaded onto a translated catalogue")
	}
}

// overlayFor is a valid overlay of rxEntry (one exercise, plank, and one
// role); cases edit one line of it.
func overlayFor() string {
	return `lang: es
exercises:
  plank:
    name: {from: ` + plan.TextHash("Plank") + `, text: Plancha}
    purpose: {from: ` + plan.TextHash("Builds trunk support.") + `, text: Fortalece el tronco.}
    steps:
      from: ` + plan.TextHash("Lie face down.", "Lift your body.") + `
      text:
        - Túmbese boca abajo.
        - Levante el cuerpo.
roles:
  trunk-endurance: {from: ` + plan.TextHash("trunk endurance") + `, text: resistencia del tronco}
`
}

func TestLoadOverlay(t *testing.T) {
	c := loadRx(t)
	if err := c.LoadOverlay("test.es.yaml", []byte(overlayFor())); err != nil {
		t.Fatal(err)
	}
	es, err := c.Localized("es")
	if err != nil {
		t.Fatal(err)
	}
	e, _ := es.Lookup("plank")
	if e.Name != "Plancha" || e.Purpose != "Fortalece el tronco." || !reflect.DeepEqual(e.Steps, []string{"Túmbese boca abajo.", "Levante el cuerpo."}) {
		t.Errorf("got %q, %q, %q", e.Name, e.Purpose, e.Steps)
	}
	if got := es.RoleName("trunk-endurance"); got != "resistencia del tronco" {
		t.Errorf("role name: got %q", got)
	}
	if got := es.Line("plank"); got != 3 {
		t.Errorf("Line(plank) of the Spanish: got %d, want 3 (the overlay's line)", got)
	}
}

func TestLoadOverlayErrors(t *testing.T) {
	steps := plan.TextHash("Lie face down.", "Lift your body.")
	tests := []struct {
		name     string
		old, new string // text in overlayFor to replace; "" old replaces the whole file
		want     string
	}{
		{"missing exercise", "  plank:\n", "  plonk:\n", `test.es.yaml:3: exercise "plonk" is not in the catalogue; remove it`},
		{"no exercises", "", "lang: es\nexercises: {}\n", `test.es.yaml:2: exercise "plank" has no words here; add it`},
		{"missing field", "    purpose: {from: " + plan.TextHash("Builds trunk support.") + ", text: Fortalece el tronco.}\n", "",
			`test.es.yaml:4: exercise "plank": missing purpose; translate "Builds trunk support." and give from: ` + plan.TextHash("Builds trunk support.")},
		{"extra field", "roles:", "    easier: {from: abc, text: Más fácil.}\nroles:", `test.es.yaml:11: exercise "plank": easier: the English has none; remove it`},
		{"unknown field", "roles:", "    category: core\nroles:", `test.es.yaml:11: exercise "plank": unknown field "category" (choose name, purpose,`},
		{"unknown top-level key", "roles:", "notes: x\nroles:", `test.es.yaml:11: unknown field "notes" (choose lang, exercises or roles)`},
		{"unknown key in a field", "text: Plancha}", "text: Plancha, note: x}", `test.es.yaml:4: exercise "plank": name: unknown field "note" (choose from or text)`},
		{"short list", "        - Levante el cuerpo.\n", "", `test.es.yaml:9: exercise "plank": steps: 1 items, but the English has 2`},
		{"long list", "        - Levante el cuerpo.\n", "        - Levante el cuerpo.\n        - Baje.\n", `test.es.yaml:9: exercise "plank": steps: 3 items, but the English has 2`},
		{"stale hash", steps, "0123456789ab",
			`test.es.yaml:7: exercise "plank": steps: the English has changed since it was translated (from: 0123456789ab, now ` + steps + `); re-translate "Lie face down. / Lift your body." and set from: ` + steps},
		{"no hash", "      from: " + steps + "\n", "", `test.es.yaml:7: exercise "plank": steps: from must be the hash of the English translated, ` + steps},
		{"text not a list", "      text:\n        - Túmbese boca abajo.\n        - Levante el cuerpo.\n", "      text: Túmbese.\n", `test.es.yaml:8: exercise "plank": steps: expected a list, as in the English`},
		{"list for plain text", "text: Plancha}", "text: [Plancha]}", `test.es.yaml:4: exercise "plank": name: expected text`},
		{"empty text", "text: Plancha}", `text: " "}`, `test.es.yaml:4: exercise "plank": name: the text is empty`},
		{"control character", "- Túmbese boca abajo.", `- "Túmbese\u0007."`, `test.es.yaml:9: exercise "plank": steps: item 1: the text holds a control character`},
		{"twice", "roles:", "  plank: {}\nroles:", `test.es.yaml:11: "plank" is given twice; keep one`},
		{"missing lang", "lang: es\n", "", `test.es.yaml:1: missing lang`},
		{"lang en", "lang: es", "lang: en", `test.es.yaml:1: lang en is the catalogue's own language`},
		{"lang not a code", "lang: es", "lang: Spanish", `test.es.yaml:1: lang must be a language's two- or three-letter code`},
		{"lang and file name disagree", "lang: es", "lang: pt", `test.es.yaml:1: lang is pt, but the file's name says es; make them agree`},
		{"missing role", "  trunk-endurance:", "  walking:", `test.es.yaml:12: role "walking" is not in the prescriptions; remove it`},
		{"no roles", "roles:\n  trunk-endurance: {from: " + plan.TextHash("trunk endurance") + ", text: resistencia del tronco}\n", "roles: {}\n", `test.es.yaml:11: role "trunk-endurance" has no words here; add it`},
		{"stale role", plan.TextHash("trunk endurance"), "0123456789ab", `test.es.yaml:12: role "trunk-endurance": the English has changed since it was translated`},
		{"not a mapping", "", "- es\n", `test.es.yaml:1: expected a mapping with lang, exercises and roles`},
		{"empty file", "", "", `test.es.yaml: expected a mapping with lang, exercises and roles`},
		{"bad yaml", "", "lang: [es\n", `test.es.yaml:1: did not find expected ',' or ']'`},
		{"not UTF-8", "Plancha", "Pl\xe1ncha", `test.es.yaml:4: "name": not valid UTF-8 text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.new
			if tt.old != "" {
				if !strings.Contains(overlayFor(), tt.old) {
					t.Fatalf("case edits %q, which the overlay does not hold", tt.old)
				}
				text = strings.Replace(overlayFor(), tt.old, tt.new, 1)
			}
			c := loadRx(t)
			err := c.LoadOverlay("test.es.yaml", []byte(text))
			if err == nil {
				t.Fatalf("loaded without error; want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n got: %s\nwant: …%s…", err, tt.want)
			}
			checkError(t, err, plan.CatalogProblem, "test.es.yaml")
			if _, err := c.Localized("es"); err == nil {
				t.Error("a refused overlay is still there")
			}
			// Added, the same file is read when Spanish is first asked
			// for, and refused then with the same error; English prints.
			c = loadRx(t)
			if err := c.AddOverlay("test.es.yaml", []byte(text)); err != nil {
				t.Fatalf("AddOverlay: %v", err)
			}
			if en, lerr := c.Localized("en"); lerr != nil || en != c {
				t.Errorf("Localized(en) with a stale overlay added: got %v", lerr)
			}
			if _, lerr := c.Localized("es"); lerr == nil || lerr.Error() != err.Error() {
				t.Errorf("Localized(es) with the overlay added: got %v, want %v", lerr, err)
			}
		})
	}
}

// TestAddOverlay reads an added overlay once, when its language is first
// asked for, from goroutines at once, and refuses a name without a
// language's code.
func TestAddOverlay(t *testing.T) {
	c := loadRx(t)
	if err := c.AddOverlay("test.yaml", []byte(overlayFor())); err == nil || !strings.Contains(err.Error(), "test.yaml: the file's name must end in a language's code") {
		t.Errorf("AddOverlay(test.yaml): got %v", err)
	}
	if err := c.AddOverlay("test.es.yaml", []byte(overlayFor())); err != nil {
		t.Fatal(err)
	}
	if got := c.Languages(); !reflect.DeepEqual(got, []string{"en", "es"}) {
		t.Errorf("languages: got %v", got)
	}
	got := make(chan *plan.Catalog, 4)
	for range 4 {
		go func() {
			es, err := c.Localized("es")
			if err != nil {
				t.Error(err)
			}
			got <- es
		}()
	}
	for range 4 {
		if es := <-got; es != nil {
			if e, _ := es.Lookup("plank"); e.Name != "Plancha" {
				t.Errorf("name: got %q", e.Name)
			}
		}
	}
}

func loadRx(t testing.TB) *plan.Catalog {
	t.Helper()
	c, err := plan.LoadCatalog(strings.NewReader(rxEntry), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzLoadOverlay feeds the overlay loader any bytes, for the small
// catalogue and the project's: it must refuse with a one-line catalogue
// error naming the file, or give a catalogue whose words are safe to
// print and that still builds plans.
func FuzzLoadOverlay(f *testing.F) {
	f.Add([]byte(overlayFor()), false)
	f.Add([]byte(strings.Replace(overlayFor(), "Plancha", "Pl\xe1ncha", 1)), false)
	f.Add([]byte(strings.Replace(overlayFor(), "roles:", "roles: &a\n  x: *a\n", 1)), false)
	if data, err := readFile("../exercises.es.yaml"); err == nil {
		f.Add(data, true)
	}
	f.Fuzz(func(t *testing.T, data []byte, real bool) {
		c := loadRx(t)
		if real {
			c = freshRealCatalog(t)
		}
		err := c.LoadOverlay("fuzz.yaml", data)
		if err != nil {
			checkError(t, err, plan.CatalogProblem, "fuzz.yaml")
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		langs := c.Languages()
		if len(langs) != 2 {
			t.Fatalf("one overlay loaded, languages %v", langs)
		}
		tr, err := c.Localized(langs[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range tr.Exercises {
			checkSafeText(t, e)
		}
		if _, err := plan.Build(tr, plan.Options{Today: today}); err != nil && !errors.As(err, new(*plan.Error)) {
			t.Fatal(err)
		}
	})
}

// BenchmarkLoadOverlay measures reading the Spanish overlay onto the
// project's catalogue, which the command does on every run.
func BenchmarkLoadOverlay(b *testing.B) {
	c := freshRealCatalog(b)
	data, err := os.ReadFile("../exercises.es.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.LoadOverlay("exercises.es.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLocalized measures making the Spanish catalogue once its
// overlay is read, which a workbook in Spanish does each time.
func BenchmarkLocalized(b *testing.B) {
	c, _ := builtinOverlays(b)
	if _, err := c.Localized("es"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Localized("es"); err != nil {
			b.Fatal(err)
		}
	}
}

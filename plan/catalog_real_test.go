package plan_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/backplan/backplan/plan"
)

// realIDs are the exercises other parts of backplan refer to, in the order
// the catalogue lists them.
var realIDs = []string{
	"walking", "march-in-place", "torso-circles", "windmills",
	"torso-twists", "shoulder-rolls", "trunk-rolls",
	"shoulder-shrugs", "arm-circles", "neck-rolls", "spinal-twist-lying",
	"spinal-twist-seated", "pelvic-tilt", "cat-cow",
	"wall-angels", "row-cable", "row-dumbbell", "row-band", "superman", "cobra",
	"external-rotation-band", "external-rotation-dumbbell",
	"internal-rotation-band", "internal-rotation-dumbbell",
	"plank-forearm", "plank-full", "bridge",
}

// sourceSlips are mistakes in the source article that must not reach a
// patient.
var sourceSlips = []string{"spains", "truck rolls", "toros", "perform a plan"}

func loadReal(t *testing.T) *plan.Catalog {
	t.Helper()
	f, err := os.Open("../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := plan.LoadCatalog(f, "exercises.yaml")
	if err != nil {
		t.Fatalf("exercises.yaml does not load: %v", err)
	}
	return c
}

// TestRealCatalogIDs finds every exercise other parts of backplan refer
// to, in the catalogue's order.
func TestRealCatalogIDs(t *testing.T) {
	c := loadReal(t)
	got := c.IDs()
	for _, id := range realIDs {
		if !slices.Contains(got, id) {
			t.Errorf("missing %q", id)
		}
	}
	var known []string
	for _, id := range got {
		if slices.Contains(realIDs, id) {
			known = append(known, id)
		}
	}
	if !slices.Equal(known, realIDs) {
		t.Errorf("order\n got: %v\nwant: %v", known, realIDs)
	}
}

// TestRealCatalogFamilies wants each family's preferred variant listed
// first.
func TestRealCatalogFamilies(t *testing.T) {
	c := loadReal(t)
	for _, order := range [][]string{
		{"row-cable", "row-dumbbell", "row-band"},
		{"external-rotation-band", "external-rotation-dumbbell"},
		{"internal-rotation-band", "internal-rotation-dumbbell"},
		{"plank-forearm", "plank-full"},
	} {
		var fam string
		for i, id := range order {
			e, ok := c.Lookup(id)
			if !ok {
				t.Fatalf("missing %q", id)
			}
			if i == 0 {
				fam = e.Family
			}
			if e.Family == "" || e.Family != fam {
				t.Errorf("%s: family %q, want %q shared with %s", id, e.Family, fam, order[0])
			}
		}
		ids := c.IDs()
		for i := 1; i < len(order); i++ {
			if slices.Index(ids, order[i-1]) > slices.Index(ids, order[i]) {
				t.Errorf("%s comes after %s", order[i-1], order[i])
			}
		}
	}
	if e, _ := c.Lookup("plank-full"); e.Level != plan.Intermediate {
		t.Errorf("plank-full level %q, want intermediate", e.Level)
	}
}

// TestRealCatalogExercises checks each exercise's words: 3 to 8 steps,
// each ending with a full stop and not numbered; cues, cautions and
// easier and harder ways for all but warm-ups; none of the source's
// slips.
func TestRealCatalogExercises(t *testing.T) {
	c := loadReal(t)
	for _, e := range c.Exercises {
		t.Run(e.ID, func(t *testing.T) {
			if n := len(e.Steps); n < 3 || n > 8 {
				t.Errorf("%d steps, want 3 to 8", n)
			}
			if !e.Category.Warmup() {
				if len(e.Cues) == 0 {
					t.Error("no cues")
				}
				if len(e.Cautions) == 0 {
					t.Error("no cautions")
				}
				if e.Easier == "" {
					t.Error("no easier")
				}
				if e.Harder == "" {
					t.Error("no harder")
				}
			}
			texts := append([]string{e.Name, e.Purpose, e.Easier, e.Harder}, e.Steps...)
			texts = append(texts, e.Cues...)
			texts = append(texts, e.Cautions...)
			for _, s := range texts {
				low := strings.ToLower(s)
				for _, slip := range sourceSlips {
					if strings.Contains(low, slip) {
						t.Errorf("source slip %q in %q", slip, s)
					}
				}
			}
			for i, s := range e.Steps {
				// The workbook numbers the steps itself.
				if r := []rune(strings.TrimSpace(s)); len(r) > 0 && unicode.IsDigit(r[0]) {
					t.Errorf("step %d starts with a number: %q", i+1, s)
				}
				if !strings.HasSuffix(s, ".") {
					t.Errorf("step %d does not end with a full stop: %q", i+1, s)
				}
			}
		})
	}
}

// TestRealCatalogTowel wants the rotation exercises' towel between the
// elbow and the side.
func TestRealCatalogTowel(t *testing.T) {
	c := loadReal(t)
	for _, id := range []string{"external-rotation-band", "internal-rotation-band", "external-rotation-dumbbell"} {
		e, _ := c.Lookup(id)
		if !slices.ContainsFunc(e.Steps, func(s string) bool {
			return strings.Contains(s, "towel between") && strings.Contains(s, "elbow") &&
				(strings.Contains(s, "side of your body") || strings.Contains(s, "your side"))
		}) {
			t.Errorf("%s: no step puts the towel between the elbow and the side", id)
		}
	}
}

// TestRealCatalogDefaultDoses wants the doses the source does not give
// marked default.
func TestRealCatalogDefaultDoses(t *testing.T) {
	c := loadReal(t)
	for _, id := range []string{"plank-forearm", "plank-full", "bridge"} {
		if e, _ := c.Lookup(id); !e.Dose.Default {
			t.Errorf("%s: dose not marked default", id)
		}
	}
}

func TestRealCatalogHasAPictureForEveryExercise(t *testing.T) {
	for _, e := range realCatalog(t).Exercises {
		if e.Picture == nil {
			t.Errorf("%s: no picture", e.ID)
		}
	}
}

// TestRealPrescriptions checks the built-in prescriptions: one for every
// focus, and every role a plan relies on (the needed ones, and those the
// package documentation promises) fit for every patient: a candidate done
// seated and one done standing, and, for a role whose exercises work
// against a band or weight, a candidate for each kind of equipment and
// one with none. The strength focus's pull has no standing or seated
// candidate without equipment: the plan is refused then, which the sweep
// counts.
func TestRealPrescriptions(t *testing.T) {
	c := loadReal(t)
	for _, f := range plan.Focuses {
		rx, ok := c.Prescription(f)
		if !ok {
			t.Errorf("no prescription for %s", f)
			continue
		}
		for _, r := range rx.Roles {
			first, _ := c.Lookup(r.Candidates[0])
			if first.Category.Warmup() || first.Category == plan.Activity || (r.Priority != plan.Needed && !slices.Contains(promised[f], r.Role)) {
				continue
			}
			var seated, standing, resisted bool
			kinds := map[plan.Equipment]bool{}
			for _, id := range r.Candidates {
				e, _ := c.Lookup(id)
				seated = seated || e.Position == plan.Seated && !e.Floor
				standing = standing || e.Position == plan.Standing
				resisted = resisted || e.Equipment != plan.None
				kinds[e.Equipment] = true
			}
			if !seated || !standing {
				t.Errorf("%s: role %s: a seated candidate %v, a standing one %v; want both", f, r.Role, seated, standing)
			}
			for _, k := range append([]plan.Equipment{plan.None}, plan.EquipmentKinds...) {
				if resisted && !kinds[k] {
					t.Errorf("%s: role %s: no candidate with %s", f, r.Role, k)
				}
			}
		}
	}
}

// TestRealBalance checks that every exercise that has the patient stand
// on one foot names something to hold and draws it.
func TestRealBalance(t *testing.T) {
	n := 0
	for _, e := range loadReal(t).Exercises {
		if e.Picture != nil && e.Position == plan.Standing && e.Picture.LiftsAFoot() {
			n++
		}
		if msg := balanceProblem(e); msg != "" {
			t.Error(msg)
		}
	}
	if n == 0 {
		t.Error("no exercise stands on one foot: the check checks nothing")
	}
}

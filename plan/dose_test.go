package plan_test

import (
	"regexp"
	"testing"

	"github.com/backplan/backplan/plan"
)

func TestDoseNotation(t *testing.T) {
	band := plan.Exercise{Equipment: plan.Band}
	dumbbells := plan.Exercise{Equipment: plan.Dumbbells}
	cable := plan.Exercise{Equipment: plan.Cable}
	plain := plan.Exercise{Equipment: plan.None}
	tests := []struct {
		e     plan.Exercise
		d     plan.Dose
		want  string
		boxes int
	}{
		{plain, plan.Dose{Sets: 2, Reps: 8}, "2 sets of 8", 2},
		{plain, plan.Dose{Sets: 1, Reps: 8}, "1 set of 8", 1},
		{plain, plan.Dose{Reps: 8}, "1 set of 8", 1},
		{plain, plan.Dose{Sets: 1, Reps: 8, Each: "side"}, "1 set of 8 each side", 1},
		{plain, plan.Dose{Sets: 1, Reps: 5, Hold: 10}, "5 holds of 10 s", 1},
		{plain, plan.Dose{Sets: 1, Reps: 3, Hold: 20, Each: "side"}, "3 holds of 20 s each side", 1},
		{plain, plan.Dose{Sets: 1, Reps: 1, Hold: 30}, "1 hold of 30 s", 1},
		{plain, plan.Dose{Minutes: 3}, "3 min", 1},
		{plain, plan.Dose{Sets: 2, Seconds: 10, Each: "side"}, "2 sets of 10 s each side", 2},
		{plain, plan.Dose{Sets: 1, Seconds: 10, Each: "direction"}, "1 set of 10 s each direction", 1},
		{band, plan.Dose{Sets: 2, Reps: 12, Level: 1}, "2 sets of 12", 2},
		{band, plan.Dose{Sets: 2, Reps: 12, Level: 2}, "2 sets of 12, next band up", 2},
		{band, plan.Dose{Sets: 2, Reps: 12, Level: 3}, "2 sets of 12, two bands up", 2},
		{dumbbells, plan.Dose{Sets: 2, Reps: 12, Level: 2, Each: "side"}, "2 sets of 12 each side, a slightly heavier weight", 2},
		{dumbbells, plan.Dose{Sets: 2, Reps: 12, Level: 3}, "2 sets of 12, two weights up", 2},
		{cable, plan.Dose{Sets: 3, Reps: 12, Level: 2}, "3 sets of 12, one step heavier", 3},
		{cable, plan.Dose{Sets: 3, Reps: 12, Level: 3}, "3 sets of 12, two steps heavier", 3},
		{plain, plan.Dose{}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.e.DoseText(tt.d); got != tt.want {
				t.Errorf("DoseText(%+v): got %q, want %q", tt.d, got, tt.want)
			}
			if got := tt.d.Boxes(); got != tt.boxes {
				t.Errorf("Boxes(%+v): got %d, want %d", tt.d, got, tt.boxes)
			}
		})
	}
}

var numeral = regexp.MustCompile(`[0-9]+`)

// TestEveryDoseReadsWithoutAKey checks every dose of every catalogue
// ladder, at every resistance level, prints as a patient can read it: a
// unit after each number, at most two numbers, no "level", and as many
// sets named as it gets boxes.
func TestEveryDoseReadsWithoutAKey(t *testing.T) {
	unit := regexp.MustCompile(`^(\d+ sets? of \d+( s)?|\d+ holds? of \d+ s|\d+ min)( each (side|direction))?(, (next band up|two bands up|a slightly heavier weight|two weights up|one step heavier|two steps heavier))?$`)
	for _, e := range realCatalog(t).Exercises {
		for _, d := range e.Ladder() {
			text := e.DoseText(d)
			if !unit.MatchString(text) {
				t.Errorf("%s: %+v prints %q", e.ID, d, text)
			}
			if n := len(numeral.FindAllString(text, -1)); n > 2 {
				t.Errorf("%s: %q has %d numbers", e.ID, text, n)
			}
			if d.Kind() == plan.RepsDose || d.Kind() == plan.TimedDose {
				if want := d.Boxes(); !regexp.MustCompile(`^`+numeral.FindString(text)+` sets? `).MatchString(text) || want != d.Sets {
					t.Errorf("%s: %q gets %d boxes", e.ID, text, want)
				}
			} else if d.Boxes() != 1 {
				t.Errorf("%s: %q gets %d boxes, want 1", e.ID, text, d.Boxes())
			}
		}
	}
}

// TestEveryEquipmentHasItsWords checks that every kind of equipment has a
// noun and words for each resistance level the planner uses, so the
// workbook never falls back on a bare "level 2" or a raw name.
func TestEveryEquipmentHasItsWords(t *testing.T) {
	for _, e := range plan.EquipmentKinds {
		if n := e.Noun(); n == "" {
			t.Errorf("%s: noun %q", e, n)
		}
		seen := map[string]bool{}
		for level := 2; level <= plan.MaxLevel; level++ {
			w := e.Heavier(level)
			if w == "" || seen[w] || regexp.MustCompile(`level|[0-9]`).MatchString(w) {
				t.Errorf("%s level %d: %q", e, level, w)
			}
			seen[w] = true
		}
		if w := e.Heavier(1); w != "" {
			t.Errorf("%s level 1: %q, want nothing (the starting band or weight)", e, w)
		}
	}
}

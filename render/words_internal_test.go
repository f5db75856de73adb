package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// TestEveryValueHasWords fails when a value of a plan enum has no words: a
// page would print "side-lying" or nothing where a sentence belongs.
func TestEveryValueHasWords(t *testing.T) {
	type check struct {
		kind, value, words string
	}
	var checks []check
	for _, v := range plan.Positions {
		checks = append(checks, check{"position", string(v), positionWords(english, v)})
	}
	for _, v := range plan.Categories {
		checks = append(checks, check{"category", string(v), categoryWords(english, v)})
		if !v.Warmup() {
			checks = append(checks, check{"category's work", string(v), workWords(english, v)})
		}
	}
	// Equipment words live in plan (Equipment.Noun), whose fallback is the
	// value itself, and "dumbbells" is its own word: so each kind is
	// checked against the words the workbook means to print.
	nouns := map[plan.Equipment]string{plan.Band: "a resistance band", plan.Dumbbells: "dumbbells", plan.Cable: "a cable machine"}
	for _, v := range plan.EquipmentKinds {
		if v.Noun() != nouns[v] {
			t.Errorf("equipment %q: Noun is %q, want %q", v, v.Noun(), nouns[v])
		}
	}
	for _, v := range plan.Focuses {
		checks = append(checks, check{"focus", string(v), focusWords(english, v)})
	}
	for _, v := range plan.Levels {
		checks = append(checks, check{"level", string(v), levelWords(english, v)})
	}
	for _, c := range checks {
		t.Run(c.kind+"/"+c.value, func(t *testing.T) {
			if c.words == "" || c.words == c.value {
				t.Errorf("%s %q has no words (got %q)", c.kind, c.value, c.words)
			}
		})
	}
}

func TestStartWords(t *testing.T) {
	for _, tt := range []struct {
		name string
		e    plan.Exercise
		want string
	}{
		{"catalogue words win", plan.Exercise{Position: plan.Standing, Start: "  stand beside a chair,\n one hand on its seat, and lean forward "}, "Stand beside a chair, one hand on its seat, and lean forward."},
		{"position words", plan.Exercise{Position: plan.SideLying}, positionWords(english, plan.SideLying)},
		{"standing", plan.Exercise{Position: plan.Standing}, "Standing up tall."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := startWords(english, tt.e); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRealCatalogueStarts checks the catalogue's exercises as the
// exercise pages print them: no bent-over row is "standing up tall", and
// every position has its words.
func TestRealCatalogueStarts(t *testing.T) {
	c := realCatalogI(t)
	for _, e := range c.Exercises {
		got := startWords(english, e)
		if got == "" || got == sentence(string(e.Position)) {
			t.Errorf("%s: no start words (got %q)", e.ID, got)
		}
		if e.Start != "" && got == positionWords(english, e.Position) {
			t.Errorf("%s: prints its position's words, not its own start", e.ID)
		}
	}
}

// sweep builds plans over the options that change which exercises and
// doses a plan has.
func sweep(t *testing.T, fn func(name string, p *plan.Plan)) {
	c := realCatalogI(t)
	kits := map[string][]plan.Equipment{
		"none": {}, "band": {plan.Band}, "dumbbells": {plan.Dumbbells},
		"cable": {plan.Cable}, "all": plan.EquipmentKinds,
	}
	for _, f := range plan.Focuses {
		for kit, eq := range kits {
			for _, noFloor := range []bool{false, true} {
				for _, weeks := range []int{1, 12} {
					o := plan.Options{Weeks: weeks, Focus: f, Equipment: eq, NoFloor: noFloor, Days: 3, Minutes: 30, Today: plan.NewDate(2026, 11, 24)}
					p, err := plan.Build(c, o)
					if err != nil {
						continue // an impossible mix of options
					}
					name := strings.Join([]string{string(f), kit, map[bool]string{true: "no floor", false: "floor"}[noFloor], map[int]string{1: "1 week", 12: "12 weeks"}[weeks]}, "/")
					fn(name, p)
				}
			}
		}
	}
}

// TestCoverLines checks the cover's equipment and focus lines against what
// the plan contains: equipment allowed but unused is not named, and the
// focus line names the work of exactly the categories present.
func TestCoverLines(t *testing.T) {
	n := 0
	sweep(t, func(name string, p *plan.Plan) {
		n++
		eq := equipmentLine(english, p)
		for _, k := range plan.EquipmentKinds {
			used := slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.Equipment == k })
			if named := strings.Contains(strings.ToLower(eq), strings.ToLower(k.Noun())); named != used {
				t.Errorf("%s: equipment line %q names %s: %v, used: %v", name, eq, k, named, used)
			}
		}
		focus := focusLine(english, p)
		for _, c := range plan.Categories {
			w := workWords(english, c)
			if w == "" {
				continue
			}
			has := slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return e.Category == c })
			if says := strings.Contains(focus, w); says != has {
				t.Errorf("%s: focus line %q says %q: %v; plan has %s exercises: %v", name, focus, w, says, c, has)
			}
		}
		if !strings.HasPrefix(focus, focusWords(english, p.Settings.Focus)+":") {
			t.Errorf("%s: focus line %q does not start with the focus", name, focus)
		}
	})
	if n < 20 {
		t.Fatalf("the sweep built only %d plans", n)
	}
}

// TestDoseKey checks that the safety page's key lists exactly the kinds of
// dose the plan uses, each with a dose of that kind from the plan, printed
// as the rest of the workbook prints it.
func TestDoseKey(t *testing.T) {
	sweep(t, func(name string, p *plan.Plan) {
		printed := map[plan.DoseKind][]string{}
		for _, w := range p.Weeks {
			for _, ses := range w.Sessions {
				for _, it := range ses.Items {
					e, _ := p.Exercise(it.Exercise)
					k := it.Dose.Kind()
					printed[k] = append(printed[k], clean(e.DoseText(it.Dose)))
				}
			}
		}
		key := doseKey(english, p)
		var got, want []plan.DoseKind
		heavier := false
		for _, r := range key {
			if r.heavier {
				heavier = true
				if !strings.Contains(r.meaning, "stronger band") {
					t.Errorf("%s: the row for a stronger band or weight does not say so", name)
				}
			} else {
				got = append(got, r.kind)
			}
			if !slices.Contains(printed[r.kind], r.text) {
				t.Errorf("%s: key example %q is not a %s dose the plan prints", name, r.text, r.kind)
			}
			if r.meaning == "" {
				t.Errorf("%s: key example %q has no meaning", name, r.text)
			}
		}
		for _, k := range doseKinds {
			if len(printed[k]) > 0 {
				want = append(want, k)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: key lists %v, plan uses %v", name, got, want)
		}
		levels := slices.ContainsFunc(p.Weeks, func(w plan.Week) bool {
			return slices.ContainsFunc(w.Sessions, func(s plan.Session) bool {
				return slices.ContainsFunc(s.Items, func(it plan.Item) bool { return it.Dose.Level > 1 })
			})
		})
		if heavier != levels {
			t.Errorf("%s: key shows a stronger band: %v; the plan has one: %v", name, heavier, levels)
		}
	})
}

func TestDoseMeaning(t *testing.T) {
	for _, tt := range []struct {
		d    plan.Dose
		want string
	}{
		{plan.Dose{Minutes: 3}, "Keep going at an easy, steady pace for 3 minutes. Tick the box when you have done it."},
		{plan.Dose{Sets: 1, Reps: 8}, "Do the movement 8 times. Tick the box when you have done it."},
		{plan.Dose{Sets: 2, Reps: 8}, "Do the movement 8 times, rest, then do the same again. Tick one box each time you finish a set: 2 boxes in all."},
		{plan.Dose{Sets: 3, Reps: 12, Each: "side"}, "Do the movement 12 times on each side, then rest. Do this 3 times in all. Tick one box each time you finish a set: 3 boxes in all."},
		{plan.Dose{Reps: 5, Hold: 10}, "Hold the position for 10 seconds, then relax; do this 5 times. Tick the box when you have done it."},
		{plan.Dose{Reps: 1, Hold: 20, Each: "side"}, "Hold the position for 20 seconds, then relax; do this once on each side. Tick the box when you have done it."},
		{plan.Dose{Sets: 2, Seconds: 10, Each: "direction"}, "Keep the movement going, without stopping, for 10 seconds in each direction, rest, then do the same again. Tick one box each time you finish a set: 2 boxes in all."},
	} {
		if got := doseMeaning(english, tt.d); got != tt.want {
			t.Errorf("%+v:\n got %q\nwant %q", tt.d, got, tt.want)
		}
	}
}

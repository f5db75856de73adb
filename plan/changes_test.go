package plan_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

func TestParseDose(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want plan.Dose
	}{
		{"2 sets of 8", plan.Dose{Sets: 2, Reps: 8}},
		{"2x8", plan.Dose{Sets: 2, Reps: 8}},
		{"1 set of 8 each side", plan.Dose{Sets: 1, Reps: 8}},
		{"8", plan.Dose{Sets: 1, Reps: 8}},
		{"5 holds of 10 s", plan.Dose{Sets: 1, Reps: 5, Hold: 10}},
		{" 5  Holds of 10s ", plan.Dose{Sets: 1, Reps: 5, Hold: 10}},
		{"2 sets of 30 s", plan.Dose{Sets: 2, Seconds: 30}},
		{"30 seconds", plan.Dose{Sets: 1, Seconds: 30}},
		{"10 min", plan.Dose{Sets: 1, Minutes: 10}},
	} {
		got, err := plan.ParseDose(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDose(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
		// What the workbook prints reads back as the same dose.
		if again, err := plan.ParseDose(got.String()); err != nil || again != got {
			t.Errorf("ParseDose(%q) = %+v, %v; want %+v", got.String(), again, err, got)
		}
	}
	for _, in := range []string{"", "lots", "2 sets of", "9 sets of 8", "2 sets of 5 holds of 10 s", "5 holds of 1000 s", "99999999999999999999"} {
		if d, err := plan.ParseDose(in); err == nil {
			t.Errorf("ParseDose(%q) = %+v, want an error", in, d)
		} else if strings.HasSuffix(err.Error(), ".") || strings.Contains(err.Error(), "\n") {
			t.Errorf("ParseDose(%q): badly worded error %q", in, err)
		}
	}
}

func TestParseDoseChange(t *testing.T) {
	c, err := plan.ParseDoseChange("row-band=2 sets of 8 to 3 sets of 12")
	want := plan.DoseChange{Exercise: "row-band", Start: plan.Dose{Sets: 2, Reps: 8}, Top: plan.Dose{Sets: 3, Reps: 12}}
	if err != nil || c != want {
		t.Fatalf("got %+v, %v; want %+v", c, err, want)
	}
	if again, err := plan.ParseDoseChange(c.String()); err != nil || again != c {
		t.Errorf("round trip of %q: got %+v, %v", c.String(), again, err)
	}
	for _, in := range []string{"row-band", "Row Band=2x8", "row-band=3 sets of 12 to 2 sets of 8", "row-band=2x8 to 10 min", "row-band=2x8 to"} {
		if _, err := plan.ParseDoseChange(in); err == nil {
			t.Errorf("ParseDoseChange(%q): no error", in)
		}
	}
}

// TestOwnDoseIsKept: an exercise given the clinician's own dose starts at
// that start in week 1 and climbs one rung a week to that top, whatever
// the session's length, and the plan file keeps the change.
func TestOwnDoseIsKept(t *testing.T) {
	dc, err := plan.ParseDoseChange("row-band=1 set of 6 to 2 sets of 8")
	if err != nil {
		t.Fatal(err)
	}
	for _, minutes := range []int{15, 20, 30, 45} {
		p := build(t, plan.Options{Weeks: 6, Minutes: minutes, Include: []string{"row-band"}, Doses: []plan.DoseChange{dc}})
		doses := p.DoseByWeek("row-band")
		if doses[0].Sets != 1 || doses[0].Reps != 6 {
			t.Errorf("%d min: week 1 dose %v, want 1 set of 6", minutes, doses[0])
		}
		for i, d := range doses {
			if d.Reps > 8 || d.Sets > 2 {
				t.Errorf("%d min: week %d dose %v is above the top 2 sets of 8", minutes, i+1, d)
			}
		}
		if last := doses[len(doses)-1]; last.Sets != 2 || last.Reps != 8 {
			t.Errorf("%d min: last week's dose %v, want the top 2 sets of 8", minutes, last)
		}
		var buf bytes.Buffer
		if err := p.WriteYAML(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := plan.ReadPlan(&buf, "plan.yaml")
		if err != nil {
			t.Fatalf("%d min: %v", minutes, err)
		}
		if !reflect.DeepEqual(back.Settings.Doses, []plan.DoseChange{dc}) {
			t.Errorf("%d min: the file keeps doses %+v, want %+v", minutes, back.Settings.Doses, dc)
		}
	}
}

// TestOrderSetsTheSessionOrder: the main exercises come in the order
// given, the warm-up still first and the walk still last.
func TestOrderSetsTheSessionOrder(t *testing.T) {
	p := build(t, plan.Options{Days: 2})
	ses := p.Weeks[0].Sessions[0].Items
	var main []string
	for _, it := range ses {
		e, _ := p.Exercise(it.Exercise)
		if !e.Category.Warmup() && e.Category != plan.Activity {
			main = append(main, it.Exercise)
		}
	}
	if len(main) < 2 {
		t.Fatalf("too few main exercises to reorder: %v", main)
	}
	rev := make([]string, len(main))
	for i, id := range main {
		rev[len(main)-1-i] = id
	}
	q := build(t, plan.Options{Days: 2, Order: rev})
	var got []string
	for _, it := range q.Weeks[0].Sessions[0].Items {
		e, _ := q.Exercise(it.Exercise)
		if !e.Category.Warmup() && e.Category != plan.Activity {
			got = append(got, it.Exercise)
		}
	}
	if !reflect.DeepEqual(got, rev) {
		t.Errorf("order %v gave %v", rev, got)
	}
	first, _ := q.Exercise(q.Weeks[0].Sessions[0].Items[0].Exercise)
	if !first.Category.Warmup() {
		t.Errorf("the session starts with %s, not the warm-up", first.ID)
	}
}

func TestChangeErrors(t *testing.T) {
	dose := func(s string) plan.DoseChange {
		c, err := plan.ParseDoseChange(s)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, tc := range []struct {
		o     plan.Options
		input string
		want  string
	}{
		{plan.Options{Doses: []plan.DoseChange{dose("nope=2x8")}}, "dose", `unknown exercise "nope"`},
		{plan.Options{Doses: []plan.DoseChange{dose("row-band=5 holds of 10 s")}}, "dose", "counted in reps"},
		{plan.Options{Doses: []plan.DoseChange{dose("walking=10 min")}}, "dose", "warm-up or activity"},
		{plan.Options{Doses: []plan.DoseChange{dose("row-band=2x8"), dose("row-band=2x10")}}, "dose", "two doses"},
		{plan.Options{Exclude: []string{"row-band"}, Doses: []plan.DoseChange{dose("row-band=2x8")}}, "dose", "left out"},
		{plan.Options{Order: []string{"nope"}}, "order", `unknown exercise "nope"`},
		{plan.Options{Order: []string{"row-band", "row-band"}}, "order", "twice"},
	} {
		tc.o.Today = today
		_, err := plan.Build(realCatalog(t), tc.o)
		checkError(t, err, plan.OptionProblem, tc.input)
		if err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %q, want it to say %q", tc.o, err, tc.want)
		}
	}
}

func TestPlanFileChangeErrors(t *testing.T) {
	p := build(t, plan.Options{Include: []string{"row-band"}, Doses: []plan.DoseChange{{Exercise: "row-band", Start: plan.Dose{Sets: 1, Reps: 6}, Top: plan.Dose{Sets: 2, Reps: 8}}}, Order: []string{"row-band"}})
	var buf bytes.Buffer
	if err := p.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	for _, tc := range []struct{ old, new, want string }{
		{"top: {sets: 2, reps: 8}", "top: {sets: 2, reps: 4}", "top reps 4 is below start reps 6"},
		{"exercise: row-band\n      start", "exercise: Row Band\n      start", "not an exercise id"},
		{"order: [row-band]", "order: [row-band, row-band]", "listed twice"},
	} {
		if !strings.Contains(good, tc.old) {
			t.Fatalf("the plan file has no %q:\n%s", tc.old, good[:min(len(good), 900)])
		}
		_, err := plan.ReadPlan(strings.NewReader(strings.Replace(good, tc.old, tc.new, 1)), "plan.yaml")
		checkError(t, err, plan.PlanFileProblem, "plan.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "plan.yaml:") {
			t.Errorf("%q: got %v, want plan.yaml:LINE: … %s", tc.new, err, tc.want)
		}
	}
}

// FuzzParseDoseChange: any text gives a change that prints back as itself,
// or a one-line error; never a panic.
func FuzzParseDoseChange(f *testing.F) {
	for _, s := range []string{"row-band=2 sets of 8 to 3 sets of 12", "a=5 holds of 10 s", "b=2x30s to 3x45 s", "c=10 min", "=", "a=2x8 to 2x8 to 2x8", "a=0x0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := plan.ParseDoseChange(s)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error on more than one line: %q", err)
			}
			return
		}
		again, err := plan.ParseDoseChange(c.String())
		if err != nil || again != c {
			t.Errorf("%q read as %+v, which prints as %q and reads back as %+v, %v", s, c, c.String(), again, err)
		}
	})
}

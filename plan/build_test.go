package plan_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/internal/golden"
	"github.com/backplan/backplan/plan"
)

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }

// atLeast reports whether dose a is no less than b in every part.
func atLeast(a, b plan.Dose) bool {
	return a.Sets >= b.Sets && a.Reps >= b.Reps && a.Hold >= b.Hold &&
		a.Seconds >= b.Seconds && a.Minutes >= b.Minutes && a.Level >= b.Level
}

func weekdays(w plan.Week) string {
	var out []string
	for _, s := range w.Sessions {
		out = append(out, s.Date.Format("Mon"))
	}
	return strings.Join(out, " ")
}

func ids(p *plan.Plan) []string {
	var out []string
	for _, e := range p.Exercises {
		out = append(out, e.ID)
	}
	return out
}

func TestDaysAreSpreadThroughTheWeek(t *testing.T) {
	tests := []struct {
		days int
		want string
	}{
		{1, "Mon"},
		{2, "Mon Thu"},
		{3, "Mon Wed Fri"},
		{4, "Mon Tue Thu Fri"},
		{5, "Mon Tue Wed Thu Fri"},
		{6, "Mon Tue Wed Thu Fri Sat"},
		{7, "Mon Tue Wed Thu Fri Sat Sun"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			p := build(t, plan.Options{Days: tt.days})
			for _, w := range p.Weeks {
				if got := weekdays(w); got != tt.want {
					t.Errorf("week %d: got %s, want %s", w.Number, got, tt.want)
				}
			}
		})
	}
}

func TestStartDate(t *testing.T) {
	tests := []struct {
		name  string
		today plan.Date
		start plan.Date
		want  string
	}{
		{"defaults to the Monday after a Tuesday run", today, plan.Date{}, "2026-11-30"},
		{"a Monday run starts a week later, giving time to get ready", plan.NewDate(2026, 11, 30), plan.Date{}, "2026-12-07"},
		{"a Sunday run starts the next day", plan.NewDate(2026, 11, 29), plan.Date{}, "2026-11-30"},
		{"an explicit start is kept even mid-week", today, plan.NewDate(2026, 12, 2), "2026-12-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := build(t, plan.Options{Today: tt.today, Start: tt.start})
			if got := p.Settings.Start.String(); got != tt.want {
				t.Errorf("start: got %s, want %s", got, tt.want)
			}
			if got := p.Weeks[0].Sessions[0].Date.String(); got != tt.want {
				t.Errorf("first session: got %s, want %s", got, tt.want)
			}
			if got, want := p.Settings.Issued, tt.today; got != want {
				t.Errorf("issued: got %s, want %s", got, want)
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name   string
		o      plan.Options
		option string
		want   string
	}{
		{"too many weeks", plan.Options{Weeks: 53}, "weeks", "weeks must be 1–52, got 53"},
		{"negative weeks", plan.Options{Weeks: -1}, "weeks", "weeks must be 1–52, got -1"},
		{"eight days", plan.Options{Days: 8}, "days", "days must be 1–7 a week, got 8"},
		{"five-minute session", plan.Options{Minutes: 5}, "minutes", "minutes must be 10–45 a session, got 5"},
		{"misspelt focus lists the choices", plan.Options{Focus: "postur"}, "focus", `unknown focus "postur" (choose balanced, mobility, posture, strength or core)`},
		{"unknown level", plan.Options{Level: "expert"}, "level", `unknown level "expert" (choose beginner or intermediate)`},
		{"unknown equipment", plan.Options{Equipment: []plan.Equipment{"kettlebell"}}, "equipment", `unknown equipment "kettlebell" (choose none, band, dumbbells or cable)`},
		{"unknown include", plan.Options{Include: []string{"plonk"}}, "include", `include: unknown exercise "plonk"`},
		{"unknown exclude", plan.Options{Exclude: []string{"plonk"}}, "exclude", `exclude: unknown exercise "plonk"`},
		{"included and excluded", plan.Options{Include: []string{"bridge"}, Exclude: []string{"bridge"}}, "include", `exercise "bridge" is both included and excluded`},
		{"include floor work without the floor", plan.Options{Include: []string{"bridge"}, NoFloor: true}, "include", `include: exercise "bridge" is floor work, and floor work is off`},
		{"include band work without a band", plan.Options{Include: []string{"row-band"}, Equipment: []plan.Equipment{}}, "include", `include: exercise "row-band" needs a resistance band, which is not in the equipment`},
		{"include two variants of one exercise", plan.Options{Include: []string{"row-band", "row-dumbbell"}, Equipment: []plan.Equipment{plan.Band, plan.Dumbbells}}, "include", `are variants of one exercise`},
		{"include an intermediate exercise for a beginner", plan.Options{Include: []string{"plank-full"}}, "include", `is for intermediate patients`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Today = today
			_, err := plan.Build(realCatalog(t), tt.o)
			checkError(t, err, plan.OptionProblem, tt.option)
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n got: %s\nwant: …%s…", err, tt.want)
			}
		})
	}
	t.Run("no run date is refused rather than read from the clock", func(t *testing.T) {
		if _, err := plan.Build(realCatalog(t), plan.Options{}); err == nil {
			t.Fatal("built a plan with no run date")
		}
	})
}

func TestIncludeThatCannotFitIsABuildError(t *testing.T) {
	o := plan.Options{Today: today, Minutes: 10, Include: []string{"spinal-twist-lying", "open-book", "bridge", "cobra", "plank-forearm", "y-raise"}}
	_, err := plan.Build(realCatalog(t), o)
	checkError(t, err, plan.BuildProblem, "include")
}

// TestRefusalNamesTheRole checks the one refusal a sweep allows: a needed
// role with no exercise that suits, named with what to change.
func TestRefusalNamesTheRole(t *testing.T) {
	o := plan.Options{Today: today, Focus: plan.FocusStrength, Equipment: []plan.Equipment{}, NoFloor: true}
	_, err := plan.Build(realCatalog(t), o)
	checkError(t, err, plan.BuildProblem, "equipment")
	want := "no exercise for the horizontal pull role of the strength focus suits these options: its exercises need a resistance band, dumbbells or a cable machine, or are floor work"
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err, want)
	}
	var re *plan.RoleError
	if !errors.As(err, &re) || re.Role != "horizontal pull" || !re.Floor || len(re.Equipment) != 3 || re.Level || re.Excluded != nil {
		t.Errorf("the error's kind says %+v, want the role, its three kinds of equipment and floor work", re)
	}
	// With every kind of equipment, floor work is what keeps the rest
	// out: the error is about no-floor, an option the page has a field
	// for, and says which exercises the exclusion kept out.
	o.Equipment = []plan.Equipment{plan.Band, plan.Dumbbells, plan.Cable}
	o.Exclude = []string{"row-band", "row-dumbbell", "row-cable", "band-pull-apart"}
	_, err = plan.Build(realCatalog(t), o)
	checkError(t, err, plan.BuildProblem, "no-floor")
	if !errors.As(err, &re) || !re.Floor || re.Equipment != nil || len(re.Excluded) != 4 {
		t.Errorf("the error's kind says %+v, want floor work and four exclusions", re)
	}
}

func TestSelectionRules(t *testing.T) {
	none := []plan.Equipment{}
	tests := []struct {
		name      string
		o         plan.Options
		has, lack []string
	}{
		{"beginners plank on the forearms", plan.Options{Focus: plan.FocusCore}, []string{"plank-forearm"}, []string{"plank-full"}},
		{"intermediate patients plank on straight arms", plan.Options{Focus: plan.FocusCore, Level: plan.Intermediate}, []string{"plank-full"}, []string{"plank-forearm"}},
		{"the default band gives band rows", plan.Options{Focus: plan.FocusPosture}, []string{"row-band"}, []string{"row-dumbbell", "row-cable"}},
		{"a strength plan prefers dumbbells to the band when both are there", plan.Options{Focus: plan.FocusStrength, Equipment: []plan.Equipment{plan.Band, plan.Dumbbells}}, []string{"row-dumbbell"}, []string{"row-band"}},
		{"no equipment means no band work", plan.Options{Focus: plan.FocusPosture, Equipment: none}, nil, []string{"row-band", "external-rotation-band", "internal-rotation-band"}},
		{"no floor means no floor work", plan.Options{Focus: plan.FocusCore, NoFloor: true}, nil, []string{"bridge", "plank-forearm", "cat-cow", "superman", "cobra", "pelvic-tilt", "spinal-twist-lying"}},
		{"an excluded exercise never appears", plan.Options{Focus: plan.FocusPosture, Exclude: []string{"wall-angels"}}, nil, []string{"wall-angels"}},
		{"an included exercise always appears", plan.Options{Focus: plan.FocusMobility, Include: []string{"bridge"}}, []string{"bridge"}, nil},
		{"an included variant replaces its family's first choice", plan.Options{Focus: plan.FocusStrength, Equipment: []plan.Equipment{plan.Band, plan.Dumbbells}, Include: []string{"row-band"}}, []string{"row-band"}, []string{"row-dumbbell"}},
		{"a posture plan turns the arms outward, never inward", plan.Options{Focus: plan.FocusPosture, Equipment: []plan.Equipment{plan.Band, plan.Dumbbells}, Minutes: 45, Days: 5}, []string{"external-rotation-band"}, []string{"internal-rotation-band", "internal-rotation-dumbbell"}},
		{"a strength plan has a row", plan.Options{Focus: plan.FocusStrength, Level: plan.Intermediate, Weeks: 6, Equipment: []plan.Equipment{plan.Band, plan.Dumbbells}}, []string{"row-dumbbell"}, []string{"neck-rolls"}},
		{"mobility without floor work straightens and turns the upper back sitting", plan.Options{Focus: plan.FocusMobility, Weeks: 8, Days: 6, NoFloor: true, Equipment: []plan.Equipment{}, Minutes: 15}, []string{"chair-extension", "seated-twist"}, []string{"neck-rolls"}},
		{"no neck rolls in a strength, core or posture plan", plan.Options{Focus: plan.FocusCore, Minutes: 45, Days: 6}, nil, []string{"neck-rolls", "chin-tuck", "chin-tuck-wall"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(build(t, tt.o))
			for _, id := range tt.has {
				if !slices.Contains(got, id) {
					t.Errorf("%s missing from %v", id, got)
				}
			}
			for _, id := range tt.lack {
				if slices.Contains(got, id) {
					t.Errorf("%s present in %v", id, got)
				}
			}
		})
	}
}

// mainCategories counts the categories of a plan's exercises after the warm-up.
func mainCategories(p *plan.Plan) map[plan.Category]int {
	n := map[plan.Category]int{}
	for _, e := range p.Exercises {
		if !e.Category.Warmup() {
			n[e.Category]++
		}
	}
	return n
}

func TestFocusShapesThePlan(t *testing.T) {
	tests := []struct {
		focus plan.Focus
		most  plan.Category
	}{
		{plan.FocusMobility, plan.Mobility},
		{plan.FocusPosture, plan.Strength},
		{plan.FocusStrength, plan.Strength},
		{plan.FocusCore, plan.Core},
	}
	for _, tt := range tests {
		t.Run(string(tt.focus)+" leans on "+string(tt.most), func(t *testing.T) {
			n := mainCategories(build(t, plan.Options{Focus: tt.focus, Days: 3, Minutes: 30}))
			for c, k := range n {
				if c != tt.most && c != plan.Activity && k > n[tt.most] {
					t.Errorf("%s has %d %s exercises but only %d %s: %v", tt.focus, k, c, n[tt.most], tt.most, n)
				}
			}
		})
	}
	t.Run("every focus keeps some mobility", func(t *testing.T) {
		for _, f := range plan.Focuses {
			if n := mainCategories(build(t, plan.Options{Focus: f, Minutes: 30})); n[plan.Mobility] == 0 {
				t.Errorf("%s: no mobility exercise: %v", f, n)
			}
		}
	})
}

func TestProgression(t *testing.T) {
	strength := plan.Options{Focus: plan.FocusStrength, Equipment: []plan.Equipment{plan.Band}}
	with := func(o plan.Options, f func(*plan.Options)) plan.Options { f(&o); return o }
	t.Run("a beginner's usual plan starts every exercise at its catalogue start", func(t *testing.T) {
		p := build(t, plan.Options{Weeks: 4})
		for _, it := range p.Weeks[0].Sessions[0].Items {
			e, _ := p.Exercise(it.Exercise)
			if want := e.Ladder()[0]; it.Dose != want && e.Category.Loaded() {
				t.Errorf("%s: week 1 dose %v, want the start %v", e.ID, it.Dose, want)
			}
		}
	})
	t.Run("intermediate patients start higher but not at the top", func(t *testing.T) {
		beg := build(t, strength)
		mid := build(t, with(strength, func(o *plan.Options) { o.Level = plan.Intermediate }))
		d0 := beg.DoseByWeek("row-band")[0]
		d1 := mid.DoseByWeek("row-band")[0]
		if !atLeast(d1, d0) || d1 == d0 {
			t.Errorf("intermediate week 1 %v is not above beginner week 1 %v", d1, d0)
		}
		e, _ := mid.Exercise("row-band")
		if l := e.Ladder(); d1 == l[len(l)-1] {
			t.Errorf("intermediate starts at the top %v", d1)
		}
	})
	t.Run("doses climb each week in a short plan", func(t *testing.T) {
		d := build(t, strength).DoseByWeek("row-band")
		for i := 1; i < len(d); i++ {
			if !atLeast(d[i], d[i-1]) || d[i] == d[i-1] {
				t.Errorf("week %d: %v does not climb from %v", i+1, d[i], d[i-1])
			}
		}
	})
	t.Run("a four-week plan has no easier week", func(t *testing.T) {
		for _, w := range build(t, plan.Options{Weeks: 4}).Weeks {
			if w.Easy {
				t.Errorf("week %d is easy", w.Number)
			}
		}
	})
	t.Run("plans of six weeks or more ease off every fourth week but never in the last", func(t *testing.T) {
		for _, weeks := range []int{6, 8, 12} {
			var easy []int
			for _, w := range build(t, plan.Options{Weeks: weeks}).Weeks {
				if w.Easy {
					easy = append(easy, w.Number)
				}
			}
			var want []int
			for n := 4; n < weeks; n += 4 {
				want = append(want, n)
			}
			if !slices.Equal(easy, want) {
				t.Errorf("%d weeks: easy weeks %v, want %v", weeks, easy, want)
			}
		}
	})
	t.Run("the easier week is easier, with the same band", func(t *testing.T) {
		d := build(t, with(strength, func(o *plan.Options) { o.Weeks = 8 })).DoseByWeek("row-band")
		if atLeast(d[3], d[2]) || d[3].Level != d[2].Level {
			t.Errorf("week 4 %v is not an easier week 3 %v", d[3], d[2])
		}
	})
	t.Run("a year-long plan levels off, one band up", func(t *testing.T) {
		d := build(t, with(strength, func(o *plan.Options) { o.Weeks = 52 })).DoseByWeek("row-band")
		if d[51] != d[50] || d[51].Level != plan.PlanLevel {
			t.Errorf("weeks 51 and 52: %v and %v, want the same, at level %d", d[50], d[51], plan.PlanLevel)
		}
	})
}

func TestSessionsFillTheirLength(t *testing.T) {
	for _, minutes := range []int{10, 15, 20, 30, 45} {
		p := build(t, plan.Options{Weeks: 52, Days: 3, Minutes: minutes})
		for _, w := range p.Weeks {
			for _, s := range w.Sessions {
				if s.Minutes > minutes || 4*s.Minutes < 3*minutes {
					t.Errorf("%d-minute plan: %s is estimated at %d minutes", minutes, s.Date, s.Minutes)
				}
			}
		}
	}
}

func TestLongerSessionsHoldMoreButNeverTooMany(t *testing.T) {
	short := build(t, plan.Options{Minutes: 15})
	long := build(t, plan.Options{Minutes: 45})
	count := func(p *plan.Plan) int { return len(p.Weeks[0].Sessions[0].Items) }
	if count(long) <= count(short) {
		t.Errorf("a 45-minute session has %d items, a 15-minute one %d", count(long), count(short))
	}
	if got, limit := count(long)-3, plan.MaxExercises(45); got > limit {
		t.Errorf("45-minute session: %d main exercises, limit %d", got, limit)
	}
}

func TestSameOptionsSamePlan(t *testing.T) {
	o := plan.Options{Weeks: 12, Days: 5, Focus: plan.FocusPosture, Equipment: []plan.Equipment{plan.Band, plan.Dumbbells}}
	a, b := build(t, o), build(t, o)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds differ")
	}
	var ta, tb bytes.Buffer
	a.WriteText(&ta)
	b.WriteText(&tb)
	if ta.String() != tb.String() {
		t.Fatal("two texts differ")
	}
}

func TestGoldenPlans(t *testing.T) {
	tests := []struct {
		name string
		o    plan.Options
	}{
		{"default", plan.Options{}},
		{"posture-3days-named", plan.Options{Focus: plan.FocusPosture, Patient: plan.Patient{Name: "Ana Ruiz", Clinician: "Sam Okafor", Clinic: "Riverside Physio", Contact: "020 7946 0000"}}},
		{"mobility-5days-nofloor-noequipment", plan.Options{Focus: plan.FocusMobility, Days: 5, NoFloor: true, Equipment: []plan.Equipment{}}},
		{"strength-intermediate-8weeks-gym", plan.Options{Focus: plan.FocusStrength, Level: plan.Intermediate, Weeks: 8, Days: 4, Minutes: 40, Equipment: []plan.Equipment{plan.Dumbbells, plan.Cable}}},
		{"core-12weeks-2days", plan.Options{Focus: plan.FocusCore, Weeks: 12, Days: 2, Minutes: 30, Start: plan.NewDate(2027, 1, 6)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := build(t, tt.o).WriteText(&buf); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), "plan", buf.Bytes())
		})
	}
}

// TestIncludedIsPlanned: an included exercise, of any category, is in
// some session of the plan whatever the focus, or the build fails saying
// why; it is never dropped while the plan still lists it as included.
func TestIncludedIsPlanned(t *testing.T) {
	c := realCatalog(t)
	for _, id := range c.IDs() {
		for _, f := range plan.Focuses {
			p, err := plan.Build(c, plan.Options{Today: today, Focus: f, Include: []string{id},
				Equipment: []plan.Equipment{plan.Band, plan.Dumbbells, plan.Cable}, Level: plan.Intermediate})
			if err != nil {
				var pe *plan.Error
				if !errors.As(err, &pe) || pe.Msg == "" {
					t.Errorf("include %s, focus %s: %v is no planner error", id, f, err)
				}
				continue
			}
			found := false
			for _, w := range p.Weeks {
				for _, s := range w.Sessions {
					for _, it := range s.Items {
						found = found || it.Exercise == id
					}
				}
			}
			if !found {
				t.Errorf("include %s, focus %s: in no session", id, f)
			}
		}
	}
}

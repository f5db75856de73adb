package plan_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// smallCatalog makes smallPlan: backplan --weeks 2 --days 1 --minutes 12
// --start 2026-11-30 --patient "Ana Ruiz", run on 2026-11-24. It is too
// small to fill twelve minutes, so its sessions are shorter.
const smallCatalog = `exercises:
  - id: walk
    name: Walk
    category: cardio
    purpose: Warms you up.
    position: standing
    dose:
      start: {minutes: 3}
      top: {minutes: 5}
    steps: [Walk briskly.]
  - id: twist
    name: Seated twist
    category: mobility
    purpose: Turns the upper back.
    position: seated
    dose:
      start: {reps: 2, hold: 10}
      top: {reps: 3, hold: 20}
      each: side
    steps: [Turn and hold.]
  - id: band-row
    name: Band row
    category: strength
    purpose: Strengthens the upper back.
    position: seated
    equipment: band
    dose:
      start: {reps: 8}
      top: {sets: 2, reps: 12}
    steps: [Pull the band towards you.]
prescriptions:
  - focus: balanced
    roles:
      - {role: warm-up, priority: 1, days: 7, candidates: [walk]}
      - {role: thoracic-rotation, priority: 1, days: 7, candidates: [twist]}
      - {role: horizontal-pull, priority: 2, days: 3, candidates: [band-row]}
`

// smallPlan is the plan file WriteYAML writes for smallCatalog. The error
// cases below edit one line of it; their line numbers refer to it.
const smallPlan = `# A backplan plan file: one patient's exercise plan, fully worked out.
# "backplan --from FILE" prints it as a workbook exactly as written here,
# even if the exercise catalogue has changed since. You may edit it: backplan
# checks every field when it reads the file back.
patient:
  name: Ana Ruiz
settings:
  weeks: 2
  days: 1
  focus: balanced
  level: beginner
  equipment: [band]
  no_floor: false
  minutes: 12
  start: "2026-11-30"
  issued: "2026-11-24"
exercises:
  - id: walk
    name: Walk
    category: cardio
    level: beginner
    purpose: Warms you up.
    position: standing
    equipment: none
    dose:
      start:
        sets: 1
        minutes: 3
      top:
        sets: 1
        minutes: 5
    steps:
      - Walk briskly.
  - id: twist
    name: Seated twist
    category: mobility
    level: beginner
    purpose: Turns the upper back.
    position: seated
    equipment: none
    dose:
      start:
        sets: 1
        reps: 2
        hold: 10
      top:
        sets: 1
        reps: 3
        hold: 20
      each: side
    steps:
      - Turn and hold.
  - id: band-row
    name: Band row
    category: strength
    level: beginner
    purpose: Strengthens the upper back.
    position: seated
    equipment: band
    dose:
      start:
        sets: 1
        reps: 8
      top:
        sets: 2
        reps: 12
    steps:
      - Pull the band towards you.
weeks:
  - week: 1
    start: "2026-11-30"
    sessions:
      - date: "2026-11-30"
        minutes: 9
        items:
          - exercise: walk
            dose: {sets: 1, minutes: 3}
          - exercise: twist
            dose: {sets: 1, reps: 2, hold: 10, each: side}
          - exercise: band-row
            dose: {sets: 3, reps: 12, level: 1}
  - week: 2
    start: "2026-12-07"
    review: true
    sessions:
      - date: "2026-12-07"
        minutes: 9
        items:
          - exercise: walk
            dose: {sets: 1, minutes: 3}
          - exercise: twist
            dose: {sets: 1, reps: 3, hold: 10, each: side}
          - exercise: band-row
            dose: {sets: 3, reps: 12, level: 2}
`

func buildSmall(t testing.TB) *plan.Plan {
	t.Helper()
	c, err := plan.LoadCatalog(strings.NewReader(smallCatalog), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(c, plan.Options{
		Weeks: 2, Days: 1, Minutes: 12, Start: plan.NewDate(2026, 11, 30), Today: today,
		Patient: plan.Patient{Name: "Ana Ruiz"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWriteYAML(t *testing.T) {
	var b bytes.Buffer
	if err := buildSmall(t).WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), smallPlan; got != want {
		t.Errorf("WriteYAML wrote:\n%s\nwant:\n%s", got, want)
	}
}

// TestPlanFileRoundTrip saves a plan, loads it and saves it again: the
// loaded plan equals the built one and the two files are identical.
func TestPlanFileRoundTrip(t *testing.T) {
	for _, o := range []plan.Options{
		{},
		{Weeks: 12, Days: 5, Focus: plan.FocusPosture, Minutes: 45},
		{Weeks: 8, Days: 7, Level: plan.Intermediate, Equipment: []plan.Equipment{}, NoFloor: true},
		{Weeks: 1, Days: 1, Patient: plan.Patient{Name: "Αλεξάνδρα Παπαδοπούλου", Notes: "Line one.\nLine two: \"quoted\" # not a comment"}},
	} {
		p := build(t, o)
		var first, second bytes.Buffer
		if err := p.WriteYAML(&first); err != nil {
			t.Fatal(err)
		}
		q, err := plan.ReadPlan(bytes.NewReader(first.Bytes()), "plan.yaml")
		if err != nil {
			t.Fatalf("%+v: ReadPlan: %v\n%s", o, err, first.String())
		}
		if !reflect.DeepEqual(q, p) {
			t.Errorf("%+v: the loaded plan differs from the saved one", o)
		}
		if err := q.WriteYAML(&second); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Errorf("%+v: saving the loaded plan gave a different file", o)
		}
	}
}

func TestReadPlanSmall(t *testing.T) {
	p, err := plan.ReadPlan(strings.NewReader(smallPlan), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p, buildSmall(t); !reflect.DeepEqual(got, want) {
		t.Errorf("ReadPlan(smallPlan) = %+v, want %+v", got, want)
	}
}

// TestReadPlanEdits checks edits a clinician may make by hand that load.
func TestReadPlanEdits(t *testing.T) {
	tests := []struct {
		name, old, new string
		check          func(t *testing.T, p *plan.Plan)
	}{
		{"unquoted dates", `start: "2026-12-07"`, `start: 2026-12-07`, func(t *testing.T, p *plan.Plan) {
			if got, want := p.Weeks[1].Start.String(), "2026-12-07"; got != want {
				t.Errorf("week 2 start: got %s, want %s", got, want)
			}
		}},
		{"minutes left out are estimated", "        minutes: 9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}", "        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 10}", func(t *testing.T, p *plan.Plan) {
			if got, want := p.Weeks[0].Sessions[0].Minutes, 16; got != want {
				t.Errorf("minutes: got %d, want %d", got, want)
			}
		}},
		{"sets left out mean one", "dose: {sets: 3, reps: 12, level: 1}", "dose: {reps: 8, level: 1}", func(t *testing.T, p *plan.Plan) {
			if got, want := p.Weeks[0].Sessions[0].Items[2].Dose.Sets, 1; got != want {
				t.Errorf("sets: got %d, want %d", got, want)
			}
		}},
		{"a dropped session", "      - date: \"2026-12-07\"\n        minutes: 9\n", "      - date: \"2026-12-09\"\n        minutes: 9\n", func(t *testing.T, p *plan.Plan) {
			if got, want := p.Weeks[1].Sessions[0].Date.String(), "2026-12-09"; got != want {
				t.Errorf("date: got %s, want %s", got, want)
			}
		}},
		{"no patient", "patient:\n  name: Ana Ruiz\n", "", func(t *testing.T, p *plan.Plan) {
			if p.Patient != (plan.Patient{}) {
				t.Errorf("patient: got %+v, want none", p.Patient)
			}
		}},
		{"no equipment", "equipment: [band]", "equipment: []", func(t *testing.T, p *plan.Plan) {
			if p.Settings.Equipment == nil || len(p.Settings.Equipment) != 0 {
				t.Errorf("equipment: got %#v, want an empty list", p.Settings.Equipment)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(smallPlan, tt.old) {
				t.Fatalf("smallPlan does not contain %q", tt.old)
			}
			text := strings.Replace(smallPlan, tt.old, tt.new, 1)
			p, err := plan.ReadPlan(strings.NewReader(text), "plan.yaml")
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, p)
		})
	}
}

// TestReadPlanErrors edits one line of smallPlan per case; each mistake
// gives its own error naming the file and line.
func TestReadPlanErrors(t *testing.T) {
	tests := []struct {
		name string
		old  string // text in smallPlan to replace; "" replaces the whole file
		new  string
		want string
	}{
		{"empty file", "", "", "plan.yaml: the file is empty"},
		{"not a mapping", "", "- 1\n", "plan.yaml:1: expected a saved plan (a mapping), got a list"},
		{"two documents", "", smallPlan + "---\nweeks: []\n", "plan.yaml: more than one YAML document; keep one"},
		{"bad YAML", "  name: Ana Ruiz", "  name: [Ana", "plan.yaml:"},
		{"unknown top-level field", "patient:", "patients:", `plan.yaml:5: unknown field "patients"`},
		{"a preset that is no name", "  issued: \"2026-11-24\"\n", "  issued: \"2026-11-24\"\n  preset: Desk worker\n", `plan.yaml:17: settings: preset "Desk worker" is not a preset's name (lower-case words joined by hyphens)`},
		{"unknown patient field", "  name: Ana Ruiz", "  nmae: Ana Ruiz", `plan.yaml:6: unknown field "nmae"`},
		{"unknown dose field", "dose: {sets: 3, reps: 12, level: 1}", "dose: {sets: 1, reps: 8, levle: 1}", `plan.yaml:81: unknown field "levle"`},
		{"weeks is not a number", "  weeks: 2", "  weeks: two", "plan.yaml:8: expected a whole number, got text `two`"},
		{"weeks out of range", "  weeks: 2", "  weeks: 60", "plan.yaml:8: settings: weeks must be 1–52, got 60"},
		{"days out of range", "  days: 1", "  days: 0", "plan.yaml:9: settings: days must be 1–7 a week, got 0"},
		{"minutes out of range", "  minutes: 12", "  minutes: 5", "plan.yaml:14: settings: minutes must be 10–90 a session, got 5"},
		{"unknown focus", "  focus: balanced", "  focus: postur", `plan.yaml:10: settings: unknown focus "postur" (choose balanced, mobility, posture, strength or core)`},
		{"unknown level", "  level: beginner\n  equipment", "  level: expert\n  equipment", `plan.yaml:11: settings: unknown level "expert" (choose beginner or intermediate)`},
		{"unknown equipment", "equipment: [band]", "equipment: [kettlebell]", `plan.yaml:12: settings: unknown equipment "kettlebell" (choose band, dumbbells or cable; write [] for none)`},
		{"equipment twice", "equipment: [band]", "equipment: [band, band]", `plan.yaml:12: settings: equipment "band" is listed twice`},
		{"equipment missing", "  equipment: [band]\n", "", "plan.yaml:7: settings: missing equipment (write [] for none)"},
		{"bad include id", "  no_floor: false", "  no_floor: false\n  include: [Band Row]", `plan.yaml:14: settings: include: "Band Row" is not an exercise id (lower-case words joined by hyphens)`},
		{"bad start date", `  start: "2026-11-30"`, `  start: "2026-11-31"`, `plan.yaml:15: "2026-11-31" is not a date: write it as YYYY-MM-DD, for example 2026-12-07`},
		{"missing issued date", "  issued: \"2026-11-24\"\n", "", "plan.yaml:7: settings: missing issued date"},
		{"no exercises", "exercises:\n", "exercises: []\nx:\n", `plan.yaml:18: unknown field "x"`},
		{"exercise with unknown category", "    category: cardio", "    category: cardoi", `plan.yaml:20: exercise "walk": unknown category "cardoi" (choose cardio, dynamic, mobility, strength, core or activity)`},
		{"exercise with bad dose", "        reps: 12", "        reps: 40", `plan.yaml:66: exercise "band-row": top reps must be 1–30, got 40`},
		{"exercise without steps", "    steps:\n      - Walk briskly.\n", "", `plan.yaml:18: exercise "walk": no steps (list at least one)`},
		{"duplicate exercise", "  - id: twist", "  - id: walk", `plan.yaml:34: exercise "walk": duplicate id (also exercise 1 of the list)`},
		{"week count differs from settings", "  weeks: 2", "  weeks: 3", "plan.yaml:69: the plan has 2 weeks, but settings say weeks: 3"},
		{"weeks misnumbered", "  - week: 2", "  - week: 3", "plan.yaml:82: week 2 of the list is numbered 3; number the weeks 1, 2, 3 and so on"},
		{"week starts on the wrong day", `    start: "2026-12-07"`, `    start: "2026-12-08"`, `plan.yaml:83: week 2: start must be 2026-12-07 (the plan starts on 2026-11-30 and each week 7 days after the last), got "2026-12-08"`},
		{"week without sessions", "    sessions:\n      - date: \"2026-12-07\"\n        minutes: 9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 3, hold: 10, each: side}\n          - exercise: band-row\n            dose: {sets: 3, reps: 12, level: 2}\n", "    sessions: []\n", "plan.yaml:82: week 2: no sessions (list at least one)"},
		{"session outside its week", `      - date: "2026-12-07"`, `      - date: "2026-12-14"`, "plan.yaml:86: week 2, session 1: date 2026-12-14 is outside the week (2026-12-07 to 2026-12-13)"},
		{"session before its week", `      - date: "2026-11-30"`, `      - date: "2026-11-29"`, "plan.yaml:73: week 1, session 1: date 2026-11-29 is outside the week (2026-11-30 to 2026-12-06)"},
		{"sessions out of order", "        minutes: 9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 2, hold: 10, each: side}\n          - exercise: band-row\n            dose: {sets: 3, reps: 12, level: 1}\n", "        minutes: 9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 2, hold: 10, each: side}\n          - exercise: band-row\n            dose: {sets: 3, reps: 12, level: 1}\n      - date: \"2026-11-30\"\n        items:\n          - exercise: walk\n            dose: {minutes: 3}\n", "plan.yaml:82: week 1, session 2: date 2026-11-30 must come after the session before it (2026-11-30)"},
		{"session without a date", `      - date: "2026-11-30"` + "\n        minutes: 9", "      - minutes: 9", "plan.yaml:73: week 1, session 1: missing date"},
		{"negative minutes", "        minutes: 9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 3", "        minutes: -9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 3", "plan.yaml:87: week 2, session 1: minutes must be 1–90, got -9 (leave it out and backplan estimates it)"},
		{"session without items", "        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 3, hold: 10, each: side}\n          - exercise: band-row\n            dose: {sets: 3, reps: 12, level: 2}\n", "        items: []\n", "plan.yaml:86: week 2, session 1: no items (list at least one exercise)"},
		{"item names an unknown exercise", "          - exercise: twist\n            dose: {sets: 1, reps: 3", "          - exercise: twsit\n            dose: {sets: 1, reps: 3", `plan.yaml:91: week 2, session 1: unknown exercise "twsit" (every item must name an exercise in the plan's exercises list)`},
		{"dose with no amount", "dose: {sets: 3, reps: 12, level: 2}", "dose: {sets: 1, level: 1}", "plan.yaml:94: week 2, session 1, band-row: dose needs reps, seconds or minutes (one of them, above 0)"},
		{"dose with two amounts", "dose: {sets: 1, minutes: 3}", "dose: {sets: 1, minutes: 3, reps: 4}", "plan.yaml:77: week 1, session 1, walk: dose give only one of reps, seconds and minutes"},
		{"dose with too many sets", "dose: {sets: 3, reps: 12, level: 1}", "dose: {sets: 9, reps: 8, level: 1}", "plan.yaml:81: week 1, session 1, band-row: dose sets must be 1–5, got 9"},
		{"dose with a bad side", "dose: {sets: 1, reps: 2, hold: 10, each: side}", "dose: {sets: 1, reps: 2, hold: 10, each: leg}", `plan.yaml:79: week 1, session 1, twist: dose each must be side or direction, got "leg"`},
		{"dose with too high a level", "dose: {sets: 3, reps: 12, level: 1}", "dose: {sets: 1, reps: 8, level: 7}", "plan.yaml:81: week 1, session 1, band-row: dose level must be 1–3, got 7"},
		{"dose hold without reps", "dose: {sets: 1, minutes: 3}", "dose: {sets: 1, seconds: 30, hold: 5}", "plan.yaml:77: week 1, session 1, walk: dose hold goes with reps (how many holds)"},
		// Limits: no field, list or count past what a page prints and a
		// real plan needs.
		{"exercise name too long", "    name: Walk\n", "    name: " + strings.Repeat("Walk ", 17) + "\n", `plan.yaml:19: exercise "walk": name: 84 characters is too long; keep it to 80`},
		{"step too long", "      - Walk briskly.\n", "      - " + strings.Repeat("w", 301) + "\n", `plan.yaml:33: exercise "walk": steps item 1: 301 characters is too long; keep it to 300`},
		{"too many steps", "      - Walk briskly.\n", strings.Repeat("      - Walk briskly.\n", 13), `plan.yaml:45: exercise "walk": steps: 13 items is too many; keep it to 12`},
		{"session minutes above the range", "        minutes: 9\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 2",
			"        minutes: 9000\n        items:\n          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n          - exercise: twist\n            dose: {sets: 1, reps: 2", "plan.yaml:74: week 1, session 1: minutes must be 1–90, got 9000"},
		{"more items than a week's page holds", "            dose: {sets: 3, reps: 12, level: 1}\n", "            dose: {sets: 3, reps: 12, level: 1}\n" + strings.Repeat("          - exercise: walk\n            dose: {sets: 1, minutes: 3}\n", 10),
			"plan.yaml:100: week 1, session 1: 13 items is more than a week holds; keep it to 12"},
		{"a dose that differs within a week", "            dose: {sets: 3, reps: 12, level: 1}\n", "            dose: {sets: 3, reps: 12, level: 1}\n      - date: \"2026-12-01\"\n        items:\n          - exercise: twist\n            dose: {sets: 1, reps: 3, hold: 10, each: side}\n",
			"plan.yaml:85: week 1, session 2, twist: the dose differs from the week's earlier sessions (2 holds of 10 s each side); a week's page prints one dose for every day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.new
			if tt.old != "" {
				if !strings.Contains(smallPlan, tt.old) {
					t.Fatalf("smallPlan does not contain %q", tt.old)
				}
				text = strings.Replace(smallPlan, tt.old, tt.new, 1)
			}
			_, err := plan.ReadPlan(strings.NewReader(text), "plan.yaml")
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %q\nwant %q", err, tt.want)
			}
			checkError(t, err, plan.PlanFileProblem, "plan.yaml")
		})
	}
}

func TestReadPlanUnusedExercise(t *testing.T) {
	text := strings.Replace(smallPlan, "          - exercise: twist\n            dose: {sets: 1, reps: 2, hold: 10, each: side}\n", "", 1)
	text = strings.Replace(text, "          - exercise: twist\n            dose: {sets: 1, reps: 3, hold: 10, each: side}\n", "", 1)
	_, err := plan.ReadPlan(strings.NewReader(text), "plan.yaml")
	want := `plan.yaml:34: exercise "twist" is in no session; remove it from the exercises list or add it to a session`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// FuzzReadPlan feeds ReadPlan mangled plan files. It must never panic, and
// a plan it accepts must save and load back to the same file.
func FuzzReadPlan(f *testing.F) {
	f.Add([]byte(smallPlan))
	f.Add([]byte(strings.Replace(smallPlan, "        minutes: 9\n", "", 1)))
	f.Add([]byte("weeks: []\n"))
	f.Add([]byte(strings.Replace(smallPlan, "name: Ana Ruiz", "name: !!binary /w==", 1)))
	f.Add([]byte(strings.Replace(smallPlan, "name: Ana Ruiz", "name: Jos\xe9", 1)))
	f.Add([]byte(strings.Replace(smallPlan, "  days: 1\n", "  days: 1\n  weekdays: [mon]\n", 1)))
	f.Add([]byte(strings.Replace(smallPlan, "  issued: \"2026-11-24\"\n", "  issued: \"2026-11-24\"\n  review: \"2026-12-09\"\n", 1)))
	f.Add([]byte(strings.Replace(smallPlan, "  issued: \"2026-11-24\"\n", "  issued: \"2026-11-24\"\n  preset: desk-worker\n  large_print: true\n", 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := plan.ReadPlan(bytes.NewReader(data), "fuzz.yaml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Errorf("error does not name the file: %v", err)
			}
			checkError(t, err, plan.PlanFileProblem, "fuzz.yaml")
			return
		}
		if err := p.Patient.Validate(); err != nil {
			t.Fatalf("accepted a patient that Build refuses: %v", err)
		}
		for _, e := range p.Exercises {
			checkSafeText(t, e)
		}
		var first, second bytes.Buffer
		if err := p.WriteYAML(&first); err != nil {
			t.Fatalf("WriteYAML: %v", err)
		}
		q, err := plan.ReadPlan(bytes.NewReader(first.Bytes()), "saved.yaml")
		if err != nil {
			t.Fatalf("a saved plan does not load: %v\n%s", err, first.String())
		}
		if err := q.WriteYAML(&second); err != nil {
			t.Fatalf("WriteYAML: %v", err)
		}
		if first.String() != second.String() {
			t.Errorf("save, load, save changed the file:\n%s\n---\n%s", first.String(), second.String())
		}
	})
}

// TestReadPlanKeepsHoldsInSets reads a plan file saved before holds became
// one set in the catalogue: it still prints, a box a set, so a clinician
// can print an old plan again.
func TestReadPlanKeepsHoldsInSets(t *testing.T) {
	old := strings.Replace(smallPlan,
		"dose: {sets: 1, reps: 2, hold: 10, each: side}",
		"dose: {sets: 2, reps: 2, hold: 10, each: side}", 1)
	if old == smallPlan {
		t.Fatal("case does not apply")
	}
	p, err := plan.ReadPlan(strings.NewReader(old), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := p.Weeks[0].Sessions[0].Items[1].Dose
	if got, want := d.Boxes(), 2; got != want {
		t.Errorf("boxes: got %d, want %d", got, want)
	}
	if got, want := d.String(), "2 sets, each 2 holds of 10 s each side"; got != want {
		t.Errorf("dose: got %q, want %q", got, want)
	}
}

// TestReadPlanSavedByAnEarlierVersion reads a plan file saved by the
// backplan of commit a48bc52 (8 weeks, strength, band and dumbbells), whose
// exercises name their muscles in their own words ("calves"), not in
// today's MuscleGroups: a clinician must be able to print an old plan again.
func TestReadPlanSavedByAnEarlierVersion(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "saved-by-a48bc52.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := plan.ReadPlan(f, "saved-by-a48bc52.yaml")
	if err != nil {
		t.Fatalf("an old plan file is refused: %v", err)
	}
	if len(p.Weeks) != 8 {
		t.Errorf("got %d weeks, want 8", len(p.Weeks))
	}
}

package plan_test

import (
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// entry is a valid catalogue entry; cases edit one line of it.
const entry = `exercises:
  - id: plank
    name: Plank
    category: core
    purpose: Builds trunk support.
    position: face-down
    floor: true
    dose:
      start: {reps: 3, hold: 10}
      top: {reps: 3, hold: 30}
      default: true
    steps:
      - Lie face down.
      - Lift your body.
`

func TestLoadCatalogAcceptsValidEntry(t *testing.T) {
	c, err := plan.LoadCatalog(strings.NewReader(entry), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e, ok := c.Lookup("plank")
	if !ok {
		t.Fatal("plank missing")
	}
	if got, want := e.Dose.Start.Sets, 1; got != want {
		t.Errorf("sets default: got %d, want %d", got, want)
	}
	if got, want := e.Equipment, plan.None; got != want {
		t.Errorf("equipment default: got %q, want %q", got, want)
	}
	if got, want := e.Level, plan.Beginner; got != want {
		t.Errorf("level default: got %q, want %q", got, want)
	}
}

func TestLoadCatalogErrors(t *testing.T) {
	tests := []struct {
		name string
		old  string // text in entry to replace; "" replaces the whole file
		new  string
		want string
	}{
		{"zero hold names the line of the hold", "top: {reps: 3, hold: 30}", "top: {reps: 3, hold: 0}", `test.yaml:10: exercise "plank": start and top must measure the same thing`},
		{"negative hold is impossible", "start: {reps: 3, hold: 10}", "start: {reps: 3, hold: -5}", `test.yaml:9: exercise "plank": start hold must be 1–300 seconds, got -5`},
		{"hold above five minutes", "top: {reps: 3, hold: 30}", "top: {reps: 3, hold: 400}", `test.yaml:10: exercise "plank": top hold must be 1–300 seconds, got 400`},
		{"zero reps is no dose", "start: {reps: 3, hold: 10}", "start: {reps: 0}", `test.yaml:9: exercise "plank": start needs reps, seconds or minutes`},
		{"top below start", "top: {reps: 3, hold: 30}", "top: {reps: 2, hold: 30}", `test.yaml:10: exercise "plank": top reps 2 is below start reps 3`},
		{"two dose kinds", "start: {reps: 3, hold: 10}", "start: {reps: 3, minutes: 2}", `exercise "plank": start give only one of reps, seconds and minutes`},
		{"too many sets", "top: {reps: 3, hold: 30}", "top: {reps: 3, hold: 30, sets: 9}", `test.yaml:10: exercise "plank": top sets must be 1–5, got 9`},
		{"unknown category", "category: core", "category: cor", `test.yaml:4: exercise "plank": unknown category "cor" (choose cardio, dynamic, mobility, strength, core or activity)`},
		{"unknown position", "position: face-down", "position: lying", `test.yaml:6: exercise "plank": unknown position "lying"`},
		{"unknown equipment", "floor: true", "floor: true\n    equipment: kettlebell", `test.yaml:8: exercise "plank": unknown equipment "kettlebell"`},
		{"unknown focus", "floor: true", "floor: true\n    focus: [core, postur]", `test.yaml:8: exercise "plank": unknown focus "postur"`},
		{"unknown level", "floor: true", "floor: true\n    level: expert", `exercise "plank": unknown level "expert"`},
		{"floor position needs floor", "    floor: true\n", "", `test.yaml:6: exercise "plank": position face-down is floor work`},
		{"unknown field", "floor: true", "floor: true\n    colour: red", `test.yaml:8: unknown field "colour"`},
		{"empty steps", "    steps:\n      - Lie face down.\n      - Lift your body.\n", "    steps: []\n", `exercise "plank": no steps`},
		{"blank step", "- Lift your body.", `- "  "`, `test.yaml:14: exercise "plank": steps item 2 is empty`},
		{"missing name", "    name: Plank\n", "", `exercise "plank": missing name`},
		{"bad id", "id: plank", "id: Plank Hold", `exercise "Plank Hold": id "Plank Hold" must be lower-case words`},
		{"hold without reps", "start: {reps: 3, hold: 10}", "start: {minutes: 1, hold: 10}", `start hold goes with reps`},
		{"bad each", "default: true", "default: true\n      each: leg", `exercise "plank": each must be side or direction, got "leg"`},
		{"wrong type", "floor: true", "floor: maybe", "test.yaml:7: expected true or false, got text `maybe`"},
		{"empty file", "", "", `test.yaml: the file is empty`},
		{"no exercises", "", "exercises: []\n", `test.yaml: no exercises`},
		{"not yaml", "", "exercises: [\n", `test.yaml:`},
		{"two documents", "", entry + "---\n" + entry, `more than one YAML document`},
		{"duplicate id", "", entry + strings.TrimPrefix(entry, "exercises:\n"), `test.yaml:15: exercise "plank": duplicate id (first defined at line 2)`},
		{"picture with an unknown joint", "default: true", "default: true\n    picture:\n      start: {base: lie-front, knee: 10}", `test.yaml:12: exercise "plank": picture: start pose: unknown joint "knee"`},
		{"picture with an impossible angle", "default: true", "default: true\n    picture:\n      start: {base: lie-front, knee_l: 200}", `exercise "plank": picture: start pose: joint "knee_l": angle 200 is outside`},
		{"picture with an unknown prop", "default: true", "default: true\n    picture:\n      start: {base: lie-front}\n      props: [trampoline]", `exercise "plank": picture: unknown prop "trampoline"`},
		{"picture angle that is not a number", "default: true", "default: true\n    picture:\n      start: {base: lie-front, knee_l: bent}", "test.yaml:13: expected a number, got text `bent`"},
		{"duplicate key", "name: Plank", "name: Plank\n    name: Plank again", `"name" already defined`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.new
			if tt.old != "" {
				if !strings.Contains(entry, tt.old) {
					t.Fatalf("case does not apply: %q not in entry", tt.old)
				}
				src = strings.Replace(entry, tt.old, tt.new, 1)
			}
			_, err := plan.LoadCatalog(strings.NewReader(src), "test.yaml")
			if err == nil {
				t.Fatalf("loaded without error; want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n got: %s\nwant: …%s…", err, tt.want)
			}
			checkError(t, err, plan.CatalogProblem, "test.yaml")
		})
	}
}

func FuzzLoadCatalog(f *testing.F) {
	f.Add([]byte(entry))
	if data, err := readFile("../exercises.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("exercises:\n  - id: x\n    dose: {start: {reps: 1}, top: {reps: 0}}\n"))
	f.Add([]byte(strings.Replace(entry, "name: Plank", "name: !!binary /w==", 1)))
	f.Add([]byte(strings.Replace(entry, "name: Plank", "name: Pl\xe9nk", 1)))
	f.Add([]byte(strings.Replace(entry, "reps: 3, hold: 10", "reps: 5.99, hold: 10", 1)))
	f.Add([]byte(strings.Replace(entry, "- Lie face down.", "- \"Lie \\e[2J down.\"", 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := plan.LoadCatalog(strings.NewReader(string(data)), "fuzz.yaml")
		if err != nil {
			checkError(t, err, plan.CatalogProblem, "fuzz.yaml")
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		// Whatever loads must be usable by the planner without a panic,
		// and hold only text that is safe to print.
		for _, e := range c.Exercises {
			checkSafeText(t, e)
			l := e.Ladder()
			for i := 1; i < len(l); i++ {
				if !atLeast(l[i], l[i-1]) {
					t.Fatalf("%s: ladder falls at rung %d: %v → %v", e.ID, i, l[i-1], l[i])
				}
			}
		}
		_, _ = plan.Build(c, plan.Options{Today: today})
	})
}

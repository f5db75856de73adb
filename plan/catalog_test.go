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
		{"id too long", "id: plank", "id: " + strings.Repeat("plank-", 7) + "x", `test.yaml:2: exercise "plank-plank-plank-plank-plank-plank-plank-x": id "plank-plank-plank-plank-plank-plank-plan"… is 43 characters long; keep it to 40`},
		{"name too long", "name: Plank", "name: " + strings.Repeat("Plank ", 300), `test.yaml:3: exercise "plank": name: 1799 characters is too long; keep it to 80`},
		{"purpose too long", "purpose: Builds trunk support.", "purpose: " + strings.Repeat("x", 301), `test.yaml:5: exercise "plank": purpose: 301 characters is too long; keep it to 300`},
		{"step too long", "- Lift your body.", "- " + strings.Repeat("Lift ", 200), `test.yaml:14: exercise "plank": steps item 2: 999 characters is too long; keep it to 300`},
		{"too many steps", "      - Lift your body.\n", strings.Repeat("      - Lift your body.\n", 12), `test.yaml:25: exercise "plank": steps: 13 items is too many; keep it to 12`},
		{"no exercises", "", "exercises: []\n", `test.yaml: no exercises`},
		{"not yaml", "", "exercises: [\n", `test.yaml:`},
		{"two documents", "", entry + "---\n" + entry, `more than one YAML document`},
		{"duplicate id", "", entry + strings.TrimPrefix(entry, "exercises:\n"), `test.yaml:15: exercise "plank": duplicate id (first defined at line 2)`},
		{"picture with an unknown joint", "default: true", "default: true\n    picture:\n      start: {base: lie-front, knee: 10}", `test.yaml:12: exercise "plank": picture: start pose: unknown joint "knee"`},
		{"picture with an impossible angle", "default: true", "default: true\n    picture:\n      start: {base: lie-front, knee_l: 200}", `exercise "plank": picture: start pose: joint "knee_l": angle 200 is outside`},
		{"picture with an unknown prop", "default: true", "default: true\n    picture:\n      start: {base: lie-front}\n      props: [trampoline]", `exercise "plank": picture: unknown prop "trampoline"`},
		{"picture angle that is not a number", "default: true", "default: true\n    picture:\n      start: {base: lie-front, knee_l: bent}", "test.yaml:13: expected a number, got text `bent`"},
		{"duplicate key", "name: Plank", "name: Plank\n    name: Plank again", `"name" already defined`},
		{"video over http", "floor: true", "floor: true\n    video: http://example.org/plank", `test.yaml:8: exercise "plank": video: the link must start with https://`},
		{"video with a patient's name", "floor: true", "floor: true\n    video: https://example.org/v?id=3&patient=ana", `test.yaml:8: exercise "plank": video: the link's "patient" parameter would carry a patient's details`},
		{"an activity counted in holds", "category: core", "category: activity", `test.yaml:8: exercise "plank": an activity is done for so many minutes`},
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
	f.Add([]byte(strings.Replace(entry, "floor: true", "floor: true\n    video: https://example.org/plank?v=1", 1)))
	f.Add([]byte(rxEntry))
	f.Add([]byte(presetEntry))
	f.Add([]byte(strings.Replace(presetEntry, "weeks: 6", "equipment: [none]\n      no-floor: true\n      large-print: false", 1)))
	f.Add([]byte(strings.Replace(rxEntry, "priority: 1", "priority: 2\n        with: trunk-endurance", 1)))
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
		for _, p := range c.Presets {
			if strings.ContainsAny(p.Description+p.Reason, "\r\n") || len(p.Settings()) == 0 {
				t.Fatalf("preset %q loaded with a description or reason of more than one line, or no options", p.Name)
			}
			_, _ = plan.Build(c, plan.Options{Preset: p.Name, Today: today})
		}
	})
}

// rxEntry is entry with a small prescription for the balanced focus; the
// cases below edit one line of it.
const rxEntry = entry + `prescriptions:
  - focus: balanced
    roles:
      - role: trunk-endurance
        priority: 1
        days: 3
        candidates: [plank]
`

func TestLoadCatalogPrescriptions(t *testing.T) {
	c, err := plan.LoadCatalog(strings.NewReader(rxEntry), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rx, ok := c.Prescription(plan.FocusBalanced)
	if !ok || len(rx.Roles) != 1 || rx.Roles[0].Name() != "trunk endurance" {
		t.Fatalf("prescription %+v, %v", rx, ok)
	}
	if _, ok := c.Prescription(plan.FocusCore); ok {
		t.Error("a prescription for core, which the file has none for")
	}
	// A plan for a focus without a prescription is refused, naming the
	// file; one with it is built.
	_, err = plan.Build(c, plan.Options{Focus: plan.FocusCore, Today: today})
	checkError(t, err, plan.CatalogProblem, "test.yaml")
	if want := `test.yaml: no prescription for the core focus`; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q, want …%s…", err, want)
	}
	if _, err := plan.Build(c, plan.Options{Today: today}); err != nil {
		t.Errorf("Build: %v", err)
	}
}

func TestLoadCatalogPrescriptionErrors(t *testing.T) {
	warm := "    steps:\n      - Lie face down.\n      - Lift your body.\n  - id: walk\n    name: Walk\n    category: cardio\n    purpose: Warms you up.\n    position: standing\n    dose: {start: {minutes: 1}, top: {minutes: 3}}\n    steps: [Walk.]\n"
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown candidate", "candidates: [plank]", "candidates: [plonk]", `test.yaml:21: prescription "balanced": role "trunk-endurance": unknown exercise "plonk"`},
		{"candidate twice", "candidates: [plank]", "candidates: [plank, plank]", `test.yaml:21: prescription "balanced": role "trunk-endurance": exercise "plank" is listed twice`},
		{"unknown focus", "  - focus: balanced", "  - focus: balance", `test.yaml:16: prescription "balance": unknown focus "balance" (choose balanced, mobility, posture, strength or core)`},
		{"a focus twice", "        candidates: [plank]\n", "        candidates: [plank]\n  - focus: balanced\n    roles: [{role: trunk, priority: 1, days: 3, candidates: [plank]}]\n", `test.yaml:22: prescription "balanced": the focus has a prescription already; keep one`},
		{"priority out of range", "priority: 1", "priority: 10", `test.yaml:19: prescription "balanced": role "trunk-endurance": priority must be 1 (needed) to 9, got 10`},
		{"days out of range", "days: 3", "days: 8", `test.yaml:20: prescription "balanced": role "trunk-endurance": days must be 1–7 a week, got 8`},
		{"from out of range", "days: 3", "days: 3\n        from: 5", `test.yaml:21: prescription "balanced": role "trunk-endurance": from must be 10–45 minutes, got 5`},
		{"with a role not before it", "days: 3", "days: 3\n        with: outward-rotation", `test.yaml:21: prescription "balanced": role "trunk-endurance": with names "outward-rotation", which is not a role listed before it`},
		{"a bad role name", "role: trunk-endurance", "role: Trunk endurance", `test.yaml:18: prescription "balanced": role "Trunk endurance": role "Trunk endurance" must be lower-case words joined by hyphens`},
		{"no candidates", "candidates: [plank]", "candidates: []", `prescription "balanced": role "trunk-endurance": no candidates`},
		{"no roles", "    roles:\n      - role: trunk-endurance\n        priority: 1\n        days: 3\n        candidates: [plank]\n", "    roles: []\n", `test.yaml:17: prescription "balanced": no roles (list at least one)`},
		{"unknown field", "days: 3", "days: 3\n        weeks: 2", `test.yaml:21: unknown field "weeks"`},
		{"a warm-up beside an exercise", "    steps:\n      - Lie face down.\n      - Lift your body.\n", warm, `prescription "balanced": role "trunk-endurance": exercise "walk" is a warm-up`},
		{"a warm-up role on some days", "    steps:\n      - Lie face down.\n      - Lift your body.\n", warm, `a warm-up or activity role is offered every session: set days: 7`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(rxEntry, tt.old) {
				t.Fatalf("case does not apply: %q not in rxEntry", tt.old)
			}
			src := strings.Replace(rxEntry, tt.old, tt.new, 1)
			switch tt.name {
			case "a warm-up beside an exercise":
				src = strings.Replace(src, "candidates: [plank]", "candidates: [plank, walk]", 1)
			case "a warm-up role on some days":
				src = strings.Replace(src, "candidates: [plank]", "candidates: [walk]", 1)
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

package plan_test

import (
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// presetEntry is rxEntry with one preset; the cases below edit one line
// of it. Its lines: 22 presets:, 23 name, 24 description, 25 reason, 26
// options:, 27 focus, 28 weeks, 29 include.
const presetEntry = rxEntry + `presets:
  - name: trunk-start
    description: A first plan for a tired trunk
    reason: Planks build trunk endurance.
    options:
      focus: balanced
      weeks: 6
      include: [plank]
`

func TestLoadCatalogPresets(t *testing.T) {
	c, err := plan.LoadCatalog(strings.NewReader(presetEntry), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, ok := c.Preset("trunk-start")
	if !ok || p.Description != "A first plan for a tired trunk" {
		t.Fatalf("preset %+v, %v", p, ok)
	}
	var got []string
	for _, s := range p.Settings() {
		got = append(got, s.Option+"="+s.Value)
	}
	if want := "weeks=6 focus=balanced include=plank"; strings.Join(got, " ") != want {
		t.Errorf("settings %q, want %q", got, want)
	}
	if _, ok := c.Preset("trunk"); ok {
		t.Error("found a preset the file does not have")
	}
	if got, want := c.UnknownPreset("trunk"), `unknown preset "trunk" (choose trunk-start)`; got != want {
		t.Errorf("UnknownPreset = %q, want %q", got, want)
	}
	// The planner records a preset it knows and refuses one it does not.
	pl, err := plan.Build(c, plan.Options{Preset: "trunk-start", LargePrint: true, Today: today})
	if err != nil || pl.Settings.Preset != "trunk-start" || !pl.Settings.LargePrint {
		t.Errorf("Build: settings %+v, %v; want the preset and large print recorded", pl.Settings, err)
	}
	_, err = plan.Build(c, plan.Options{Preset: "trunk", Today: today})
	checkError(t, err, plan.OptionProblem, "preset")
}

// TestPresetSettingsSpellEveryOption: Settings writes each field of
// PresetOptions under its option's name, as a clinician types it.
func TestPresetSettingsSpellEveryOption(t *testing.T) {
	yes, no := true, false
	p := plan.Preset{Options: plan.PresetOptions{
		Weeks: 6, Days: 2, Focus: plan.FocusCore, Level: plan.Intermediate,
		Equipment: []plan.Equipment{plan.Band, plan.Cable}, NoFloor: &yes, Minutes: 15,
		Include: []string{"a", "b"}, Exclude: []string{"c"}, LargePrint: &no,
	}}
	var got []string
	for _, s := range p.Settings() {
		got = append(got, s.Option+"="+s.Value)
	}
	want := "weeks=6 days=2 focus=core level=intermediate equipment=band,cable no-floor=yes minutes=15 include=a,b exclude=c large-print=no"
	if strings.Join(got, " ") != want {
		t.Errorf("settings\n got %q\nwant %q", strings.Join(got, " "), want)
	}
	p.Options = plan.PresetOptions{Equipment: []plan.Equipment{plan.None}}
	if s := p.Settings(); len(s) != 1 || s[0] != (plan.Setting{Option: "equipment", Value: "none"}) {
		t.Errorf("equipment [none]: settings %v, want equipment=none", s)
	}
}

func TestLoadCatalogPresetErrors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"an unknown option", "      weeks: 6", "      week: 6", `test.yaml:28: unknown field "week"`},
		{"weeks out of range", "weeks: 6", "weeks: 60", `test.yaml:28: preset "trunk-start": weeks must be 1–52, got 60`},
		{"days out of range", "weeks: 6", "days: 8", `test.yaml:28: preset "trunk-start": days must be 1–7, got 8`},
		{"minutes out of range", "weeks: 6", "minutes: 5", `test.yaml:28: preset "trunk-start": minutes must be 10–45, got 5`},
		{"an unknown focus", "      focus: balanced", "      focus: legs", `test.yaml:27: preset "trunk-start": unknown focus "legs" (choose balanced, mobility, posture, strength or core)`},
		{"an unknown level", "weeks: 6", "level: expert", `test.yaml:28: preset "trunk-start": unknown level "expert" (choose beginner or intermediate)`},
		{"unknown equipment", "weeks: 6", "equipment: [band, rope]", `test.yaml:28: preset "trunk-start": unknown equipment "rope" (choose none, band, dumbbells or cable)`},
		{"none beside equipment", "weeks: 6", "equipment: [band, none]", `test.yaml:28: preset "trunk-start": equipment none goes alone`},
		{"an unknown exercise", "include: [plank]", "include: [plonk]", `test.yaml:29: preset "trunk-start": include: unknown exercise "plonk"`},
		{"an excluded exercise unknown", "include: [plank]", "exclude: [plank, plonk]", `test.yaml:29: preset "trunk-start": exclude: unknown exercise "plonk"`},
		{"included and excluded", "include: [plank]", "include: [plank]\n      exclude: [plank]", `test.yaml:30: preset "trunk-start": exercise "plank" is both included and excluded; keep one`},
		{"a bad name", "name: trunk-start", "name: Trunk start", `test.yaml:23: preset "Trunk start": name "Trunk start" must be lower-case words joined by hyphens`},
		{"no name", "  - name: trunk-start\n", "  - name: \"\"\n", `test.yaml:23: preset #1: missing name`},
		{"no description", "    description: A first plan for a tired trunk\n", "", `test.yaml:23: preset "trunk-start": missing description (one line)`},
		{"a description of two lines", "description: A first plan for a tired trunk", "description: \"A first plan\\nfor a tired trunk\"", `test.yaml:24: preset "trunk-start": description must be one line`},
		{"a control character", "reason: Planks build trunk endurance.", "reason: \"Planks \\e[2J build\"", `test.yaml:25: preset "trunk-start": reason holds a control character; remove it`},
		{"a long reason", "reason: Planks build trunk endurance.", "reason: " + strings.Repeat("Planks build trunk endurance. ", 6), `test.yaml:25: preset "trunk-start": reason is 179 characters; keep it to 160`},
		{"no options", "    options:\n      focus: balanced\n      weeks: 6\n      include: [plank]\n", "    options: {}\n", `test.yaml:26: preset "trunk-start": no options (set at least one, such as focus)`},
		{"a name twice", "      include: [plank]\n", "      include: [plank]\n  - {name: trunk-start, description: Again, reason: Twice, options: {weeks: 2}}\n", `test.yaml:30: preset "trunk-start": the name is taken by an earlier preset; keep one`},
		{"a value of the wrong kind", "weeks: 6", "weeks: six", `test.yaml:28: expected a whole number, got text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(presetEntry, tt.old) {
				t.Fatalf("case does not apply: %q not in presetEntry", tt.old)
			}
			src := strings.Replace(presetEntry, tt.old, tt.new, 1)
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

package job_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

var presetDay = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// realCatalog is the built-in catalogue, with its presets.
func realCatalog(testing.TB) *plan.Catalog { return plan.Builtin() }

// set sets options through the table, as a front end does.
func set(t *testing.T, o *job.Options, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		op, ok := job.Lookup(pairs[i])
		if !ok {
			t.Fatalf("no option %s", pairs[i])
		}
		if err := op.Set(o, pairs[i+1]); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPresetGivenOptionsWin: a preset fills in what the clinician left
// unsaid, and whatever they gave wins, however it was given.
func TestPresetGivenOptionsWin(t *testing.T) {
	cat := realCatalog(t)
	tests := []struct {
		name  string
		given []string
		check func(p *plan.Plan, large bool) string
	}{
		{"the preset alone", []string{"preset", "older-adult"}, func(p *plan.Plan, large bool) string {
			if s := p.Settings; s.Weeks != 6 || !s.NoFloor || s.Focus != plan.FocusBalanced || !large || s.Preset != "older-adult" || !s.LargePrint {
				return "want the preset's 6 weeks, no floor, balanced, large print, recorded"
			}
			return ""
		}},
		{"weeks given", []string{"preset", "older-adult", "weeks", "8"}, func(p *plan.Plan, _ bool) string {
			if s := p.Settings; s.Weeks != 8 || !s.NoFloor {
				return "want 8 weeks and the preset's no floor"
			}
			return ""
		}},
		{"given before the preset", []string{"weeks", "8", "preset", "older-adult"}, func(p *plan.Plan, _ bool) string {
			if p.Settings.Weeks != 8 {
				return "want 8 weeks: the order does not matter"
			}
			return ""
		}},
		{"a switch turned off", []string{"preset", "older-adult", "no-floor", "no", "large-print", "no"}, func(p *plan.Plan, large bool) string {
			if s := p.Settings; s.NoFloor || large || s.LargePrint {
				return "want floor work and normal print, as given"
			}
			return ""
		}},
		{"weekdays given", []string{"preset", "flare-up", "weekdays", "mon,thu"}, func(p *plan.Plan, _ bool) string {
			if s := p.Settings; s.Days != 2 || len(s.Weekdays) != 2 {
				return "want the two weekdays given, not the preset's 5 days"
			}
			return ""
		}},
		{"equipment given", []string{"preset", "full-strength", "equipment", "cable"}, func(p *plan.Plan, _ bool) string {
			if s := p.Settings; len(s.Equipment) != 1 || s.Equipment[0] != plan.Cable {
				return "want the cable alone"
			}
			return ""
		}},
		{"the preset's include excluded", []string{"preset", "desk-worker", "exclude", "chair-extension"}, func(p *plan.Plan, _ bool) string {
			if _, ok := p.Exercise("chair-extension"); ok || len(p.Settings.Include) != 0 {
				return "want chair-extension left out, and the preset's include dropped"
			}
			return ""
		}},
		{"include given", []string{"preset", "desk-worker", "include", "chin-tuck"}, func(p *plan.Plan, _ bool) string {
			if s := p.Settings; !slices.Equal(s.Include, []string{"chin-tuck"}) || s.Focus != plan.FocusPosture {
				return "want the include given, whole, and the preset's focus"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o job.Options
			set(t, &o, tt.given...)
			p, err := job.Build(cat, o, presetDay)
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(p, o.LargePrint(p)); msg != "" {
				t.Errorf("settings %+v: %s", p.Settings, msg)
			}
		})
	}
}

// TestUnknownPreset: a usage error about the option preset that lists the
// presets there are.
func TestUnknownPreset(t *testing.T) {
	var o job.Options
	set(t, &o, "preset", "desk")
	_, err := job.Build(realCatalog(t), o, presetDay)
	want := `unknown preset "desk" (choose desk-worker, older-adult, flare-up or full-strength)`
	var je *job.Error
	if err == nil || err.Error() != want || !errors.As(err, &je) || je.Option != "preset" || !job.IsUsage(err) {
		t.Errorf("error %v, want the usage error %q", err, want)
	}
}

// TestMarkGiven: options a form marks as given are left as they are.
func TestMarkGiven(t *testing.T) {
	var o job.Options
	set(t, &o, "preset", "flare-up")
	o.MarkGiven(job.Names(job.PlanGroup, job.PrintGroup)...)
	p, err := job.Build(realCatalog(t), o, presetDay)
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Settings; s.Focus != plan.FocusBalanced || s.Minutes != plan.DefaultSessionMinutes || s.Preset != "flare-up" {
		t.Errorf("settings %+v: want the defaults the form showed, with the preset's name recorded", s)
	}
}

// TestPresetsMeanWhatTheySay builds each preset of the built-in
// catalogue and checks, from the preset's own options, that the plan
// keeps them, and that the workbook is made on both papers in the print
// the preset asks for.
func TestPresetsMeanWhatTheySay(t *testing.T) {
	cat := realCatalog(t)
	r, err := render.New(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range cat.Presets {
		t.Run(pr.Name, func(t *testing.T) {
			var o job.Options
			set(t, &o, "preset", pr.Name)
			p, err := job.Build(cat, o, presetDay)
			if err != nil {
				t.Fatal(err)
			}
			for _, msg := range presetBroken(pr.Options, p) {
				t.Error(msg)
			}
			ro := o.Render
			ro.LargePrint = o.LargePrint(p)
			if want := pr.Options.LargePrint != nil && *pr.Options.LargePrint; ro.LargePrint != want {
				t.Errorf("large print %v, want %v", ro.LargePrint, want)
			}
			for _, paper := range []render.Paper{render.A4, render.Letter} {
				ro.Paper = paper
				var b bytes.Buffer
				err := r.Workbook(&b, p, ro)
				if err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(b.Bytes(), "\r\n"), []byte("%%EOF")) {
					t.Errorf("%s: %v, %d bytes", paper, err, b.Len())
				}
			}
		})
	}
}

// presetBroken lists what p fails of the promises its preset's options
// make.
func presetBroken(po plan.PresetOptions, p *plan.Plan) []string {
	var bad []string
	s := p.Settings
	if po.Weeks != 0 && s.Weeks != po.Weeks || po.Days != 0 && s.Days != po.Days ||
		po.Focus != "" && s.Focus != po.Focus || po.Level != "" && s.Level != po.Level {
		bad = append(bad, "the plan's weeks, days, focus or level are not the preset's")
	}
	if po.Minutes != 0 && p.LongestSession() > po.Minutes {
		bad = append(bad, "a session is longer than the preset's minutes")
	}
	for _, e := range p.Exercises {
		switch {
		case po.NoFloor != nil && *po.NoFloor && e.Floor:
			bad = append(bad, e.ID+" is done on the floor; the preset asks for none")
		case s.Level == plan.Beginner && e.Level == plan.Intermediate:
			bad = append(bad, e.ID+" is an intermediate exercise in a beginner's plan")
		case e.Equipment != plan.None && e.Equipment != "" && !slices.Contains(s.Equipment, e.Equipment):
			bad = append(bad, e.ID+" needs "+string(e.Equipment)+", which the preset does not give")
		}
	}
	for _, id := range po.Include {
		if _, ok := p.Exercise(id); !ok {
			bad = append(bad, "the preset includes "+id+", which the plan leaves out")
		}
	}
	has := func(prefix string) bool {
		return slices.ContainsFunc(p.Exercises, func(e plan.Exercise) bool { return strings.HasPrefix(e.ID, prefix) || e.Family == prefix })
	}
	switch po.Focus {
	case plan.FocusPosture:
		if !has("external-rotation") {
			bad = append(bad, "a posture preset without the outward arm turn")
		}
		if !has("chair-extension") && !has("worktop-stretch") && !has("cat-cow") {
			bad = append(bad, "a posture preset without a thoracic extension")
		}
		if has("internal-rotation") {
			bad = append(bad, "a posture preset with the inward arm turn")
		}
	case plan.FocusStrength:
		if !has("row") {
			bad = append(bad, "a strength preset without a row")
		}
		if !resistanceClimbs(p) {
			bad = append(bad, "a strength preset whose resistance never climbs")
		}
	}
	return bad
}

// resistanceClimbs reports whether some exercise of p is done against a
// stronger band or heavier weight in a later week than in the first.
func resistanceClimbs(p *plan.Plan) bool {
	first := map[string]int{}
	for i, w := range p.Weeks {
		for _, sess := range w.Sessions {
			for _, it := range sess.Items {
				if i == 0 {
					first[it.Exercise] = max(first[it.Exercise], it.Dose.Level)
				} else if l, ok := first[it.Exercise]; ok && it.Dose.Level > max(l, 1) {
					return true
				}
			}
		}
	}
	return false
}

// TestBuiltInPresets: the presets the clinic asked for are there, with
// the choices that make each one what it says.
func TestBuiltInPresets(t *testing.T) {
	cat := realCatalog(t)
	yes := func(b *bool) bool { return b != nil && *b }
	for _, tt := range []struct {
		name string
		ok   func(plan.PresetOptions) bool
		says string
	}{
		{"desk-worker", func(o plan.PresetOptions) bool { return o.Focus == plan.FocusPosture }, "the posture focus"},
		{"older-adult", func(o plan.PresetOptions) bool {
			return yes(o.NoFloor) && yes(o.LargePrint) && o.Level == plan.Beginner
		}, "no floor work, large print, beginner"},
		{"flare-up", func(o plan.PresetOptions) bool {
			return o.Level == plan.Beginner && o.Minutes != 0 && o.Minutes <= 15 && o.Weeks != 0 && o.Weeks <= 2 && o.Focus == plan.FocusMobility
		}, "easy and short: beginner mobility, at most 15 minutes, at most 2 weeks"},
		{"full-strength", func(o plan.PresetOptions) bool { return o.Focus == plan.FocusStrength && len(o.Equipment) > 0 }, "the strength focus with equipment"},
	} {
		p, ok := cat.Preset(tt.name)
		if !ok {
			t.Errorf("no preset %s", tt.name)
			continue
		}
		if !tt.ok(p.Options) {
			t.Errorf("preset %s: options %+v, want %s", tt.name, p.Options, tt.says)
		}
	}
}

// FuzzWithPreset: any preset name beside any option's value. Filling in
// a preset never panics; it fails only with an *Error about the option
// preset, on one line.
func FuzzWithPreset(f *testing.F) {
	for _, s := range []string{"desk-worker", "older-adult", "flare-up", "full-strength", "", "sofa", "Desk-Worker ", "\x1b[2J"} {
		f.Add(s, uint8(0), "8")
	}
	f.Add("desk-worker", uint8(12), "chair-extension")
	f.Add("flare-up", uint8(3), "mon,thu")
	cat := realCatalog(f)
	f.Fuzz(func(t *testing.T, name string, which uint8, v string) {
		var o job.Options
		op, _ := job.Lookup("preset")
		_ = op.Set(&o, name)
		table := job.Table()
		_ = table[int(which)%len(table)].Set(&o, v)
		_, err := o.WithPreset(cat)
		if err == nil {
			return
		}
		var je *job.Error
		if !errors.As(err, &je) || je.Option != "preset" || strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("preset %q, option %d = %q: error %v", name, which, v, err)
		}
	})
}

package job_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestTable checks what each option's parser takes and refuses, and where
// the value goes. Ranges are not the parsers' business: the planner
// refuses them, once, for every front end.
func TestTable(t *testing.T) {
	date := plan.NewDate(2026, 12, 7)
	tests := []struct {
		name, value string
		get         func(job.Options) any
		want        any
		err         string
	}{
		{"preset", " Desk-Worker ", func(o job.Options) any { return o.Preset }, "desk-worker", ""}, // Build checks the name
		{"weeks", "6", func(o job.Options) any { return o.Plan.Weeks }, 6, ""},
		{"weeks", " 53 ", func(o job.Options) any { return o.Plan.Weeks }, 53, ""}, // the planner's to refuse
		{"weeks", "0", nil, nil, "weeks must be 1–52, got 0"},
		{"weeks", "four", nil, nil, `weeks must be a whole number, got "four"`},
		{"days", "-1", func(o job.Options) any { return o.Plan.Days }, -1, ""},
		{"minutes", "25", func(o job.Options) any { return o.Plan.Minutes }, 25, ""},
		{"weekdays", "fri, MON,Wednesday,mon", func(o job.Options) any { return plan.Weekdays(o.Plan.Weekdays).String() }, "mon, wed, fri", ""},
		{"weekdays", "mon,tues", nil, nil, `unknown day "tues" (write the days as mon, tue, wed, thu, fri, sat or sun)`},
		{"weekdays", ",", nil, nil, "no days given (write the days as mon, tue, wed, thu, fri, sat or sun)"},
		{"focus", "Posture", func(o job.Options) any { return o.Plan.Focus }, plan.FocusPosture, ""},
		{"focus", "legs", nil, nil, `unknown focus "legs" (choose balanced, mobility, posture, strength or core)`},
		{"level", "intermediate", func(o job.Options) any { return o.Plan.Level }, plan.Intermediate, ""},
		{"equipment", "dumbbells, band", func(o job.Options) any { return len(o.Plan.Equipment) }, 2, ""},
		{"equipment", "none", func(o job.Options) any { return o.Plan.Equipment != nil && len(o.Plan.Equipment) == 0 }, true, ""},
		{"no-floor", "yes", func(o job.Options) any { return o.Plan.NoFloor }, true, ""},
		{"no-floor", "maybe", nil, nil, `no-floor must be yes or no, got "maybe"`},
		{"start", "2026-12-07", func(o job.Options) any { return o.Plan.Start }, date, ""},
		{"review", "soon", nil, nil, `review: "soon" is not a date: write it as YYYY-MM-DD, for example 2026-12-07`},
		{"include", " a ,b,, c", func(o job.Options) any { return strings.Join(o.Plan.Include, "|") }, "a|b|c", ""},
		{"exclude", "plank", func(o job.Options) any { return strings.Join(o.Plan.Exclude, "|") }, "plank", ""},
		{"dose", "row-band=2 sets of 8 to 3 sets of 12, bridge=5 holds of 10 s", func(o job.Options) any { return fmt.Sprint(o.Plan.Doses) }, "[row-band=2 sets of 8 to 3 sets of 12 bridge=5 holds of 10 s to 5 holds of 10 s]", ""},
		{"order", "bridge, row-band", func(o job.Options) any { return strings.Join(o.Plan.Order, "|") }, "bridge|row-band", ""},
		{"patient", "Ana Ruiz", func(o job.Options) any { return o.Plan.Patient.Name }, "Ana Ruiz", ""},
		{"clinician", "Dr Lee", func(o job.Options) any { return o.Plan.Patient.Clinician }, "Dr Lee", ""},
		{"clinic", "Sur", func(o job.Options) any { return o.Plan.Patient.Clinic }, "Sur", ""},
		{"contact", "555", func(o job.Options) any { return o.Plan.Patient.Contact }, "555", ""},
		{"notes", "Go\ngently", func(o job.Options) any { return o.Plan.Patient.Notes }, "Go\ngently", ""},
		{"paper", "A4", func(o job.Options) any { return o.Render.Paper }, render.A4, ""},
		{"paper", "a5", nil, nil, `unknown paper "a5" (choose a4 or letter)`},
		{"large-print", "1", func(o job.Options) any { return o.Render.LargePrint }, true, ""},
		{"clinic-url", " https://northside.example/videos ", func(o job.Options) any { return o.Render.ClinicURL }, "https://northside.example/videos", ""},
		{"clinic-url", "http://northside.example", nil, nil, `clinic-url: the link must start with https:// (got "http://northside.example")`},
		{"clinic-url", "https://northside.example/?patient=ana", nil, nil, `clinic-url: the link's "patient" parameter would carry a patient's details; link to the video alone`},
		{"email", "ana@example.com", func(o job.Options) any { return o.Send.Email }, "ana@example.com", ""},
		{"email", "Ana Ruiz <ana@example.com>", func(o job.Options) any { return o.Send.Email }, `"Ana Ruiz" <ana@example.com>`, ""},
		{"email", "ana", nil, nil, `email: "ana" is not one email address (write it as ana@example.com)`},
		{"email", "ana@example.com, ben@example.com", nil, nil, `email: "ana@example.com, ben@example.com" is not one email address (write it as ana@example.com)`},
		{"protect", "yes", func(o job.Options) any { return o.Send.Protect }, true, ""},
		{"eml-plan", "true", func(o job.Options) any { return o.Send.AttachPlan }, true, ""},
	}
	tested := map[string]bool{"lang": true} // TestLangOption
	for _, tt := range tests {
		tested[tt.name] = true
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			op, ok := job.Lookup(tt.name)
			if !ok {
				t.Fatalf("no option %s", tt.name)
			}
			var o job.Options
			err := op.Set(&o, tt.value)
			if tt.err != "" {
				var je *job.Error
				if err == nil || err.Error() != tt.err || !errors.As(err, &je) || je.Option != tt.name || !job.IsUsage(err) {
					t.Errorf("error %v, want the usage error %q about %s", err, tt.err, tt.name)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.get(o); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	for _, op := range job.Table() {
		if !tested[op.Name] {
			t.Errorf("the table's option %s is not tested here", op.Name)
		}
	}
}

// TestTableGroups: every option is in one group, and the groups hold what
// each front end offers.
func TestTableGroups(t *testing.T) {
	for _, op := range job.Table() {
		if op.Group < job.PlanGroup || op.Group > job.SendGroup || op.Kind == 0 || op.Does == "" {
			t.Errorf("option %s: group %d, kind %d, does %q", op.Name, op.Group, op.Kind, op.Does)
		}
	}
	if got := strings.Join(job.Names(job.PatientGroup), ","); got != "patient,clinician,clinic,contact,notes,lang" {
		t.Errorf("patient group: %s", got)
	}
	if got := strings.Join(job.Names(job.PrintGroup), ","); got != "paper,large-print,clinic-url" {
		t.Errorf("print group: %s", got)
	}
	if got := strings.Join(job.Names(job.SendGroup), ","); got != "email,protect,eml-plan" {
		t.Errorf("send group: %s", got)
	}
	if _, ok := job.Lookup("out"); ok {
		t.Error("out is the command line's, not a workbook option")
	}
}

// TestBuild: Build is plan.Build on the run date.
func TestBuild(t *testing.T) {
	cat, err := plan.LoadCatalog(strings.NewReader(catalog), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var o job.Options
	o.Plan.Weeks = 2
	p, err := job.Build(cat, o, time.Date(2026, 11, 24, 23, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Settings.Issued, plan.NewDate(2026, 11, 24); got != want {
		t.Errorf("issued %s, want %s", got, want)
	}
	if got, want := p.Settings.Start, plan.NewDate(2026, 11, 30); got != want {
		t.Errorf("start %s, want the next Monday, %s", got, want)
	}
}

// TestHint: each front end's words, from the kind of error alone.
func TestHint(t *testing.T) {
	cat, err := plan.LoadCatalog(strings.NewReader(catalog), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cli := job.Words{Option: func(n string) string { return "--" + n }, IDs: "backplan --list shows the ids"}
	cell := job.Words{Option: func(n string) string { return "the " + n + " cell" }, IDs: "backplan --list shows the ids"}
	build := func(f func(*job.Options)) error {
		var o job.Options
		f(&o)
		_, err := job.Build(cat, o, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
		return err
	}
	unknown := build(func(o *job.Options) { o.Plan.Include = []string{"plank99"} })
	tooMany := build(func(o *job.Options) { o.Plan.Minutes = 10; o.Plan.Include = []string{"walk", "shrugs", "twist"} })
	weeks := build(func(o *job.Options) { o.Plan.Weeks = 99 })
	for _, tt := range []struct {
		err  error
		w    job.Words
		want string
	}{
		{unknown, cli, "backplan --list shows the ids"},
		{tooMany, cli, "raise --minutes or include fewer exercises"},
		{tooMany, cell, "raise the minutes cell or include fewer exercises"},
		{weeks, cli, ""},
		{errors.New("other"), cli, ""},
		// A role no exercise fills: only the changes that bring one back.
		{role(&plan.RoleError{Role: "horizontal pull", Equipment: []plan.Equipment{plan.Dumbbells, plan.Cable}}), cli,
			"add dumbbells or cable to --equipment, or change --focus"},
		{role(&plan.RoleError{Role: "horizontal pull", Floor: true}), cell, "turn off the no-floor cell, or change the focus cell"},
		{role(&plan.RoleError{Role: "warm up", Excluded: []string{"walk", "march"}}), cli,
			"take walk or march out of --exclude, or change --focus"},
		{role(&plan.RoleError{Role: "core", Level: true}), cli, "choose intermediate for --level, or change --focus"},
	} {
		if got := tt.w.Hint(tt.err); got != tt.want {
			t.Errorf("Hint(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	// Options that can never make a plan are a usage error too.
	if !job.IsUsage(weeks) || !job.IsUsage(tooMany) || job.OptionOf(tooMany) != "include" || job.OptionOf(weeks) != "weeks" {
		t.Errorf("kinds: weeks %v, too many %v", weeks, tooMany)
	}
}

// role is the error of a role no exercise can fill, as the planner gives it.
func role(re *plan.RoleError) error {
	return &plan.Error{Kind: plan.BuildProblem, Input: "focus", Msg: re.Error(), Err: re}
}

// catalog is a small catalogue: a warm-up pair and three more.
const catalog = `exercises:
  - id: walk
    name: Walk
    category: cardio
    purpose: Warms you up.
    position: standing
    dose: {start: {minutes: 3}, top: {minutes: 3}}
    steps: [Walk.]
  - id: arm-circles
    name: Arm circles
    category: dynamic
    purpose: Loosens the shoulders.
    position: standing
    dose: {start: {seconds: 30}, top: {seconds: 30}}
    steps: [Circle.]
  - id: shrugs
    name: Shrugs
    category: mobility
    purpose: Loosens the neck.
    position: standing
    dose: {start: {minutes: 4}, top: {minutes: 4}}
    steps: [Shrug.]
  - id: twist
    name: Twist
    category: mobility
    purpose: Turns the spine.
    position: seated
    dose: {start: {minutes: 4}, top: {minutes: 4}}
    steps: [Twist.]
  - id: row
    name: Row
    category: strength
    purpose: Strengthens the back.
    position: standing
    equipment: band
    muscles: [upper-back]
    dose: {start: {reps: 8}, top: {reps: 12}}
    steps: [Pull.]
prescriptions:
  - focus: balanced
    roles:
      - {role: warm-up, priority: 1, days: 7, candidates: [walk]}
      - {role: loosening, priority: 1, days: 7, candidates: [arm-circles]}
      - {role: rotation, priority: 2, days: 7, candidates: [twist]}
      - {role: pull, priority: 2, days: 3, candidates: [row]}
  - focus: mobility
    roles:
      - {role: warm-up, priority: 1, days: 7, candidates: [walk]}
      - {role: loosening, priority: 1, days: 7, candidates: [arm-circles]}
      - {role: rotation, priority: 2, days: 7, candidates: [twist]}
      - {role: pull, priority: 2, days: 3, candidates: [row]}
  - focus: posture
    roles:
      - {role: warm-up, priority: 1, days: 7, candidates: [walk]}
      - {role: loosening, priority: 1, days: 7, candidates: [arm-circles]}
      - {role: rotation, priority: 2, days: 7, candidates: [twist]}
      - {role: pull, priority: 2, days: 3, candidates: [row]}
  - focus: strength
    roles:
      - {role: warm-up, priority: 1, days: 7, candidates: [walk]}
      - {role: loosening, priority: 1, days: 7, candidates: [arm-circles]}
      - {role: rotation, priority: 2, days: 7, candidates: [twist]}
      - {role: pull, priority: 2, days: 3, candidates: [row]}
  - focus: core
    roles:
      - {role: warm-up, priority: 1, days: 7, candidates: [walk]}
      - {role: loosening, priority: 1, days: 7, candidates: [arm-circles]}
      - {role: rotation, priority: 2, days: 7, candidates: [twist]}
      - {role: pull, priority: 2, days: 3, candidates: [row]}
`

// FuzzTable gives every option any value. No parser may panic; a value
// is taken or refused with an *Error about that option, on one line, in
// words that name no flag (quoted input aside).
func FuzzTable(f *testing.F) {
	for _, s := range []string{"4", "0", "-1", "mon,wed", "posture", "band, none", "yes", "2026-12-07", "a4", "", "--weeks", "x\ny", "\xff", "https://a.example/v", "ana@example.com", "<a@b>"} {
		f.Add(uint8(0), s)
	}
	f.Fuzz(func(t *testing.T, which uint8, v string) {
		table := job.Table()
		op := table[int(which)%len(table)]
		var o job.Options
		err := op.Set(&o, v)
		if err == nil {
			return
		}
		var je *job.Error
		if !errors.As(err, &je) || je.Option != op.Name || !job.IsUsage(err) || job.OptionOf(err) != op.Name {
			t.Fatalf("%s %q: error %v (%T) is not a usage error about %s", op.Name, v, err, err, op.Name)
		}
		msg := err.Error()
		own := quoted.ReplaceAllString(msg, "")
		if strings.ContainsAny(msg, "\n\r") || strings.Contains(own, "--") || msg == "" {
			t.Fatalf("%s %q: message %q", op.Name, v, msg)
		}
	})
}

// quoted finds a quoted piece of input in a message.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// TestPrint: the paper chosen stays; with none, the default given.
func TestPrint(t *testing.T) {
	var o job.Options
	if got := o.Print(render.A4); got.Paper != render.A4 {
		t.Errorf("no paper chosen: got %s, want the default, a4", got.Paper)
	}
	o.Render = render.Options{Paper: render.Letter, LargePrint: true}
	if got := o.Print(render.A4); got != o.Render {
		t.Errorf("letter chosen: got %+v", got)
	}
}

// TestTableWords: a roster's cells may use the page's words for the
// equipment and focus, and a dose's mistake names the exercise.
func TestTableWords(t *testing.T) {
	var o job.Options
	for _, tt := range []struct{ name, value string }{{"equipment", "A resistance band, a cable machine"}, {"focus", "Core (trunk)"}} {
		op, _ := job.Lookup(tt.name)
		if err := op.Set(&o, tt.value); err != nil {
			t.Errorf("%s=%q: %v", tt.name, tt.value, err)
		}
	}
	if got := fmt.Sprint(o.Plan.Equipment, " ", o.Plan.Focus); got != "[band cable] core" {
		t.Errorf("got %s, want [band cable] core", got)
	}
	op, _ := job.Lookup("dose")
	want := `dose: exercise "row-band": top sets 2 is below start sets 3`
	if err := op.Set(&o, "row-band=3 sets of 12 to 2 sets of 8"); err == nil || err.Error() != want || !job.IsUsage(err) {
		t.Errorf("got %v, want the usage error %q", err, want)
	}
}

// TestLangOption: lang takes a language the workbook has, by its tag in
// any case and with a region or not, keeps its own tag ("" for English,
// as a plan without the setting), and refuses any other with the list.
func TestLangOption(t *testing.T) {
	op, ok := job.Lookup("lang")
	if !ok {
		t.Fatal("no option lang")
	}
	for in, want := range map[string]string{"es": "es", " ES-mx ": "es", "es-419": "es", "en": "", "EN-gb": "", "": ""} {
		var o job.Options
		if err := op.Set(&o, in); err != nil || o.Plan.Lang != want {
			t.Errorf("lang %q: %q, %v; want %q", in, o.Plan.Lang, err, want)
		}
	}
	for _, in := range []string{"fr", "pt-BR", "spanish"} {
		var o job.Options
		err := op.Set(&o, in)
		want := fmt.Sprintf("no workbook in language %q (choose en, es)", in)
		if err == nil || err.Error() != want || !job.IsUsage(err) {
			t.Errorf("lang %q: %v, want the usage error %q", in, err, want)
		}
	}
}

package plan_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/plan"
)

// Input that must be refused, whatever its source: text that is not UTF-8,
// bytes hidden in a !!binary value, control characters, fractions where a
// whole number belongs, and dates outside the range backplan plans in.

func TestLoadCatalogRefusesBadText(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"a byte that is not UTF-8", "name: Plank", "name: Pl\xe9nk", `test.yaml:3: "name": not valid UTF-8 text`},
		{"a !!binary value", "name: Plank", "name: !!binary UGxhbms=", `test.yaml:3: "name": a !!binary value`},
		{"a terminal escape in a step", "- Lie face down.", "- \"Lie \\e[31mface down.\"", `test.yaml:13: exercise "plank": steps item 1: the text holds a control character (U+001B)`},
		{"a line break in a name", "name: Plank", `name: "Pl\nank"`, `test.yaml:3: exercise "plank": name: the text holds a control character (U+000A)`},
		{"a fraction of reps", "start: {reps: 3, hold: 10}", "start: {reps: 5.99, hold: 10}", `test.yaml:9: "reps" must be a whole number, got "5.99"`},
		{"a fraction of a hold", "top: {reps: 3, hold: 30}", "top: {reps: 3, hold: 2.5e1}", `test.yaml:10: "hold" must be a whole number, got "2.5e1"`},
		{"holds in sets", "top: {reps: 3, hold: 30}", "top: {sets: 2, reps: 3, hold: 30}", `test.yaml:10: exercise "plank": top holds are done as one set`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(entry, tt.old) {
				t.Fatalf("case does not apply: %q not in entry", tt.old)
			}
			_, err := plan.LoadCatalog(strings.NewReader(strings.Replace(entry, tt.old, tt.new, 1)), "test.yaml")
			if err == nil {
				t.Fatalf("loaded; want %q", tt.want)
			}
			checkError(t, err, plan.CatalogProblem, "test.yaml")
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %s\nwant %s…", err, tt.want)
			}
		})
	}
}

func TestReadPlanRefusesBadText(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"a name that is not UTF-8", "name: Ana Ruiz", "name: Jos\xe9", `plan.yaml:6: "name": not valid UTF-8 text`},
		{"a name as !!binary", "name: Ana Ruiz", "name: !!binary /w==", `plan.yaml:6: "name": a !!binary value`},
		{"a name with a terminal escape", "name: Ana Ruiz", `name: "Ana \e]0;x\a"`, `plan.yaml:6: patient name: the text holds a control character (U+001B)`},
		{"a name far too long", "name: Ana Ruiz", "name: " + strings.Repeat("a", 201), `plan.yaml:6: patient name: 201 characters is too long; keep it to 200`},
		{"a fraction of reps", "dose: {sets: 3, reps: 12, level: 1}", "dose: {sets: 3, reps: 7.5, level: 1}", `plan.yaml:81: "reps" must be a whole number, got "7.5"`},
		{"a fraction of weeks", "  weeks: 2", "  weeks: 2.0", `plan.yaml:8: "weeks" must be a whole number, got "2.0"`},
		{"a start before 1900", `start: "2026-11-30"`, `start: "1899-12-25"`, `plan.yaml:15: 1899-12-25 is out of range`},
		{"weekdays that disagree with days", "  days: 1\n", "  days: 1\n  weekdays: [mon, thu]\n", `plan.yaml:10: settings: 2 weekdays chosen (mon, thu), but days: 1`},
		{"a session off the weekdays", "  days: 1\n", "  days: 1\n  weekdays: [tue]\n", `plan.yaml:`},
		{"an unknown weekday", "  days: 1\n", "  days: 1\n  weekdays: [mon, funday]\n", `plan.yaml:10: weekdays must be different days`},
		{"an appointment outside its week", "  - week: 2\n    start: \"2026-12-07\"\n", "  - week: 2\n    start: \"2026-12-07\"\n    appointment: \"2026-12-25\"\n", `plan.yaml:84: week 2: appointment 2026-12-25 is outside the week`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(smallPlan, tt.old) {
				t.Fatalf("case does not apply: %q not in smallPlan", tt.old)
			}
			_, err := plan.ReadPlan(strings.NewReader(strings.Replace(smallPlan, tt.old, tt.new, 1)), "plan.yaml")
			if err == nil {
				t.Fatalf("read; want %q", tt.want)
			}
			checkError(t, err, plan.PlanFileProblem, "plan.yaml")
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %s\nwant %s…", err, tt.want)
			}
		})
	}
}

func TestPatientValidate(t *testing.T) {
	tests := []struct {
		name  string
		p     plan.Patient
		input string // "" when valid
	}{
		{"everything valid, any script", plan.Patient{Name: "Αλεξάνδρα Παπαδοπούλου", Clinician: "Анна Иванова", Clinic: "Clínica São José", Contact: "020 7946 0000", Notes: "Line one.\nLine two.\r\n\tIndented."}, ""},
		{"a name of 200 characters", plan.Patient{Name: strings.Repeat("é", 200)}, ""},
		{"a name of 201 characters", plan.Patient{Name: strings.Repeat("é", 201)}, "patient"},
		{"a name that is not UTF-8", plan.Patient{Name: "Jos\xe9"}, "patient"},
		{"a name with a line break", plan.Patient{Name: "Ana\nRuiz"}, "patient"},
		{"a clinician with a terminal escape", plan.Patient{Clinician: "Dr \x1b[2J"}, "clinician"},
		{"a clinic with a line separator", plan.Patient{Clinic: "Riverside\u2028Physio"}, "clinic"},
		{"a contact of 301 characters", plan.Patient{Contact: strings.Repeat("0", 301)}, "contact"},
		{"notes of 1001 characters", plan.Patient{Notes: strings.Repeat("a", 1001)}, "notes"},
		{"notes with a bare carriage return", plan.Patient{Notes: "one\rtwo"}, "notes"},
		{"notes with a NUL", plan.Patient{Notes: "one\x00two"}, "notes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.input == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			checkError(t, err, plan.OptionProblem, tt.input)
			// Build refuses it the same way.
			_, err = plan.Build(realCatalog(t), plan.Options{Today: today, Patient: tt.p})
			checkError(t, err, plan.OptionProblem, tt.input)
		})
	}
}

func TestParseDateRange(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"1900-01-01", true}, {"2200-12-31", true}, {"2026-12-07", true}, {" 2026-12-07 ", true},
		{"1899-12-31", false}, {"2201-01-01", false}, {"0001-01-01", false}, {"9999-12-31", false},
		{"2026-02-30", false}, {"07/12/2026", false}, {"", false},
	}
	for _, tt := range tests {
		d, err := plan.ParseDate(tt.in)
		if ok := err == nil; ok != tt.ok {
			t.Errorf("ParseDate(%q) = %v, %v; want ok %v", tt.in, d, err, tt.ok)
		}
		if err == nil && d.IsZero() {
			t.Errorf("ParseDate(%q) gave the zero Date, which means not set", tt.in)
		}
		if err != nil && strings.Contains(err.Error(), "--") {
			t.Errorf("ParseDate(%q): error names a flag: %v", tt.in, err)
		}
	}
}

func TestDateOptions(t *testing.T) {
	tests := []struct {
		name   string
		o      plan.Options
		option string
	}{
		{"a start before 1900", plan.Options{Start: plan.NewDate(1, 1, 2)}, "start"},
		{"a start after 2200", plan.Options{Start: plan.NewDate(9999, 12, 31)}, "start"},
		{"a plan that would end after 2200", plan.Options{Weeks: 52, Start: plan.NewDate(2200, 6, 1)}, "start"},
		{"a review before today", plan.Options{Review: plan.NewDate(2026, 11, 1)}, "review"},
		{"a review after 2200", plan.Options{Review: plan.NewDate(2201, 1, 1)}, "review"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Today = today
			_, err := plan.Build(realCatalog(t), tt.o)
			checkError(t, err, plan.OptionProblem, tt.option)
		})
	}
}

func TestWeekdays(t *testing.T) {
	t.Run("parsed in any case, short or long, in week order", func(t *testing.T) {
		got, err := plan.ParseWeekdays("FRI, monday,Wed,mon")
		if err != nil {
			t.Fatal(err)
		}
		if want := (plan.Weekdays{time.Monday, time.Wednesday, time.Friday}); !slicesEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("an unknown day is an option error", func(t *testing.T) {
		_, err := plan.ParseWeekdays("mon,funday")
		checkError(t, err, plan.OptionProblem, "weekdays")
	})
	t.Run("sessions fall only on the weekdays, which set the days", func(t *testing.T) {
		for _, days := range []plan.Weekdays{{time.Monday, time.Wednesday, time.Friday}, {time.Saturday, time.Sunday}, {time.Sunday, time.Monday, time.Tuesday, time.Saturday}} {
			for _, start := range []plan.Date{{}, plan.NewDate(2026, 12, 3)} {
				o := plan.Options{Weeks: 6, Weekdays: days, Start: start, Focus: plan.FocusStrength, Today: today}
				p, err := plan.Build(realCatalog(t), o)
				if err != nil {
					t.Fatalf("%v: %v", days, err)
				}
				if p.Settings.Days != len(days) {
					t.Errorf("%v: days %d", days, p.Settings.Days)
				}
				if msg := checkInvariants(p); msg != "" {
					t.Errorf("%v from %s: %s", days, p.Settings.Start, msg)
				}
			}
		}
	})
	t.Run("days that disagree are an option error", func(t *testing.T) {
		_, err := plan.Build(realCatalog(t), plan.Options{Days: 2, Weekdays: []time.Weekday{time.Monday, time.Wednesday, time.Friday}, Today: today})
		checkError(t, err, plan.OptionProblem, "days")
	})
}

func TestReviewsAndAppointments(t *testing.T) {
	review := plan.NewDate(2027, 1, 13) // a Wednesday in week 7
	p := build(t, plan.Options{Weeks: 13, Review: review})
	var reviews []int
	for _, w := range p.Weeks {
		if w.Review {
			reviews = append(reviews, w.Number)
		}
		if got, want := w.Appointment, review; (w.Number == 7) != (got == want) || (w.Number != 7 && !got.IsZero()) {
			t.Errorf("week %d (%s to %s): appointment %q", w.Number, w.Start, w.End(), got)
		}
	}
	if want := []int{6, 12, 13}; !slicesEqual(reviews, want) {
		t.Errorf("reviews in weeks %v, want %v", reviews, want)
	}
	// The plan file keeps the review, the weekdays and the week marks.
	p = build(t, plan.Options{Weeks: 13, Review: review, Weekdays: []time.Weekday{time.Tuesday, time.Thursday}})
	var first, second bytes.Buffer
	if err := p.WriteYAML(&first); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"weekdays: [tue, thu]", `review: "2027-01-13"`, `appointment: "2027-01-13"`, "steady: true", "review: true"} {
		if !strings.Contains(first.String(), want) {
			t.Errorf("plan file lacks %q", want)
		}
	}
	q, err := plan.ReadPlan(bytes.NewReader(first.Bytes()), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := q.WriteYAML(&second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Error("save, load, save changed the plan file")
	}
}

func slicesEqual[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

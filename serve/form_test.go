package serve

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/job"
)

// TestValues: how a form's fields reach the options' parsers.
func TestValues(t *testing.T) {
	for _, tt := range []struct {
		form, want, errs string
	}{
		{"", "", ""},
		{"weeks=4&patient=Ana+Ruiz", "weeks=4 patient=Ana Ruiz", ""},
		{"weeks=&patient=+", "", ""}, // empty means the default
		{"equipment=band&equipment=cable", "equipment=band,cable", ""},
		{"equipment=band,dumbbells", "equipment=band,dumbbells", ""},
		{"equipment=", "equipment=none", ""}, // every box unticked
		{"equipment=&equipment=band", "equipment=band", ""},
		{"no-floor=on&large-print=yes", "no-floor=yes large-print=yes", ""},
		{"patient=--weeks%3D9", "patient=--weeks=9", ""}, // a value is never an option
		{"weeks=1&weeks=2", "", "weeks is given more than once"},
		{"out=x.pdf&catalog=y", "", `unknown field "catalog"` + "\n" + `unknown field "out"`},
		{"include=bridge&include=cobra&exclude=plank-full", "include=bridge,cobra exclude=plank-full", ""},
	} {
		form, err := url.ParseQuery(tt.form)
		if err != nil {
			t.Fatal(err)
		}
		vals, errs := values(form, planFields)
		var got []string
		for _, v := range vals {
			got = append(got, v.op.Name+"="+v.v)
		}
		gotErrs := ""
		if errs != nil {
			gotErrs = errs.Error()
		}
		if strings.Join(got, " ") != tt.want || gotErrs != tt.errs {
			t.Errorf("values(%q) = %q, %q; want %q, %q", tt.form, got, gotErrs, tt.want, tt.errs)
		}
	}
}

// TestEveryOptionHasALabel: the page names every option of the table, so
// a new option cannot reach the form without a label for its mistakes.
func TestEveryOptionHasALabel(t *testing.T) {
	for _, op := range job.Table() {
		if labels[op.Name] == "" {
			t.Errorf("option %s has no label on the page", op.Name)
		}
		if !slices.Contains(planFields, op.Name) {
			t.Errorf("option %s is not a field of the form", op.Name)
		}
	}
}

// FuzzForm: any form decodes without a panic, into options or into
// mistakes of one line each, each about a field of the form or none.
func FuzzForm(f *testing.F) {
	for _, s := range []string{
		"weeks=4&days=3&focus=posture&equipment=band&equipment=cable&no-floor=on",
		"patient=%CE%96%CF%89%CE%AE&notes=a%0Ab&start=2026-12-07&paper=a4&large-print=yes",
		"include=bridge,cobra&exclude=plank-full&minutes=10",
		"equipment=&weeks=--days&patient=-p",
		"catalog=x&out=-&from=y&batch=z",
		"days=2&weekdays=mon,thu",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		form, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		_, errs := decode(form, planFields)
		for _, fe := range errs {
			if strings.ContainsAny(fe.Msg, "\n\r") || fe.Msg == "" {
				t.Fatalf("message %q", fe.Msg)
			}
			if fe.Field != "" && fe.Label() == "" {
				t.Fatalf("a mistake in %q, which is no field of the form", fe.Field)
			}
		}
	})
}

// TestPageTemplatesParse parses the embedded templates, which the package
// parses only on first use.
func TestPageTemplatesParse(t *testing.T) {
	tm := parsePageTemplates()
	for _, name := range []string{"page.html", "preview.html"} {
		if tm.Lookup(name) == nil {
			t.Errorf("no template %q", name)
		}
	}
}

// TestMistakesNameTheirFieldOnce: every option's mistake, from its own
// parser or from the planner, names its field once in the plain text and
// not at all in the message the page shows beside the field (the page
// puts the field's label there itself), and quotes only a short prefix of
// a long value.
func TestMistakesNameTheirFieldOnce(t *testing.T) {
	s, _ := newTestServer(t)
	bad := []string{"x", "0", "-1", "99999999999999999999", "2026-02-30", "nope-nope", strings.Repeat("a", 3000), "a\x01b", "mon,mon"}
	seen := 0
	for _, op := range job.Table() {
		if !slices.Contains(planFields, op.Name) {
			continue
		}
		for _, v := range bad {
			_, errs := s.planFor(url.Values{op.Name: {v}})
			for _, e := range errs {
				seen++
				if e.Field != "" && strings.HasPrefix(e.Msg, e.Field+": ") {
					t.Errorf("%s=%.20q: the page shows %q beside the field, which names it again", op.Name, v, e.Msg)
				}
				for _, line := range strings.Split(errs.Error(), "\n") {
					if e.Field != "" && strings.HasPrefix(line, e.Field+": "+e.Field) {
						t.Errorf("%s=%.20q: plain text %q names the field twice", op.Name, v, line)
					}
					if len(line) > 300 {
						t.Errorf("%s=%.20q: plain text line of %d bytes quotes the value whole", op.Name, v, len(line))
					}
				}
			}
		}
	}
	if seen < 20 {
		t.Errorf("only %d mistakes: the test no longer reaches the parsers", seen)
	}
}

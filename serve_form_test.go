package main

import (
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFormArgs(t *testing.T) {
	all := func(string) bool { return true }
	for _, tt := range []struct {
		form, want, errs string
	}{
		{"", "", ""},
		{"weeks=4&patient=Ana+Ruiz", "--weeks=4 --patient=Ana Ruiz", ""},
		{"weeks=&patient=+", "", ""}, // empty means the default
		{"equipment=band&equipment=cable", "--equipment=band,cable", ""},
		{"equipment=band,dumbbells", "--equipment=band,dumbbells", ""},
		{"equipment=", "--equipment=none", ""}, // every box unticked
		{"equipment=&equipment=band", "--equipment=band", ""},
		{"no-floor=on&large-print=yes", "--no-floor=yes --large-print=yes", ""},
		{"patient=--weeks%3D9", "--patient=--weeks=9", ""}, // a value is never an option
		{"weeks=1&weeks=2", "", "weeks: weeks is given more than once"},
		{"out=x.pdf&catalog=y", "", `unknown field "catalog"` + "\n" + `unknown field "out"`},
		{"include=bridge&include=cobra&exclude=plank-full", "--include=bridge,cobra --exclude=plank-full", ""},
	} {
		form, err := url.ParseQuery(tt.form)
		if err != nil {
			t.Fatal(err)
		}
		args, errs := formArgs(form, all)
		got := strings.Join(args, " ")
		gotErrs := ""
		if errs != nil {
			gotErrs = errs.Error()
		}
		if got != tt.want || gotErrs != tt.errs {
			t.Errorf("formArgs(%q) = %q, %q; want %q, %q", tt.form, got, gotErrs, tt.want, tt.errs)
		}
	}
}

// TestFormWords: a form's mistake is shown beside its field in the command
// line's own words, whether the option's parser or the planner finds it.
func TestFormWords(t *testing.T) {
	s, _ := newTestServer(t)
	for _, tt := range []struct{ form, field, args string }{
		{"weeks=x", "weeks", "--weeks=x"},
		{"weeks=0", "weeks", "--weeks=0"},
		{"days=9", "days", "--days=9"},
		{"minutes=200", "minutes", "--minutes=200"},
		{"focus=legs", "focus", "--focus=legs"},
		{"level=pro", "level", "--level=pro"},
		{"equipment=kettlebell", "equipment", "--equipment=kettlebell"},
		{"start=7/12/2026", "start", "--start=7/12/2026"},
		{"review=soon", "review", "--review=soon"},
		{"weekdays=mon,funday", "weekdays", "--weekdays=mon,funday"},
		{"include=plank99", "include", "--include=plank99"},
		{"exclude=walking,plank99", "exclude", "--exclude=walking,plank99"},
		{"no-floor=maybe", "no-floor", "--no-floor=maybe"},
		{"paper=a5", "paper", "--paper=a5"},
	} {
		form, _ := url.ParseQuery(tt.form)
		_, errs := s.planFor(form)
		if len(errs) != 1 || errs[0].Field != tt.field {
			t.Errorf("%s: got %v, want one mistake in %s", tt.form, errs, tt.field)
			continue
		}
		var stderr strings.Builder
		run([]string{tt.args, "--out", filepath.Join(t.TempDir(), "x.pdf")}, strings.NewReader(""), io.Discard, &stderr, serveEnv())
		first, _, _ := strings.Cut(stderr.String(), "\n")
		if want := strings.TrimPrefix(first, "backplan: "); errs[0].Msg != want {
			t.Errorf("%s: the page says %q, the command line %q", tt.form, errs[0].Msg, want)
		}
	}
}

// FuzzFormDecoder: any form decodes without a panic, and every argument it
// makes is one known field's --name=value, so a value never becomes an
// option of its own.
func FuzzFormDecoder(f *testing.F) {
	for _, s := range []string{
		"weeks=4&days=3&focus=posture&equipment=band&equipment=cable&no-floor=on",
		"patient=%CE%96%CF%89%CE%AE&notes=a%0Ab&start=2026-12-07&paper=a4&large-print=yes",
		"include=bridge,cobra&exclude=plank-full&minutes=10",
		"equipment=&weeks=--days&patient=-p",
		"catalog=x&out=-&from=y&batch=z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		form, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		args, _ := formArgs(form, knownOption)
		for _, a := range args {
			name, _, ok := strings.Cut(strings.TrimPrefix(a, "--"), "=")
			if !strings.HasPrefix(a, "--") || !ok || !slices.Contains(formFields, name) {
				t.Fatalf("argument %q is not a field's --name=value", a)
			}
		}
		ch, err := decodeChoice(form)
		if err == nil && ch.c == nil {
			t.Fatal("no error and no choice")
		}
		if err != nil {
			if _, ok := err.(formErrors); !ok {
				t.Fatalf("error of type %T", err)
			}
			for _, fe := range err.(formErrors) {
				if strings.ContainsAny(fe.Msg, "\n") {
					t.Fatalf("message on two lines: %q", fe.Msg)
				}
			}
		}
	})
}

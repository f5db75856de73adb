package i18n_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/backplan/backplan/internal/i18n"
)

// TestBuiltinLoads: the embedded files load, and so pass every check of
// Load (the same keys in every language, no extra ones, the same
// placeholders, plural forms complete for each language's categories).
func TestBuiltinLoads(t *testing.T) {
	s, err := i18n.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(); !slices.Equal(got, []string{"en", "es"}) {
		t.Errorf("Names() = %v, want [en es]", got)
	}
	if got := i18n.Languages(); !slices.Equal(got, s.Names()) {
		t.Errorf("Languages() = %v", got)
	}
}

// ref is a small reference language for the table of checks.
const ref = `# a comment
title = Your plan
hello = Hello {name}
count.week[one] = {n} week
count.week[other] = {n} weeks
`

// TestLoadChecks: each way a translation can drift from the reference is
// refused, naming the file, the line where it can, and the key.
func TestLoadChecks(t *testing.T) {
	for _, tt := range []struct {
		name, file, text, err string
	}{
		{"fine", "es.txt", "title = Su plan\nhello = Hola {name}\ncount.week[one] = {n} semana\ncount.week[other] = {n} semanas\n", ""},
		{"missing key", "es.txt", "title = Su plan\ncount.week[one] = {n} semana\ncount.week[other] = {n} semanas\n",
			`es.txt: no message "hello" (en.txt:3 has it)`},
		{"extra key", "es.txt", "title = Su plan\nhello = Hola {name}\nbye = Adiós\ncount.week[one] = {n} semana\ncount.week[other] = {n} semanas\n",
			`es.txt:3: "bye" is not a message of en.txt; remove it`},
		{"other placeholder", "es.txt", "title = Su plan\nhello = Hola {nombre}\ncount.week[one] = {n} semana\ncount.week[other] = {n} semanas\n",
			`es.txt:2: "hello" has placeholders {nombre}, en.txt has {name}`},
		{"no placeholder", "es.txt", "title = Su plan\nhello = Hola\ncount.week[one] = {n} semana\ncount.week[other] = {n} semanas\n",
			`es.txt:2: "hello" has placeholders {}, en.txt has {name}`},
		{"a form missing", "es.txt", "title = Su plan\nhello = Hola {name}\ncount.week[other] = {n} semanas\n",
			`es.txt:3: "count.week" has no "one" form, which es needs`},
		{"plain for plural", "es.txt", "title = Su plan\nhello = Hola {name}\ncount.week = {n} semanas\n",
			`es.txt:3: "count.week" must be plural in every language or in none`},
		{"a form the language lacks", "es.txt", "title = Su plan\nhello = Hola {name}\ncount.week[one] = {n} semana\ncount.week[few] = {n} semanas\ncount.week[other] = {n} semanas\n",
			`es.txt:3: "count.week" has a "few" form, which es does not use`},
		// Polish gives whole numbers one, few and many; Romanian one, few
		// and other: the frame refuses a file without them.
		{"polish without few", "pl.txt", "title = Plan\nhello = Cześć {name}\ncount.week[one] = {n} tydzień\ncount.week[many] = {n} tygodni\n",
			`pl.txt:3: "count.week" has no "few" form, which pl needs`},
		{"polish", "pl.txt", "title = Plan\nhello = Cześć {name}\ncount.week[one] = {n} tydzień\ncount.week[few] = {n} tygodnie\ncount.week[many] = {n} tygodni\n", ""},
		{"romanian without other", "ro.txt", "title = Plan\nhello = Bună {name}\ncount.week[one] = {n} săptămână\ncount.week[few] = {n} săptămâni\n",
			`ro.txt:3: "count.week" has no "other" form, which ro needs`},
		{"romanian", "ro.txt", "title = Plan\nhello = Bună {name}\ncount.week[one] = {n} săptămână\ncount.week[few] = {n} săptămâni\ncount.week[other] = {n} de săptămâni\n", ""},
		{"not a message", "es.txt", "title Su plan\n", `es.txt:1: "title Su plan" is not a message (write key = text)`},
		{"unclosed", "es.txt", "title = Su {plan\n", `es.txt:1: title: an unclosed placeholder in "Su {plan"`},
		{"twice", "es.txt", "title = Su plan\ntitle = Su plan\n", `es.txt:2: title: a second message for the key`},
		{"empty", "es.txt", "title =\n", `es.txt:1: title: an empty message`},
		{"unknown form", "es.txt", "count.week[lots] = x\n", `es.txt:1: count.week: unknown plural form "lots" (use zero, one, two, few, many or other)`},
		{"not a tag", "spanish.txt", "title = Su plan\n", `spanish.txt: the file is not named by a language tag (such as es.txt or pt-BR.txt)`},
		{"not utf-8", "es.txt", "title = Su plan \xff\n", `es.txt: not valid UTF-8 text (save the file as UTF-8)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"en.txt": {Data: []byte(ref)}, tt.file: {Data: []byte(tt.text)}}
			_, err := i18n.Load(fsys)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.err {
				t.Errorf("Load: %q, want %q", got, tt.err)
			}
		})
	}
	if _, err := i18n.Load(fstest.MapFS{"es.txt": {Data: []byte("title = Su plan\n")}}); err == nil || !strings.Contains(err.Error(), "no en.txt") {
		t.Errorf("Load without en.txt: %v", err)
	}
}

// TestForms: the plural forms a language needs for whole numbers, from
// CLDR.
func TestForms(t *testing.T) {
	for _, tt := range []struct {
		tag  string
		want []plural.Form
	}{
		{"en", []plural.Form{plural.Other, plural.One}},
		{"es", []plural.Form{plural.Other, plural.One}},
		{"pl", []plural.Form{plural.One, plural.Few, plural.Many}},
		{"ro", []plural.Form{plural.Other, plural.One, plural.Few}},
		{"pt", []plural.Form{plural.Other, plural.One}},
	} {
		got := i18n.Forms(language.MustParse(tt.tag))
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Forms(%s) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}

// TestMessages: placeholders, plurals, dates and lists in English and
// Spanish, as the workbook prints them.
func TestMessages(t *testing.T) {
	s, err := i18n.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	en, _ := s.Match("en")
	es, _ := s.Match("es")
	day := time.Date(2026, time.December, 7, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ got, want string }{
		{en.Date("date.long", day), "Monday 7 December 2026"},
		{es.Date("date.long", day), "lunes 7 de diciembre de 2026"},
		{es.Date("date.short", day), "7 dic"},
		{en.N("count.week", 1), "1 week"},
		{en.N("count.week", 3), "3 weeks"},
		{es.N("count.week", 1), "1 semana"},
		{es.N("count.week", 0), "0 semanas"},
		{es.N("count.times", 1), "una vez"},
		{es.N("count.times", 4), "4 veces"},
		{en.And([]string{"a", "b", "c"}), "a, b and c"},
		{es.And([]string{"a", "b", "c"}), "a, b y c"},
		{es.And([]string{"a"}), "a"},
		{en.T("page.footer", "n", 2, "total", 9), "Page 2 of 9"},
		{es.T("page.footer", "n", 2, "total", 9), "Página 2 de 9"},
		{en.T("hello.nothing"), "{hello.nothing}"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestMatch: a language is chosen by its tag in any case or region, and
// one the workbook lacks is refused with the list of those it has.
func TestMatch(t *testing.T) {
	s, err := i18n.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"": "en", "en": "en", "ES": "es", "es-MX": "es", "es-419": "es", " es ": "es", "en-GB": "en"} {
		l, err := s.Match(in)
		if err != nil || l.Tag() != want {
			t.Errorf("Match(%q) = %v, %v; want %s", in, l, err, want)
		}
	}
	for _, in := range []string{"fr", "pt-BR", "spanish", "zz", "!"} {
		_, err := s.Match(in)
		var ue *i18n.UnknownError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "(choose en, es)") {
			t.Errorf("Match(%q): %v, want an UnknownError listing en and es", in, err)
		}
	}
}

// TestThirdLanguage: a language added as a file alone, the throw-away
// pseudo-Polish of testdata, loads beside the built-in ones and is
// matched, with its own plural forms.
func TestThirdLanguage(t *testing.T) {
	s, err := i18n.WithBuiltin(os.DirFS("testdata/third"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(); !slices.Equal(got, []string{"en", "es", "pl"}) {
		t.Fatalf("Names() = %v", got)
	}
	pl, err := s.Match("pl-PL")
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{1: "[pl] 1 week", 3: "[pl few] 3 weeks", 5: "[pl many] 5 weeks", 22: "[pl few] 22 weeks", 12: "[pl many] 12 weeks"} {
		if got := pl.N("count.week", n); got != want {
			t.Errorf("N(count.week, %d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzParse: no message file makes Parse panic, and a file it takes
// gives back what it holds.
func FuzzParse(f *testing.F) {
	f.Add([]byte(ref))
	for _, name := range []string{"messages/en.txt", "messages/es.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("a[one] = {n\nb = }{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := i18n.Parse("es.txt", data)
		if err != nil {
			return
		}
		for _, k := range l.Keys() {
			l.T(k, "n", 1)
			l.N(k, 2)
		}
	})
}

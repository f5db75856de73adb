package plan_test

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/plan"
)

// today is the fixed run date every test plans from (a Tuesday).
var today = plan.NewDate(2026, 11, 24)

var (
	realOnce sync.Once
	realCat  *plan.Catalog
	realErr  error
)

// realCatalog loads the embedded catalogue from the repository root.
func realCatalog(t testing.TB) *plan.Catalog {
	t.Helper()
	realOnce.Do(func() {
		f, err := os.Open("../exercises.yaml")
		if err != nil {
			realErr = err
			return
		}
		defer f.Close()
		realCat, realErr = plan.LoadCatalog(f, "exercises.yaml")
	})
	if realErr != nil {
		t.Fatalf("loading exercises.yaml: %v", realErr)
	}
	return realCat
}

func build(t testing.TB, o plan.Options) *plan.Plan {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = today
	}
	p, err := plan.Build(realCatalog(t), o)
	if err != nil {
		t.Fatalf("Build(%+v): %v", o, err)
	}
	return p
}

// flagLike finds a flag name such as "--minutes" in a message. A quoted
// piece of the input ("got text `0 --a0`", `unknown focus "--x"`) is not
// one: quoted finds those, to leave them out.
var (
	flagLike = regexp.MustCompile(`(^|[\s(])--[a-z]`)
	quoted   = regexp.MustCompile("`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\"")
	// goWords finds the Go library's wording leaking into a message.
	goWords = regexp.MustCompile(`not found in type|\bplan\.[A-Z]|\bmap\[|\[\]string`)
)

// checkError fails unless err is a *plan.Error of the given kind about
// input, written as every plan error must be: one line, lower-case first
// letter, no trailing period, and no flag name ("--"), since only the edge
// knows whether the choice was a flag, a roster cell or a form field.
func checkError(t testing.TB, err error, kind plan.ErrorKind, input string) {
	t.Helper()
	var pe *plan.Error
	if !errors.As(err, &pe) {
		t.Fatalf("got %T %v, want a *plan.Error", err, err)
	}
	if pe.Kind != kind {
		t.Errorf("kind: got %d, want %d (%v)", pe.Kind, kind, err)
	}
	if input != "" && pe.Input != input {
		t.Errorf("input: got %q, want %q (%v)", pe.Input, input, err)
	}
	msg := err.Error()
	own := quoted.ReplaceAllString(msg, "") // the message's own words
	switch {
	case flagLike.MatchString(own):
		t.Errorf("names a flag: %q", msg)
	case goWords.MatchString(own):
		t.Errorf("speaks Go, not a clinician's words: %q", msg)
	case strings.ContainsAny(msg, "\n\r"):
		t.Errorf("spans lines: %q", msg)
	case strings.HasSuffix(msg, "."):
		t.Errorf("ends with a period: %q", msg)
	case msg == "":
		t.Errorf("empty message")
	}
}

// checkSafeText fails if an accepted exercise holds text that is not
// UTF-8 or that holds a control character: text a terminal or a page
// would show wrongly.
func checkSafeText(t testing.TB, e plan.Exercise) {
	t.Helper()
	texts := []string{e.ID, e.Name, e.Purpose, e.Start, e.Easier, e.Harder, e.SourceDose, e.Family}
	for _, list := range [][]string{e.Steps, e.Cues, e.Cautions, e.Needs, e.Muscles} {
		texts = append(texts, list...)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
			t.Fatalf("%s: accepted unsafe text %q", e.ID, s)
		}
	}
}

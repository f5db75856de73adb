package render

import (
	"slices"
	"strings"
	"testing"
)

// TestWrapCache: a wrap remembered for the document gives what wrapping
// afresh gives, for the same widths only, and notes broken words at every
// use.
func TestWrapCache(t *testing.T) {
	r, err := New(1)
	if err != nil {
		t.Fatal(err)
	}
	text := "Keep your shoulders down and back; breathe out as you lift. Supercalifragilisticexpialidocious"
	widths := []func(int) float64{
		func(int) float64 { return 60 },
		func(int) float64 { return 40 },
		func(i int) float64 { return 40 + 10*float64(i%2) }, // beside a picture, then not
		func(int) float64 { return 60 },                     // the first again
	}
	cached := &layout{r: r, fs: r.fonts.faces, doc: &Document{}, texts: newTextCache()}
	for pass := range 2 {
		for i, w := range widths {
			fresh := &layout{r: r, fs: r.fonts.faces, doc: &Document{}}
			want := fresh.wrapEach(text, w, false, 12)
			before := len(cached.doc.splitWords)
			got := cached.wrapEach(text, w, false, 12)
			if !slices.Equal(got, want) {
				t.Errorf("pass %d, widths %d: got %q, want %q", pass, i, got, want)
			}
			if split := cached.doc.splitWords[before:]; !slices.Equal(split, fresh.doc.splitWords) {
				t.Errorf("pass %d, widths %d: split words %q, want %q", pass, i, split, fresh.doc.splitWords)
			}
		}
	}
	if n := len(cached.texts.wraps); n != 1 {
		t.Errorf("%d texts kept, want 1", n)
	}
	if n := len(cached.texts.wraps[wrapKey{text, false, 12}]); n != 3 {
		t.Errorf("%d wraps of the text kept, want 3 (one for each set of widths)", n)
	}
	// A caller that appends to the lines it got does not change the
	// lines the next caller gets.
	a := cached.wrap(text, 60, false, 12)
	_ = append(a, "extra")
	if b := cached.wrap(text, 60, false, 12); len(b) != len(a) || slices.Contains(b, "extra") {
		t.Errorf("an append reached the kept lines: %q", b)
	}
}

func TestClean(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b",
		"\u00a0", "Ζωή Παπαδοπούλου", "a\x01b", "\xff \xfe", "a b ", "  lots   of   space  ",
	} {
		if got, want := clean(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzClean: clean's shortcut for clean text agrees with splitting and
// joining.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "a b", " a", "a\u00a0b", "a\u2003b", "\xffa b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}

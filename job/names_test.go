package job

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"Ana Ruiz", "ana-ruiz"},
		{"  Ana   Ruiz  ", "ana-ruiz"},
		{"José Núñez", "jose-nunez"},
		{"José Álvarez Núñez", "jose-alvarez-nunez"},
		{"Jose\u0301 Nu\u0301n\u0303ez", "jose-nunez"}, // accents typed as combining marks
		{"Łukasz Żak", "lukasz-zak"},
		{"Søren Ærø", "soren-aero"},
		{"Straße", "strasse"},
		{"François-Xavier O'Brien", "francois-xavier-o-brien"},
		{"Αλεξάνδρα Παπαδοπούλου", "alexandra-papadopoulou"},
		{"Анна Сергеевна Иванова", "anna-sergeevna-ivanova"},
		{"Ольга Щукина", "olga-shchukina"},
		{"Юлія Їжак", "yuliya-yizhak"},
		{"a/b\\c", "a-b-c"},
		{"../../etc/passwd", "etc-passwd"},
		{"C:\\Users\\x", "c-users-x"},
		{"tab\there\nnewline\x00nul", "tab-here-newline-nul"},
		{".hidden", "hidden"},
		{"-rf", "rf"},
		{"Room 101", "room-101"},
		{"CON", "patient-con"},
		{"nul", "patient-nul"},
		{"Com1", "patient-com1"},
		{"LPT9", "patient-lpt9"},
		{"Con Smith", "con-smith"},
		{"com10", "com10"},
		{"", "patient"},
		{"***", "patient"},
		{"山田太郎", "patient"},
		{"😀", "patient"},
		{"Anna 😀 Lee", "anna-lee"},
		{strings.Repeat("abcdefghi ", 10), "abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi"},
		{strings.Repeat("x", 100), strings.Repeat("x", maxSlug)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slug(tt.name); got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	tests := []struct {
		name     string
		patients []string
		want     []string
	}{
		{"distinct", []string{"Ana Ruiz", "Ben Ode"}, []string{"ana-ruiz.pdf", "ben-ode.pdf"}},
		{"same name", []string{"Ana Ruiz", "Ben Ode", "Ana Ruiz", "Ana Ruiz"},
			[]string{"ana-ruiz.pdf", "ben-ode.pdf", "ana-ruiz-2.pdf", "ana-ruiz-3.pdf"}},
		{"same slug", []string{"Ana Ruiz", "ana ruiz", "ANA-RUIZ", "Ána Ruíz"},
			[]string{"ana-ruiz.pdf", "ana-ruiz-2.pdf", "ana-ruiz-3.pdf", "ana-ruiz-4.pdf"}},
		{"a name that looks numbered", []string{"Ana Ruiz", "Ana Ruiz 2", "Ana Ruiz"},
			[]string{"ana-ruiz.pdf", "ana-ruiz-2.pdf", "ana-ruiz-3.pdf"}},
		{"numbered name after the duplicate", []string{"Ana Ruiz", "Ana Ruiz", "Ana Ruiz 2"},
			[]string{"ana-ruiz.pdf", "ana-ruiz-2.pdf", "ana-ruiz-2-2.pdf"}},
		{"nothing printable", []string{"山田", "😀", "patient"},
			[]string{"patient.pdf", "patient-2.pdf", "patient-3.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileNames(tt.patients); !slices.Equal(got, tt.want) {
				t.Errorf("fileNames(%q) =\n%q\nwant\n%q", tt.patients, got, tt.want)
			}
		})
	}
}

// safeName is what every workbook file name must look like.
var safeName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.pdf$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Ana Ruiz", "José Núñez", "Αλεξάνδρα", "Анна", "CON", "a/b", "", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := fileNames([]string{name, name})
		for _, n := range got {
			if !safeName.MatchString(n) || len(n) > maxSlug+len("-2.pdf") {
				t.Fatalf("fileNames(%q) gave the unsafe name %q", name, n)
			}
			if reservedName(strings.TrimSuffix(n, ".pdf")) {
				t.Fatalf("fileNames(%q) gave the reserved name %q", name, n)
			}
		}
		if got[0] == got[1] {
			t.Fatalf("fileNames gave %q twice", got[0])
		}
	})
}

// TestFileNamesLinear names 20,000 rows of one patient, which took 30 s
// when each row counted up from 2 (and so would time the test out); now
// each row starts from the next free number.
func TestFileNamesLinear(t *testing.T) {
	names := make([]string, 20000)
	for i := range names {
		names[i] = "Ana Ruiz"
	}
	files := fileNames(names)
	if files[0] != "ana-ruiz.pdf" || files[19999] != "ana-ruiz-20000.pdf" {
		t.Errorf("first and last names %q, %q", files[0], files[19999])
	}
	seen := make(map[string]bool)
	for _, f := range files {
		if seen[f] {
			t.Fatalf("%s twice", f)
		}
		seen[f] = true
	}
}

// TestLongNames checks that a patient name of any length gives a file name
// that fits every file system, temporary name and numbering included.
func TestLongNames(t *testing.T) {
	for _, n := range []int{60, 241, 255, 300, 5000} {
		names := []string{strings.Repeat("é", n), strings.Repeat("é", n), strings.Repeat("ab ", n)}
		for _, f := range fileNames(names) {
			// claim adds a dot and ".NNNNNNNNN.tmp"; 255 bytes is the usual limit.
			if len(f)+20 > 255 || !safeName.MatchString(f) {
				t.Errorf("%d-letter name gave %q (%d bytes)", n, f, len(f))
			}
		}
	}
	if got := fileNames([]string{fmt.Sprint(strings.Repeat("x", 300))}); len(got[0]) > maxSlug+len(".pdf") {
		t.Errorf("long name gave %q", got[0])
	}
}

func TestFileName(t *testing.T) {
	for _, tt := range []struct{ patient, ext, want string }{
		{"Ana Ruiz", ".pdf", "ana-ruiz.pdf"},
		{"José Núñez", ".yaml", "jose-nunez.yaml"},
		{"  ", ".pdf", "plan.pdf"},
		{"山田", ".pdf", "patient.pdf"},
	} {
		if got := FileName(tt.patient, tt.ext); got != tt.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tt.patient, tt.ext, got, tt.want)
		}
	}
}

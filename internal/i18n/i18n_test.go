package i18n_test

import (
	"testing"

	"github.com/backplan/backplan/internal/i18n"
)

func TestBuiltinLoads(t *testing.T) {
	s, err := i18n.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(); len(got) < 2 || got[0] != "en" {
		t.Errorf("Names() = %v, want en first and at least one more", got)
	}
}

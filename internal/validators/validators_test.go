package validators_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backplan/backplan/internal/validators"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestCheck: a workbook passes every engine, and a broken PDF does not.
func TestCheck(t *testing.T) {
	if missing := validators.Missing(); len(missing) > 0 {
		t.Skipf("missing %v", missing)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.pdf")
	if err := os.WriteFile(good, workbook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := validators.Check(good); err != nil {
		t.Errorf("a workbook: %v", err)
	}
	broken := filepath.Join(dir, "broken.pdf")
	if err := os.WriteFile(broken, []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := validators.Check(broken); err == nil || !strings.Contains(err.Error(), "qpdf:") {
		t.Errorf("a broken PDF: %v", err)
	}
}

// workbook is a one-week workbook of the built-in catalogue.
func workbook(t *testing.T) []byte {
	data, err := os.ReadFile("../../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := plan.LoadCatalog(bytes.NewReader(data), "exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(cat, plan.Options{Weeks: 1, Today: plan.NewDate(2026, 11, 24)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(1)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Workbook(&b, p, render.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

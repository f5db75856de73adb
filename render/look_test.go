package render_test

import (
	"os"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestLook writes sample workbooks to $BACKPLAN_LOOK (a directory) to look at.
func TestLook(t *testing.T) {
	dir := os.Getenv("BACKPLAN_LOOK")
	if dir == "" {
		t.Skip("set BACKPLAN_LOOK to a directory to write sample workbooks")
	}
	c := realCatalog(t)
	p := build(t, c, plan.Options{Weeks: 4, Patient: plan.Patient{Name: "Ζωή Παπαδοπούλου", Clinician: "Dr Anna Ivanova", Clinic: "Riverside Physiotherapy", Notes: "Go gently for the first week.\nCall me if the pain in your neck comes back."}})
	for name, o := range map[string]render.Options{"wb": {Paper: render.A4}, "wbl": {Paper: render.Letter, LargePrint: true}} {
		f, err := os.Create(dir + "/" + name + ".pdf")
		if err != nil {
			t.Fatal(err)
		}
		if err := rend.Workbook(f, p, o); err != nil {
			t.Fatal(err)
		}
		f.Close()
		d, _ := rend.Layout(p, o)
		g, _ := os.Create(dir + "/" + name + ".txt")
		d.WriteText(g)
		g.Close()
	}
}

package serve

// What the page says about rosters: a template to download, and the
// columns with what each accepts, in codes (band, not "a resistance
// band").

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
)

// rosterExample is the template's example row, by column; the other
// columns are empty, which takes the form's choice.
var rosterExample = map[string]string{
	"patient": "Ana Ruiz", "weeks": "6", "days": "3", "focus": "posture", "level": "beginner",
	"equipment": "band", "no-floor": "no", "minutes": "20", "clinician": "Dr Lee",
	"paper": "a4", "large-print": "no", "protect": "no", "eml-plan": "no",
}

// rosterTemplate serves a roster with every column and one example row.
func (s *server) rosterTemplate(w http.ResponseWriter, r *http.Request) {
	cols := job.Names(job.PlanGroup, job.PatientGroup, job.PrintGroup, job.SendGroup)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = rosterExample[c]
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write(cols)
	cw.Write(row)
	cw.Flush()
	sendFile(w, "text/csv; charset=utf-8", "roster-template.csv", b.Bytes())
}

// rosterColumns are the roster's columns and what each accepts, for the
// page.
func rosterColumns() []option {
	codes := func(vs ...string) string { return strings.Join(vs, ", ") }
	var focuses, levels, equipment []string
	for _, f := range plan.Focuses {
		focuses = append(focuses, string(f))
	}
	for _, l := range plan.Levels {
		levels = append(levels, string(l))
	}
	for _, e := range plan.EquipmentKinds {
		equipment = append(equipment, string(e))
	}
	accepts := map[string]string{
		"focus": "one of " + codes(focuses...), "level": "one of " + codes(levels...),
		"equipment": "any of " + codes(equipment...) + ", apart by commas in quotes; or none",
		"weekdays":  "days apart by commas in quotes: mon, tue, wed, thu, fri, sat, sun",
		"paper":     "a4 or letter", "include": "exercise ids (the chooser shows them), apart by commas in quotes",
		"exclude": "exercise ids, as for include", "order": "exercise ids, in session order",
		"dose": "an exercise's id, =, its start and top: row-band=2 sets of 8 to 3 sets of 12",
	}
	kinds := map[job.Kind]string{job.Number: "a whole number", job.Text: "any text", job.Switch: "yes or no", job.Date: "a date, YYYY-MM-DD"}
	var out []option
	for _, op := range job.Table() {
		a := accepts[op.Name]
		if a == "" {
			a = kinds[op.Kind]
		}
		out = append(out, option{op.Name, op.Does + ": " + a})
	}
	return out
}

package serve

// Opening a saved plan file back into the page: its settings, the
// clinician's changes and the patient's details fill the form, and the
// page builds the plan from them again, to change and print. With the
// same catalogue and on the day it was issued, the page's PDF is the one
// "backplan --from" prints from the file.

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/backplan/backplan/plan"
)

// openPlan serves the page filled in from an uploaded plan file (field
// "from"); the print fields sent with it (paper, large print) are kept.
func (s *server) openPlan(w http.ResponseWriter, r *http.Request) {
	form, data, name, ok := s.readUploadForm(w, r, "from", planLimit, "plan file")
	if !ok {
		return
	}
	p, err := plan.ReadPlan(bytes.NewReader(data), name)
	if err != nil {
		s.uploadError(w, r, "from", err)
		return
	}
	filled := formOf(p)
	for _, k := range printFields {
		if v, sent := form[k]; sent {
			filled[k] = v
		}
	}
	built, errs := s.planFor(filled)
	status := http.StatusOK
	if errs != nil {
		status = http.StatusBadRequest
	}
	s.writePage(w, r, status, filled, errs, built)
}

// formOf is the plan form that makes p again: its settings, its
// clinician's changes and its patient's details.
func formOf(p *plan.Plan) url.Values {
	st := p.Settings
	f := url.Values{
		"weeks":   {fmt.Sprint(st.Weeks)},
		"focus":   {string(st.Focus)},
		"level":   {string(st.Level)},
		"minutes": {fmt.Sprint(st.Minutes)},
		"start":   {st.Start.String()},
	}
	if len(st.Weekdays) > 0 {
		for _, d := range st.Weekdays {
			f.Add("weekdays", strings.ToLower(d.String()[:3]))
		}
	} else {
		f.Set("days", fmt.Sprint(st.Days))
	}
	f["equipment"] = []string{""}
	for _, e := range st.Equipment {
		f.Add("equipment", string(e))
	}
	if st.NoFloor {
		f.Set("no-floor", "yes")
	}
	if !st.Review.IsZero() {
		f.Set("review", st.Review.String())
	}
	for _, l := range []struct {
		name string
		ids  []string
	}{{"include", st.Include}, {"exclude", st.Exclude}} {
		for _, id := range l.ids {
			f.Add(l.name, id)
		}
	}
	for _, dc := range st.Doses {
		f.Add("dose", dc.String())
	}
	if len(st.Order) > 0 {
		f.Set("order", strings.Join(st.Order, ","))
	}
	for k, v := range map[string]string{"patient": p.Patient.Name, "clinician": p.Patient.Clinician,
		"clinic": p.Patient.Clinic, "contact": p.Patient.Contact, "notes": p.Patient.Notes} {
		if v != "" {
			f.Set(k, v)
		}
	}
	return f
}

package serve

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// changedForm is a plan form with every kind of change a clinician makes
// on the page: an own dose, an order, an exercise put in and one taken out.
func changedForm() url.Values {
	return url.Values{
		"weeks": {"6"}, "weekdays": {"mon", "thu"}, "focus": {"posture"}, "equipment": {"", "band"},
		"include": {"row-band"}, "exclude": {"cat-cow"}, "dose": {"row-band=1 set of 6 to 2 sets of 10"},
		"order": {"row-band"}, "patient": {"Ana Ruiz"}, "clinician": {"Dr Lee"},
	}
}

// TestOpenPlanRestoresThePage: a plan file saved from the page opens back
// into a page whose form makes the same plan, byte for byte, with the
// clinician's changes in their fields.
func TestOpenPlanRestoresThePage(t *testing.T) {
	s, _ := newTestServer(t)
	saved := post(t, s, "/plan", "logo", nil, changedForm())
	if saved.Code != http.StatusOK {
		t.Fatalf("saving: %d %s", saved.Code, saved.Body)
	}
	file := saved.Body.Bytes()
	for _, want := range []string{"doses:", "exercise: row-band", "order: [row-band]", "exclude: [cat-cow]"} {
		if !bytes.Contains(file, []byte(want)) {
			t.Errorf("the plan file has no %q", want)
		}
	}
	opened := post(t, s, "/open", "from", file, url.Values{"paper": {"a4"}})
	if opened.Code != http.StatusOK {
		t.Fatalf("opening: %d %.500s", opened.Code, opened.Body)
	}
	page := opened.Body.String()
	for _, want := range []string{
		`name="dose" value="row-band=1 set of 6 to 2 sets of 10"`, `name="order" value="row-band"`,
		`value="Ana Ruiz"`, `value="thu" checked`, `value="cat-cow" checked`, `<span class="tag">your dose</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the opened page has no %s", want)
		}
	}
	again, errs := s.planFor(formOf(mustRead(t, file)))
	if errs != nil {
		t.Fatal(errs)
	}
	var b bytes.Buffer
	if err := again.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), file) {
		t.Errorf("the opened form makes another plan:\n%s\nwant\n%s", b.Bytes(), file)
	}
}

// TestOpenPlanMistakes: no file, or not a plan, answers in the page's words.
func TestOpenPlanMistakes(t *testing.T) {
	s, _ := newTestServer(t)
	rec := post(t, s, "/open", "from", nil, nil)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "no file was chosen: choose the plan file first") {
		t.Errorf("no file: %d %q", rec.Code, rec.Body)
	}
	rec = post(t, s, "/open", "from", []byte("6\n"), nil)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "file:1:") {
		t.Errorf("not a plan: %d %q", rec.Code, rec.Body)
	}
}

// TestPreviewOffersChanges: the preview lists the plan's main exercises
// with their doses and swaps that suit, and marks the chooser: no swap
// needs equipment the patient lacks.
func TestPreviewOffersChanges(t *testing.T) {
	s, _ := newTestServer(t)
	f := changedForm()
	f.Set("equipment", "")
	f.Del("include")
	f.Del("dose")
	f.Del("order")
	p, errs := s.planFor(f)
	if errs != nil {
		t.Fatal(errs)
	}
	rows := editRows(s.Catalog, p)
	if len(rows) < 2 {
		t.Fatalf("%d rows to change", len(rows))
	}
	for _, r := range rows {
		if r.Start == "" || r.Top == "" {
			t.Errorf("%s: no dose to change", r.ID)
		}
		for _, sw := range r.Swaps {
			e, _ := s.Catalog.Lookup(sw.Value)
			if e.Equipment != "" && e.Equipment != "none" {
				t.Errorf("%s may be swapped for %s, which needs %s", r.ID, sw.Value, e.Equipment)
			}
			if _, used := p.Exercise(sw.Value); used {
				t.Errorf("%s may be swapped for %s, which the plan uses", r.ID, sw.Value)
			}
		}
	}
	marks := chooserMarks(s.Catalog, p)
	for _, m := range marks {
		e, _ := s.Catalog.Lookup(m.ID)
		if needs := e.Equipment != "" && e.Equipment != "none"; needs != (m.Why != "") && !e.Floor && e.Level != "intermediate" {
			t.Errorf("%s: marked %q", m.ID, m.Why)
		}
		if _, used := p.Exercise(m.ID); used != m.Used {
			t.Errorf("%s: used %v, marked %v", m.ID, used, m.Used)
		}
	}
}

func mustRead(t *testing.T, file []byte) *plan.Plan {
	t.Helper()
	p, err := plan.ReadPlan(bytes.NewReader(file), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRosterReport: a roster whose every row fails answers with the
// report on the page, not a zip of nothing; one that partly works sends
// the zip with the report in a header for the page to show; the form's
// choices fill the columns the roster lacks.
func TestRosterReport(t *testing.T) {
	s, _ := newTestServer(t)
	bad := []byte("patient,weeks\nAna Ruiz,99\nBen Ode,0\n")
	rec := post(t, s, "/batch", "batch", bad, nil)
	if rec.Code != http.StatusBadRequest || rec.Header().Get("Content-Type") == "application/zip" ||
		!strings.Contains(rec.Body.String(), "nothing to download") || !strings.Contains(rec.Body.String(), "line 2 (Ana Ruiz)") {
		t.Errorf("every row failing: %d %q", rec.Code, rec.Body)
	}
	mixed := []byte("patient,weeks\nAna Ruiz,\nBen Ode,99\n")
	rec = post(t, s, "/batch", "batch", mixed, url.Values{"weeks": {"6"}, "clinician": {"Dr Lee"}})
	if rec.Code != http.StatusOK {
		t.Fatalf("a roster with one good row: %d %q", rec.Code, rec.Body)
	}
	report, err := url.PathUnescape(rec.Header().Get(reportHeader))
	if err != nil || !strings.HasPrefix(report, "1 of 2 rows made\nline 3 (Ben Ode): ") {
		t.Errorf("the report header: %q, %v", report, err)
	}
}

// TestRosterTemplate: the template roster has every column and reads
// back as a roster whose one row makes a plan.
func TestRosterTemplate(t *testing.T) {
	s, _ := newTestServer(t)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, newReq("GET", "/roster-template.csv", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	body := rec.Body.Bytes()
	rec = post(t, s, "/batch", "batch", body, nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get(reportHeader), "1%20of%201%20rows%20made") {
		t.Errorf("the template as a roster: %d %q %.300s", rec.Code, rec.Header().Get(reportHeader), rec.Body)
	}
}

package serve

import (
	"io"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestPresetFill: each preset's fill holds every field a preset may set:
// the preset's value where it sets one, else the form's default, with a
// switch turned off or "no equipment" as an empty value (a box to untick).
func TestPresetFill(t *testing.T) {
	choices := presetChoices(testCatalog())
	if len(choices) == 0 {
		t.Fatal("no presets")
	}
	for _, c := range choices {
		fill, err := url.ParseQuery(c.Fill)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range presetFields {
			if _, ok := fill[f]; !ok {
				t.Errorf("%s: the fill has no %s", c.Name, f)
			}
		}
		if c.Description == "" || c.Reason == "" {
			t.Errorf("%s: no description or reason", c.Name)
		}
	}
	byName := map[string]url.Values{}
	for _, c := range choices {
		byName[c.Name], _ = url.ParseQuery(c.Fill)
	}
	if f := byName["older-adult"]; f.Get("no-floor") != "yes" || f.Get("large-print") != "yes" || f.Get("weeks") != "6" {
		t.Errorf("older-adult fills %v", f)
	}
	if f := byName["flare-up"]; f.Get("equipment") != "" || f.Get("no-floor") != "" || f.Get("minutes") != "10" {
		t.Errorf("flare-up fills %v: want no equipment, floor work allowed, 10 minutes", f)
	}
	if f := byName["desk-worker"]; f.Get("include") != "chair-extension" || f.Get("exclude") != "" || f.Get("weekdays") != "" {
		t.Errorf("desk-worker fills %v", f)
	}
}

// TestPresetOnThePage: the page offers the presets first (the script
// shows them: TestServeBrowserPreset waits for that), and a form sent
// with one keeps what it shows (the script has filled it in) and records
// the preset in the plan file.
func TestPresetOnThePage(t *testing.T) {
	s, _ := newTestServer(t)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, newReq("GET", "/", nil))
	page := w.Body.String()
	i, j := strings.Index(page, `id="f-preset"`), strings.Index(page, `id="f-weeks"`)
	if i < 0 || j < 0 || i > j || !strings.Contains(page, `<option value="older-adult" data-fill="`) {
		t.Fatalf("the page does not offer the presets before the weeks")
	}
	// Only the script fills the form, so only the script shows the choice.
	if !strings.Contains(page, `id="preset-box" hidden>`) {
		t.Error("the presets show without the script, which fills the form")
	}
	form := url.Values{"preset": {"older-adult"}, "weeks": {"3"}, "days": {"2"}, "focus": {"core"}, "level": {"beginner"}, "equipment": {""}, "minutes": {"15"}}
	r := newReq("POST", "/plan", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", formType)
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	body, _ := io.ReadAll(w.Body)
	for _, want := range []string{"\n  weeks: 3\n", "\n  focus: core\n", "\n  no_floor: false\n", "\n  preset: older-adult\n"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the plan file (status %d) has no %q:\n%.600s", w.Code, want, body)
		}
	}
	if strings.Contains(string(body), "large_print") {
		t.Error("the plan file records large print, which the form did not tick")
	}
}

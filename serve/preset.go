package serve

// Presets on the page: a first choice that fills the plan's fields. The
// page's script does the filling, from each preset's values written into
// its <option>; the form then sends what it shows, and the preset's name
// goes with it, so that the plan file records where the plan started.

import (
	"net/url"
	"strings"

	"github.com/backplan/backplan/plan"
)

// presetChoice is one preset as the page offers it.
type presetChoice struct {
	Name, Description, Reason string
	// Fill is the value of every field the preset may set, as a query
	// string: the preset's where it sets one, else the form's default
	// (empty for a box to untick, a list to clear).
	Fill string
}

// presetFields are the fields a preset fills; weekdays is cleared, since
// a preset's days are a number.
var presetFields = []string{"weeks", "days", "weekdays", "focus", "level", "equipment", "no-floor", "minutes", "include", "exclude", "large-print"}

// presetChoices are the catalogue's presets, for the page.
func presetChoices(cat *plan.Catalog) []presetChoice {
	var out []presetChoice
	for _, p := range cat.Presets {
		fill := url.Values{}
		def := defaultForm("")
		for _, f := range presetFields {
			fill.Set(f, def.Get(f))
		}
		for _, s := range p.Settings() {
			v := s.Value
			switch {
			case s.Option == "equipment" && v == string(plan.None):
				v = ""
			case v == "no":
				v = ""
			}
			fill.Set(s.Option, v)
		}
		out = append(out, presetChoice{Name: p.Name, Description: p.Description, Reason: p.Reason, Fill: fill.Encode()})
	}
	return out
}

// presetReason is the reason of the preset chosen in a form, shown under
// the choice.
func (d pageData) PresetReason() string {
	name := strings.TrimSpace(d.Form.Get("preset"))
	for _, p := range d.Presets {
		if p.Name == name {
			return p.Reason
		}
	}
	return ""
}

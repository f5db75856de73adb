package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
)

// Preset is a clinician's usual starting point for a common presentation
// (a desk worker with a rounded upper back, an older adult who cannot get
// down to the floor ...): a name, a line saying who it is for, the reason
// for its choices, and the options it sets. It lives in the catalogue file
// beside the prescriptions, so a clinic's catalogue brings its own. Options
// the clinician gives beside a preset win over the preset's: a front end
// fills in the preset's values only for the options left unsaid.
type Preset struct {
	// Name is how a clinician chooses it: lower-case words joined by
	// hyphens (desk-worker).
	Name string `yaml:"name"`
	// Description says in one line who the preset is for; a list of
	// presets prints it beside the name.
	Description string `yaml:"description"`
	// Reason says in one line why it sets what it sets, for the clinician
	// reading the catalogue; it is not printed in a workbook.
	Reason string `yaml:"reason"`
	// Options are the options it sets; an option left out keeps its
	// default, or what the clinician gives.
	Options PresetOptions `yaml:"options"`
}

// PresetOptions are the options a preset may set, spelt as a clinician
// types them. A field left empty sets nothing. Equipment [none] means no
// equipment. LargePrint is a choice of print, not of the plan: a front
// end carries it to the workbook.
type PresetOptions struct {
	Weeks      int         `yaml:"weeks,omitempty"`
	Days       int         `yaml:"days,omitempty"`
	Focus      Focus       `yaml:"focus,omitempty"`
	Level      Level       `yaml:"level,omitempty"`
	Equipment  []Equipment `yaml:"equipment,omitempty,flow"`
	NoFloor    *bool       `yaml:"no-floor,omitempty"`
	Minutes    int         `yaml:"minutes,omitempty"`
	Include    []string    `yaml:"include,omitempty,flow"`
	Exclude    []string    `yaml:"exclude,omitempty,flow"`
	LargePrint *bool       `yaml:"large-print,omitempty"`
}

// Setting is one option a preset sets: the option's name, as a clinician
// types it ("no-floor"), and its value written as they would type it
// ("yes").
type Setting struct {
	Option string
	Value  string
}

// Settings returns the options p sets, in the order the options are
// usually listed, each value written as a clinician would type it.
func (p Preset) Settings() []Setting {
	o := p.Options
	var out []Setting
	add := func(name, v string) {
		if v != "" {
			out = append(out, Setting{name, v})
		}
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	yesNo := func(b *bool) string {
		switch {
		case b == nil:
			return ""
		case *b:
			return "yes"
		}
		return "no"
	}
	add("weeks", num(o.Weeks))
	add("days", num(o.Days))
	add("focus", string(o.Focus))
	add("level", string(o.Level))
	if o.Equipment != nil {
		eq := make([]string, len(o.Equipment))
		for i, e := range o.Equipment {
			eq[i] = string(e)
		}
		add("equipment", strings.Join(eq, ","))
		if len(eq) == 0 {
			add("equipment", string(None))
		}
	}
	add("no-floor", yesNo(o.NoFloor))
	add("minutes", num(o.Minutes))
	add("include", strings.Join(o.Include, ","))
	add("exclude", strings.Join(o.Exclude, ","))
	add("large-print", yesNo(o.LargePrint))
	return out
}

// Preset returns the catalogue's preset called name.
func (c *Catalog) Preset(name string) (Preset, bool) {
	for _, p := range c.Presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// PresetNames returns the names of the catalogue's presets, in file order.
func (c *Catalog) PresetNames() []string {
	names := make([]string, len(c.Presets))
	for i, p := range c.Presets {
		names[i] = p.Name
	}
	return names
}

// UnknownPreset is the message for a preset name the catalogue does not
// have, listing those it has.
func (c *Catalog) UnknownPreset(name string) string {
	if len(c.Presets) == 0 {
		return fmt.Sprintf("unknown preset %s (the catalogue has no presets)", Quote(name))
	}
	return fmt.Sprintf("unknown preset %s (choose %s)", Quote(name), words.Or(c.PresetNames()))
}

// maxPresetLine is the longest description or reason, in characters: one
// line of a terminal or a form.
const maxPresetLine = 160

// validatePresets checks the catalogue's presets: names well formed and
// once each, a description and a reason of one line, and every option in
// range, with the exercises it names in the catalogue.
func (c *Catalog) validatePresets() error {
	for i := range c.Presets {
		p := &c.Presets[i]
		label := "#" + strconv.Itoa(i+1)
		if p.Name != "" {
			label = strconv.Quote(p.Name)
		}
		if err := c.validatePreset(p); err != nil {
			return prefixErr(atPath(err, strconv.Itoa(i)), "preset "+label+": ")
		}
		for _, q := range c.Presets[:i] {
			if q.Name == p.Name {
				return errAt(fmt.Sprintf("preset %s: the name is taken by an earlier preset; keep one", label), strconv.Itoa(i), "name")
			}
		}
	}
	return nil
}

func (c *Catalog) validatePreset(p *Preset) error {
	switch {
	case p.Name == "":
		return errAt("missing name (lower-case words joined by hyphens, such as desk-worker)", "name")
	case !idPattern.MatchString(p.Name):
		return errAt(fmt.Sprintf("name %q must be lower-case words joined by hyphens", p.Name), "name")
	}
	for _, f := range []struct{ key, text string }{{"description", p.Description}, {"reason", p.Reason}} {
		switch {
		case strings.TrimSpace(f.text) == "":
			return errAt("missing "+f.key+" (one line)", f.key)
		case strings.ContainsAny(f.text, "\r\n"):
			return errAt(f.key+" must be one line", f.key)
		case strings.ContainsFunc(f.text, unicode.IsControl):
			return errAt(f.key+" holds a control character; remove it", f.key)
		case utf8.RuneCountInString(f.text) > maxPresetLine:
			return errAt(fmt.Sprintf("%s is %d characters; keep it to %d", f.key, utf8.RuneCountInString(f.text), maxPresetLine), f.key)
		}
	}
	if len(p.Settings()) == 0 {
		return errAt("no options (set at least one, such as focus)", "options")
	}
	err := c.validatePresetOptions(&p.Options)
	return atPath(err, "options")
}

func (c *Catalog) validatePresetOptions(o *PresetOptions) error {
	ranges := []struct {
		key      string
		v        int
		min, max int
	}{
		{"weeks", o.Weeks, MinWeeks, MaxWeeks},
		{"days", o.Days, MinDays, MaxDays},
		{"minutes", o.Minutes, MinSessionMinutes, MaxSessionMinutes},
	}
	for _, r := range ranges {
		if r.v != 0 && (r.v < r.min || r.v > r.max) {
			return errAt(fmt.Sprintf("%s must be %d–%d, got %d", r.key, r.min, r.max, r.v), r.key)
		}
	}
	if o.Focus != "" && !slices.Contains(Focuses, o.Focus) {
		return errAt(fmt.Sprintf("unknown focus %q (choose %s)", o.Focus, words.Or(Focuses)), "focus")
	}
	if o.Level != "" && !slices.Contains(Levels, o.Level) {
		return errAt(fmt.Sprintf("unknown level %q (choose %s)", o.Level, words.Or(Levels)), "level")
	}
	for k, e := range o.Equipment {
		if e != None && !slices.Contains(EquipmentKinds, e) {
			return errAt(fmt.Sprintf("unknown equipment %q (choose none, %s)", e, words.Or(EquipmentKinds)), "equipment", strconv.Itoa(k))
		}
		if e == None && len(o.Equipment) > 1 {
			return errAt("equipment none goes alone", "equipment", strconv.Itoa(k))
		}
	}
	for _, list := range []struct {
		key string
		ids []string
	}{{"include", o.Include}, {"exclude", o.Exclude}} {
		for k, id := range list.ids {
			if _, ok := c.Lookup(id); !ok {
				return errAt(fmt.Sprintf("%s: unknown exercise %q", list.key, id), list.key, strconv.Itoa(k))
			}
			if list.key == "exclude" && slices.Contains(o.Include, id) {
				return errAt(fmt.Sprintf("exercise %q is both included and excluded; keep one", id), list.key, strconv.Itoa(k))
			}
		}
	}
	return nil
}

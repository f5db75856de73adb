package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// The words a patient reads for the plan's settings and the catalogue's
// kinds. Every sentence here is written for a reading age of about twelve.
// Each function covers every value its type lists (plan.Focuses,
// plan.Levels, plan.Categories, plan.Positions); a test checks that none is
// left without words.

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// sentence capitalises the first letter and ends with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = capitalize(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// focusWords names what the plan leans on, as the cover's focus line
// begins.
func focusWords(m *i18n.Lang, f plan.Focus) string {
	switch f {
	case plan.FocusBalanced, plan.FocusMobility, plan.FocusPosture, plan.FocusStrength, plan.FocusCore:
		return m.T("focus." + string(f))
	}
	return ""
}

func levelWords(m *i18n.Lang, l plan.Level) string {
	switch l {
	case plan.Beginner, plan.Intermediate:
		return m.T("level." + string(l))
	}
	return ""
}

// categoryWords is the kind of exercise, printed under its name.
func categoryWords(m *i18n.Lang, c plan.Category) string {
	switch c {
	case plan.Cardio, plan.Dynamic:
		return m.T("category.warmup")
	case plan.Mobility, plan.Strength, plan.Core, plan.Activity:
		return m.T("category." + string(c))
	}
	return ""
}

// workWords is what a category of exercise does for the patient, as the
// cover's focus line lists it: "exercises for …". Warm-ups have none: every
// session has one, and the cover says so elsewhere.
func workWords(m *i18n.Lang, c plan.Category) string {
	switch c {
	case plan.Mobility, plan.Strength, plan.Core, plan.Activity:
		return m.T("work." + string(c))
	}
	return ""
}

// positionWords is how to be at the start of an exercise in a position.
func positionWords(m *i18n.Lang, p plan.Position) string {
	switch p {
	case plan.Standing, plan.Seated, plan.OnBack, plan.FaceDown, plan.SideLying, plan.AllFours:
		return m.T("position." + string(p))
	}
	return ""
}

// startWords is how to get into an exercise's start position: the
// catalogue's own words where it gives them (a bent-over row is not
// "standing up tall"), else its position's.
func startWords(m *i18n.Lang, e plan.Exercise) string {
	if s := clean(e.Start); s != "" {
		return sentence(s)
	}
	if s := positionWords(m, e.Position); s != "" {
		return s
	}
	return sentence(string(e.Position))
}

// needsWords lists what an exercise needs: its equipment and household
// things.
func needsWords(m *i18n.Lang, e plan.Exercise) string {
	var out []string
	if e.Equipment != "" && e.Equipment != plan.None {
		out = append(out, equipmentNoun(m, e.Equipment))
	}
	for _, n := range e.Needs {
		out = append(out, clean(n))
	}
	if len(out) == 0 {
		return m.T("needs.nothing")
	}
	return sentence(m.And(out))
}

// usedEquipment is the equipment the plan's exercises use, in the order
// plan.EquipmentKinds lists it: what the patient must have, which may be
// less than the clinician allowed.
func usedEquipment(p *plan.Plan) []plan.Equipment {
	var out []plan.Equipment
	for _, k := range plan.EquipmentKinds {
		for _, e := range p.Exercises {
			if e.Equipment == k {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// equipmentLine is the cover's equipment row.
func equipmentLine(m *i18n.Lang, p *plan.Plan) string {
	used := usedEquipment(p)
	if len(used) == 0 {
		return m.T("equipment.none")
	}
	nouns := make([]string, len(used))
	for i, e := range used {
		nouns[i] = equipmentNoun(m, e)
	}
	return capitalize(m.And(nouns))
}

// focusLine is the cover's focus row: the plan's focus, then what its
// exercises work on, from the categories it contains.
func focusLine(m *i18n.Lang, p *plan.Plan) string {
	var work []string
	for _, c := range plan.Categories {
		w := workWords(m, c)
		if w == "" {
			continue
		}
		for _, e := range p.Exercises {
			if e.Category == c {
				work = append(work, w)
				break
			}
		}
	}
	f := focusWords(m, p.Settings.Focus)
	if f == "" {
		f = capitalize(string(p.Settings.Focus))
	}
	if len(work) == 0 {
		return m.T("focus.line-warmup", "focus", f)
	}
	return m.T("focus.line", "focus", f, "work", m.And(work))
}

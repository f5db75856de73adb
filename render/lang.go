package render

import (
	"strconv"
	"time"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// Every sentence the workbook prints comes from the message file of the
// plan's language (internal/i18n): the layout code holds keys, never
// words. The clinician's own text (names, notes) and the catalogue's,
// translated by plan.Catalog.Localized, are printed as given.

// words returns the messages of p's language (plan.Settings.Lang, ""
// for English) among o.Words, or the built-in languages. A language
// neither has is an *i18n.UnknownError naming those it has.
func (r *Renderer) words(p *plan.Plan, o Options) (*i18n.Lang, error) {
	set := o.Words
	if set == nil {
		var err error
		if set, err = i18n.Builtin(); err != nil {
			return nil, err
		}
	}
	return set.Match(p.Settings.Lang)
}

// wordsOrEnglish is words for a layout whose language was checked
// before (Layout), or which prints in English only (Figures).
func (r *Renderer) wordsOrEnglish(p *plan.Plan, o Options) *i18n.Lang {
	if m, err := r.words(p, o); err == nil {
		return m
	}
	set, _ := i18n.Builtin()
	m, _ := set.Match(i18n.Reference)
	return m
}

// longDate is "Monday 30 November 2026".
func longDate(m *i18n.Lang, d plan.Date) string { return m.Date("date.long", d.Time()) }

// dateRange is "Monday 30 November to Sunday 6 December 2026", at the
// start of a line.
func dateRange(m *i18n.Lang, a, b plan.Date) string {
	from := m.Date("date.long-noyear", a.Time())
	if a.Time().Year() != b.Time().Year() {
		from = longDate(m, a)
	}
	return capitalize(m.T("range.start", "from", from, "to", longDate(m, b)))
}

// shortRange is "30 Nov to 6 Dec".
func shortRange(m *i18n.Lang, a, b plan.Date) string {
	return m.T("range", "from", m.Date("date.short", a.Time()), "to", m.Date("date.short", b.Time()))
}

// pageWord is "page 7".
func pageWord(m *i18n.Lang, n int) string {
	if n == 0 {
		return m.T("page.unknown")
	}
	return m.N("page", n)
}

// amountText is the dose in the language's notation, as the grids, the
// exercise pages and the dose key print it: "2 sets of 8", "5 holds of
// 10 s each side", and from the second resistance level, how much
// heavier for e's equipment ("2 sets of 12, next band up").
func amountText(m *i18n.Lang, e plan.Exercise, d plan.Dose) string {
	if d.IsZero() {
		return ""
	}
	sets := max(d.Sets, 1)
	var s string
	switch d.Kind() {
	case plan.MinutesDose:
		s = m.T("dose.minutes", "n", d.Minutes)
	case plan.TimedDose:
		s = m.N("dose.sets", sets, "what", m.T("dose.seconds", "n", d.Seconds))
	case plan.HoldsDose:
		s = m.N("dose.holds", d.Reps, "s", d.Hold)
	default:
		s = m.N("dose.sets", sets, "what", d.Reps)
	}
	switch d.Each {
	case "side":
		s = m.T("dose.each-side", "dose", s)
	case "direction":
		s = m.T("dose.each-direction", "dose", s)
	}
	if d.Level > 1 {
		s = m.T("dose.heavier", "dose", s, "heavier", heavier(m, e.Equipment, d.Level))
	}
	return s
}

// heavier says what resistance level n (2 or more) means for the
// equipment: "next band up", "two bands up", "one step heavier".
func heavier(m *i18n.Lang, e plan.Equipment, level int) string {
	steps := level - 1
	key := "heavier.other"
	switch e {
	case plan.Band:
		key = "heavier.band"
	case plan.Dumbbells:
		key = "heavier.dumbbells"
	}
	word := strconv.Itoa(steps)
	if steps >= 1 && steps <= 5 {
		word = m.T("number." + word)
	}
	return m.N(key, steps, "word", word)
}

// equipmentNoun is the equipment as a noun: "a resistance band".
func equipmentNoun(m *i18n.Lang, e plan.Equipment) string {
	switch e {
	case plan.Band, plan.Dumbbells, plan.Cable:
		return m.T("equipment." + string(e))
	}
	return ""
}

// sampleDate is a wide date in the pattern key, to measure a column by:
// Wednesday 30 November 2022.
func (l *layout) sampleDate(key string) string {
	return l.m.Date(key, time.Date(2022, time.November, 30, 0, 0, 0, 0, time.UTC))
}

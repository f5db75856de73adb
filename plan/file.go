package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/backplan/backplan/internal/words"
	"gopkg.in/yaml.v3"
)

// fileHeader opens every saved plan file.
const fileHeader = `# A backplan plan file: one patient's exercise plan, fully worked out.
# "backplan --from FILE" prints it as a workbook exactly as written here,
# even if the exercise catalogue has changed since. You may edit it: backplan
# checks every field when it reads the file back.
`

// WriteYAML writes the plan as a plan file: readable YAML under a short
// comment header. ReadPlan reads it back into the same plan.
func (p *Plan) WriteYAML(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(fileHeader)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// ReadPlan reads and checks a plan file written by WriteYAML, perhaps edited
// by hand since. name is used in errors, which read "name:line: what is
// wrong". Unknown fields are errors; exercises are checked as in the
// catalogue; every item must name one of the plan's exercises and carry a
// valid dose; weeks are numbered from 1, seven days apart, and every session
// falls inside its week. A session whose minutes are missing gets them
// estimated from its doses.
func ReadPlan(r io.Reader, name string) (*Plan, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fileErr(PlanFileProblem, name, 0, "%v", err)
	}
	if err := checkEncoding(PlanFileProblem, name, data); err != nil {
		return nil, err
	}
	var p Plan
	if err := decodeStrict(data, &p); err != nil {
		return nil, yamlError(PlanFileProblem, name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(PlanFileProblem, name, err)
	}
	var doc *yaml.Node
	if len(root.Content) > 0 {
		doc = root.Content[0]
	}
	if err := p.check(); err != nil {
		var pe *fieldError
		if !errors.As(err, &pe) {
			return nil, fileErr(PlanFileProblem, name, 0, "%v", err)
		}
		return nil, fileErr(PlanFileProblem, name, fieldLine(doc, pe.path), "%s", pe.msg)
	}
	return &p, nil
}

// planErr is a problem in a plan file, with the path of the field it is
// about (from the top of the file) so that ReadPlan can name its line.
func planErr(path []string, format string, args ...any) error {
	return &fieldError{path: path, msg: fmt.Sprintf(format, args...)}
}

// at returns the path extended by more parts; it never shares the backing
// array of the path it extends.
func at(path []string, more ...any) []string {
	out := slices.Clone(path)
	for _, m := range more {
		switch v := m.(type) {
		case int:
			out = append(out, strconv.Itoa(v))
		case string:
			out = append(out, v)
		}
	}
	return out
}

// check validates a decoded plan and fills what a file may leave out: the
// defaults an exercise takes in the catalogue, one set for a dose that names
// none, and estimated session minutes.
func (p *Plan) check() error {
	if err := p.checkPatient(); err != nil {
		return err
	}
	if err := p.checkSettings(); err != nil {
		return err
	}
	byID, err := p.checkExercises()
	if err != nil {
		return err
	}
	if len(p.Weeks) != p.Settings.Weeks {
		return planErr([]string{"weeks"}, "the plan has %s, but settings say weeks: %d", words.Count(len(p.Weeks), "week"), p.Settings.Weeks)
	}
	used := make([]bool, len(p.Exercises))
	for wi := range p.Weeks {
		if err := p.checkWeek(wi, byID, used); err != nil {
			return err
		}
	}
	for i, u := range used {
		if !u {
			return planErr(at(nil, "exercises", i, "id"), "exercise %q is in no session; remove it from the exercises list or add it to a session", p.Exercises[i].ID)
		}
	}
	return nil
}

// checkPatient validates the patient's details, naming the field of the
// file at fault.
func (p *Plan) checkPatient() error {
	err := p.Patient.Validate()
	var pe *Error
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	field := map[string]string{"patient": "name"}[pe.Input]
	if field == "" {
		field = pe.Input
	}
	return planErr([]string{"patient", field}, "%s", pe.Msg)
}

// checkExercises validates the plan's exercises and returns where each
// id stands in the list.
func (p *Plan) checkExercises() (map[string]int, error) {
	if len(p.Exercises) == 0 {
		return nil, planErr([]string{"exercises"}, "no exercises (the file needs an \"exercises:\" list)")
	}
	if len(p.Exercises) > MaxPlanExercises {
		return nil, planErr(at(nil, "exercises", MaxPlanExercises), "%d exercises is more than a plan needs; keep it to %d", len(p.Exercises), MaxPlanExercises)
	}
	byID := make(map[string]int, len(p.Exercises))
	for i := range p.Exercises {
		e := &p.Exercises[i]
		path := at(nil, "exercises", i)
		if err := e.validate(); err != nil {
			label := e.ID
			if label == "" {
				label = fmt.Sprintf("#%d", i+1)
			}
			var fe *fieldError
			if errors.As(err, &fe) {
				return nil, planErr(append(path, fe.path...), "exercise %q: %s", label, fe.msg)
			}
			return nil, planErr(path, "exercise %q: %s", label, err)
		}
		if j, dup := byID[e.ID]; dup {
			return nil, planErr(at(path, "id"), "exercise %q: duplicate id (also exercise %d of the list)", e.ID, j+1)
		}
		byID[e.ID] = i
	}
	return byID, nil
}

// checkWeek validates week wi of the list and its sessions, marking in
// used the exercises its sessions name.
func (p *Plan) checkWeek(wi int, byID map[string]int, used []bool) error {
	wk := &p.Weeks[wi]
	path := at(nil, "weeks", wi)
	if wk.Number != wi+1 {
		return planErr(at(path, "week"), "week %d of the list is numbered %d; number the weeks 1, 2, 3 and so on", wi+1, wk.Number)
	}
	want := p.Settings.Start.AddDays(7 * wi)
	if wk.Start != want {
		return planErr(at(path, "start"), "week %d: start must be %s (the plan starts on %s and each week 7 days after the last), got %q", wk.Number, want, p.Settings.Start, wk.Start)
	}
	if len(wk.Sessions) == 0 {
		return planErr(path, "week %d: no sessions (list at least one)", wk.Number)
	}
	if a := wk.Appointment; !a.IsZero() && (a.Before(wk.Start) || wk.End().Before(a)) {
		return planErr(at(path, "appointment"), "week %d: appointment %s is outside the week (%s to %s)", wk.Number, a, wk.Start, wk.End())
	}
	week := weekSoFar{}
	for si := range wk.Sessions {
		if err := p.checkSession(wk, si, at(path, "sessions", si), byID, used, week); err != nil {
			return err
		}
	}
	return nil
}

// checkSession validates session si of week wk, at path in the file, and
// its items, and estimates its minutes when the file leaves them out.
func (p *Plan) checkSession(wk *Week, si int, spath []string, byID map[string]int, used []bool, week weekSoFar) error {
	s := &wk.Sessions[si]
	label := fmt.Sprintf("week %d, session %d", wk.Number, si+1)
	switch {
	case s.Date.IsZero():
		return planErr(at(spath, "date"), "%s: missing date", label)
	case s.Date.Before(wk.Start) || wk.End().Before(s.Date):
		return planErr(at(spath, "date"), "%s: date %s is outside the week (%s to %s)", label, s.Date, wk.Start, wk.End())
	case len(p.Settings.Weekdays) > 0 && !slices.Contains(p.Settings.Weekdays, s.Date.Weekday()):
		return planErr(at(spath, "date"), "%s: %s is a %s, not one of the weekdays (%s)", label, s.Date, s.Date.Weekday(), p.Settings.Weekdays)
	case si > 0 && !wk.Sessions[si-1].Date.Before(s.Date):
		return planErr(at(spath, "date"), "%s: date %s must come after the session before it (%s)", label, s.Date, wk.Sessions[si-1].Date)
	case s.Minutes < 0 || s.Minutes > MaxSavedMinutes:
		return planErr(at(spath, "minutes"), "%s: minutes must be 1–%d, got %d (leave it out and backplan estimates it)", label, MaxSavedMinutes, s.Minutes)
	case len(s.Items) == 0:
		return planErr(spath, "%s: no items (list at least one exercise)", label)
	case len(s.Items) > MaxIncludedWeekRows:
		return planErr(at(spath, "items", MaxIncludedWeekRows), "%s: %d items is more than a week holds; keep it to %d", label, len(s.Items), MaxIncludedWeekRows)
	}
	secs := 0
	for ii := range s.Items {
		it := &s.Items[ii]
		ipath := at(spath, "items", ii)
		i, ok := byID[it.Exercise]
		if !ok {
			return planErr(at(ipath, "exercise"), "%s: unknown exercise %q (every item must name an exercise in the plan's exercises list)", label, it.Exercise)
		}
		used[i] = true
		if err := week.add(it, label, ipath); err != nil {
			return err
		}
		if err := it.Dose.validateItem(); err != nil {
			var fe *fieldError
			if errors.As(err, &fe) {
				return planErr(append(at(ipath, "dose"), fe.path...), "%s, %s: dose %s", label, it.Exercise, fe.msg)
			}
			return planErr(at(ipath, "dose"), "%s, %s: dose %s", label, it.Exercise, err)
		}
		secs += EstimateSeconds(it.Dose, p.Exercises[i].Category)
	}
	if s.Minutes == 0 {
		s.Minutes = (secs + 59) / 60
	}
	return nil
}

// MaxPlanExercises is the most exercises a plan file may list: a year of
// weeks changing every exercise each month stays far below it.
const MaxPlanExercises = 100

// weekSoFar are the exercises of one week of a plan file so far, with
// the dose each first had. A week's page lists an exercise once, with one
// dose beside all its days' boxes, so every session of the week must give
// it the same dose, and a week holds at most MaxIncludedWeekRows.
type weekSoFar map[string]Dose

func (w weekSoFar) add(it *Item, label string, path []string) error {
	d, ok := w[it.Exercise]
	switch {
	case !ok && len(w) == MaxIncludedWeekRows:
		return planErr(at(path, "exercise"), "%s: %s would be the week's %s exercise; a week holds at most %d", label, it.Exercise, ordinal(len(w)+1), MaxIncludedWeekRows)
	case !ok:
		w[it.Exercise] = it.Dose
	case d != it.Dose:
		return planErr(at(path, "dose"), "%s, %s: the dose differs from the week's earlier sessions (%s); a week's page prints one dose for every day, so give each session of the week the same", label, it.Exercise, d)
	}
	return nil
}

// ordinal is n as "13th"; n is above 12.
func ordinal(n int) string { return strconv.Itoa(n) + "th" }

func (p *Plan) checkSettings() error {
	s := &p.Settings
	path := []string{"settings"}
	if field, msg := s.outOfRange(MaxSavedMinutes); msg != "" {
		return planErr(at(path, field), "settings: %s", msg)
	}
	switch {
	case !slices.Contains(Focuses, s.Focus):
		return planErr(at(path, "focus"), "settings: unknown focus %q (choose %s)", s.Focus, words.Or(Focuses))
	case !slices.Contains(Levels, s.Level):
		return planErr(at(path, "level"), "settings: unknown level %q (choose %s)", s.Level, words.Or(Levels))
	case s.Start.IsZero():
		return planErr(at(path, "start"), "settings: missing start date")
	case s.Issued.IsZero():
		return planErr(at(path, "issued"), "settings: missing issued date")
	}
	if s.Preset != "" && !idPattern.MatchString(s.Preset) {
		return planErr(at(path, "preset"), "settings: preset %q is not a preset's name (lower-case words joined by hyphens)", s.Preset)
	}
	if len(s.Weekdays) > 0 && len(s.Weekdays) != s.Days {
		return planErr(at(path, "weekdays"), "settings: %s chosen (%s), but days: %d", words.Count(len(s.Weekdays), "weekday"), s.Weekdays, s.Days)
	}
	if !s.Review.IsZero() && s.Review.Before(s.Issued) {
		return planErr(at(path, "review"), "settings: review %s is before the issue date %s", s.Review, s.Issued)
	}
	if s.Equipment == nil {
		return planErr(at(path, "equipment"), "settings: missing equipment (write [] for none)")
	}
	for i, e := range s.Equipment {
		if !slices.Contains(EquipmentKinds, e) {
			return planErr(at(path, "equipment", i), "settings: unknown equipment %q (choose %s; write [] for none)", e, words.Or(EquipmentKinds))
		}
		if slices.Contains(s.Equipment[:i], e) {
			return planErr(at(path, "equipment", i), "settings: equipment %q is listed twice", e)
		}
	}
	for _, list := range []struct {
		name string
		ids  []string
	}{{"include", s.Include}, {"exclude", s.Exclude}} {
		for i, id := range list.ids {
			if !idPattern.MatchString(id) {
				return planErr(at(path, list.name, i), "settings: %s: %q is not an exercise id (lower-case words joined by hyphens)", list.name, id)
			}
		}
	}
	return s.checkChanges()
}

// validateItem checks a dose in a session: a valid dose as in the
// catalogue, plus the parts the planner adds, each and resistance level.
func (d *Dose) validateItem() error {
	if d.Each != "" && d.Each != "side" && d.Each != "direction" {
		return errAt(fmt.Sprintf("each must be side or direction, got %q", d.Each), "each")
	}
	if d.Level < 0 || d.Level > MaxLevel {
		return errAt(fmt.Sprintf("level must be 1–%d, got %d", MaxLevel, d.Level), "level")
	}
	return d.validate()
}

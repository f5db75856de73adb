package serve

// The page: the form, the plan's preview as HTML and the exercises'
// thumbnails as inline SVG. Everything it needs (styles, the
// little script) is embedded, so the page asks nothing of any other site.

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

//go:embed web
var webFiles embed.FS

// pageTemplates parses the page's templates on first use: a process
// that makes a workbook and never serves a page (every run but backplan
// serve) does not pay for it at start-up, about a millisecond.
var pageTemplates = sync.OnceValue(parsePageTemplates)

// parsePageTemplates parses web/*.html. The templates are embedded, so
// an error is a mistake in the binary itself: it panics, and
// TestPageTemplatesParse finds it first.
func parsePageTemplates() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"doseText": func(p *plan.Plan, it plan.Item) string {
			e, _ := p.Exercise(it.Exercise)
			return e.DoseText(it.Dose)
		},
		"exerciseName": func(p *plan.Plan, id string) string {
			if e, ok := p.Exercise(id); ok {
				return e.Name
			}
			return id
		},
		"day":     func(d plan.Date) string { return d.Format("Mon 2 Jan 2006") },
		"count":   words.Count,
		"summary": planSummary,
	}).ParseFS(webFiles, "web/*.html"))
}

// planSummary is the plan's shape in one line, as --preview words it.
func planSummary(p *plan.Plan) string {
	s := p.Settings
	days := words.Count(s.Days, "day") + " a week"
	if len(s.Weekdays) > 0 {
		days += " (" + s.Weekdays.String() + ")"
	}
	return fmt.Sprintf("%s, %s, %s focus, %s, sessions of up to %d minutes (the longest planned: %d)",
		words.Count(s.Weeks, "week"), days, s.Focus, s.Level, s.Minutes, p.LongestSession())
}

// option is one choice of a select or a group of checkboxes.
type option struct {
	Value, Label string
}

// exerciseRow is one exercise of the catalogue in the include and exclude
// lists.
type exerciseRow struct {
	ID, Name, Category string
	Kind               string // the category in the page's words
	Thumb              template.HTML
}

// focusWords, levelWords and kindWords are the page's words for the
// focuses, levels and kinds of exercise; the form sends the codes.
var (
	focusWords = map[plan.Focus]string{
		plan.FocusBalanced: "Balanced", plan.FocusMobility: "Mobility", plan.FocusPosture: "Posture",
		plan.FocusStrength: "Strength", plan.FocusCore: "Core (trunk)",
	}
	levelWords = map[plan.Level]string{plan.Beginner: "Beginner", plan.Intermediate: "Intermediate"}
	kindWords  = map[plan.Category]string{
		plan.Cardio: "warm-up", plan.Dynamic: "warm-up", plan.Mobility: "stretch", plan.Strength: "strength",
		plan.Core: "core", plan.Activity: "walking",
	}
)

// pageData is what the page template shows.
type pageData struct {
	Form      url.Values // the values to fill in
	Errors    formErrors
	Preview   template.HTML
	Focuses   []option
	Levels    []option
	Equipment []option
	Weekdays  []option
	Langs     []option // the workbook's languages, by their own names
	Exercises []exerciseRow
	Presets   []presetChoice // the catalogue's presets (preset.go)
	Upload    string         // the upload form an error belongs to: "from" or "batch"
	Columns   []option       // a roster's columns and what each accepts
	UploadErr string
}

// Value is a field's value, or its default.
func (d pageData) Value(name string) string { return d.Form.Get(name) }

// MinMinutes and MaxMinutes are the range of a session's minutes, for the
// number field's limits.
func (pageData) MinMinutes() int { return plan.MinSessionMinutes }

// MaxMinutes: see MinMinutes.
func (pageData) MaxMinutes() int { return plan.MaxSessionMinutes }

// Checked reports whether a checkbox of a field is ticked.
func (d pageData) Checked(name, value string) bool {
	for _, v := range d.Form[name] {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), value) {
				return true
			}
		}
	}
	return false
}

// errBox is a field's place for its mistake, empty when it has none.
type errBox struct {
	Field string
	Err   *fieldError
}

// E returns a field's place for its mistake.
func (d pageData) E(name string) errBox { return errBox{name, d.Errors.byField(name)} }

// General returns the mistakes that are about no one field.
func (d pageData) General() formErrors {
	var out formErrors
	for _, e := range d.Errors {
		if e.Field == "" {
			out = append(out, e)
		}
	}
	return out
}

// defaultForm is the form as the page first shows it; paper follows the
// browser's language region.
func defaultForm(paper render.Paper) url.Values {
	return url.Values{
		"weeks":     {fmt.Sprint(plan.DefaultWeeks)},
		"days":      {fmt.Sprint(plan.DefaultDays)},
		"focus":     {string(plan.Focuses[0])},
		"level":     {string(plan.Levels[0])},
		"equipment": {string(plan.DefaultEquipment[0])},
		"minutes":   {fmt.Sprint(plan.DefaultSessionMinutes)},
		"paper":     {string(paper)},
	}
}

// pageBase is the parts of the page that never change: the lists of
// choices and the catalogue's thumbnails, made once.
func pageBase(exercises []plan.Exercise) pageData {
	var d pageData
	for _, f := range plan.Focuses {
		d.Focuses = append(d.Focuses, option{string(f), focusWords[f]})
	}
	for _, l := range plan.Levels {
		d.Levels = append(d.Levels, option{string(l), levelWords[l]})
	}
	for _, e := range plan.EquipmentKinds {
		d.Equipment = append(d.Equipment, option{string(e), e.Noun()})
	}
	for _, w := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} {
		d.Weekdays = append(d.Weekdays, option{strings.ToLower(w[:3]), w})
	}
	d.Columns = rosterColumns()
	for _, l := range job.Languages() {
		d.Langs = append(d.Langs, option{l.Tag, l.Name})
	}
	for _, e := range exercises {
		d.Exercises = append(d.Exercises, exerciseRow{ID: e.ID, Name: e.Name, Category: string(e.Category), Kind: kindWords[e.Category], Thumb: thumbSVG(e)})
	}
	return d
}

// thumbSVG draws an exercise's thumbnail as inline SVG, in the same greys
// as the workbook.
func thumbSVG(e plan.Exercise) template.HTML {
	if e.Picture == nil {
		return ""
	}
	const w, h = 40.0, 28.0
	pic := e.Picture.Thumbnail(w, h, 0.5)
	var b strings.Builder
	box := pic.Box
	if box.W <= 0 || box.H <= 0 {
		box = figure.Rect{W: w, H: h}
	}
	const pad = 0.8
	fmt.Fprintf(&b, `<svg class="thumb" viewBox="%.2f %.2f %.2f %.2f" width="120" height="84" aria-hidden="true" focusable="false">`,
		box.X-pad, box.Y-pad, box.W+2*pad, box.H+2*pad)
	for _, s := range pic.Shapes {
		fill := "none"
		if s.Fill >= 0 {
			fill = grey(s.Fill)
		}
		stroke := `stroke="none"`
		if s.Width > 0 {
			stroke = fmt.Sprintf(`stroke="%s" stroke-width="%.2f" stroke-linecap="round" stroke-linejoin="round"`, grey(s.Stroke), s.Width)
		}
		switch {
		case s.Kind == figure.Circle && len(s.Points) > 0:
			fmt.Fprintf(&b, `<circle cx="%.2f" cy="%.2f" r="%.2f" fill="%s" %s/>`, s.Points[0].X, s.Points[0].Y, s.Radius, fill, stroke)
		case len(s.Points) > 0:
			b.WriteString(`<path d="`)
			for i, p := range s.Points {
				if i == 0 {
					fmt.Fprintf(&b, "M%.2f %.2f", p.X, p.Y)
				} else {
					fmt.Fprintf(&b, "L%.2f %.2f", p.X, p.Y)
				}
			}
			if s.Closed {
				b.WriteString("Z")
			}
			fmt.Fprintf(&b, `" fill="%s" %s/>`, fill, stroke)
		}
	}
	b.WriteString("</svg>")
	return template.HTML(b.String()) // built only from numbers above
}

func grey(level float64) string {
	v := int(level*255 + 0.5)
	return fmt.Sprintf("#%02x%02x%02x", v, v, v)
}

// previewData is what the preview fragment shows: a plan, or mistakes;
// the plan's main exercises, to change; marks for the chooser; and a
// sentence for screen readers.
type previewData struct {
	Plan    *plan.Plan
	Errors  formErrors
	Edits   []editRow
	Marks   []chooserMark
	Summary string
}

// writePreview writes the preview fragment of the plan made from the
// catalogue c.
func writePreview(w io.Writer, c *plan.Catalog, p *plan.Plan, errs formErrors) error {
	d := previewData{Plan: p, Errors: namedErrors(c, errs), Summary: summaryLine(p, errs)}
	if errs == nil {
		d.Edits, d.Marks = editRows(c, p), chooserMarks(c, p)
	}
	return pageTemplates().ExecuteTemplate(w, "preview.html", d)
}

// previewHTML is the preview fragment as HTML to place in the page.
func previewHTML(c *plan.Catalog, p *plan.Plan, errs formErrors) template.HTML {
	var b strings.Builder
	if err := writePreview(&b, c, p, errs); err != nil {
		return template.HTML(template.HTMLEscapeString(err.Error()))
	}
	return template.HTML(b.String()) // the template escaped every value
}

package plan

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/words"
)

// Category groups exercises by the part of a session they belong to.
type Category string

// The categories, in the order a session uses them.
const (
	Cardio   Category = "cardio"   // warm-up: light cardio, a few minutes
	Dynamic  Category = "dynamic"  // warm-up: dynamic movements
	Mobility Category = "mobility" // range of motion and stretches
	Strength Category = "strength" // upper-back and rotator-cuff strength
	Core     Category = "core"     // trunk support
	Activity Category = "activity" // general activity: a brisk walk that fills a longer session
)

// Categories lists every category in session order.
var Categories = []Category{Cardio, Dynamic, Mobility, Strength, Core, Activity}

// Warmup reports whether the category belongs to the warm-up.
func (c Category) Warmup() bool { return c == Cardio || c == Dynamic }

// Loaded reports whether the category is strength work that needs a rest
// day between sessions.
func (c Category) Loaded() bool { return c == Strength || c == Core }

// MuscleGroups are the groups of muscles an exercise's Muscles may name.
// The planner gives strength and core work for one group a day of rest
// after each session; upper-back is the muscles between and around the
// shoulder blades, spine the long muscles beside the spine, trunk the
// muscles around the middle.
var MuscleGroups = []string{"neck", "shoulders", "upper-back", "rotator-cuff", "chest", "arms", "spine", "trunk", "hips", "legs"}

// Position is the starting position of an exercise.
type Position string

// The starting positions.
const (
	Standing  Position = "standing"
	Seated    Position = "seated"
	OnBack    Position = "on-back"
	FaceDown  Position = "face-down"
	SideLying Position = "side-lying"
	AllFours  Position = "all-fours"
)

// Positions lists every position.
var Positions = []Position{Standing, Seated, OnBack, FaceDown, SideLying, AllFours}

// Equipment is something a patient may or may not have at home. Household
// things every home has (a wall, a chair, a towel) are not equipment; an
// exercise lists them under Needs.
type Equipment string

// The equipment. None means the exercise needs no equipment.
const (
	None      Equipment = "none"
	Band      Equipment = "band"
	Dumbbells Equipment = "dumbbells"
	Cable     Equipment = "cable"
)

// EquipmentKinds lists every kind of equipment a patient may have.
var EquipmentKinds = []Equipment{Band, Dumbbells, Cable}

// Noun is the equipment as a patient would name it, with its article:
// "a resistance band", "dumbbells", "a cable machine".
func (e Equipment) Noun() string {
	switch e {
	case Band:
		return "a resistance band"
	case Dumbbells:
		return "dumbbells"
	case Cable:
		return "a cable machine"
	}
	return "" // None, or not a kind of equipment
}

// Dose is how much of an exercise to do. Exactly one of Reps, Seconds and
// Minutes is set; Hold (seconds held each repetition) goes with Reps.
type Dose struct {
	Sets    int    `yaml:"sets,omitempty"`
	Reps    int    `yaml:"reps,omitempty"`
	Hold    int    `yaml:"hold,omitempty"`    // seconds held at the end of each repetition
	Seconds int    `yaml:"seconds,omitempty"` // seconds of continuous movement
	Minutes int    `yaml:"minutes,omitempty"`
	Each    string `yaml:"each,omitempty"`  // "side" or "direction": the dose is done on each
	Level   int    `yaml:"level,omitempty"` // resistance level: 1 is the starting band or weight
}

// DoseRange is an exercise's starting and top dose. The planner climbs from
// Start to Top; Default marks a dose the source gives none for, chosen by
// backplan from the clinical ranges.
type DoseRange struct {
	Start   Dose   `yaml:"start"`
	Top     Dose   `yaml:"top"`
	Each    string `yaml:"each,omitempty"`
	Default bool   `yaml:"default,omitempty"`
}

// Exercise is one entry of the catalogue.
type Exercise struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Category Category `yaml:"category"`
	Family   string   `yaml:"family,omitempty"` // variants of one exercise share a family; a plan uses one
	Level    Level    `yaml:"level,omitempty"`  // the lowest level it suits; empty means beginner
	// Focus is read from catalogues and plan files written before the
	// prescriptions, and checked; the planner no longer uses it.
	Focus    []Focus  `yaml:"focus,omitempty"`
	Purpose  string   `yaml:"purpose"`
	Muscles  []string `yaml:"muscles,omitempty"` // the MuscleGroups it works
	Position Position `yaml:"position"`
	// Start says how to get into the starting position, for an exercise
	// whose position's usual words do not fit (a bent-over row is not
	// "standing up tall"). Optional.
	Start      string    `yaml:"start,omitempty"`
	Floor      bool      `yaml:"floor,omitempty"` // done down on the floor
	Equipment  Equipment `yaml:"equipment,omitempty"`
	Needs      []string  `yaml:"needs,omitempty"` // household things: a wall, a chair, a rolled towel
	Dose       DoseRange `yaml:"dose"`
	SourceDose string    `yaml:"source_dose,omitempty"` // the source article's own dose, where it gives one
	Steps      []string  `yaml:"steps"`
	Cues       []string  `yaml:"cues,omitempty"`
	Cautions   []string  `yaml:"cautions,omitempty"`
	Easier     string    `yaml:"easier,omitempty"`
	Harder     string    `yaml:"harder,omitempty"`
	// Picture poses the line drawing printed beside the steps: a start and
	// an end position (or one held position), props and arrows. Optional
	// in a clinic's catalogue; every exercise of the embedded one has one.
	Picture *figure.Spec `yaml:"picture,omitempty"`
	// Video is a link to a video of the exercise, printed on its page as
	// a QR code and a short line of text (CheckLink says what it may be).
	// Optional.
	Video string `yaml:"video,omitempty"`
}

// Catalog is a validated list of exercises, in file order, with the
// prescriptions that build plans from them.
type Catalog struct {
	Exercises []Exercise
	// Prescriptions say how each focus builds a plan. A catalogue may
	// have none (it can still be listed and drawn), but a plan needs the
	// one of its focus.
	Prescriptions []Prescription
	// Presets are starting points for common presentations, each setting
	// a few options; a catalogue may have none.
	Presets []Preset
	name    string // the file it was loaded from, for errors
	byID    map[string]int
	lines   func() map[string]int // each exercise's first line in the file, worked out once asked
	// Overlays (overlay.go): the English catalogue keeps one per language;
	// a translated copy knows its language, its role names and its English.
	overlays map[string]func() (*overlay, error)
	lang     string
	roles    map[string]string
	english  *Catalog
}

// Line returns the line of the catalogue's file where the exercise id
// starts, or 0 when it is not known.
func (c *Catalog) Line(id string) int {
	if c.lines == nil {
		return 0
	}
	return c.lines()[id]
}

// Lookup returns the exercise with the given id.
func (c *Catalog) Lookup(id string) (Exercise, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Exercise{}, false
	}
	return c.Exercises[i], true
}

// IDs returns every exercise id in catalogue order.
func (c *Catalog) IDs() []string {
	ids := make([]string, len(c.Exercises))
	for i, e := range c.Exercises {
		ids[i] = e.ID
	}
	return ids
}

type catalogFile struct {
	Exercises     []Exercise     `yaml:"exercises"`
	Prescriptions []Prescription `yaml:"prescriptions"`
	Presets       []Preset       `yaml:"presets"`
}

// Limits on a catalogue dose. They are wide on purpose: they catch typing
// slips, not clinical judgement.
const (
	MaxSets        = 5
	MaxReps        = 30
	MinHold        = 1
	MaxHold        = 300
	MinSeconds     = 5
	MaxSeconds     = 300
	MaxDoseMinutes = 30
	MaxLevel       = 3 // resistance steps above the starting band or weight
)

// Limits on an exercise's text, in characters, for a catalogue and a plan
// file alike. They are far above the built-in catalogue's longest (an id
// of 26, a name of 52, a step of 130) and keep every field to what a page
// can print: a name on a heading and a week's row, a line of words in its
// column. A list holds at most MaxItems lines.
const (
	MaxIDLength     = 40
	MaxExerciseName = 80
	MaxLineLength   = 300 // purpose, start, easier, harder, source_dose, and each step, cue, caution and need
	MaxItems        = 12
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// LoadCatalog reads and validates a catalogue. name is used in errors, which
// read "name:line: exercise "id": what is wrong".
func LoadCatalog(r io.Reader, name string) (*Catalog, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fileErr(CatalogProblem, name, 0, "%v", err)
	}
	if err := checkEncoding(CatalogProblem, name, data); err != nil {
		return nil, err
	}
	var f catalogFile
	if err := decodeStrict(data, &f); err != nil {
		return nil, yamlError(CatalogProblem, name, err)
	}
	// The node tree gives the line numbers of mistakes. Parsing it costs as
	// much again as decoding, so it is parsed only once a mistake is found.
	var root *yaml.Node
	tree := func() *yaml.Node {
		if root == nil {
			root = &yaml.Node{}
			if yaml.Unmarshal(data, root) != nil {
				root = &yaml.Node{}
			}
		}
		return root
	}
	node := func(i int) *yaml.Node { return listItem(tree(), "exercises", i) }
	if len(f.Exercises) == 0 {
		return nil, fileErr(CatalogProblem, name, 0, "no exercises (the file needs a top-level \"exercises:\" list)")
	}
	c := &Catalog{Exercises: f.Exercises, Prescriptions: f.Prescriptions, Presets: f.Presets, name: name, byID: make(map[string]int, len(f.Exercises))}
	if err := c.checkExercises(node); err != nil {
		return nil, err
	}
	// Lines are for messages about an exercise found later (text the
	// workbook's fonts cannot print, say), so the tree is parsed only then.
	c.lines = sync.OnceValue(func() map[string]int { return exerciseLines(c.Exercises, node) })
	if err := c.validatePrescriptions(); err != nil {
		return nil, c.listError(err, tree, "prescriptions")
	}
	if err := c.validatePresets(); err != nil {
		return nil, c.listError(err, tree, "presets")
	}
	return c, nil
}

// checkExercises validates each exercise of c, in file order, and indexes
// them by id. node gives an exercise's place in the file, for errors.
func (c *Catalog) checkExercises(node func(int) *yaml.Node) error {
	for i := range c.Exercises {
		e := &c.Exercises[i]
		err := e.validate()
		if err == nil {
			err = e.plannable()
		}
		if err != nil {
			node := node(i)
			var fe *fieldError
			line := 0
			if node != nil {
				line = node.Line
			}
			msg := err.Error()
			if errors.As(err, &fe) {
				if l := fieldLine(node, fe.path); l > 0 {
					line = l
				}
				msg = fe.msg
			}
			label := e.ID
			if label == "" {
				label = fmt.Sprintf("#%d", i+1)
			}
			return fileErr(CatalogProblem, c.name, line, "exercise %q: %s", label, msg)
		}
		if j, dup := c.byID[e.ID]; dup {
			line, prev := 0, 0
			if n := node(i); n != nil {
				line = fieldLine(n, []string{"id"})
			}
			if n := node(j); n != nil {
				prev = fieldLine(n, []string{"id"})
			}
			return fileErr(CatalogProblem, c.name, line, "exercise %q: duplicate id (first defined at line %d)", e.ID, prev)
		}
		c.byID[e.ID] = i
	}
	return nil
}

// listError words err, from validatePrescriptions or validatePresets,
// with the line of the top-level list it concerns, key.
func (c *Catalog) listError(err error, tree func() *yaml.Node, key string) error {
	line := 0
	msg := err.Error()
	var fe *fieldError
	if errors.As(err, &fe) {
		msg = fe.msg
		if len(fe.path) > 0 {
			line = fieldLine(mapValue(docNode(tree()), key), fe.path)
		}
	}
	return fileErr(CatalogProblem, c.name, line, "%s", msg)
}

// exerciseLines maps each exercise's id to the line where it starts, by
// node, which gives each exercise's node in the file.
func exerciseLines(exs []Exercise, node func(i int) *yaml.Node) map[string]int {
	lines := make(map[string]int, len(exs))
	for i := range exs {
		if n := node(i); n != nil {
			lines[exs[i].ID] = n.Line
		}
	}
	return lines
}

// fieldError is a validation error tied to a field path, so the loader can
// point at its line.
type fieldError struct {
	path []string
	msg  string
}

func (e *fieldError) Error() string { return e.msg }

func errAt(msg string, path ...string) error { return &fieldError{path: path, msg: msg} }

func (e *Exercise) validate() error {
	switch {
	case e.ID == "":
		return errAt("missing id", "id")
	case utf8.RuneCountInString(e.ID) > MaxIDLength:
		return errAt(fmt.Sprintf("id %s is %d characters long; keep it to %d", Quote(e.ID), utf8.RuneCountInString(e.ID), MaxIDLength), "id")
	case !idPattern.MatchString(e.ID):
		return errAt(fmt.Sprintf("id %q must be lower-case words joined by hyphens", e.ID), "id")
	case strings.TrimSpace(e.Name) == "":
		return errAt("missing name", "name")
	case !slices.Contains(Categories, e.Category):
		return errAt(fmt.Sprintf("unknown category %q (choose %s)", e.Category, words.Or(Categories)), "category")
	case strings.TrimSpace(e.Purpose) == "":
		return errAt("missing purpose (one line on what it helps)", "purpose")
	case !slices.Contains(Positions, e.Position):
		return errAt(fmt.Sprintf("unknown position %q (choose %s)", e.Position, words.Or(Positions)), "position")
	}
	if e.Family != "" && !idPattern.MatchString(e.Family) {
		return errAt(fmt.Sprintf("family %q must be lower-case words joined by hyphens", e.Family), "family")
	}
	if e.Level == "" {
		e.Level = Beginner
	}
	if !slices.Contains(Levels, e.Level) {
		return errAt(fmt.Sprintf("unknown level %q (choose %s)", e.Level, words.Or(Levels)), "level")
	}
	for i, f := range e.Focus {
		if !slices.Contains(Focuses, f) {
			return errAt(fmt.Sprintf("unknown focus %q (choose %s)", f, words.Or(Focuses)), "focus", strconv.Itoa(i))
		}
	}
	if e.Equipment == "" {
		e.Equipment = None
	}
	if e.Equipment != None && !slices.Contains(EquipmentKinds, e.Equipment) {
		return errAt(fmt.Sprintf("unknown equipment %q (choose none, %s)", e.Equipment, words.Or(EquipmentKinds)), "equipment")
	}
	if (e.Position == OnBack || e.Position == FaceDown || e.Position == SideLying || e.Position == AllFours) && !e.Floor {
		return errAt(fmt.Sprintf("position %s is floor work: set \"floor: true\"", e.Position), "position")
	}
	if len(e.Steps) == 0 {
		return errAt("no steps (list at least one)", "steps")
	}
	for _, f := range []struct {
		name, text string
		limit      int
	}{
		{"name", e.Name, MaxExerciseName}, {"purpose", e.Purpose, MaxLineLength}, {"start", e.Start, MaxLineLength},
		{"easier", e.Easier, MaxLineLength}, {"harder", e.Harder, MaxLineLength}, {"source_dose", e.SourceDose, MaxLineLength},
	} {
		if err := checkText(f.text, f.limit, false); err != nil {
			return errAt(fmt.Sprintf("%s: %v", f.name, err), f.name)
		}
	}
	for _, list := range []struct {
		name  string
		items []string
	}{{"steps", e.Steps}, {"cues", e.Cues}, {"cautions", e.Cautions}, {"muscles", e.Muscles}, {"needs", e.Needs}} {
		if len(list.items) > MaxItems {
			return errAt(fmt.Sprintf("%s: %d items is too many; keep it to %d", list.name, len(list.items), MaxItems), list.name, strconv.Itoa(MaxItems))
		}
		for i, s := range list.items {
			if strings.TrimSpace(s) == "" {
				return errAt(fmt.Sprintf("%s item %d is empty", list.name, i+1), list.name, strconv.Itoa(i))
			}
			if err := checkText(s, MaxLineLength, false); err != nil {
				return errAt(fmt.Sprintf("%s item %d: %v", list.name, i+1, err), list.name, strconv.Itoa(i))
			}
		}
	}
	if err := e.validateDose(); err != nil {
		return err
	}
	if e.Picture != nil {
		if err := e.Picture.Validate(); err != nil {
			return errAt("picture: "+err.Error(), "picture")
		}
	}
	if e.Video != "" {
		if err := CheckLink(e.Video); err != nil {
			return errAt("video: "+err.Error(), "video")
		}
	}
	return nil
}

// plannable checks what the planner needs of a catalogue entry beyond
// what any exercise must be: muscle groups from MuscleGroups (to give the
// same muscles a day's rest) and holds in one set (so that a tick box
// always means one set and a dose never needs three numbers). A plan file
// is not held to these: one saved by an earlier backplan, with muscles in
// its own words or holds in sets ("2 sets, each 10 holds of 5 s", a box a
// set), is read and printed as it is, so that an old plan prints again.
func (e *Exercise) plannable() error {
	if e.Category == Activity && e.Dose.Start.Minutes == 0 {
		return errAt("an activity is done for so many minutes: give its start and top in minutes", "dose")
	}
	for i, m := range e.Muscles {
		if !slices.Contains(MuscleGroups, m) {
			return errAt(fmt.Sprintf("unknown muscle group %q (choose %s)", m, words.Or(MuscleGroups)), "muscles", strconv.Itoa(i))
		}
	}
	for _, part := range [...]struct {
		name string
		d    Dose
	}{{"start", e.Dose.Start}, {"top", e.Dose.Top}} {
		if part.d.Hold != 0 && part.d.Sets > 1 {
			return errAt(fmt.Sprintf("%s holds are done as one set: give more reps (holds) rather than %d sets", part.name, part.d.Sets), "dose", part.name, "sets")
		}
	}
	return nil
}

func (e *Exercise) validateDose() error {
	d := &e.Dose
	if d.Each != "" && d.Each != "side" && d.Each != "direction" {
		return errAt(fmt.Sprintf("each must be side or direction, got %q", d.Each), "dose", "each")
	}
	if d.Start.Each != "" || d.Top.Each != "" || d.Start.Level != 0 || d.Top.Level != 0 {
		return errAt("set each on the dose itself, not on start or top; resistance levels are added by the planner", "dose")
	}
	for _, part := range []struct {
		name string
		d    *Dose
	}{{"start", &d.Start}, {"top", &d.Top}} {
		if err := part.d.validate(); err != nil {
			var fe *fieldError
			if errors.As(err, &fe) {
				return errAt(part.name+" "+fe.msg, append([]string{"dose", part.name}, fe.path...)...)
			}
			return err
		}
	}
	s, t := d.Start, d.Top
	if s.kind() != t.kind() || (s.Hold > 0) != (t.Hold > 0) {
		return errAt("start and top must measure the same thing (both reps, both holds, both seconds or both minutes)", "dose", "top")
	}
	for _, f := range []struct {
		name       string
		start, top int
	}{{"sets", s.Sets, t.Sets}, {"reps", s.Reps, t.Reps}, {"hold", s.Hold, t.Hold}, {"seconds", s.Seconds, t.Seconds}, {"minutes", s.Minutes, t.Minutes}} {
		if f.top < f.start {
			return errAt(fmt.Sprintf("top %s %d is below start %s %d", f.name, f.top, f.name, f.start), "dose", "top", f.name)
		}
	}
	return nil
}

func (d *Dose) kind() string {
	switch {
	case d.Reps > 0:
		return "reps"
	case d.Seconds > 0:
		return "seconds"
	case d.Minutes > 0:
		return "minutes"
	}
	return ""
}

func (d *Dose) validate() error {
	n := 0
	for _, v := range []int{d.Reps, d.Seconds, d.Minutes} {
		if v != 0 {
			n++
		}
	}
	switch {
	case d.Sets < 0 || d.Sets > MaxSets:
		return errAt(fmt.Sprintf("sets must be 1–%d, got %d", MaxSets, d.Sets), "sets")
	case d.Reps < 0 || d.Reps > MaxReps:
		return errAt(fmt.Sprintf("reps must be 1–%d, got %d", MaxReps, d.Reps), "reps")
	case d.Hold != 0 && (d.Hold < MinHold || d.Hold > MaxHold):
		return errAt(fmt.Sprintf("hold must be %d–%d seconds, got %d", MinHold, MaxHold, d.Hold), "hold")
	case d.Seconds != 0 && (d.Seconds < MinSeconds || d.Seconds > MaxSeconds):
		return errAt(fmt.Sprintf("seconds must be %d–%d, got %d", MinSeconds, MaxSeconds, d.Seconds), "seconds")
	case d.Minutes < 0 || d.Minutes > MaxDoseMinutes:
		return errAt(fmt.Sprintf("minutes must be 1–%d, got %d", MaxDoseMinutes, d.Minutes), "minutes")
	case n == 0:
		return errAt("needs reps, seconds or minutes (one of them, above 0)")
	case n > 1:
		return errAt("give only one of reps, seconds and minutes")
	case d.Hold != 0 && d.Reps == 0:
		return errAt("hold goes with reps (how many holds)", "hold")
	}
	if d.Sets == 0 {
		d.Sets = 1
	}
	return nil
}

package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/backplan/backplan/internal/words"
)

// Prescription is how a focus builds a plan, the way a clinician thinks of
// one: an ordered list of roles (a warm-up, a pull for the upper back, a
// stretch for the chest ...), each filled by the first of its candidate
// exercises that suits the patient. The list order is the order of a
// session; Priority decides which roles a short session keeps.
type Prescription struct {
	Focus Focus     `yaml:"focus"`
	Roles []RoleUse `yaml:"roles"`
}

// RoleUse is one role of a prescription.
type RoleUse struct {
	// Role names the role in lower-case words joined by hyphens
	// (horizontal-pull); messages print it with spaces.
	Role string `yaml:"role"`
	// Priority is 1 for a role the plan cannot do without (a plan with
	// no candidate for it is refused). Other roles go in when a session
	// has room for them, 2 before 3 and so on up to MaxPriority, and in
	// list order among equals.
	Priority int `yaml:"priority"`
	// Days is how many training days a week the role needs: 7 means every
	// session. Strength and core work keeps a day of rest after it, so it
	// gets at most every other day, whatever Days asks.
	Days int `yaml:"days"`
	// From, when set, is the shortest session (in minutes) that holds
	// the role.
	From int `yaml:"from,omitempty"`
	// With, when set, names an earlier role of the prescription: this one
	// goes only into sessions that hold it (inward arm turns only beside
	// outward ones).
	With string `yaml:"with,omitempty"`
	// Candidates are exercise ids, the preferred first.
	Candidates []string `yaml:"candidates,flow"`
}

// Needed is the priority of a role the plan is refused without;
// MaxPriority is the lowest priority a role may have.
const (
	Needed      = 1
	MaxPriority = 9
)

// Name is the role as a message prints it: "horizontal pull".
func (r RoleUse) Name() string { return strings.ReplaceAll(r.Role, "-", " ") }

// Prescription returns the prescription of a focus.
func (c *Catalog) Prescription(f Focus) (Prescription, bool) {
	for _, p := range c.Prescriptions {
		if p.Focus == f {
			return p, true
		}
	}
	return Prescription{}, false
}

// part is the part of a session an exercise belongs to, which every
// candidate of a role must share.
type part int

const (
	warmupPart   part = iota // cardio and dynamic: the warm-up, every session
	exercisePart             // mobility, strength and core
	activityPart             // general activity: the walking block
)

func partOf(c Category) part {
	switch {
	case c.Warmup():
		return warmupPart
	case c == Activity:
		return activityPart
	}
	return exercisePart
}

func (p part) words() string {
	return [...]string{"a warm-up (cardio or dynamic)", "an exercise (mobility, strength or core)", "general activity"}[p]
}

// validatePrescriptions checks the catalogue's prescriptions against its
// exercises: each focus at most once, every role well formed, every
// candidate an exercise of the catalogue.
func (c *Catalog) validatePrescriptions() error {
	for i := range c.Prescriptions {
		p := &c.Prescriptions[i]
		label := "#" + strconv.Itoa(i+1)
		if p.Focus != "" {
			label = strconv.Quote(string(p.Focus))
		}
		if err := c.validatePrescription(p); err != nil {
			return prefixErr(atPath(err, strconv.Itoa(i)), "prescription "+label+": ")
		}
		for _, q := range c.Prescriptions[:i] {
			if q.Focus == p.Focus {
				return errAt(fmt.Sprintf("prescription %s: the focus has a prescription already; keep one", label), strconv.Itoa(i), "focus")
			}
		}
	}
	return nil
}

func (c *Catalog) validatePrescription(p *Prescription) error {
	if !slices.Contains(Focuses, p.Focus) {
		return errAt(fmt.Sprintf("unknown focus %q (choose %s)", p.Focus, words.Or(Focuses)), "focus")
	}
	if len(p.Roles) == 0 {
		return errAt("no roles (list at least one)", "roles")
	}
	for i := range p.Roles {
		r := &p.Roles[i]
		path := []string{"roles", strconv.Itoa(i)}
		label := fmt.Sprintf("role %d", i+1)
		if r.Role != "" {
			label = fmt.Sprintf("role %q", r.Role)
		}
		if err := c.validateRole(p, i); err != nil {
			return prefixErr(atPath(err, path...), label+": ")
		}
	}
	return nil
}

func (c *Catalog) validateRole(p *Prescription, i int) error {
	r := &p.Roles[i]
	switch {
	case r.Role == "":
		return errAt("missing role (its name, such as horizontal-pull)", "role")
	case !idPattern.MatchString(r.Role):
		return errAt(fmt.Sprintf("role %q must be lower-case words joined by hyphens", r.Role), "role")
	case r.Priority < Needed || r.Priority > MaxPriority:
		return errAt(fmt.Sprintf("priority must be 1 (needed) to %d, got %d", MaxPriority, r.Priority), "priority")
	case r.Days < MinDays || r.Days > MaxDays:
		return errAt(fmt.Sprintf("days must be %d–%d a week, got %d", MinDays, MaxDays, r.Days), "days")
	case r.From != 0 && (r.From < MinSessionMinutes || r.From > MaxSessionMinutes):
		return errAt(fmt.Sprintf("from must be %d–%d minutes, got %d", MinSessionMinutes, MaxSessionMinutes, r.From), "from")
	case len(r.Candidates) == 0:
		return errAt("no candidates (list the exercises that can fill the role, the preferred first)", "candidates")
	}
	if r.With != "" && !slices.ContainsFunc(p.Roles[:i], func(q RoleUse) bool { return q.Role == r.With }) {
		return errAt(fmt.Sprintf("with names %q, which is not a role listed before it", r.With), "with")
	}
	var first part
	for k, id := range r.Candidates {
		e, ok := c.Lookup(id)
		if !ok {
			return errAt(fmt.Sprintf("unknown exercise %q", id), "candidates", strconv.Itoa(k))
		}
		if slices.Contains(r.Candidates[:k], id) {
			return errAt(fmt.Sprintf("exercise %q is listed twice", id), "candidates", strconv.Itoa(k))
		}
		pt := partOf(e.Category)
		if k == 0 {
			first = pt
		} else if pt != first {
			return errAt(fmt.Sprintf("exercise %q is %s, but %q is %s; a role's candidates are all of one kind", id, pt.words(), r.Candidates[0], first.words()), "candidates", strconv.Itoa(k))
		}
	}
	if first != exercisePart && r.Days != MaxDays {
		return errAt(fmt.Sprintf("a warm-up or activity role is offered every session: set days: %d", MaxDays), "days")
	}
	if first != exercisePart && r.With != "" {
		return errAt("with goes only with exercises, not a warm-up or activity", "with")
	}
	return nil
}

// prefixErr puts prefix before the message of a fieldError, keeping its
// path.
func prefixErr(err error, prefix string) error {
	if fe, ok := err.(*fieldError); ok {
		return &fieldError{path: fe.path, msg: prefix + fe.msg}
	}
	return fmt.Errorf("%s%w", prefix, err)
}

// atPath puts path before the path of a fieldError.
func atPath(err error, path ...string) error {
	if fe, ok := err.(*fieldError); ok {
		return &fieldError{path: append(slices.Clone(path), fe.path...), msg: fe.msg}
	}
	return err
}

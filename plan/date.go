package plan

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a calendar day with no time or zone. It reads and writes YAML
// as 2006-01-02.
type Date struct{ t time.Time }

// DateOf returns the calendar day of t, in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// NewDate returns the given day.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// The range of dates backplan plans in. Wider than any patient needs, and
// narrow enough that every date prints and reads back as YYYY-MM-DD.
var (
	FirstDate = NewDate(1900, time.January, 1)
	LastDate  = NewDate(2200, time.December, 31)
)

// ParseDate parses YYYY-MM-DD, from FirstDate to LastDate. It is the one
// parser of dates for options, plan files and rosters alike.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("%s is not a date: write it as YYYY-MM-DD, for example 2026-12-07", Quote(s))
	}
	// Checked on the time, not the Date: 0001-01-01 would be the zero
	// Date, which means "not set".
	if t.Before(FirstDate.t) || t.After(LastDate.t) {
		return Date{}, outOfRange(strings.TrimSpace(s))
	}
	return Date{t}, nil
}

func outOfRange(date string) error {
	return fmt.Errorf("%s is out of range: give a date from %s to %s", date, FirstDate, LastDate)
}

// check reports a set date outside FirstDate to LastDate. The zero Date
// means "not set" and passes.
func (d Date) check() error {
	if !d.IsZero() && (d.Before(FirstDate) || LastDate.Before(d)) {
		return outOfRange(d.String())
	}
	return nil
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether d is unset: the zero Date means "not set", never
// a real day.
func (d Date) IsZero() bool { return d.t.IsZero() }

// AddDays returns the day n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// NextMonday returns the first Monday after d (a week later if d is a Monday).
func (d Date) NextMonday() Date {
	n := (int(time.Monday) - int(d.Weekday()) + 7) % 7
	if n == 0 {
		n = 7
	}
	return d.AddDays(n)
}

// String returns YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Format formats the day with a time layout.
func (d Date) Format(layout string) string { return d.t.Format(layout) }

// MarshalYAML writes YYYY-MM-DD.
func (d Date) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalYAML reads YYYY-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = v
	return nil
}

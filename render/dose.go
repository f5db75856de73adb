package render

import (
	"fmt"
	"github.com/backplan/backplan/internal/i18n"
	"strconv"
	"strings"

	"github.com/backplan/backplan/plan"
)

// The table of how much to do, at the foot of each exercise. It lists the
// plan's weeks in date order, each run of weeks with the same amount on
// one row ("Weeks 9 to 11"), and the weeks without the exercise too
// ("Not in these weeks"), so that a patient finds any week by reading
// down. A long list stands in columns side by side, read down the first
// and on to the next, like a newspaper's, so that it stays on the
// exercise's page.

// doseRow is one row of a dose table: weeks from and to (week numbers)
// and the amount in each, empty for weeks without the exercise.
type doseRow struct {
	from, to int
	text     string
}

// doseRows are the rows of e's dose table: the plan's weeks in order,
// each run of weeks in a row with the same amount joined.
func (l *layout) doseRows(e plan.Exercise) []doseRow {
	var rows []doseRow
	for i, d := range l.p.DoseByWeek(e.ID) {
		n := l.p.Weeks[i].Number
		t := ""
		if !d.IsZero() {
			t = clean(l.doseText(e, d))
		}
		if k := len(rows) - 1; k >= 0 && rows[k].text == t && rows[k].to == n-1 {
			rows[k].to = n
			continue
		}
		rows = append(rows, doseRow{n, n, t})
	}
	return rows
}

// label names the row's weeks: "Week 5", "Weeks 5 and 6", "Weeks 5 to 9",
// or without the word (short) under a header that says it.
func (r doseRow) label(m *i18n.Lang, short bool) string {
	var t string
	switch {
	case r.from == r.to:
		t = strconv.Itoa(r.from)
	case r.to == r.from+1:
		t = m.T("dose.pair", "from", r.from, "to", r.to)
	default:
		t = m.T("dose.run", "from", r.from, "to", r.to)
	}
	switch {
	case short:
		return t
	case r.from == r.to:
		return m.T("dose.week", "weeks", t)
	}
	return m.T("dose.weeks", "weeks", t)
}

// amount is the row's amount, or says the exercise is not in its weeks.
func (r doseRow) amount(m *i18n.Lang) string {
	switch {
	case r.text != "":
		return r.text
	case r.from == r.to:
		return m.T("dose.not-week")
	}
	return m.T("dose.not-weeks")
}

// resisted reports whether e works against a band or a weight, whose
// strength the patient notes beside its dose table.
func resisted(e plan.Exercise) bool {
	switch e.Equipment {
	case plan.Band, plan.Dumbbells, plan.Cable:
		return true
	}
	return false
}

// doseBeside reports whether e's dose table fits in the column of its
// pictures, w wide: one column of up to six rows, each amount on at
// most two lines, no word broken.
func (l *layout) doseBeside(e plan.Exercise, w float64) bool {
	rows := l.doseRows(e)
	if len(rows) > 6 {
		return false
	}
	right := l.right
	l.right = l.left + w
	defer func() { l.right = right }()
	t := l.doseTabs(rows, l.s.pad, false)[0]
	for _, lines := range t.lines {
		if len(lines) > 2 {
			return false
		}
	}
	return t.pairW-t.labelW-2*t.pad >= l.widestWord(rows, l.s.body)
}

// doseSection places "How much to do" and the dose table, with, for a
// resisted exercise, a line at the heading's right to write the band or
// weight on.
func (l *layout) doseSection(e plan.Exercise, a arrangement) {
	s := l.s
	head := l.m.T("dose.head")
	if !resisted(e) {
		l.heading(head, s.h3, 0)
		l.doseTable(e.ID, l.doseRows(e), a)
		return
	}
	label := l.m.T("dose.band")
	lineW := 2.5 * s.label / 3
	if !l.headingWithLine(head, s.h3, label, lineW) {
		l.heading(head, s.h3, 0)
		l.writeIn(label, lineW)
	}
	l.found["band:"+e.ID] = l.page.Number
	l.doseTable(e.ID, l.doseRows(e), a)
}

// headingWithLine places a bold heading with, at its right, a bold
// label and a line lineW wide to write on, when both fit on one line,
// and reports whether they did; if not, it places nothing.
func (l *layout) headingWithLine(head string, size float64, label string, lineW float64) bool {
	s := l.s
	hw, lw := l.measure(head, true, size), l.measure(label, true, s.body)
	if hw+lw+lineW+8 > l.width() {
		return false
	}
	hh := s.lineH(size)
	l.text(l.left, l.y, head, true, size)
	top := l.y + hh - s.lineH(s.body)
	l.text(l.right-lineW-lw-2, top, label, true, s.body)
	l.hline(l.right-lineW, top+s.lineH(s.body)-1, lineW, normal)
	l.y += hh + s.para*0.6
	return true
}

// writeIn places a bold label with a line to write on after it, or
// under it when the line does not fit after it.
func (l *layout) writeIn(label string, lineW float64) {
	s := l.s
	lh := s.lineH(s.body)
	lw := l.measure(label, true, s.body)
	l.text(l.left, l.y, label, true, s.body)
	if l.left+lw+2+lineW > l.right { // the line under the label
		l.y += lh + 1
		l.hline(l.left, l.y+lh-1, min(lineW, l.width()), normal)
	} else {
		l.hline(l.left+lw+2, l.y+lh-1, lineW, normal)
	}
	l.y += lh + s.para
}

// doseTab is a dose table's measures in some number of columns.
type doseTab struct {
	cols, perCol  int
	short         bool    // week labels without the word "Week"
	pairW, labelW float64 // a column's width, and its week labels'
	gap, pad      float64
	head          [2]string
	lines         [][]string // each row's amount, wrapped
	hs            []float64  // the height of each line of the table, across its columns
	headH         float64
}

// doseGap is the space between a dose table's columns, mm.
const doseGap = 4.0

// doseTabs measures the table of rows in 1 to 4 columns, leaving out
// any number of columns too narrow for the week labels and the longest
// word of an amount, but never the first. In a bare arrangement only
// a table whose labels are short ("3", not "Week 3") has a header row.
func (l *layout) doseTabs(rows []doseRow, pad float64, bare bool) []doseTab {
	s := l.s
	size := s.body
	var out []doseTab
	for cols := 1; cols <= min(4, len(rows)); cols++ {
		t := doseTab{cols: cols, perCol: (len(rows) + cols - 1) / cols, gap: doseGap, pad: pad}
		t.pairW = (l.width() - float64(cols-1)*t.gap) / float64(cols)
		labelsW := func(short bool) float64 {
			w := l.measure(map[bool]string{false: l.m.T("dose.col.weeks"), true: l.m.T("dose.col.week")}[short], true, size)
			for _, r := range rows {
				w = max(w, l.measure(r.label(l.m, short), true, size))
			}
			return w + 2*pad + 1
		}
		t.labelW = labelsW(false)
		if t.labelW > t.pairW*0.45 {
			t.short, t.labelW = true, labelsW(true)
		}
		amountW := t.pairW - t.labelW - 2*pad
		if cols > 1 && (t.labelW > t.pairW*0.45 || amountW < l.widestWord(rows, size)) {
			continue
		}
		t.head = [2]string{l.m.T("dose.col.weeks"), l.m.T("dose.head")}
		if t.short {
			t.head[0] = l.m.T("dose.col.week")
		}
		if l.measure(t.head[1], true, size) > amountW {
			t.head[1] = l.m.T("dose.col.amount")
		}
		lh := s.lineH(size)
		t.headH = lh + 2*pad
		if (len(rows) <= 3 || bare) && !t.short {
			// A short table, or one in a close arrangement: the
			// heading above and the labels ("Week 3") say it all.
			t.headH = 0
		}
		t.hs = make([]float64, t.perCol)
		for i, r := range rows {
			lines := l.wrap(r.amount(l.m), amountW, false, size)
			t.lines = append(t.lines, lines)
			t.hs[i%t.perCol] = max(t.hs[i%t.perCol], float64(len(lines))*lh+2*pad)
		}
		out = append(out, t)
	}
	return out
}

// height is the table's height.
func (t doseTab) height() float64 { return t.headH + rowsH(t.hs, 0, len(t.hs)) }

// widestWord is the width of the widest word of the rows' amounts.
func (l *layout) widestWord(rows []doseRow, size float64) float64 {
	w := 0.0
	for _, r := range rows {
		for _, word := range strings.Fields(r.amount(l.m)) {
			w = max(w, l.measure(word, false, size))
		}
	}
	return w
}

// doseTable places the rows in the fewest columns that hold at most
// a.rows each, or failing that in as many as make the table shortest
// (the fewest of equals); a long table in the arrangement's letters
// form, when it has one.
func (l *layout) doseTable(id string, rows []doseRow, a arrangement) {
	pad := l.s.pad * max(a.space, 0.5)
	if a.letters && len(rows) > a.rows && l.doseLettersTable(id, rows, pad) {
		l.y += l.s.para
		return
	}
	tabs := l.doseTabs(rows, pad, a.bare)
	t := tabs[0]
	for _, c := range tabs[1:] {
		if t.perCol <= a.rows {
			break
		}
		if c.perCol <= a.rows || c.height() < t.height()-0.01 {
			t = c
		}
	}
	l.drawDoseTab(id, t, rows)
	l.y += l.s.para
}

// drawDoseTab draws a measured dose table at the cursor.
func (l *layout) drawDoseTab(id string, t doseTab, rows []doseRow) {
	size := l.s.body
	lh := l.s.lineH(size)
	top := l.y
	var labels []string
	for c := range t.cols {
		x := l.left + float64(c)*(t.pairW+t.gap)
		y := top
		if t.headH > 0 {
			l.rect(x, y, t.pairW, t.headH, thin, fillHeader)
			l.text(x+t.pad, y+t.pad, t.head[0], true, size)
			l.text(x+t.labelW+t.pad, y+t.pad, t.head[1], true, size)
			y += t.headH
		}
		for j := range t.perCol {
			i := c*t.perCol + j
			if i >= len(rows) {
				break
			}
			h := t.hs[j]
			l.rect(x, y, t.labelW, h, thin, fillLabel)
			l.text(x+t.pad, y+t.pad, rows[i].label(l.m, t.short), true, size)
			labels = append(labels, rows[i].label(l.m, t.short))
			fill := 0.0
			if rows[i].text == "" {
				fill = fillOff
			}
			l.rect(x+t.labelW, y, t.pairW-t.labelW, h, thin, fill)
			for k, s := range t.lines[i] {
				l.text(x+t.labelW+t.pad, y+t.pad+float64(k)*lh, s, false, size)
			}
			y += h
		}
	}
	l.y = top + t.height()
	l.doseLabels[id] = labels
}

// The dose table's compact form, for a long plan whose rows of weeks do
// not fit on the exercise's page: the weeks side by side in date order,
// each with a letter under it, and a key of what each letter means.
//
//	Week    1  2  3  4  5 …
//	        A  B  C  B  D …
//	A 2 sets of 8    B 2 sets of 10    C 2 sets of 12 …

// letterKey is the letters of a compact dose table: the letter of each
// week, and the amount of each letter, in the order first met. Weeks
// without the exercise have the letter "–".
type letterKey struct {
	weeks   []int    // week numbers
	letters []string // the letter of each week
	keys    []string // the letters of the key, in order
	amounts []string // what each of keys means
}

// noDose is the letter of a week without the exercise.
const noDose = "–"

// doseLetters gives each amount of rows a letter, or reports false when
// they are more than the alphabet.
func doseLetters(m *i18n.Lang, rows []doseRow) (letterKey, bool) {
	var k letterKey
	letter := map[string]string{}
	for _, r := range rows {
		t := r.text
		if _, ok := letter[t]; !ok {
			switch {
			case t == "":
				letter[t] = noDose
			case len(letter)-boolRank(letter[""] != "") >= 26:
				return k, false
			default:
				letter[t] = string(rune('A' + len(letter) - boolRank(letter[""] != "")))
			}
			k.keys = append(k.keys, letter[t])
			k.amounts = append(k.amounts, r.amount(m))
		}
		for n := r.from; n <= r.to; n++ {
			k.weeks = append(k.weeks, n)
			k.letters = append(k.letters, letter[t])
		}
	}
	return k, true
}

// doseLettersTable places the compact form of the table at the cursor,
// or reports false, placing nothing, when it cannot be made: lines of
// weeks, each week's number over its letter, then the key.
func (l *layout) doseLettersTable(id string, rows []doseRow, pad float64) bool {
	k, ok := doseLetters(l.m, rows)
	if !ok {
		return false
	}
	s := l.s
	size := s.body
	rowH := s.lineH(size) + 2*pad
	labelW := max(l.measure(l.m.T("dose.col.week"), true, size), l.measure(l.m.T("dose.col.amount"), true, size)) + 2*pad + 1
	cellW := l.measure("88", true, size) + 2*minCellPad
	perLine := int((l.width() - labelW) / cellW)
	lines := (len(k.weeks) + perLine - 1) / perLine
	perLine = (len(k.weeks) + lines - 1) / lines // the weeks shared evenly between lines
	var labels []string
	for i := 0; i < len(k.weeks); i += perLine {
		end := min(i+perLine, len(k.weeks))
		l.rect(l.left, l.y, labelW, rowH, thin, fillHeader)
		l.text(l.left+pad, l.y+pad, l.m.T("dose.col.week"), true, size)
		l.rect(l.left, l.y+rowH, labelW, rowH, thin, fillLabel)
		l.text(l.left+pad, l.y+rowH+pad, l.m.T("dose.col.amount"), true, size)
		for j := i; j < end; j++ {
			x := l.left + labelW + float64(j-i)*cellW
			l.rect(x, l.y, cellW, rowH, thin, fillHeader)
			l.textCenter(x+cellW/2, l.y+pad, fmt.Sprint(k.weeks[j]), true, size)
			labels = append(labels, fmt.Sprint(k.weeks[j]))
			fill := 0.0
			if k.letters[j] == noDose {
				fill = fillOff
			}
			l.rect(x, l.y+rowH, cellW, rowH, thin, fill)
			l.textCenter(x+cellW/2, l.y+rowH+pad, k.letters[j], true, size)
		}
		l.y += 2*rowH + pad
	}
	l.doseLetterKey(k)
	l.doseLabels[id] = labels
	return true
}

// doseLetterKey lists what each letter means, in as many columns as its
// longest entry allows, read down each column.
func (l *layout) doseLetterKey(k letterKey) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	tag := l.measure("W = ", true, size)
	most := 0.0
	for _, a := range k.amounts {
		most = max(most, tag+l.measure(a, false, size))
	}
	cols := max(1, min(len(k.keys), int((l.width()+doseGap*2)/(most+doseGap*2))))
	perCol := (len(k.keys) + cols - 1) / cols
	colW := (l.width() - float64(cols-1)*doseGap*2) / float64(cols)
	wrapped := make([][]string, len(k.keys))
	hs := make([]float64, perCol) // each line of the key, across its columns
	for i, a := range k.amounts {
		wrapped[i] = l.wrap(a, colW-tag, false, size)
		hs[i%perCol] = max(hs[i%perCol], float64(len(wrapped[i]))*lh)
	}
	for i, key := range k.keys {
		x := l.left + float64(i/perCol)*(colW+doseGap*2)
		y := l.y + rowsH(hs, 0, i%perCol)
		l.text(x, y, key+" =", true, size)
		for j, t := range wrapped[i] {
			l.text(x+tag, y+float64(j)*lh, t, false, size)
		}
	}
	l.y += rowsH(hs, 0, perCol)
}

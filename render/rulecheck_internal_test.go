package render

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/backplan/backplan/plan"
)

// The rules TestLayoutRules checks beyond a week to a page, each read
// from the laid-out pages rather than from layout's own choices.

// exerciseRuleErrors lists exercises that do not start and end on one
// page (their names and the foot of their dose tables). In large print
// an exercise too long for any page may take two, which it shares with
// no other exercise: it starts its first page, and the next exercise
// starts after its second.
func exerciseRuleErrors(d *Document, p *plan.Plan) []string {
	var errs []string
	for i, e := range p.Exercises {
		a, b := d.refs["ex:"+e.ID], d.refs["ex:"+e.ID+":end"]
		switch {
		case a == 0 || b == 0:
			errs = append(errs, fmt.Sprintf("exercise %s is not laid out", e.ID))
			continue
		case a == b:
			continue
		case !d.LargePrint || b != a+1:
			errs = append(errs, fmt.Sprintf("exercise %s runs from page %d to page %d", e.ID, a, b))
			continue
		}
		if first := d.Pages[a-1].Marks; len(first) == 0 || first[0].Title != clean(e.Name) {
			errs = append(errs, fmt.Sprintf("exercise %s takes two pages but does not start page %d", e.ID, a))
		}
		if i+1 < len(p.Exercises) && d.refs["ex:"+p.Exercises[i+1].ID] <= b {
			errs = append(errs, fmt.Sprintf("exercise %s takes two pages but shares page %d", e.ID, b))
		}
	}
	return errs
}

// pageText is the text of a page, its lines joined by spaces, with words
// broken after a hyphen joined again.
func pageText(pg *Page) string {
	var b strings.Builder
	for _, it := range pg.Items {
		if it.Kind == Text {
			b.WriteString(it.Text + " ")
		}
	}
	return strings.ReplaceAll(b.String(), "- ", "-")
}

// weekPages are the week pages of d, spare pages included, in any
// language: the pages layout found the weeks and spare pages on.
func weekPages(d *Document) []*Page {
	on := map[int]bool{}
	for k, n := range d.refs {
		if strings.HasPrefix(k, "week:") || strings.HasPrefix(k, "spare:") {
			on[n] = true
		}
	}
	var out []*Page
	for _, pg := range d.Pages {
		if on[pg.Number] {
			out = append(out, pg)
		}
	}
	return out
}

// noteRef finds "Your clinician's note: page 3." in d's language.
func noteRef(d *Document) *regexp.Regexp {
	m := d.words
	re := regexp.QuoteMeta(m.T("week.note.where", "page", m.N("page", 987650)))
	return regexp.MustCompile(strings.Replace(re, "987650", `(\d+)`, 1))
}

// noteRuleErrors lists week pages that cut the clinician's note: each
// must hold its last words, or say which page holds them.
func noteRuleErrors(d *Document, p *plan.Plan) []string {
	words := strings.Fields(p.Patient.Notes)
	if len(words) == 0 {
		return nil
	}
	tail := strings.Join(words[max(0, len(words)-4):], " ")
	whole := map[int]bool{}
	for _, pg := range d.Pages {
		if strings.Contains(pageText(pg), tail) {
			whole[pg.Number] = true
		}
	}
	var errs []string
	for _, pg := range weekPages(d) {
		if whole[pg.Number] {
			continue
		}
		m := noteRef(d).FindStringSubmatch(pageText(pg))
		if m == nil {
			errs = append(errs, fmt.Sprintf("page %d: the note is neither whole (%q) nor said to be on a page", pg.Number, tail))
			continue
		}
		if n, _ := strconv.Atoi(m[1]); !whole[n] {
			errs = append(errs, fmt.Sprintf("page %d sends the patient to page %d for the note, which does not hold it whole", pg.Number, n))
		}
	}
	return errs
}

// cellOf is the smallest rectangle of pg that holds it, or nil.
func cellOf(pg *Page, it Item) *Item {
	var best *Item
	for i := range pg.Items {
		r := &pg.Items[i]
		if r.Kind != Rect || r.X > it.X+0.01 || r.Y > it.Y+0.01 || r.X+r.W < it.X+it.W-0.01 || r.Y+r.H < it.Y+it.H-0.01 {
			continue
		}
		if best == nil || r.W*r.H < best.W*best.H {
			best = r
		}
	}
	return best
}

// boxClear is the least room between a tick box and its cell's border,
// mm, that issue 19 asks for; it does not follow minCellPad, which
// layout uses.
const boxClear = 1.5

// boxRuleErrors lists tick boxes closer than boxClear to a border of
// their cell.
func boxRuleErrors(d *Document) []string {
	var errs []string
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if it.Kind != Tick {
				continue
			}
			c := cellOf(pg, it)
			if c == nil {
				errs = append(errs, fmt.Sprintf("page %d: a tick box at %.1f,%.1f is in no cell", pg.Number, it.X, it.Y))
				continue
			}
			if gap := min(it.X-c.X, c.X+c.W-it.X-it.W, it.Y-c.Y, c.Y+c.H-it.Y-it.H); gap < boxClear-0.005 {
				errs = append(errs, fmt.Sprintf("page %d: a tick box at %.1f,%.1f is %.2f mm from its cell's border", pg.Number, it.X, it.Y, gap))
			}
		}
	}
	return errs
}

// weekLookOf is what a week page's look is made of: the sizes of its
// thumbnails, and for each number of boxes in a day's cell,
// the cell's width and how many lines the boxes stand in.
type weekLookOf struct {
	thumbs []string
	boxes  map[int]string
}

func lookOf(pg *Page) weekLookOf {
	k := weekLookOf{boxes: map[int]string{}}
	cells := map[*Item][]Item{}
	for _, it := range pg.Items {
		switch {
		case it.Kind == Picture && strings.HasSuffix(it.Ref, " thumbnail"):
			if s := fmt.Sprintf("%.2f×%.2f", it.W, it.H); !slices.Contains(k.thumbs, s) {
				k.thumbs = append(k.thumbs, s)
			}
		case it.Kind == Tick:
			if c := cellOf(pg, it); c != nil {
				cells[c] = append(cells[c], it)
			}
		}
	}
	slices.Sort(k.thumbs)
	for c, ticks := range cells {
		var ys []string
		for _, t := range ticks {
			if y := fmt.Sprintf("%.2f", t.Y); !slices.Contains(ys, y) {
				ys = append(ys, y)
			}
		}
		k.boxes[len(ticks)] = fmt.Sprintf("%.2f mm wide, %d lines", c.W, len(ys))
	}
	return k
}

// lookRuleErrors lists week pages whose look differs from the first's.
func lookRuleErrors(d *Document) []string {
	pages := weekPages(d)
	if len(pages) == 0 {
		return nil
	}
	var errs []string
	first := lookOf(pages[0])
	if len(first.thumbs) == 0 {
		errs = append(errs, fmt.Sprintf("page %d: a week page without thumbnails", pages[0].Number))
	}
	for _, pg := range pages[1:] {
		k := lookOf(pg)
		if !slices.Equal(k.thumbs, first.thumbs) {
			errs = append(errs, fmt.Sprintf("page %d has thumbnails %v, page %d %v", pg.Number, k.thumbs, pages[0].Number, first.thumbs))
		}
		for n, b := range k.boxes {
			if a, ok := first.boxes[n]; ok && a != b {
				errs = append(errs, fmt.Sprintf("%d boxes: %s on page %d, %s on page %d", n, b, pg.Number, a, pages[0].Number))
			}
			first.boxes[n] = cmp(first.boxes[n], b)
		}
	}
	return errs
}

// cmp keeps the arrangement first seen.
func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// weekLabels match a dose table's week labels in d's language: "Week
// 5", "Weeks 5 and 6", "Weeks 5 to 9", or the numbers alone, each with
// its numbers as groups, and whether it names a pair.
func weekLabels(d *Document) []weekLabel {
	m := d.words
	const a, b = "987650", "987651"
	pair, run := m.T("dose.pair", "from", a, "to", b), m.T("dose.run", "from", a, "to", b)
	var out []weekLabel
	for _, l := range []struct {
		text string
		pair bool
	}{
		{a, false}, {pair, true}, {run, false},
		{m.T("dose.week", "weeks", a), false},
		{m.T("dose.weeks", "weeks", pair), true},
		{m.T("dose.weeks", "weeks", run), false},
	} {
		re := regexp.QuoteMeta(l.text)
		re = strings.Replace(strings.Replace(re, a, `(\d+)`, 1), b, `(\d+)`, 1)
		out = append(out, weekLabel{regexp.MustCompile("^" + re + "$"), l.pair})
	}
	return out
}

type weekLabel struct {
	re   *regexp.Regexp
	pair bool
}

// parseWeeks reads a week label: its first and last week, and whether it
// names a pair of weeks.
func parseWeeks(labels []weekLabel, s string) (from, to int, pair, ok bool) {
	for _, l := range labels {
		m := l.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		from, _ = strconv.Atoi(m[1])
		to = from
		if len(m) > 2 {
			to, _ = strconv.Atoi(m[2])
		}
		return from, to, l.pair, true
	}
	return 0, 0, false, false
}

// doseOrderErrors lists dose tables whose week labels, read down each
// column and on to the next, are not the plan's weeks in order, each
// once.
func doseOrderErrors(d *Document, p *plan.Plan) []string {
	var errs []string
	for _, e := range p.Exercises {
		var got []int
		labels := weekLabels(d)
		for _, label := range d.doseLabels[e.ID] {
			from, to, pair, ok := parseWeeks(labels, label)
			if !ok {
				errs = append(errs, fmt.Sprintf("exercise %s: dose table label %q", e.ID, label))
				continue
			}
			if pair && to != from+1 {
				errs = append(errs, fmt.Sprintf("exercise %s: dose table label %q", e.ID, label))
			}
			for n := from; n <= to; n++ {
				got = append(got, n)
			}
		}
		var want []int
		for _, w := range p.Weeks {
			want = append(want, w.Number)
		}
		if !slices.Equal(got, want) {
			errs = append(errs, fmt.Sprintf("exercise %s: dose table weeks %v, want %v", e.ID, got, want))
		}
	}
	return errs
}

// box is an item's area on its page, mm: a line of text's line box.
func box(it Item) (x0, y0, x1, y1 float64) {
	if it.Kind == Text {
		em := it.Size * mmPerPt
		top := it.Y - (it.H-(ascent+descent)*em)/2 - ascent*em
		return it.X, top, it.X + it.W, top + it.H
	}
	return it.X, it.Y, it.X + it.W, it.Y + it.H
}

// overlap reports whether two items' areas overlap by more than a hair.
func overlap(a, b Item) bool {
	ax0, ay0, ax1, ay1 := box(a)
	bx0, by0, bx1, by1 := box(b)
	const hair = 0.05
	return ax0 < bx1-hair && bx0 < ax1-hair && ay0 < by1-hair && by0 < ay1-hair
}

// codeRuleErrors lists QR codes and logos that break the rules: a video
// without its one code on its exercise's pages, the clinic's code not on
// the cover, a code under 25 mm or without its link annotation, a code
// or a logo over a word or out of the margins, a cover logo larger than
// 40 × 20 mm.
func codeRuleErrors(d *Document, p *plan.Plan) []string {
	var errs []string
	codes := map[string][]int{} // link → pages
	for _, pg := range d.Pages {
		w, h := pg.size(d)
		for _, it := range pg.Items {
			if it.Kind != QR && it.Kind != Image {
				continue
			}
			if it.X < margin-0.01 || it.Y < margin-0.01 || it.X+it.W > w-margin+0.01 || it.Y+it.H > h-margin+0.01 {
				errs = append(errs, fmt.Sprintf("page %d: %s %q outside the margins", pg.Number, it.Kind, it.Text))
			}
			for _, t := range pg.Items {
				if t.Kind == Text && overlap(it, t) {
					errs = append(errs, fmt.Sprintf("page %d: %s %q covers the words %q", pg.Number, it.Kind, it.Text+it.Ref, t.Text))
				}
			}
			if it.Kind == Image {
				if pg.Number == 1 && it.Y < d.Height/2 && (it.W > 40.01 || it.H > 20.01) {
					errs = append(errs, fmt.Sprintf("page 1: the logo is %.1f × %.1f mm", it.W, it.H))
				}
				continue
			}
			codes[it.Text] = append(codes[it.Text], pg.Number)
			c, err := qrCode(it.Text)
			if err != nil {
				errs = append(errs, err.Error())
				continue
			}
			if sym := it.W * float64(c.Size()) / float64(c.Size()+2*qrQuiet); sym < 25-0.01 {
				errs = append(errs, fmt.Sprintf("page %d: the code of %q is %.1f mm", pg.Number, it.Text, sym))
			}
			if !slices.ContainsFunc(pg.Items, func(l Item) bool {
				return l.Kind == Link && l.Text == it.Text && l.X <= it.X && l.Y <= it.Y && l.X+l.W >= it.X+it.W && l.Y+l.H >= it.Y+it.H
			}) {
				errs = append(errs, fmt.Sprintf("page %d: the code of %q is not clickable", pg.Number, it.Text))
			}
		}
	}
	for _, e := range p.Exercises {
		if e.Video == "" {
			continue
		}
		pages := codes[e.Video]
		a, b := d.refs["ex:"+e.ID], d.refs["ex:"+e.ID+":end"]
		if len(pages) != 1 || pages[0] < a || pages[0] > b {
			errs = append(errs, fmt.Sprintf("exercise %s (pages %d to %d): its video's code is on pages %v", e.ID, a, b, pages))
		}
	}
	return errs
}

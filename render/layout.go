package render

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

const mmPerPt = 25.4 / 72

// Noto Sans's ascender and descender, as fractions of the font size.
const (
	ascent  = 1.069
	descent = 0.293
)

// Page sizes in millimetres, and the margin on every side.
const (
	margin = 13.0
)

func paperSize(p Paper) (w, h float64, err error) {
	switch p {
	case A4:
		return 210, 297, nil
	case Letter, "":
		return 215.9, 279.4, nil
	}
	return 0, 0, fmt.Errorf("render: unknown paper %q (choose %s or %s)", p, A4, Letter)
}

// style holds the sizes of one print size. Everything scales from here;
// layout reflows rather than shrinks.
type style struct {
	body, h1, h2, h3, title float64 // font sizes, points
	lead                    float64 // line height as a multiple of the font size
	box                     float64 // tick box side, mm
	gap                     float64 // between tick boxes, mm
	pad                     float64 // inside table cells, mm
	para                    float64 // space after a paragraph, mm
	label                   float64 // width of the label column of labelled paragraphs, mm
	minName, maxDay         float64 // weekly grid column widths, mm
	rule                    float64 // spacing of writing lines, mm
	indent                  float64 // hanging indent of lists, mm
	pic, picGap             float64 // height of an exercise's pictures for each 80 mm of width, and the gap between start and end, mm
	picCol                  float64 // the share of the page's width the column of an exercise's pictures takes
	thumbW, thumbH          float64 // the weekly grid's thumbnails, mm
	thumbLine               float64 // the least outline of a thumbnail's body, mm
	minText                 float64 // the least width of a grid name's text beside a thumbnail, mm
}

var (
	normalStyle = style{
		body: 12, h3: 13.5, h2: 16.5, h1: 22, title: 28, lead: 1.32,
		box: 6, gap: 2, pad: 2, para: 2.5, label: 42,
		minName: 48, maxDay: 30, rule: 10, indent: 7,
		pic: 44, picGap: 14, picCol: 0.3, thumbW: 16, thumbH: 12, thumbLine: 0.18, minText: 30,
	}
	largeStyle = style{
		body: 16, h3: 18, h2: 21, h1: 26, title: 32, lead: 1.25,
		box: 8, gap: 2.5, pad: 2.5, para: 2.5, label: 52,
		minName: 62, maxDay: 36, rule: 12.5, indent: 9,
		pic: 62, picGap: 16, picCol: 0.33, thumbW: 22, thumbH: 16.5, thumbLine: 0.24, minText: 36,
	}
)

func (s style) lineH(size float64) float64 { return size * s.lead * mmPerPt }

// Layout lays the workbook for p out on pages without drawing anything. The
// same plan and options always give the same Document.
func (r *Renderer) Layout(p *plan.Plan, o Options) (*Document, error) {
	return r.LayoutContext(context.Background(), p, o)
}

// LayoutContext is Layout that stops, with ctx's error, at the first new
// page after ctx is done: a server's request whose client has gone or
// whose deadline has passed does not keep a worker.
func (r *Renderer) LayoutContext(ctx context.Context, p *plan.Plan, o Options) (*Document, error) {
	if p == nil {
		return nil, errors.New("render: no plan")
	}
	m, err := r.words(p, o)
	if err != nil {
		return nil, err
	}
	return r.lay(ctx, p, o, info(p, m), (*layout).workbook)
}

// styleFor is the print size of o.
func styleFor(o Options) style {
	if o.LargePrint {
		return largeStyle
	}
	return normalStyle
}

// lay runs body on fresh pages until its page references settle, then
// adds the footers.
func (r *Renderer) lay(ctx context.Context, p *plan.Plan, o Options, in Info, body func(*layout)) (*Document, error) {
	w, h, err := paperSize(o.Paper)
	if err != nil {
		return nil, err
	}
	if err := r.CheckText(p); err != nil {
		return nil, err
	}
	if o.ClinicURL != "" {
		if err := plan.CheckLink(o.ClinicURL); err != nil {
			return nil, fmt.Errorf("render: clinic link: %w", err)
		}
	}
	if o.Paper == "" {
		o.Paper = Letter
	}
	keys := map[*figure.Spec]string{}
	texts := newTextCache()
	// Page numbers in the contents and the weekly grids point forward, so
	// lay out until they settle (two passes as a rule). The first pass,
	// which knows no page numbers, is only a sketch: it finds where pages
	// break and what they point to, and keeps no items (sketch); when it
	// finds no page numbers to settle, one more pass keeps them.
	var refs map[string]int
	var doc *Document
	for pass := range 6 {
		l := r.newLayout(p, o, in, w, h, keys, texts, refs)
		l.ctx = ctx
		l.sketch = pass == 0
		if doc != nil { // the pass before
			for _, pg := range doc.Pages {
				l.itemsHint = append(l.itemsHint, pg.placed)
			}
		}
		if pass == 0 {
			l.warmDrawings()
		}
		body(l)
		if l.err != nil {
			return nil, l.err
		}
		l.footers()
		l.doc.refs, l.doc.doseLabels = l.found, l.doseLabels
		doc = l.doc
		if maps.Equal(refs, l.found) && !l.sketch {
			break
		}
		refs = l.found
		if refs == nil {
			refs = map[string]int{}
		}
	}
	return doc, nil
}

// newLayout starts a layout pass on paper w × h mm, with the page
// numbers refs found by the pass before.
func (r *Renderer) newLayout(p *plan.Plan, o Options, in Info, w, h float64, keys map[*figure.Spec]string, texts *textCache, refs map[string]int) *layout {
	l := &layout{r: r, p: p, o: o, m: r.wordsOrEnglish(p, o), fs: r.fonts.faces, keys: keys, texts: texts, refs: refs, found: map[string]int{}, doseLabels: map[string][]string{}}
	l.s = styleFor(o)
	l.doc = &Document{Paper: o.Paper, Width: w, Height: h, LargePrint: o.LargePrint, Info: in, Logo: o.Logo, Protect: o.Protect}
	l.doc.words = l.m
	l.page = &Page{} // upright until the first page starts
	l.frame()
	return l
}

// layout is the state of one layout pass.
type layout struct {
	r    *Renderer
	ctx  context.Context         // nil in tests that make a layout of their own
	keys map[*figure.Spec]string // content keys of the plan's pictures
	// texts keeps wrapped text and worded amounts for all the passes
	// over one document.
	texts *textCache
	// scratch is the memory dry runs place items in.
	scratch []Item
	// itemsHint is how many items each page of the pass before had.
	itemsHint []int
	// sketch is set for a pass whose pages are thrown away: it counts
	// the items it places but keeps none.
	sketch bool
	p      *plan.Plan
	o      Options
	m      *i18n.Lang // the words of the workbook's language
	s      style
	fs     [2]*face
	doc    *Document

	page                     *Page
	y                        float64 // the top of the next thing to place
	left, right, top, bottom float64 // the area content may use
	footY                    float64 // the top of the footer line

	// onBreak, when set, runs at the top of each page a section flows on
	// to: it repeats the section's heading and any table header.
	onBreak func()

	// float is a column at the right, such as an exercise's pictures,
	// that the lines of text beside it keep clear of.
	float floatCol
	// doseDone is set when an exercise's dose table is placed beside
	// its words, under its pictures.
	doseDone bool

	refs  map[string]int // page numbers found by the previous pass
	found map[string]int // page numbers found by this one

	// doseLabels are the week labels of each dose table placed, by
	// exercise id, for the tests (Document.doseLabels).
	doseLabels map[string][]string

	// err is the first part of the plan that cannot be laid out, such as
	// an exercise too long for a page; Layout returns it.
	err error
}

// fail records err unless an error is recorded already.
func (l *layout) fail(err error) {
	if l.err == nil {
		l.err = err
	}
}

// floatCol is a column at the right of a page that text flows beside.
type floatCol struct {
	page   *Page
	left   float64 // where the lines beside it end
	bottom float64 // the foot of the column
}

// rightAt is the right end of a line whose top is at y: short of the
// floating column when the line is beside it.
func (l *layout) rightAt(y float64) float64 {
	if l.float.page == l.page && y < l.float.bottom-0.01 {
		return min(l.right, l.float.left)
	}
	return l.right
}

func (l *layout) width() float64 { return l.right - l.left }

func (l *layout) face(bold bool) *face {
	if bold {
		return l.fs[1]
	}
	return l.fs[0]
}

func (l *layout) measure(s string, bold bool, size float64) float64 {
	return l.face(bold).measure(s, size)
}

// maxPages bounds a workbook, far above any real plan (a year of seven
// days a week in large print is under 150 pages): past it, layout stops
// with an error rather than run on.
const maxPages = 1000

// newPage starts a page with no repeated heading. Past maxPages it
// records an error and lays out on a scratch page that is not kept.
func (l *layout) newPage() {
	l.page = &Page{Number: len(l.doc.Pages) + 1}
	if n := len(l.doc.Pages); n < len(l.itemsHint) {
		// The pass before placed about as many items on this page:
		// a few more here, as page numbers it did not know yet print
		// now, so room for an eighth more places them without growing.
		h := l.itemsHint[n]
		l.page.Items = make([]Item, 0, h+h/8+4)
	}
	if len(l.doc.Pages) >= maxPages {
		l.fail(fmt.Errorf("render: the workbook runs past %d pages", maxPages))
	} else if err := l.stopped(); err != nil {
		l.fail(err)
	} else {
		l.doc.Pages = append(l.doc.Pages, l.page)
	}
	l.frame()
}

// stopped is the layout's context's error once it is done, so that a
// layout nobody waits for any more ends at its next page.
func (l *layout) stopped() error {
	if l.ctx == nil {
		return nil
	}
	if err := l.ctx.Err(); err != nil {
		return fmt.Errorf("render: stopped: %w", err)
	}
	return nil
}

// frame sets the area content may use on the current page, from its size,
// and puts the cursor at its top.
func (l *layout) frame() {
	w, h := l.page.size(l.doc)
	l.left, l.right, l.top = margin, w-margin, margin
	l.footY = h - margin - l.s.lineH(l.footSize())
	l.bottom = l.footY - 4
	l.y = l.top
}

// section starts a page for a new part of the workbook and bookmarks it.
func (l *layout) section(key, title string, level int) {
	l.onBreak = nil
	l.newPage()
	l.found[key] = l.page.Number
	l.mark(title, level)
}

func (l *layout) mark(title string, level int) {
	l.page.Marks = append(l.page.Marks, Mark{Title: clean(title), Level: level, Y: l.y})
}

// ensure moves to a new page unless h millimetres fit below the cursor.
func (l *layout) ensure(h float64) {
	if l.y+h <= l.bottom+0.01 || l.y <= l.top+0.01 {
		return
	}
	l.breakPage()
}

func (l *layout) breakPage() {
	l.newPage()
	if l.onBreak != nil {
		b := l.onBreak
		l.onBreak = nil // a heading too tall for a page must not loop
		b()
		l.onBreak = b
	}
}

func (l *layout) room() float64 { return l.bottom - l.y }

// add places an item on the current page.
func (l *layout) add(it Item) {
	l.page.placed++
	if l.sketch {
		return // a sketch keeps no items; nothing reads them before drawing
	}
	l.page.Items = append(l.page.Items, it)
}

// text places one line of text whose line box starts at top.
func (l *layout) text(x, top float64, s string, bold bool, size float64) {
	lh := l.s.lineH(size)
	em := size * mmPerPt
	base := top + (lh-(ascent+descent)*em)/2 + ascent*em
	l.add(Item{Kind: Text, X: x, Y: base, W: l.measure(s, bold, size), H: lh, Text: s, Bold: bold, Size: size})
}

// textRight places a line ending at x.
func (l *layout) textRight(x, top float64, s string, bold bool, size float64) {
	l.text(x-l.measure(s, bold, size), top, s, bold, size)
}

// textCenter places a line centred on x.
func (l *layout) textCenter(x, top float64, s string, bold bool, size float64) {
	l.text(x-l.measure(s, bold, size)/2, top, s, bold, size)
}

func (l *layout) rect(x, y, w, h, stroke, fill float64) {
	l.add(Item{Kind: Rect, X: x, Y: y, W: w, H: h, Stroke: stroke, Fill: fill})
}

func (l *layout) hline(x, y, w, stroke float64) {
	l.add(Item{Kind: Line, X: x, Y: y, W: w, Stroke: stroke})
}

func (l *layout) vline(x, y, h, stroke float64) {
	l.add(Item{Kind: Line, X: x, Y: y, H: h, Stroke: stroke})
}

// para flows text at x (indented from the left margin) across the width
// left, line by line, breaking pages as needed.
func (l *layout) para(s string, bold bool, size float64) {
	l.paraAt(l.left, l.width(), s, bold, size)
	l.y += l.s.para
}

func (l *layout) paraAt(x, w float64, s string, bold bool, size float64) {
	lh := l.s.lineH(size)
	top := l.y
	lines := l.wrapEach(s, func(i int) float64 { return min(w, l.rightAt(top+float64(i)*lh)-x) }, bold, size)
	// Avoid a lone first line at the foot of a page.
	if len(lines) > 1 {
		l.ensure(2 * lh)
	}
	for _, line := range lines {
		l.ensure(lh)
		if line != "" {
			l.text(x, l.y, line, bold, size)
		}
		l.y += lh
	}
}

// heading places a bold heading, kept on a page with at least keep
// millimetres of what follows it.
func (l *layout) heading(s string, size, keep float64) {
	lh := l.s.lineH(size)
	lines := l.wrap(clean(s), l.width(), true, size)
	l.ensure(float64(len(lines))*lh + l.s.para*0.6 + keep)
	for _, line := range lines {
		l.text(l.left, l.y, line, true, size)
		l.y += lh
	}
	l.y += l.s.para * 0.6
}

// headingBeside places a bold heading with a line of body text at the
// right of its last line, on its baseline, when both fit there, and
// reports whether they did; keep is as for heading. When they do not
// fit it places nothing.
func (l *layout) headingBeside(title string, size float64, right string, bold bool, keep float64) bool {
	s := l.s
	lines := l.wrap(clean(title), l.width(), true, size)
	last := lines[len(lines)-1]
	if l.measure(last, true, size)+l.measure(right, bold, s.body)+6 > l.width() {
		return false
	}
	hh := s.lineH(size)
	l.ensure(float64(len(lines))*hh + s.para*0.6 + keep)
	for i, line := range lines {
		l.text(l.left, l.y, line, true, size)
		if i == len(lines)-1 {
			l.textRight(l.right, l.y+(hh-s.lineH(s.body))/2+(ascent-descent)*(size-s.body)*mmPerPt/2, right, bold, s.body)
		}
		l.y += hh
	}
	l.y += s.para * 0.6
	return true
}

// list flows items with a marker ("•", "1.") hanging in the left indent.
func (l *layout) list(items []string, marker func(i int) string) {
	size := l.s.body
	lh := l.s.lineH(size)
	x := l.left + l.s.indent
	for i, it := range items {
		top := l.y
		lines := l.wrapEach(clean(it), func(j int) float64 { return l.rightAt(top+float64(j)*lh) - x }, false, size)
		l.ensure(min(2, float64(len(lines))) * lh)
		m := marker(i)
		l.textRight(x-1.5, l.y, m, m != "•", size)
		for j, line := range lines {
			if j > 0 {
				l.ensure(lh)
			}
			l.text(x, l.y, line, false, size)
			l.y += lh
		}
		l.y += l.s.para * 0.25
	}
	l.y += l.s.para * 0.75
}

func bullet(int) string { return "•" }

func number(i int) string { return fmt.Sprintf("%d.", i+1) }

// runIn flows text after a bold label on its first line ("Position:
// lying on your back"), keeping clear of any floating column.
func (l *layout) runIn(label, text string) {
	size := l.s.body
	lh := l.s.lineH(size)
	top := l.y
	lw, lines := l.runInWrap(label, text, func(i int) float64 { return l.rightAt(top+float64(i)*lh) - l.left })
	for i, line := range lines {
		l.ensure(lh)
		x := l.left
		if i == 0 {
			l.text(l.left, l.y, label, true, size)
			x += lw
		}
		if line != "" {
			l.text(x, l.y, line, false, size)
		}
		l.y += lh
	}
	l.y += l.s.para * 0.6
}

// runInWrap wraps text, in body type, to follow a bold label on its
// first line, lines width(i) wide: the room the label takes on the first
// line, and the lines, the first of them after the label. When the
// text's first word does not fit after the label, the first line holds
// the label alone.
func (l *layout) runInWrap(label, text string, width func(i int) float64) (float64, []string) {
	size := l.s.body
	lw := l.measure(label+" ", true, size)
	text = clean(text)
	first, _, _ := strings.Cut(text, " ")
	if l.measure(first, false, size) > width(0)-lw {
		lines := l.wrapEach(text, func(i int) float64 { return width(i + 1) }, false, size)
		return lw, append([]string{""}, lines...)
	}
	return lw, l.wrapEach(text, func(i int) float64 {
		if i == 0 {
			return width(0) - lw
		}
		return width(i)
	}, false, size)
}

// dry runs fn on a scratch page with no foot, and reports how tall its
// output is, without placing anything.
func (l *layout) dry(fn func()) float64 {
	page, y, bottom, onBreak := l.page, l.y, l.bottom, l.onBreak
	// What fn places is never read, so every dry run of the pass places
	// it in the same memory, even one inside another; the page itself is
	// new, as the floating column knows its page by address.
	scratch := l.scratchPage()
	l.page, l.bottom, l.onBreak = scratch, 1e9, nil
	start := l.y
	fn()
	l.keepScratch(scratch)
	h := l.y - start
	l.page, l.y, l.bottom, l.onBreak = page, y, bottom, onBreak
	return h
}

// scratchPage is a new page for trial placements, whose items are never
// read: it places them in the memory the pass keeps for that (scratch).
func (l *layout) scratchPage() *Page {
	return &Page{Items: l.scratch[:0]}
}

// keepScratch keeps the memory of a scratch page done with, if it grew.
func (l *layout) keepScratch(p *Page) {
	if cap(p.Items) > cap(l.scratch) {
		l.scratch = p.Items[:0]
	}
}

// framed draws fn's output inside a border (and an optional light fill),
// keeping it on one page when it fits on one.
func (l *layout) framed(stroke, fill float64, fn func()) {
	pad := l.s.pad + 1
	inner := func() {
		l.left, l.right = l.left+pad, l.right-pad
		l.y += pad
		fn()
		l.y += pad - l.s.para*0.6
		l.left, l.right = l.left-pad, l.right+pad
	}
	h := l.dry(inner)
	if h > l.bottom-l.top {
		inner() // taller than a page: let it flow, unframed
		return
	}
	l.ensure(h)
	l.rect(l.left, l.y, l.width(), h, stroke, fill)
	inner()
	l.y += l.s.para
}

// ref is a page number found by the previous pass (0 in the first).
func (l *layout) ref(key string) int { return l.refs[key] }

// footers adds "Page N of M" and the patient's name (or the title) to
// every page.
func (l *layout) footers() {
	size := l.footSize()
	n := len(l.doc.Pages)
	name := clean(l.p.Patient.Name)
	if name == "" {
		name = l.doc.Info.Title // "Your upper back exercise plan"
	}
	for _, pg := range l.doc.Pages {
		l.page = pg
		l.frame()
		num := l.m.T("page.footer", "n", pg.Number, "total", n)
		nw := l.measure(num, false, size)
		l.hline(l.left, l.footY-1.5, l.width(), 0.2)
		l.text(l.right-nw, l.footY, num, false, size)
		lw := l.footLogo(l.footY, l.s.lineH(size))
		l.text(l.left+lw, l.footY, l.truncate(name, l.width()-nw-10-lw, false, size), false, size)
	}
}

// footSize is the footer's size: 11 pt, and 14 pt in large print.
func (l *layout) footSize() float64 { return l.s.body - 1 - 1*boolF(l.o.LargePrint) }

func boolF(v bool) float64 {
	if v {
		return 1
	}
	return 0
}

package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	goqr "github.com/piglig/go-qr"

	"github.com/backplan/backplan/plan"
)

// QR codes: a link a phone's camera can open, for an exercise's video (on
// its page, under its pictures) and for the clinic's videos (on the
// cover). Each code is drawn as black squares, error correction M, with a
// quiet zone of four modules; the symbol is at least qrMin mm across and
// its modules at least qrModule mm, so that an older phone reads it from
// paper. Under it stands the link without its https://, to type where no
// camera is at hand, and a link annotation makes the code and the words
// clickable on a screen.

const (
	qrMin    = 25.0 // mm across the symbol, quiet zone aside
	qrModule = 0.5  // mm, the smallest module
	qrQuiet  = 4    // modules of white on every side
)

// qrCode encodes a link at error correction M, never raised: a higher
// level at the same size would leave less room for each module.
func qrCode(link string) (*goqr.QrCode, error) {
	segs, err := goqr.MakeSegments(link)
	if err != nil {
		return nil, err
	}
	return goqr.EncodeSegments(segs, goqr.Medium, goqr.MinVersion, goqr.MaxVersion, -1, false)
}

// qrSide is the side of the box a code of n modules takes, its quiet
// zone included, and the side of a module, mm.
func qrSide(n int) (side, module float64) {
	module = max(qrMin/float64(n), qrModule)
	return float64(n+2*qrQuiet) * module, module
}

// qrBox is the side of the box link's code takes, its quiet zone
// included, mm; the error is a link no code can hold.
func qrBox(link string) (float64, error) {
	c, err := qrCode(link)
	if err != nil {
		return 0, fmt.Errorf("render: a QR code of %q: %w", link, err)
	}
	side, _ := qrSide(c.Size())
	return side, nil
}

// shortLink is a link as printed under its code: without https://.
func shortLink(link string) string {
	if i := strings.Index(link, "://"); i >= 0 {
		return link[i+3:]
	}
	return link
}

// wrapLink breaks a link into lines at most w mm wide, after a /, ?, &,
// = or . where it can, and between any two characters where it must. A
// link is no word, so a break inside it is no broken word.
func (l *layout) wrapLink(link string, w, size float64) []string {
	var lines []string
	line, last := "", -1 // last: the end of line's last good break
	for _, r := range link {
		next := line + string(r)
		if line != "" && l.measure(next, false, size) > w {
			cut := len(line)
			if last > 0 {
				cut = last
			}
			lines = append(lines, line[:cut])
			line, last = line[cut:], -1
			next = line + string(r)
		}
		line = next
		if strings.ContainsRune("/?&=.", r) {
			last = len(line)
		}
	}
	return append(lines, line)
}

// codeBlock places link's code at x, y in a column w mm wide, with the
// link after a bold label, and the annotation over the lot, and returns
// the block's height. The words stand beside the code when the column
// leaves them room for three lines at most and that is shorter, else
// centred under it.
func (l *layout) codeBlock(x, y, w float64, link, label string) float64 {
	c, err := l.codeFor(w, link, label)
	if err != nil {
		l.fail(err)
		return 0
	}
	lh := l.s.lineH(l.s.body)
	if c.beside {
		l.add(Item{Kind: QR, X: x, Y: y, W: c.side, H: c.side, Text: link})
		top := y + max(0, (c.side-float64(len(c.lines))*lh)/2)
		for i, ln := range c.lines {
			l.codeLine(x+c.side+1, top+float64(i)*lh, ln)
		}
	} else {
		l.add(Item{Kind: QR, X: x + (w-c.side)/2, Y: y, W: c.side, H: c.side, Text: link})
		for i, ln := range c.lines {
			l.codeLine(x+(w-ln.w)/2, y+c.side+float64(i)*lh, ln)
		}
	}
	l.add(Item{Kind: Link, X: x, Y: y, W: w, H: c.h, Text: link})
	return c.h
}

// codeShape is how a code and its words stand in a column.
type codeShape struct {
	side   float64 // the code's box
	lines  []codeLine
	beside bool    // the words beside the code, not under it
	h      float64 // the whole block
}

// codeFor works out the shape of link's code and words in a column w mm
// wide: the words under the code, or beside it when that is shorter.
func (l *layout) codeFor(w float64, link, label string) (codeShape, error) {
	s := l.s
	side, err := qrBox(link)
	if err != nil {
		return codeShape{}, err
	}
	lh := s.lineH(s.body)
	under := l.codeWords(w, link, label)
	c := codeShape{side: side, lines: under, h: side + float64(len(under))*lh}
	if bw := w - side - 1; bw >= l.measure("watch?v=", false, s.body) {
		// Beside the code, in three lines at most: more, of a few letters
		// each, read as a puzzle rather than an address.
		beside := l.codeWords(bw, link, label)
		if h := max(side, float64(len(beside))*lh); h < c.h && len(beside) <= 3 {
			c = codeShape{side: side, lines: beside, beside: true, h: h}
		}
	}
	return c, nil
}

// codeLine is a line of the words by a code: the link, its first line
// perhaps after the bold label.
type codeLine struct {
	label, text string
	w           float64 // the whole line's width
}

// codeWords are the lines of the label and the link in w mm: the label
// before the link's first line when that adds no line, else on a line
// of its own.
func (l *layout) codeWords(w float64, link, label string) []codeLine {
	size := l.s.body
	lw := l.measure(label+" ", true, size)
	plain := l.wrapLink(shortLink(link), w, size)
	var out []codeLine
	lines := l.wrapLink(shortLink(link), w-lw, size)
	if len(lines) > len(plain) {
		out, lines, lw = []codeLine{{label: label, w: l.measure(label, true, size)}}, plain, 0
	}
	for i, t := range lines {
		ln := codeLine{text: t, w: l.measure(t, false, size)}
		if i == 0 && lw > 0 {
			ln.label, ln.w = label, lw+ln.w
		}
		out = append(out, ln)
	}
	return out
}

// codeLine places one line of the words by a code from x.
func (l *layout) codeLine(x, top float64, ln codeLine) {
	size := l.s.body
	if ln.label != "" {
		l.text(x, top, ln.label, true, size)
		if ln.text == "" {
			return
		}
		x += l.measure(ln.label+" ", true, size)
	}
	l.text(x, top, ln.text, false, size)
}

// videoCode places the code of e's video in the column of its pictures,
// under them, and lengthens the column to hold it; an exercise without
// pictures gets a column of its own, as wide as pictures take.
func (l *layout) videoCode(e plan.Exercise) {
	if e.Video == "" {
		return
	}
	s := l.s
	if l.float.page != l.page {
		pw, _, _ := s.pictureBox(l.width())
		h := l.codeBlock(l.right-pw, l.y, pw, e.Video, l.m.T("qr.video"))
		l.float = floatCol{page: l.page, left: l.right - pw - s.picGap/2, bottom: l.y + h}
		return
	}
	y := l.float.bottom + s.para
	col := l.right - l.float.left - s.picGap/2
	l.float.bottom = y + l.codeBlock(l.right-col, y, col, e.Video, l.m.T("qr.video"))
}

// doseWithCode places e's dose section in the width the column of its
// video's code leaves, and the code at its right, from the same top.
func (l *layout) doseWithCode(e plan.Exercise, a arrangement) {
	s := l.s
	pw, _, _ := s.pictureBox(l.width())
	top, right := l.y, l.right
	l.right = right - pw - s.picGap/2
	l.doseSection(e, a)
	l.right = right
	end := l.y
	h := l.codeBlock(right-pw, top, pw, e.Video, l.m.T("qr.video"))
	l.y = max(end, top+h+s.para)
}

// clinicCode places the code of the clinic's videos on the cover: the
// code at the left, what it is for beside it.
func (l *layout) clinicCode() {
	link := l.o.ClinicURL
	if link == "" {
		return
	}
	s := l.s
	side, err := qrBox(link)
	if err != nil {
		l.fail(err)
		return
	}
	lh := s.lineH(s.body)
	words := l.wrap(l.m.T("qr.clinic.words"), l.width()-side-4, false, s.body)
	link2 := l.wrapLink(shortLink(link), l.width()-side-4, s.body)
	h := max(side, float64(len(words)+len(link2))*lh)
	l.heading(l.m.T("qr.clinic.head"), s.h2, h)
	top := l.y
	l.add(Item{Kind: QR, X: l.left, Y: top, W: side, H: side, Text: link})
	x := l.left + side + 4
	for i, line := range words {
		l.text(x, top+float64(i)*lh, line, false, s.body)
	}
	for i, line := range link2 {
		l.text(x, top+float64(len(words)+i)*lh, line, true, s.body)
	}
	l.add(Item{Kind: Link, X: l.left, Y: top, W: l.width(), H: h, Text: link})
	l.y = top + h + s.para
}

// qrOps are the PDF operators that paint a QR item's dark modules on a
// page pageH mm tall: one path of a rectangle for each run of dark
// modules in a row, filled at once, so that no seam shows between rows.
func qrOps(it Item, pageH float64) (string, error) {
	c, err := qrCode(it.Text)
	if err != nil {
		return "", err
	}
	n := c.Size()
	_, m := qrSide(n)
	var b strings.Builder
	b.WriteString("q 0 g\n")
	pt := func(mm float64) string {
		return strconv.FormatFloat(math.Round(mm*ptPerMM*1000)/1000, 'f', -1, 64)
	}
	ox, oy := it.X+qrQuiet*m, it.Y+qrQuiet*m
	for y := range n {
		for x := 0; x < n; {
			if !c.Module(x, y) {
				x++
				continue
			}
			run := x
			for x < n && c.Module(x, y) {
				x++
			}
			top := oy + float64(y)*m
			fmt.Fprintf(&b, "%s %s %s %s re\n", pt(ox+float64(run)*m), pt(pageH-top-m), pt(float64(x-run)*m), pt(m))
		}
	}
	b.WriteString("f\nQ\n")
	return b.String(), nil
}

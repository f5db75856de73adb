package render

// Fitting text to a width: wrapping and truncating, each in time linear
// in the text's length.

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/backplan/backplan/plan"
)

// wrap breaks s into lines no wider than w, at spaces and after hyphens.
// Line breaks in s start new lines; blank lines are kept as empty
// strings. A word wider than w on its own is broken between letters as a
// last resort, and noted in the document (the layout-rule test wants
// none): callers pick a column or size that fits the longest word. It
// takes time in proportion to the length of s.
func (l *layout) wrap(s string, w float64, bold bool, size float64) []string {
	return l.wrapEach(s, func(int) float64 { return w }, bold, size)
}

// wrapEach is wrap with a width for each line: width(i) is the width of
// line i, counted from 0, such as narrower lines beside a picture.
//
// A document wraps the same text many times over: in each layout pass,
// and to measure a block before placing it. So each result is kept for the
// document (textCache) with the width of each of its lines, and given
// again when the same text, font and size meet the same widths: wrapping
// asks only for the widths of the lines it makes, so the same widths
// give the same lines.
func (l *layout) wrapEach(s string, width func(i int) float64, bold bool, size float64) []string {
	if l.texts == nil {
		return l.wrapLines(s, width, bold, size)
	}
	k := wrapKey{s, bold, size}
	for _, w := range l.texts.wraps[k] {
		if w.fits(width) {
			l.doc.splitWords = append(l.doc.splitWords, w.split...)
			return w.lines
		}
	}
	split := len(l.doc.splitWords)
	lines := slices.Clip(l.wrapLines(s, width, bold, size)) // a caller's append copies
	w := wrapped{lines: lines, widths: make([]float64, len(lines)), split: slices.Clone(l.doc.splitWords[split:])}
	for i := range lines {
		w.widths[i] = width(i)
	}
	if len(l.texts.wraps[k]) < maxWrapVariants {
		l.texts.wraps[k] = append(l.texts.wraps[k], w)
	}
	return lines
}

// textCache holds text that layout works out again and again, for all
// the passes over one document: wrapped lines, and the words of each
// exercise's amounts.
type textCache struct {
	wraps map[wrapKey][]wrapped
	doses map[amountKey]string
	cells map[cellKey]cellWords // the name cells of the weeks' grids
}

func newTextCache() *textCache {
	return &textCache{wraps: map[wrapKey][]wrapped{}, doses: map[amountKey]string{}, cells: map[cellKey]cellWords{}}
}

type amountKey struct {
	exercise string
	dose     plan.Dose
}

// doseText is e.DoseText(d), worded once for the document: a week's grid
// asks for each row's amount at every width it tries. The plan holds one
// exercise of each id, so the id and the dose decide the words.
func (l *layout) doseText(e plan.Exercise, d plan.Dose) string {
	if l.texts == nil {
		return amountText(l.m, e, d)
	}
	k := amountKey{e.ID, d}
	t, ok := l.texts.doses[k]
	if !ok {
		t = amountText(l.m, e, d)
		l.texts.doses[k] = t
	}
	return t
}

// maxWrapVariants bounds the results kept for one text: a text is laid
// in a few widths at most (beside a picture or not, a table's column).
const maxWrapVariants = 4

type wrapKey struct {
	s    string
	bold bool
	size float64
}

// wrapped is one text wrapped: its lines, the width each was given, and
// the words it had to break (noted in the document at every use).
type wrapped struct {
	lines  []string
	widths []float64
	split  []string
}

// fits reports whether width gives every line of w the width it had.
func (w *wrapped) fits(width func(i int) float64) bool {
	for i, x := range w.widths {
		if width(i) != x {
			return false
		}
	}
	return true
}

// wrapLines is wrapEach's work, uncached.
func (l *layout) wrapLines(s string, width func(i int) float64, bold bool, size float64) []string {
	f := l.face(bold)
	space := f.measure(" ", size)
	var out []string
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			out = append(out, line.String())
			line.Reset()
			lineW = 0
		}
		for _, word := range words {
			for i, piece := range hyphenPieces(word) {
				w := width(len(out))
				pw := f.measure(piece, size)
				sep, sepW := "", 0.0
				if i == 0 && line.Len() > 0 {
					sep, sepW = " ", space
				}
				if line.Len() > 0 && lineW+sepW+pw > w {
					flush()
					sep, sepW = "", 0
					w = width(len(out))
				}
				if line.Len() == 0 && pw > w {
					l.doc.splitWords = append(l.doc.splitWords, piece)
					for pw > w {
						cut := fitRunes(f, piece, w, size)
						out = append(out, piece[:cut])
						piece = piece[cut:]
						pw = f.measure(piece, size)
						w = width(len(out))
					}
				}
				line.WriteString(sep)
				line.WriteString(piece)
				lineW += sepW + pw
			}
		}
		flush()
	}
	return out
}

// hyphenPieces splits a word after each hyphen that has letters on both
// sides: "straight-arm" is "straight-" and "arm".
func hyphenPieces(word string) []string {
	var out []string
	start := 0
	for i := 1; i < len(word)-1; i++ {
		if word[i] == '-' && i > start {
			out = append(out, word[start:i+1])
			start = i + 1
		}
	}
	return append(out, word[start:])
}

// fitRunes returns how many bytes of s fit in w (at least one rune), in
// one pass over s.
func fitRunes(f *face, s string, w, size float64) int {
	end, units := 0, 0
	for i, r := range s {
		units += f.units(r)
		if i > 0 && float64(units)*size/1000*mmPerPt > w {
			return i
		}
		end = i + utf8.RuneLen(r)
	}
	return end
}

// truncate shortens s with an ellipsis so that it fits in w, in one pass
// over s.
func (l *layout) truncate(s string, w float64, bold bool, size float64) string {
	f := l.face(bold)
	if f.measure(s, size) <= w {
		return s
	}
	room := w - f.measure("…", size)
	units, cut := 0, 0
	for i, r := range s {
		units += f.units(r)
		if float64(units)*size/1000*mmPerPt > room {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	if cut == 0 {
		return "…"
	}
	return strings.TrimRight(s[:cut], " ,.;:-") + "…"
}

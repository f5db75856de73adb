package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/i18n"
)

// Document is a laid-out workbook: every page with everything on it placed
// in millimetres from the top-left corner. Layout makes it; drawing paints
// it with fpdf and adds nothing of its own, so the text dump of a Document
// (WriteText) is a faithful picture of the PDF.
type Document struct {
	Paper         Paper
	Width, Height float64 // mm
	LargePrint    bool
	Info          Info
	Pages         []*Page
	Logo          *Logo       // the clinic's logo, which Image items show
	Protect       *Protection // the passphrase that opens the PDF, or nil

	// What layout found, for the layout-rule tests: the page of each
	// reference ("week:3", "week:3:end", "ex:plank", "ex:plank:end"),
	// the rows of each part of a split table, the words it had to break
	// between letters, and the week labels of the dose tables.
	refs       map[string]int
	tableParts []int
	splitWords []string
	// doseLabels are the week labels of each exercise's dose table, by
	// exercise id, in reading order: down each column, then the next.
	doseLabels map[string][]string
	// words are the messages the document was laid out in, for the
	// layout-rule tests to read its labels by.
	words *i18n.Lang
}

// Info is the PDF's metadata.
type Info struct {
	Title, Author, Subject, Creator, Lang string
	Date                                  string // YYYY-MM-DD: creation and modification date
}

// Page is one page of the workbook.
type Page struct {
	Number int
	Marks  []Mark // bookmarks that point at this page
	Items  []Item // in drawing order

	placed int // how many items layout placed (a sketch keeps none)
}

// Mark is an entry of the PDF outline (bookmarks).
type Mark struct {
	Title string
	Level int     // 0 at the top of the outline
	Y     float64 // mm from the top of the page
}

// Kind says what an Item is.
type Kind string

// The kinds of item.
const (
	// Text is one line of text. X is its left edge, Y its baseline, W its
	// measured width and H the line height it was given.
	Text Kind = "text"
	// Rect is a rectangle: a border (Stroke > 0), a light grey fill
	// (Fill < 1) or a colour (Tint), or both. Fills are decoration
	// only: nothing is understood by shade or colour alone.
	Rect Kind = "rect"
	// Line is a straight line from (X, Y) to (X+W, Y+H).
	Line Kind = "line"
	// Tick is a tick box: one square for one set.
	Tick Kind = "tick"
	// WriteIn is a box to write a number in (a pain score).
	WriteIn Kind = "writein"
	// Picture is a line drawing: Shapes in millimetres from the box's
	// top-left corner (X, Y), fitted into W × H. Ref says what it shows,
	// such as "bridge start".
	Picture Kind = "picture"
	// Image is the clinic's logo (Ref "logo"), fitted into W × H.
	Image Kind = "image"
	// QR is a QR code of the link in Text, its quiet zone included, W × H.
	QR Kind = "qr"
	// Link makes the area W × H a link to Text on a screen; it draws
	// nothing.
	Link Kind = "link"
)

// Item is one thing drawn on a page.
type Item struct {
	Kind       Kind
	X, Y, W, H float64 // mm
	Text       string
	Bold       bool
	Size       float64 // font size in points
	Stroke     float64 // line width in mm; 0 draws no border
	Fill       float64 // grey level of the fill, 0 black to 1 white; 0 or 1 means none
	Tint       Tint    // a Rect's fill colour in place of the grey, when set
	Ref        string  // what a Picture shows
	Shapes     []figure.Shape
}

// size is the page's width and height in mm on document d. Every page is
// upright: a week too big for its page flows on to the next.
func (p *Page) size(d *Document) (w, h float64) {
	return d.Width, d.Height
}

// filled reports whether a Rect has a grey fill.
func (it Item) filled() bool { return it.Fill > 0 && it.Fill < 1 && it.Tint == "" }

// WriteText writes the document as readable text, one line per item: the
// form the golden tests compare.
func (d *Document) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "document %s %.1f×%.1f mm", d.Paper, d.Width, d.Height)
	if d.LargePrint {
		fmt.Fprintf(bw, ", large print")
	}
	fmt.Fprintf(bw, ", %d pages", len(d.Pages))
	if d.Protect != nil {
		fmt.Fprintf(bw, ", protected")
	}
	fmt.Fprintln(bw)
	fmt.Fprintf(bw, "info title=%q author=%q subject=%q creator=%q lang=%q date=%s\n",
		d.Info.Title, d.Info.Author, d.Info.Subject, d.Info.Creator, d.Info.Lang, d.Info.Date)
	for _, p := range d.Pages {
		fmt.Fprintf(bw, "\npage %d\n", p.Number)
		for _, m := range p.Marks {
			fmt.Fprintf(bw, "  mark %d %.1f %q\n", m.Level, m.Y, m.Title)
		}
		for _, it := range p.Items {
			switch it.Kind {
			case Text:
				weight := "regular"
				if it.Bold {
					weight = "bold"
				}
				fmt.Fprintf(bw, "  text %.1f %.1f w%.1f %s %g %q\n", it.X, it.Y, it.W, weight, it.Size, it.Text)
			case Rect:
				fmt.Fprintf(bw, "  rect %.1f %.1f %.1f×%.1f", it.X, it.Y, it.W, it.H)
				if it.Stroke > 0 {
					fmt.Fprintf(bw, " stroke %.2f", it.Stroke)
				}
				if it.filled() {
					fmt.Fprintf(bw, " fill %.2f", it.Fill)
				}
				if it.Tint != "" {
					fmt.Fprintf(bw, " tint %s", it.Tint)
				}
				fmt.Fprintln(bw)
			case Line:
				fmt.Fprintf(bw, "  line %.1f %.1f → %.1f %.1f stroke %.2f\n", it.X, it.Y, it.X+it.W, it.Y+it.H, it.Stroke)
			case QR, Link:
				fmt.Fprintf(bw, "  %s %.1f %.1f %.1f×%.1f %q\n", it.Kind, it.X, it.Y, it.W, it.H, it.Text)
			case Picture:
				fmt.Fprintf(bw, "  picture %.1f %.1f %.1f×%.1f %s, %d shapes\n", it.X, it.Y, it.W, it.H, it.Ref, len(it.Shapes))
			default:
				fmt.Fprintf(bw, "  %s %.1f %.1f %.1f×%.1f\n", it.Kind, it.X, it.Y, it.W, it.H)
			}
		}
	}
	return bw.Flush()
}

package render

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/backplan/backplan/fonts"
)

const family = "notosans"

// Draw paints the document as a PDF. It adds nothing the layout did not
// place, and uses only its own fpdf instance, so documents may be drawn
// concurrently.
func (d *Document) Draw(w io.Writer) error { return d.draw(w, false) }

// draw paints the document. With fpdfCompresses, fpdf compresses the page
// streams itself, as it did before compressPages; tests compare the two.
func (d *Document) draw(w io.Writer, fpdfCompresses bool) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: d.Width, Ht: d.Height},
	})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(fpdfCompresses) // else compressPages does it, faster
	pdf.SetCatalogSort(true)
	pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(family, "B", fonts.Bold)

	date, err := time.Parse(time.DateOnly, d.Info.Date)
	if err != nil {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // a plan without an issue date
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(d.Info.Title, true)
	pdf.SetAuthor(d.Info.Author, true)
	pdf.SetSubject(d.Info.Subject, true)
	pdf.SetCreator(d.Info.Creator, true)
	pdf.SetProducer("backplan", true)
	pdf.SetLang(d.Info.Lang)
	pdf.SetDisplayMode("fullwidth", "single")

	font := func(bold bool, size float64) {
		style := ""
		if bold {
			style = "B"
		}
		pdf.SetFont(family, style, size)
	}
	font(false, 12)
	for _, p := range d.Pages {
		pdf.AddPage()
		for _, m := range p.Marks {
			font(false, 12) // bookmarks take the current font's encoding: UTF-8
			pdf.Bookmark(m.Title, m.Level, m.Y)
		}
		for _, it := range p.Items {
			switch it.Kind {
			case Text:
				pdf.SetTextColor(0, 0, 0)
				font(it.Bold, it.Size)
				pdf.Text(it.X, it.Y, it.Text)
			case Rect:
				style := ""
				if it.filled() {
					g := grey(it.Fill)
					pdf.SetFillColor(g, g, g)
					style += "F"
				}
				if it.Stroke > 0 {
					pdf.SetDrawColor(0, 0, 0)
					pdf.SetLineWidth(it.Stroke)
					style += "D"
				}
				if style != "" {
					pdf.Rect(it.X, it.Y, it.W, it.H, style)
				}
			case Line:
				pdf.SetDrawColor(0, 0, 0)
				pdf.SetLineWidth(it.Stroke)
				pdf.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
			case Tick, WriteIn:
				pdf.SetFillColor(255, 255, 255)
				pdf.SetDrawColor(0, 0, 0)
				pdf.SetLineWidth(it.Stroke)
				pdf.Rect(it.X, it.Y, it.W, it.H, "FD")
			case Picture:
				// Pictures are not drawn yet: the layout keeps their place.
			default:
				return fmt.Errorf("render: unknown item kind %q", it.Kind)
			}
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if fpdfCompresses {
		return pdf.Output(w)
	}
	var raw bytes.Buffer
	if err := pdf.Output(&raw); err != nil {
		return err
	}
	return compressPages(w, raw.Bytes())
}

func grey(level float64) int { return int(level*255 + 0.5) }

package render

import (
	"bytes"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/fpdf"
)

const family = "notosans"

// Draw paints the document as a PDF. It adds nothing the layout did not
// place, and uses only its own fpdf instance, so documents may be drawn
// concurrently. It writes to w once, at the end, and nothing on an error.
func (r *Renderer) Draw(w io.Writer, d *Document) error {
	// fpdf panics on text that is not UTF-8; layout's check refuses it
	// first, and this makes sure of it whatever made the Document.
	if err := d.checkUTF8(); err != nil {
		return err
	}
	pdf := r.newPDF(d)
	dr := &drawer{pdf: pdf}
	dr.font(false, 12)
	dr.pen = newPen(pdf)
	dr.pictures = d.sharedPictures(pdf)
	if g := d.Logo; g != nil {
		pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: g.kind}, bytes.NewReader(g.data))
	}
	for _, p := range d.Pages {
		if err := dr.page(d, p); err != nil {
			return err
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	raw, err := pdf.OutputBytes() // fpdf's buffer itself: no copy
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	packed, err := r.pack(raw)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if pr := d.Protect; pr != nil {
		// Compressed first, then encrypted, as the standard orders.
		packed, err = fpdf.Encrypt(packed, fpdf.Protection{
			Password: pr.Passphrase, ID: pr.FileID,
			Allow: fpdf.CnProtectPrint | fpdf.CnProtectCopy,
		})
		if err != nil {
			return fmt.Errorf("render: %w", err)
		}
	}
	_, err = w.Write(packed)
	return err
}

// newPDF starts the PDF of d: its fonts and its metadata.
func (r *Renderer) newPDF(d *Document) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: d.Width, Ht: d.Height},
	})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(false) // pack compresses every stream once, better
	pdf.SetFontCompression(false)
	pdf.SetCatalogSort(true)
	pdf.AddUTF8FontParsed(family, "", r.fonts.pdf[0])
	pdf.AddUTF8FontParsed(family, "B", r.fonts.pdf[1])

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
	return pdf
}

// drawer paints the pages of one document.
type drawer struct {
	pdf      *fpdf.Fpdf
	pen      *pen
	pictures map[picKey]fpdf.Template
	cur      fontKey
}

type fontKey struct {
	bold bool
	size float64
}

// font sets the font when it differs: fpdf writes a font change even
// when nothing changes, and a page has hundreds of lines. A new page
// starts with no font in its content stream.
func (dr *drawer) font(bold bool, size float64) {
	if (fontKey{bold, size}) == dr.cur {
		return
	}
	dr.cur = fontKey{bold, size}
	style := ""
	if bold {
		style = "B"
	}
	dr.pdf.SetFont(family, style, size)
}

// page paints one page and its bookmarks.
func (dr *drawer) page(d *Document, p *Page) error {
	pdf := dr.pdf
	_, ph := p.size(d)
	pdf.AddPageFormat("P", fpdf.SizeType{Wd: d.Width, Ht: d.Height})
	dr.cur = fontKey{}
	for _, m := range p.Marks {
		dr.font(false, 12) // bookmarks take the current font's encoding: UTF-8
		pdf.Bookmark(m.Title, m.Level, m.Y)
	}
	for _, it := range p.Items {
		if err := dr.item(it, ph); err != nil {
			return err
		}
	}
	return nil
}

// item paints one item on a page ph millimetres tall.
func (dr *drawer) item(it Item, ph float64) error {
	pdf, pen := dr.pdf, dr.pen
	switch it.Kind {
	case Text:
		// Text is black. With the fill black too, fpdf writes no
		// colour around each line.
		pen.fill(0)
		dr.font(it.Bold, it.Size)
		pdf.Text(it.X, it.Y, it.Text)
	case Rect:
		style := ""
		if it.filled() {
			pen.fill(it.Fill)
			style += "F"
		}
		if it.Tint != "" {
			pen.tint(it.Tint)
			style += "F"
		}
		if it.Stroke > 0 {
			pen.stroke(it.Stroke)
			style += "D"
		}
		if style != "" {
			pdf.Rect(it.X, it.Y, it.W, it.H, style)
		}
	case Line:
		pen.stroke(it.Stroke)
		pdf.Line(it.X, it.Y, it.X+it.W, it.Y+it.H)
	case Tick, WriteIn:
		pen.fill(1)
		pen.stroke(it.Stroke)
		pdf.Rect(it.X, it.Y, it.W, it.H, "FD")
	case Image:
		pdf.ImageOptions(it.Ref, it.X, it.Y, it.W, it.H, false, fpdf.ImageOptions{}, 0, "")
	case QR:
		ops, err := qrOps(it, ph)
		if err != nil {
			return fmt.Errorf("render: %w", err)
		}
		pdf.RawWriteStr(ops)
	case Link:
		pdf.LinkString(it.X, it.Y, it.W, it.H, it.Text)
	case Picture:
		if t, ok := dr.pictures[pictureKey(it)]; ok {
			pdf.UseTemplateScaled(t, fpdf.PointType{X: it.X, Y: it.Y}, fpdf.SizeType{Wd: it.W, Ht: it.H})
		} else {
			pdf.RawWriteStr(pictureOps(it.Shapes, it.X, it.Y, ph))
		}
	default:
		return fmt.Errorf("render: unknown item kind %q", it.Kind)
	}
	return nil
}

func grey(level float64) int { return int(level*255 + 0.5) }

// pen sets fpdf's fill grey and black line width only when they change:
// fpdf writes every setting it is given, and a week's grid would repeat
// the same ones hundreds of times. fpdf carries them over to each new
// page itself.
type pen struct {
	pdf         *fpdf.Fpdf
	fillG       float64
	fillTint    Tint // when set, the fill is this colour, not fillG
	width       float64
	strokeBlack bool
}

func newPen(pdf *fpdf.Fpdf) *pen {
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFillColor(0, 0, 0)
	return &pen{pdf: pdf, fillG: 0, width: -1}
}

func (p *pen) fill(level float64) {
	if level != p.fillG || p.fillTint != "" {
		g := grey(level)
		p.pdf.SetFillColor(g, g, g)
		p.fillG, p.fillTint = level, ""
	}
}

// tint sets the fill to a colour of the traffic light.
func (p *pen) tint(t Tint) {
	if t != p.fillTint {
		p.pdf.SetFillColor(t.rgb())
		p.fillTint = t
	}
}

func (p *pen) stroke(width float64) {
	if !p.strokeBlack {
		p.pdf.SetDrawColor(0, 0, 0)
		p.strokeBlack = true
	}
	if width != p.width {
		p.pdf.SetLineWidth(width)
		p.width = width
	}
}

// checkUTF8 reports any text of the document that is not valid UTF-8.
func (d *Document) checkUTF8() error {
	in := d.Info
	valid := utf8.ValidString(in.Title) && utf8.ValidString(in.Author) && utf8.ValidString(in.Subject) &&
		utf8.ValidString(in.Creator) && utf8.ValidString(in.Lang) && utf8.ValidString(in.Date)
	for _, p := range d.Pages {
		for _, m := range p.Marks {
			valid = valid && utf8.ValidString(m.Title)
		}
		for _, it := range p.Items {
			valid = valid && utf8.ValidString(it.Text)
		}
	}
	if !valid {
		return &TextError{Field: "workbook text", Rune: utf8.RuneError, Invalid: true}
	}
	return nil
}

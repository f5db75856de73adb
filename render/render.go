// Package render turns a plan.Plan into the printable PDF workbook a patient
// takes home.
//
// It works in two steps. Layout places everything on pages, measuring text
// with the embedded fonts' own widths, and returns a Document: pages of
// positioned text lines, boxes and rules in millimetres, which WriteText
// dumps for golden tests. Drawing then paints the Document with fpdf and
// decides nothing of its own. A Renderer (New) does both, and owns the
// parsed fonts, drawings and compressors they share.
//
// The workbook is made to be read on paper, in black and white, by people
// who may be over seventy: body text is at least 12 pt (16 pt in large
// print), tick boxes at least 6 mm (8 mm) and 1.5 mm clear of their
// cells' borders, and nothing is understood by colour alone (the traffic
// light's green, amber and red bands carry their words).
//
// What each page promises, checked by TestLayoutRules over every length
// of plan, number of days, focus, paper and print size:
//
//   - Each week is one page, and every week page of a workbook has one
//     look: the same thumbnails, day columns and arrangement of boxes
//     (week.go, look.go). After every four weeks, and after the last,
//     comes a spare undated page for a repeated week.
//   - Each exercise (its name, pictures, steps, form cues, cautions,
//     "changing it" and its table of how much to do) stands whole on one
//     page (exercise.go). An exercise whose words cannot fit one page
//     (in large print, many of the catalogue's: 16 pt text of 8 steps
//     and their cues fills a page by itself) has two of its own, split
//     between its parts; one that two pages cannot hold is a FitError
//     naming it, never a page that cuts it.
//   - Dose tables list the plan's weeks in date order, each findable
//     (dose.go).
//   - The clinician's note is printed whole, or a page says where it is.
//   - An exercise with a video has one QR code of its link on its page
//     (qr.go): under its pictures, or beside its dose table, at least
//     25 mm, error correction M, a quiet zone of four modules, the link
//     under it without its https://, and the lot clickable; the
//     clinic's link (Options.ClinicURL) has one on the cover. In large
//     print, where a code makes an exercise too long for one page, it
//     takes its two pages as any exercise too long does.
//   - The clinic's logo (Options.Logo, checked by ParseLogo) stands on
//     the cover beside who the workbook is from, within 40 × 20 mm, and
//     small at the left of each footer when it fits (logo.go).
//   - A protected workbook (Options.Protect) is encrypted with AES-256,
//     the PDF 2.0 standard security handler, after it is compressed:
//     it opens with its passphrase only, printing and copying allowed.
//
// Anything else too long for a page flows on to the next with its
// heading kept with what follows and a table's header repeated, never
// leaving a single row behind; every loop that places it ends, and a
// workbook stops with an error past a thousand pages.
//
// Every sentence the workbook prints is a message of the plan's language
// (plan.Settings.Lang; internal/i18n holds a file per language), dates and
// the dose notation included: a Spanish workbook keeps every rule above
// (TestLayoutRules sweeps each language), has within a quarter of the
// English one's pages, and holds none of the English messages
// (TestNoEnglishInSpanish); only the clinician's text and the catalogue's
// are printed as given.
//
// render never parses flags or YAML and never reads the clock: the dates in
// the PDF come from the plan, so the same plan gives the same bytes.
package render

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// Paper is a page size.
type Paper string

// The paper sizes.
const (
	A4     Paper = "a4"     // 210 × 297 mm
	Letter Paper = "letter" // 8.5 × 11 in
)

// Options control the look of the workbook.
type Options struct {
	Paper      Paper // A4 or Letter; empty means Letter
	LargePrint bool  // body text of at least 16 pt and larger boxes
	// ClinicURL is a link to the clinic's exercise videos, printed on the
	// cover as a QR code; plan.CheckLink says what it may be.
	ClinicURL string
	// Logo is the clinic's logo (ParseLogo), on the cover and, when it
	// fits, in the footers.
	Logo *Logo
	// Protect, when set, locks the PDF with a passphrase.
	Protect *Protection
	// Words are the languages to print in, the plan's (plan.Settings.Lang)
	// chosen among them; nil means the built-in ones (i18n.Builtin).
	Words *i18n.Set
}

// Protection locks a workbook with AES-256 (the PDF 2.0 standard security
// handler): only someone told the passphrase can open it. Printing and
// copying text stay allowed, so that screen readers can read it. The
// same plan, options, passphrase and file ID give the same bytes.
type Protection struct {
	Passphrase string   // opens the workbook
	FileID     [16]byte // the PDF's file identifier: random for each workbook
}

// Renderer draws workbooks. It is made once, by New, and shared: by the
// rows of a batch and the requests of a server alike. It is safe for
// concurrent use. It owns what is worth keeping between workbooks: the
// parsed fonts, the drawings of the exercises (posing a body costs far
// more than placing it) and the compressors.
type Renderer struct {
	workers int
	fonts   *fontSet
	// drawings keeps drawings between layout passes and documents, keyed
	// by the picture's content (figure.Spec.Key), so an edited spec gets
	// a new drawing. Drawings in it are shared and never changed.
	pictures sync.Map // drawingKey → []figure.Picture
	// zlibFree holds compressors between documents: making one allocates
	// about a megabyte. Unlike a sync.Pool it is not emptied by each
	// garbage collection, which in a batch would make one for nearly
	// every document.
	zlibFree chan *zlib.Writer
}

// New returns a Renderer that draws one workbook on up to workers
// goroutines; New(1) uses none beside the caller's. A caller that draws
// many workbooks at once (a batch, a server) passes 1 and runs workbooks
// side by side instead, so that parallelism never nests.
func New(workers int) (*Renderer, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	workers = max(workers, 1)
	return &Renderer{workers: workers, fonts: fs, zlibFree: make(chan *zlib.Writer, workers)}, nil
}

// Workbook writes the PDF workbook for p to w. Text the fonts cannot draw
// is reported as a *TextError before anything is written.
func (r *Renderer) Workbook(w io.Writer, p *plan.Plan, o Options) error {
	return r.WorkbookContext(context.Background(), w, p, o)
}

// WorkbookContext is Workbook that stops with ctx's error once ctx is
// done: at the next page of the layout, or before drawing.
func (r *Renderer) WorkbookContext(ctx context.Context, w io.Writer, p *plan.Plan, o Options) error {
	d, err := r.LayoutContext(ctx, p, o)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("render: stopped: %w", err)
	}
	return r.Draw(w, d)
}

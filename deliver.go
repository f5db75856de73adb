package main

// What a run adds to get the workbook to the patient: the clinic's logo
// (--logo), the passphrase of a protected workbook (--protect) and the
// email draft (--eml). Package job makes the passphrase and the draft;
// this file reads the logo, draws from the run's randomness, and tells
// the clinician the passphrase, once.

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// readLogo reads and checks the logo at path; "" is none.
func readLogo(path string, stdin io.Reader) (*render.Logo, error) {
	if path == "" {
		return nil, nil
	}
	data, _, err := readInput("logo", path, stdin)
	if err != nil {
		return nil, err
	}
	g, err := render.ParseLogo(data)
	if err != nil {
		return nil, failure("save the logo as a PNG or JPEG in colour or grey, about 500 to 1000 pixels across",
			fmt.Errorf("--logo %q: %w", path, err))
	}
	return g, nil
}

// delivery completes o for one workbook: the logo, and a new passphrase
// drawn from e's randomness when o asks for protection.
func delivery(o job.Options, logo *render.Logo, e env) (job.Options, error) {
	if err := job.CheckSend(o); err != nil { // a saved plan is built by no one
		return o, err
	}
	o.Render.Logo = logo
	if !o.Send.Protect {
		return o, nil
	}
	pr, err := job.Protect(e.rand)
	if err != nil {
		return o, err
	}
	o.Render.Protect = pr
	return o, nil
}

// draft is the email draft of p's workbook pdf, dated the run's day.
func draft(p *plan.Plan, o job.Options, pdf []byte, e env) ([]byte, error) {
	today, err := runDate(e)
	if err != nil {
		return nil, err
	}
	return job.Draft(p, o, today, pdf)
}

// workbookName names the workbook written to path for a message.
func workbookName(path string) string {
	if path == "-" {
		return "the workbook on standard output"
	}
	return fmt.Sprintf("%q", path)
}

// sayPassphrase tells the clinician a workbook's passphrase, once: it is
// kept nowhere else.
func sayPassphrase(pr *printer, workbook string, p *render.Protection) {
	pr.say(fmt.Sprintf("the passphrase of %s is: %s", workbook, p.Passphrase),
		"tell it to the patient in person or by telephone, never in the email; backplan keeps no copy")
}

// drawProtections draws a passphrase and file ID for each row of a
// roster, in row order, when any row may be protected (--protect, or a
// protect column); nil when none may.
func drawProtections(ro *job.Roster, base job.Options, e env) ([]*render.Protection, error) {
	if !base.Send.Protect && !slices.Contains(ro.Columns, "protect") {
		return nil, nil
	}
	out := make([]*render.Protection, len(ro.Rows))
	for i := range out {
		var err error
		if out[i], err = job.Protect(e.rand); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// passphrasesFile is the file in --out-dir that lists the passphrases
// of a batch's protected workbooks.
const passphrasesFile = "passphrases.txt"

// passphrases writes the passphrases of the batch's protected workbooks,
// if any, to passphrasesFile in its folder, readable by the clinician
// alone (mode 0600, whatever the umask, before a word is written), and
// says where they are. The clinician needs, for each patient, the name
// to say, the workbook it opens and the words, in roster order, to work
// down the list by telephone.
func (b *batch) passphrases(pr *printer) error {
	var rows []int
	for i, used := range b.used {
		if used {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	var t strings.Builder
	fmt.Fprintf(&t, "Passphrases of the protected workbooks made from %s on %s.\n", b.roster.Name, b.today.Format(time.DateOnly))
	t.WriteString("Tell each patient theirs in person or by telephone, never in the email\n")
	t.WriteString("with the workbook. Then delete this file: backplan keeps no other copy.\n\n")
	nameW, fileW := len("Patient"), len("Workbook")
	for _, i := range rows {
		r := b.roster.Rows[i]
		nameW, fileW = max(nameW, utf8.RuneCountInString(oneLine(r.Patient))), max(fileW, len(r.File))
	}
	line := func(a, f, p string) {
		fmt.Fprintf(&t, "%s%s  %-*s  %s\n", a, strings.Repeat(" ", nameW-utf8.RuneCountInString(a)), fileW, f, p)
	}
	line("Patient", "Workbook", "Passphrase")
	for _, i := range rows {
		r := b.roster.Rows[i]
		line(oneLine(r.Patient), r.File, b.protect[i].Passphrase)
	}
	outs := b.outs.another()
	defer outs.discard()
	path := filepath.Join(b.dir, passphrasesFile)
	f, err := outs.claim("passphrases", path)
	if err != nil {
		return err
	}
	if err := f.private(); err != nil {
		return err
	}
	if err := f.write([]byte(t.String())); err != nil {
		return err
	}
	if err := outs.commit(); err != nil {
		return err
	}
	pr.say(fmt.Sprintf("the passphrases of %s are in %q, which only you can read", words.Count(len(rows), "protected workbook"), path),
		"tell each patient theirs in person or by telephone, then delete the file")
	return nil
}

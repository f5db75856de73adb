// Package job says, once for every front end, what one workbook is made
// from: the table of a workbook's options, Options, the one way options
// become a plan (Build), the default paper, rosters of many patients and
// the workbooks' file names; and how a workbook reaches the patient: the
// email draft (Draft) and the passphrase of a protected workbook
// (Protect), drawn from random bytes the front end passes in.
//
// A preset (Options.Preset, the catalogue's plan.Preset) fills in the
// options it sets that were not given: whatever the clinician gives, by
// flag, roster cell or form field, wins (WithPreset, which Build calls).
//
// The command line turns the table into flags, a roster into a column for
// each option and the web page into a form field for each, so that an
// option is named, parsed and checked in one place, and the same choices
// make the same workbook wherever they are made.
//
// The package has no flags, files, terminal, clock or randomness of its
// own: a front end passes in what it read (a form, a roster's bytes, the
// environment, a file system), the run date and a source of random bytes. Its errors state facts and name an option by
// its name alone ("weeks"); each front end words where the choice was made
// ("--weeks", "the weeks cell", the field on the page), from Words.
package job

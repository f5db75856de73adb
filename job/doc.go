// Package job says, once for every front end, what one workbook is made
// from: the table of a workbook's options, Options, the one way options
// become a plan (Build), the default paper, rosters of many patients and
// the workbooks' file names.
//
// The command line turns the table into flags, a roster into a column for
// each option and the web page into a form field for each, so that an
// option is named, parsed and checked in one place, and the same choices
// make the same workbook wherever they are made.
//
// The package has no flags, files, terminal or clock: a front end passes
// in what it read (a form, a roster's bytes, the environment, a file
// system) and the run date. Its errors state facts and name an option by
// its name alone ("weeks"); each front end words where the choice was made
// ("--weeks", "the weeks cell", the field on the page), from Words.
package job

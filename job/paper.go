package job

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/backplan/backplan/render"
)

// The default paper has one rule, for the command line and the page
// alike. The paper the system is set to comes first, as libpaper reads it
// (SystemPaper); where none is set, the region decides (RegionPaper): the
// locale's for the command line (LocaleRegion), the browser's language
// for the page (LanguageRegion).

// DefaultPaper is the paper a workbook is printed on when no one chose
// one: system, the paper the system is set to, unless it is "", and else
// the paper of the region.
func DefaultPaper(system render.Paper, region string) render.Paper {
	if system != "" {
		return system
	}
	return RegionPaper(region)
}

// SystemPaper returns the paper the system is set to, read as libpaper
// reads it: the PAPERSIZE variable, else the first word of the file the
// PAPERCONF variable names, else of /etc/papersize (in that file, # starts
// a comment). root is the file system that / stands for. The letter family
// (letter, legal, executive and so on) gives Letter and the ISO A, B and C
// series give A4, the papers backplan prints; "" means the system names
// no paper, or none that backplan knows.
func SystemPaper(getenv func(string) string, root fs.FS) render.Paper {
	if s := strings.TrimSpace(getenv("PAPERSIZE")); s != "" {
		return paperFamily(s)
	}
	path := getenv("PAPERCONF")
	if path == "" {
		path = "/etc/papersize"
	}
	data, err := fs.ReadFile(root, strings.TrimPrefix(path, "/"))
	if err != nil {
		return ""
	}
	return paperFamily(firstWord(string(data)))
}

// firstWord is the first word of a papersize file, outside comments.
func firstWord(s string) string {
	for _, line := range strings.Split(s, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if f := strings.Fields(line); len(f) > 0 {
			return f[0]
		}
	}
	return ""
}

// letterFamily are the paper names of North America, on which backplan
// prints Letter.
var letterFamily = []string{"letter", "legal", "executive", "halfletter", "halfexecutive",
	"statement", "note", "tabloid", "ledger", "11x17", "10x14", "folio", "quarto"}

// paperFamily gives the paper backplan prints for a paper's name, or "".
func paperFamily(name string) render.Paper {
	name = strings.ToLower(name)
	switch {
	case slices.Contains(letterFamily, name):
		return render.Letter
	case len(name) >= 2 && strings.ContainsRune("abc", rune(name[0])) && strings.Trim(name[1:], "0123456789") == "":
		return render.A4
	}
	return ""
}

// letterRegions are the regions where Letter is the usual paper: the
// United States, Canada, Mexico and the Philippines, and the few others
// that the C library's locales give Letter (Puerto Rico, and Bolivia,
// Chile, Colombia, Costa Rica, Guatemala, Nicaragua, Panama, El Salvador
// and Venezuela).
var letterRegions = []string{"US", "CA", "MX", "PH", "PR", "BO", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE"}

// RegionPaper is Letter for a region that uses it, A4 for every other
// region and for none. region is a two-letter code, in any case.
func RegionPaper(region string) render.Paper {
	if slices.Contains(letterRegions, strings.ToUpper(region)) {
		return render.Letter
	}
	return render.A4
}

// LocaleRegion returns the region of the locale that sets the paper: the
// first of LC_ALL, LC_PAPER and LANG that is set, as in en_US.UTF-8; ""
// for a locale with no region (C, POSIX) or none.
func LocaleRegion(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		if v := getenv(name); v != "" {
			v, _, _ = strings.Cut(v, ".")
			v, _, _ = strings.Cut(v, "@")
			_, region, _ := strings.Cut(v, "_")
			return region
		}
	}
	return ""
}

// LanguageRegion returns the region of a browser's languages (an
// Accept-Language header, as "en-US,en;q=0.9"): that of the first
// language that names one, or "".
func LanguageRegion(acceptLanguage string) string {
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		for _, sub := range strings.Split(tag, "-")[1:] {
			if len(sub) == 2 { // not a script (Latn), a variant or a number (419)
				return strings.ToUpper(sub)
			}
		}
	}
	return ""
}

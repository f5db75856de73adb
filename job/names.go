package job

// Workbook file names for a batch, made from the patients' names.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSlug bounds the length of a file name made from a patient's name,
// before any -2 and the .pdf: well inside every file system's limit, and
// short enough to read in a file list.
const maxSlug = 60

// fileNames gives each patient a workbook file name: the name as a slug,
// plus .pdf. A name already taken by an earlier row gets -2, -3 and so on,
// so the names depend only on the roster, never on which row finishes
// first or which rows fail.
func fileNames(patients []string) []string {
	taken := make(map[string]bool, len(patients))
	// next is, for each slug already numbered, the number to try next:
	// every lower one is taken, so 20,000 rows of one name cost 20,000
	// steps, not 200 million.
	next := make(map[string]int)
	out := make([]string, len(patients))
	for i, p := range patients {
		base := slug(p)
		name := base
		if taken[name] {
			n := max(next[base], 2)
			for name = numbered(base, n); taken[name]; name = numbered(base, n) {
				n++
			}
			next[base] = n + 1
		}
		taken[name] = true
		out[i] = name + ".pdf"
	}
	return out
}

func numbered(base string, n int) string { return base + "-" + strconv.Itoa(n) }

// slug turns a name into a file name safe on Windows, macOS and Linux:
// lower-case ASCII letters and digits in words joined by hyphens. Accented
// Latin letters lose their accents, Greek and Cyrillic are spelled in Latin
// letters, and anything else separates words. "José Núñez" gives
// jose-nunez, "Анна Иванова" anna-ivanova. A name with nothing left, or one
// that Windows reserves for a device (con, nul, com1 …), gets a patient
// prefix.
func slug(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range greekPairs.Replace(strings.ToLower(name)) {
		s, ok := spell(r)
		if !ok {
			gap = b.Len() > 0
			continue
		}
		if s != "" && gap {
			b.WriteByte('-')
			gap = false
		}
		b.WriteString(s)
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
	}
	switch {
	case s == "":
		return "patient"
	case reservedName(s):
		return "patient-" + s
	}
	return s
}

// spell returns the ASCII letters for a lower-case rune. A rune that is no
// letter or digit separates words (ok is false); a few marks print nothing
// and keep the word together: the Cyrillic soft and hard signs, and
// combining accents, as in names typed on a Mac.
func spell(r rune) (s string, ok bool) {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return string(r), true
	case r < utf8.RuneSelf:
		return "", false
	case unicode.Is(unicode.Mn, r):
		return "", true
	}
	s, ok = translit[r]
	return s, ok
}

// reservedName reports whether Windows keeps name (with any extension) for
// a device.
func reservedName(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(name) == 4 && (name[:3] == "com" || name[:3] == "lpt") && '0' <= name[3] && name[3] <= '9' {
		return true
	}
	return false
}

// greekPairs spells the Greek letter pair ου as ou, as Greek passports do.
var greekPairs = strings.NewReplacer("ου", "ou", "ού", "ou", "οϋ", "oy")

// translit spells lower-case letters of Latin, Greek and Cyrillic script,
// the scripts the workbook's fonts print, in ASCII.
var translit = func() map[rune]string {
	pairs := []string{
		// Latin letters with accents, and a few of their own.
		"a", "àáâãäåāăąǎǻ", "ae", "æǽ", "c", "çćĉċč", "d", "ďđð",
		"e", "èéêëēĕėęě", "g", "ĝğġģ", "h", "ĥħ", "i", "ìíîïĩīĭįıǐ",
		"ij", "ĳ", "j", "ĵ", "k", "ķ", "l", "ĺļľŀł", "n", "ñńņňŉ",
		"o", "òóôõöøōŏőǒǿ", "oe", "œ", "r", "ŕŗř", "s", "śŝşšș",
		"ss", "ß", "t", "ţťŧț", "th", "þ", "u", "ùúûüũūŭůűųǔǖǘǚǜ",
		"w", "ŵ", "y", "ýÿŷ", "z", "źżž",
		// Greek.
		"a", "αά", "v", "β", "g", "γ", "d", "δ", "e", "εέ", "z", "ζ",
		"i", "ηήιίϊΐ", "th", "θ", "k", "κ", "l", "λ", "m", "μ", "n", "ν",
		"x", "ξ", "o", "οόωώ", "p", "π", "r", "ρ", "s", "σς", "t", "τ",
		"y", "υύϋΰ", "f", "φ", "ch", "χ", "ps", "ψ",
		// Cyrillic: Russian, Ukrainian, Belarusian, Serbian, Macedonian.
		"a", "а", "b", "б", "v", "в", "g", "гґѓ", "d", "д", "dj", "ђ",
		"e", "еёэ", "ye", "є", "zh", "ж", "z", "з", "dz", "ѕџ", "i", "иі",
		"yi", "ї", "j", "ј", "y", "йы", "k", "кќ", "l", "л", "lj", "љ",
		"m", "м", "n", "н", "nj", "њ", "o", "о", "p", "п", "r", "р",
		"s", "с", "t", "т", "c", "ћ", "u", "уў", "f", "ф", "kh", "х",
		"ts", "ц", "ch", "ч", "sh", "ш", "shch", "щ", "yu", "ю", "ya", "я",
		"", "ъь",
	}
	m := make(map[rune]string)
	for i := 0; i < len(pairs); i += 2 {
		for _, r := range pairs[i+1] {
			m[r] = pairs[i]
		}
	}
	return m
}()

// FileName is the file name for one patient's workbook or plan file: the
// name as a slug, then ext (".pdf"); "plan" and ext when the name is
// empty.
func FileName(patient, ext string) string {
	if strings.TrimSpace(patient) == "" {
		return "plan" + ext
	}
	return slug(patient) + ext
}

package job_test

import (
	"testing"
	"testing/fstest"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/render"
)

// TestDefaultPaper walks the one rule: PAPERSIZE, then the file PAPERCONF
// names or /etc/papersize, then the region of the locale. The environment
// and the file system are the test's own, never the machine's.
func TestDefaultPaper(t *testing.T) {
	etc := fstest.MapFS{"etc/papersize": {Data: []byte("# the clinic's printers\n\n  Letter  \n")}}
	a4file := fstest.MapFS{"home/ana/paper": {Data: []byte("a4\n")}, "etc/papersize": {Data: []byte("letter\n")}}
	none := fstest.MapFS{}
	tests := []struct {
		name string
		env  map[string]string
		root fstest.MapFS
		want render.Paper
	}{
		{"nothing set: A4", nil, none, render.A4},
		{"PAPERSIZE first", map[string]string{"PAPERSIZE": "a4", "LANG": "en_US.UTF-8"}, etc, render.A4},
		{"PAPERSIZE in capitals", map[string]string{"PAPERSIZE": "LETTER"}, none, render.Letter},
		{"PAPERSIZE legal is Letter's family", map[string]string{"PAPERSIZE": "legal"}, none, render.Letter},
		{"PAPERSIZE a5 is A4's family", map[string]string{"PAPERSIZE": "a5"}, none, render.A4},
		{"PAPERSIZE unknown: the region", map[string]string{"PAPERSIZE": "archA", "LANG": "es_MX.UTF-8"}, etc, render.Letter},
		{"/etc/papersize", map[string]string{"LANG": "de_DE.UTF-8"}, etc, render.Letter},
		{"PAPERCONF names the file", map[string]string{"PAPERCONF": "/home/ana/paper", "LANG": "en_US"}, a4file, render.A4},
		{"PAPERCONF names no file: the region", map[string]string{"PAPERCONF": "/nowhere", "LANG": "en_CA.UTF-8"}, a4file, render.Letter},
		{"LANG en_US", map[string]string{"LANG": "en_US.UTF-8"}, none, render.Letter},
		{"LANG fr_CA", map[string]string{"LANG": "fr_CA.UTF-8"}, none, render.Letter},
		{"LANG en_PH", map[string]string{"LANG": "en_PH"}, none, render.Letter},
		{"LANG es_CL", map[string]string{"LANG": "es_CL.UTF-8"}, none, render.Letter},
		{"LANG en_GB", map[string]string{"LANG": "en_GB.UTF-8"}, none, render.A4},
		{"LANG es_ES", map[string]string{"LANG": "es_ES.UTF-8"}, none, render.A4},
		{"LANG C", map[string]string{"LANG": "C.UTF-8"}, none, render.A4},
		{"LC_PAPER over LANG", map[string]string{"LC_PAPER": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, none, render.Letter},
		{"LC_ALL over LC_PAPER", map[string]string{"LC_ALL": "sr_RS@latin", "LC_PAPER": "en_US.UTF-8"}, none, render.A4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			got := job.DefaultPaper(job.SystemPaper(getenv, tt.root), job.LocaleRegion(getenv))
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestLanguagePaper: the page's region is the browser's first language
// that names one.
func TestLanguagePaper(t *testing.T) {
	for in, want := range map[string]render.Paper{
		"en-US,en;q=0.9": render.Letter, "fr-CA": render.Letter, "es-MX,es;q=0.8": render.Letter,
		"fil-PH": render.Letter, "en-GB": render.A4, "de-DE,de": render.A4, "en": render.A4, "": render.A4,
		"zh-Hant-TW": render.A4, "es-419": render.A4, "en,en-US;q=0.8": render.Letter, "es-419,es-CO": render.Letter,
	} {
		if got := job.DefaultPaper("", job.LanguageRegion(in)); got != want {
			t.Errorf("%q: got %s, want %s", in, got, want)
		}
	}
	// The system's paper comes first on the page too.
	if got := job.DefaultPaper(render.A4, job.LanguageRegion("en-US")); got != render.A4 {
		t.Errorf("with the system set to A4, en-US gets %s", got)
	}
}

package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	info := func(version string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/backplan/backplan", Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	const rev = "7e0b6fda10a92f63bed1cbef3d7e6d0a13880f82"
	tests := []struct {
		name                 string
		stampVersion, commit string
		bi                   *debug.BuildInfo
		want                 string
	}{
		{"release build", "v1.2.0", rev, info("(devel)"), "v1.2.0, commit 7e0b6fda10a9"},
		{"release build, no commit stamped", "v1.2.0", "", info("(devel)"), "v1.2.0"},
		{"release stamp wins over build info", "v1.2.0", rev,
			info("v0.0.0-20260101000000-aaaaaaaaaaaa", "vcs.revision", "bbbbbbbbbbbbbbbb", "vcs.modified", "true"),
			"v1.2.0, commit 7e0b6fda10a9"},
		{"go install module@version", "", "", info("v1.2.0"), "v1.2.0"},
		{"go install module@commit", "", "", info("v0.0.0-20261125204158-7e0b6fda10a9"),
			"v0.0.0-20261125204158-7e0b6fda10a9, commit 7e0b6fda10a9"},
		{"go install after a tag", "", "", info("v1.2.1-0.20261125204158-7e0b6fda10a9"),
			"v1.2.1-0.20261125204158-7e0b6fda10a9, commit 7e0b6fda10a9"},
		{"go build in a clean checkout", "", "",
			info("v0.0.0-20261125204158-7e0b6fda10a9", "vcs", "git", "vcs.revision", rev, "vcs.modified", "false"),
			"v0.0.0-20261125204158-7e0b6fda10a9, commit 7e0b6fda10a9"},
		{"go build in a changed checkout", "", "",
			info("v0.0.0-20261125204158-7e0b6fda10a9+dirty", "vcs", "git", "vcs.revision", rev, "vcs.modified", "true"),
			"v0.0.0-20261125204158-7e0b6fda10a9+dirty, commit 7e0b6fda10a9, modified"},
		{"go build, vcs but no module version", "", "",
			info("(devel)", "vcs.revision", rev, "vcs.modified", "true"),
			"devel, commit 7e0b6fda10a9, modified"},
		{"go run or -buildvcs=false", "", "", info("(devel)"), "devel, commit unknown"},
		{"no build information", "", "", nil, "devel, commit unknown"},
		{"short commit stamped", "v1.0.0", "abc1234", nil, "v1.0.0, commit abc1234"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := versionOf(tt.stampVersion, tt.commit, tt.bi)
			if got != tt.want {
				t.Errorf("versionOf(%q, %q, …) = %q, want %q", tt.stampVersion, tt.commit, got, tt.want)
			}
			if strings.Contains(got, "(devel)") {
				t.Errorf("versionOf(%q, %q, …) = %q, which says only \"(devel)\"", tt.stampVersion, tt.commit, got)
			}
		})
	}
}

func TestLicenses(t *testing.T) {
	text := licenses()
	// Each notice must be there whole: its heading, its first line and
	// its last words.
	tests := []struct{ name, heading, first, last string }{
		{"backplan", "==== backplan\n", "MIT License\n\nCopyright (c) 2026 The backplan authors\n", "OTHER DEALINGS IN THE\nSOFTWARE.\n"},
		{"fonts", "==== the Noto Sans fonts", "Copyright 2015 Google LLC.", "OTHER DEALINGS IN THE FONT SOFTWARE.\n"},
		{"fpdf", "==== fpdf", "Copyright (c) 2021 The Go-PDF authors", "OTHER DEALINGS IN THE\nSOFTWARE.\n"},
		{"go-qr", "==== go-qr", "Copyright (c) 2023 piglig", "OTHER DEALINGS IN THE\nSOFTWARE.\n"},
		{"compress", "==== compress", "Copyright (c) 2012 The Go Authors", "OTHER DEALINGS IN THE SOFTWARE.\n"},
		{"text", "==== text", "Copyright 2009 The Go Authors.", "OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(text, tt.heading)
			if i < 0 {
				t.Fatalf("licenses() has no heading %q", tt.heading)
			}
			section := text[i:]
			if j := strings.Index(section[len(tt.heading):], "\n==== "); j >= 0 {
				section = section[:len(tt.heading)+j]
			}
			if !strings.Contains(section, tt.first) {
				t.Errorf("the %s notice does not contain %q", tt.name, tt.first)
			}
			if !strings.HasSuffix(section, tt.last) {
				t.Errorf("the %s notice does not end with %q; it ends %q", tt.name, tt.last, section[max(0, len(section)-60):])
			}
		})
	}
	if n := strings.Count(text, "\n==== "); n != len(tests)-1 {
		t.Errorf("licenses() has %d headings after the first, want %d", n, len(tests)-1)
	}
}

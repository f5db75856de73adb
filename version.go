package main

import (
	_ "embed"
	"regexp"
	"runtime/debug"
	"strings"
)

// A release build stamps these with
//
//	-ldflags "-X main.buildVersion=v1.2.0 -X main.buildCommit=<full hash>"
//
// (scripts/release does); other builds leave them empty and version reads
// what the go command recorded in the binary.
var (
	buildVersion string
	buildCommit  string
)

// version says which backplan this is, for --version: the release or
// module version when there is one ("devel" when there is not), then the
// commit it was built from when that is known, e.g.
// "v1.2.0, commit 0123456789ab" or "devel, commit 0123456789ab, modified".
func version() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(buildVersion, buildCommit, bi)
}

// pseudoCommit finds the commit in a pseudo-version, such as
// v0.0.0-20261125204158-7e0b6fda10a9 or v1.2.1-0.20261125204158-7e0b6fda10a9,
// which `go install module@commit` and `go build` in a checkout record.
var pseudoCommit = regexp.MustCompile(`[-.][0-9]{14}-([0-9a-f]{12})(\+dirty)?$`)

// versionOf is version with its inputs given: the -X stamps and the build
// information (nil when the binary has none).
func versionOf(stampVersion, stampCommit string, bi *debug.BuildInfo) string {
	v, commit, modified := stampVersion, stampCommit, false
	if bi != nil {
		if v == "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && commit == "":
				commit = s.Value
			case s.Key == "vcs.modified" && stampVersion == "":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	if m := pseudoCommit.FindStringSubmatch(v); commit == "" && m != nil {
		commit = m[1]
	}
	var b strings.Builder
	b.WriteString(v)
	switch {
	case commit != "":
		b.WriteString(", commit ")
		b.WriteString(commit[:min(len(commit), 12)])
	case v == "devel":
		b.WriteString(", commit unknown")
	}
	if modified {
		b.WriteString(", modified")
	}
	return b.String()
}

// The licence texts are embedded here, by path, rather than exported by
// fonts and internal/fpdf: package main does not import internal/fpdf
// (deps_test.go), and one place keeps them together. go-qr's,
// klauspost/compress's and golang.org/x/text's are copies of the LICENSE
// files of the versions go.mod names.
var (
	//go:embed LICENSE
	backplanLicense string
	//go:embed fonts/OFL.txt
	fontsLicense string
	//go:embed internal/fpdf/LICENSE
	fpdfLicense string
	//go:embed licenses/go-qr.txt
	qrLicense string
	//go:embed licenses/klauspost-compress.txt
	compressLicense string
	//go:embed licenses/golang-x-text.txt
	textLicense string
)

// licenses returns the licence notices of backplan and of what its
// binary carries: the fonts, the PDF library, the QR encoder, the
// compressor and the language tables.
func licenses() string {
	parts := []struct{ what, text string }{
		{"backplan", backplanLicense},
		{"the Noto Sans fonts, embedded in backplan and in the PDFs it makes", fontsLicense},
		{"fpdf, the PDF library backplan is built with (codeberg.org/go-pdf/fpdf)", fpdfLicense},
		{"go-qr, which encodes the QR codes of the workbooks (github.com/piglig/go-qr)", qrLicense},
		{"compress, which compresses the PDFs (github.com/klauspost/compress)", compressLicense},
		{"text, which gives the workbook's languages their tags and plural forms (golang.org/x/text)", textLicense},
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("==== " + p.what + "\n\n")
		b.WriteString(strings.TrimRight(p.text, "\n") + "\n")
	}
	return b.String()
}

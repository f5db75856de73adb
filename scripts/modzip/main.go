// Command modzip writes the module zip of a checkout of backplan, as the
// module proxy would serve it for a version, so that .ci/run can prove
// `go install github.com/backplan/backplan@VERSION` from a file:// proxy.
//
//	go run . -dir ../.. -version v1.2.3 -out /tmp/proxy
//
// It writes OUT/github.com/backplan/backplan/@v/{list,VERSION.info,
// VERSION.mod,VERSION.zip}. The zip holds what `go mod download` would
// fetch: the files of DIR, less nested modules, vendor directories and
// the like (golang.org/x/mod/zip decides). Give it a copy of the tracked
// files, not a checkout full of build output.
//
// It is a module of its own so that backplan's go.mod does not carry
// golang.org/x/mod; being nested, it is left out of backplan's own zip.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

func main() {
	dir := flag.String("dir", ".", "the module's root `directory`")
	version := flag.String("version", "", "the module `version` to serve, e.g. v1.2.3")
	out := flag.String("out", "", "the proxy's root `directory`")
	flag.Parse()
	if err := run(*dir, *version, *out); err != nil {
		fmt.Fprintf(os.Stderr, "modzip: %v\n", err)
		os.Exit(1)
	}
}

func run(dir, version, out string) error {
	if out == "" || version == "" {
		return fmt.Errorf("-version and -out are needed")
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	path := modfile.ModulePath(gomod)
	if path == "" {
		return fmt.Errorf("%s/go.mod names no module", dir)
	}
	m := module.Version{Path: path, Version: version}
	if err := module.Check(m.Path, m.Version); err != nil {
		return err
	}
	escaped, err := module.EscapePath(path)
	if err != nil {
		return err
	}
	at := filepath.Join(out, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		return err
	}

	var zipped bytes.Buffer
	if err := zip.CreateFromDir(&zipped, m, dir); err != nil {
		return err
	}
	info := fmt.Sprintf("{\"Version\":%q,\"Time\":%q}\n", version, time.Unix(0, 0).UTC().Format(time.RFC3339))
	files := []struct {
		name string
		data []byte
	}{
		{"list", []byte(version + "\n")},
		{version + ".info", []byte(info)},
		{version + ".mod", gomod},
		{version + ".zip", zipped.Bytes()},
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(at, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("modzip: %s@%s, %d bytes zipped, in %s\n", path, version, zipped.Len(), at)
	return nil
}

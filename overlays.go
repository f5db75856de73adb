package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/backplan/backplan/plan"
)

// overlayFile matches the name of a catalogue's overlay beside it, X.es.yaml
// beside X.yaml: the catalogue's base name, a language's code, the extension.
var overlayFile = regexp.MustCompile(`^(.*)\.([a-z]{2,3})(\.ya?ml)$`)

// loadBuiltinOverlays gives the built-in catalogue its embedded overlays.
func loadBuiltinOverlays(cat *plan.Catalog) error {
	names, err := fs.Glob(catalogOverlays, "exercises.*.yaml")
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := fs.ReadFile(catalogOverlays, name)
		if err != nil {
			return err
		}
		// Read when a workbook first asks for the language: a stale
		// translation refuses its own language then, and English still
		// prints. plan's tests keep the built-in translations fresh.
		if err := cat.AddOverlay(name, data); err != nil {
			return err
		}
	}
	return nil
}

// loadClinicOverlays gives a clinic's catalogue, read from path, the
// overlays beside it: our.es.yaml beside our.yaml. Each is checked as the
// catalogue is, and its text against the workbook's fonts.
func loadClinicOverlays(cat *plan.Catalog, path string) error {
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return nil // a catalogue read from a place that cannot be listed has no overlays
	}
	for _, e := range entries {
		sm := overlayFile.FindStringSubmatch(e.Name())
		if sm == nil || sm[1] != stem || sm[3] != ext || e.IsDir() {
			continue
		}
		name := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if err := cat.LoadOverlay(name, data); err != nil {
			return err
		}
		tr, err := cat.Localized(sm[2])
		if err != nil {
			return err
		}
		if err := checkCatalogText(tr, name); err != nil {
			return err
		}
	}
	return nil
}

package plan

import "sync"

//go:generate go run -tags backplan_nosnapshot ./internal/gensnapshot

// Builtin returns the catalogue built into backplan, exercises.yaml at the
// module's root, as LoadCatalog gives it: the same exercises,
// prescriptions and presets, the same lines in its messages. It is built from a
// snapshot made at build time (catalog_snapshot.go, written by go
// generate), not parsed at each run. Each call returns a catalogue of its
// own, which the caller may change.
func Builtin() *Catalog {
	c := &Catalog{Exercises: snapshotExercises(), Prescriptions: snapshotPrescriptions(), Presets: snapshotPresets(), name: snapshotName}
	c.byID = make(map[string]int, len(c.Exercises))
	for i, e := range c.Exercises {
		c.byID[e.ID] = i
	}
	c.lines = sync.OnceValue(snapshotLines)
	return c
}

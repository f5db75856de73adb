package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkBatch runs --batch on a roster of 100 four-week plans from the
// built-in catalogue, as a clinic would, writing into a fresh folder each
// time. One op is the whole roster; see scripts/measure for 1,000 rows.
func BenchmarkBatch(b *testing.B) {
	const rows = 100
	dir := b.TempDir()
	roster := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(roster, []byte(benchRoster(rows)), 0o644); err != nil {
		b.Fatal(err)
	}
	e := testEnv()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		out := filepath.Join(dir, fmt.Sprint("out", i))
		var stderr bytes.Buffer
		if code := run([]string{"--batch", roster, "--out-dir", out}, strings.NewReader(""), &bytes.Buffer{}, &stderr, e); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/plan")
}

// benchRoster is a roster of n patients with four-week plans, the focus
// and equipment varying from row to row.
func benchRoster(n int) string {
	var s strings.Builder
	s.WriteString("patient,weeks,focus,equipment\n")
	focuses := []string{"balanced", "mobility", "posture", "strength", "core"}
	equipment := []string{"", "band", "none", `"band,dumbbells"`}
	for i := range n {
		fmt.Fprintf(&s, "Patient %d,4,%s,%s\n", i, focuses[i%len(focuses)], equipment[i%len(equipment)])
	}
	return s.String()
}

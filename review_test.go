package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// reviewed is one entry of exercises-review.md: when a clinician's eye last
// read an exercise's picture beside its words, and what it saw.
type reviewed struct {
	hash, date string
	start, end bool // it says what the start and the end (or hold) show
	line       int
}

// reviewHead is an entry's heading: ### id (hash 1a2b3c4d, reviewed 2026-11-25)
var reviewHead = regexp.MustCompile(`^### ([a-z0-9-]+) \(hash ([0-9a-f]{8}), reviewed (\d{4}-\d{2}-\d{2})\)$`)

func readReview(t *testing.T, path string) map[string]*reviewed {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]*reviewed{}
	var cur *reviewed
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := reviewHead.FindStringSubmatch(line); m != nil {
			if _, dup := out[m[1]]; dup {
				t.Errorf("%s:%d: %s is reviewed twice", path, n, m[1])
			}
			cur = &reviewed{hash: m[2], date: m[3], line: n}
			out[m[1]] = cur
			continue
		}
		if strings.HasPrefix(line, "### ") {
			t.Errorf("%s:%d: heading %q is not ### id (hash 8 hex digits, reviewed YYYY-MM-DD)", path, n, line)
			cur = nil
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case strings.HasPrefix(line, "Start: "):
			cur.start = true
		case strings.HasPrefix(line, "End: "):
			cur.end = true
		case strings.HasPrefix(line, "Hold: "):
			cur.start, cur.end = true, true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// reviewHash is a short hash of what a picture review reads: the picture,
// the start words, steps, cues and cautions. Any change to them asks for a
// new look.
func reviewHash(t *testing.T, e yaml.Node) (string, string) {
	t.Helper()
	var id string
	h := sha256.New()
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i].Value, e.Content[i+1]
		switch k {
		case "id":
			id = v.Value
		case "picture", "start", "steps", "cues", "cautions":
			b, err := yaml.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			h.Write([]byte(k + "\n"))
			h.Write(b)
		}
	}
	return id, hex.EncodeToString(h.Sum(nil))[:8]
}

// TestPicturesReviewed keeps exercises-review.md current: every exercise
// in exercises.yaml has an entry saying what its pictures show and which
// steps they match, made since its picture and words last changed.
func TestPicturesReviewed(t *testing.T) {
	data, err := os.ReadFile("exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cat struct {
		Exercises []yaml.Node `yaml:"exercises"`
	}
	if err := yaml.Unmarshal(data, &cat); err != nil {
		t.Fatal(err)
	}
	review := readReview(t, "exercises-review.md")
	var ids []string
	for _, e := range cat.Exercises {
		id, hash := reviewHash(t, e)
		ids = append(ids, id)
		r, ok := review[id]
		switch {
		case !ok:
			t.Errorf("exercises-review.md has no entry for %s: look at its pictures beside its steps (go run . --figures /tmp/poses.pdf), then add\n### %s (hash %s, reviewed YYYY-MM-DD)\nStart: … (step n)\nEnd: … (step n)", id, id, hash)
		case r.hash != hash:
			t.Errorf("exercises-review.md:%d: %s changed since its review (picture, start words, steps, cues or cautions): look at its pictures beside its steps again, update the entry and its date, and set its hash to %s", r.line, id, hash)
		case !r.start || !r.end:
			t.Errorf("exercises-review.md:%d: %s: say what the pictures show on a Start: and an End: line (or one Hold: line)", r.line, id)
		}
	}
	for id, r := range review {
		if !slices.Contains(ids, id) {
			t.Errorf("exercises-review.md:%d: %s is not in exercises.yaml; remove its entry", r.line, id)
		}
	}
}

package main

import "testing"

func TestIDLine(t *testing.T) {
	data := []byte(`# a catalogue
exercises:
  - id: walk
    name: Walk
  -   id: "shrugs"
    name: Shrugs
  - name: Twist
    id: 'twist'
  - id: walking
`)
	for id, want := range map[string]int{"walk": 3, "shrugs": 5, "twist": 8, "walking": 9, "Walk": 0, "none": 0} {
		if got := idLine(data, id); got != want {
			t.Errorf("idLine(%q) = %d, want %d", id, got, want)
		}
	}
}

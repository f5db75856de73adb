package plan

import "testing"

func TestMayHoldFraction(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want bool
	}{
		{"reps: 8", false},
		{"dose: {sets: 2, reps: 8, level: 1}", false},
		{"minutes: 20\nname: Walk 2.5 km", false},
		{"reps: 5.99", true},
		{"reps: .5", true},
		{"reps:5e0", true},
		{`"reps": "7.5"`, true},
		{"dose: {sets: 2, hold: -1.5}", true},
		{"weeks: +2.0", true},
		{"steps: 2.5", false}, // not a whole-number field
	} {
		if got := mayHoldFraction([]byte(tt.yaml)); got != tt.want {
			t.Errorf("mayHoldFraction(%q) = %v, want %v", tt.yaml, got, tt.want)
		}
	}
}

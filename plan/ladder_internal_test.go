package plan

import (
	"reflect"
	"testing"
)

// TestLadderWithoutBuildingIt checks that ladderLen and rung, which the
// planner calls for every week of every pick, agree with withLevels, the
// ladder they stand for, on every start and cap of every exercise of a
// catalogue with and without equipment.
func TestLadderWithoutBuildingIt(t *testing.T) {
	vol := []Dose{{Sets: 1, Reps: 8}, {Sets: 2, Reps: 8}, {Sets: 2, Reps: 10, Level: 1}, {Sets: 3, Reps: 10, Level: 2}}
	for _, eq := range []Equipment{None, Band, Dumbbells} {
		e := Exercise{ID: "x", Equipment: eq}
		for from := range vol {
			for to := from; to < len(vol); to++ {
				want := e.withLevels(vol, from, to)
				if got := e.ladderLen(vol, from, to); got != len(want) {
					t.Errorf("%s %d..%d: ladderLen %d, want %d", eq, from, to, got, len(want))
				}
				var got []Dose
				for r := range want {
					got = append(got, e.rung(vol, from, to, r))
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %d..%d: rungs %v, want %v", eq, from, to, got, want)
				}
			}
		}
	}
}

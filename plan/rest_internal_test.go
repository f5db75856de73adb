package plan

import (
	"slices"
	"testing"
)

// TestRestSets checks the two sets of training days that strength work
// for one muscle group keeps to: no two days of a set consecutive on the
// calendar, across the end of the week too, and a day left out only when
// the training days run round the whole week.
func TestRestSets(t *testing.T) {
	tests := []struct {
		name    string
		offsets []int
		want    [2][]int
	}{
		{"one day", []int{0}, [2][]int{{0}, nil}},
		{"Mon, Wed, Fri", []int{0, 2, 4}, [2][]int{{0, 1, 2}, nil}},
		{"Mon, Tue, Thu, Fri", []int{0, 1, 3, 4}, [2][]int{{0, 2}, {1, 3}}},
		{"Mon to Fri", []int{0, 1, 2, 3, 4}, [2][]int{{0, 2, 4}, {1, 3}}},
		{"Mon to Sat", []int{0, 1, 2, 3, 4, 5}, [2][]int{{0, 2, 4}, {1, 3, 5}}},
		{"every day: Sunday in neither set", []int{0, 1, 2, 3, 4, 5, 6}, [2][]int{{0, 2, 4}, {1, 3, 5}}},
		{"Mon and Tue", []int{0, 1}, [2][]int{{0}, {1}}},
		{"Mon to Thu from a Thursday: the run starts on Monday", []int{0, 4, 5, 6}, [2][]int{{1, 3}, {0, 2}}},
		{"Sat, Sun, Mon", []int{0, 5, 6}, [2][]int{{0, 1}, {2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := restSets(tt.offsets)
			if !slices.Equal(got[0], tt.want[0]) || !slices.Equal(got[1], tt.want[1]) {
				t.Errorf("restSets(%v) = %v, want %v", tt.offsets, got, tt.want)
			}
			for _, set := range got {
				for i, a := range set {
					for _, b := range set[i+1:] {
						if adjacent(tt.offsets[a], tt.offsets[b]) {
							t.Errorf("days %d and %d are consecutive but share a set", tt.offsets[a], tt.offsets[b])
						}
					}
				}
			}
		})
	}
}

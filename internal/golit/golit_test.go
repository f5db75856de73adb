package golit_test

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/backplan/backplan/internal/golit"
)

type (
	level float64
	point struct{ X, Y float64 }
	row   struct {
		Name   string
		Tags   []string
		Empty  []string
		Angles map[string]float64
		At     *point
		Corner [2]int
		Level  level
		hidden bool
	}
)

var tenth = 0.1 // a variable, so that tenth + 0.2 is a float64 sum, not an exact constant

const home = "github.com/backplan/backplan/internal/golit_test"

// TestWrite: what each kind of value is written as. The snapshots' own
// tests (plan.TestBuiltinIsTheYAML, figure.TestStagesSnapshot) check
// that what is written compiles back to an equal value.
func TestWrite(t *testing.T) {
	w := golit.Writer{Home: home}
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"shortest exact float", tenth + 0.2, "0.30000000000000004"},
		{"negative zero", math.Copysign(0, -1), golit.NegZero},
		{"named float", level(1.5), "level(1.5)"},
		{"pointer to a constant", new(true), "new(bool(true))"},
		{"pointer to a named float", new(level(2)), "new(level(level(2)))"},
		{"quoted string", "a \"b\"\n", `"a \"b\"\n"`},
		{"nil slice", []string(nil), "nil"},
		{"empty slice", []string{}, "[]string{}"},
		{"slice of numbers on one line", []int{3, 1, 2}, "[]int{3, 1, 2}"},
		{"sorted keys, elided types", map[string]point{"b": {1, 2}, "a": {3, 0}},
			"map[string]point{\n\"a\": {\nX: 3,\n},\n\"b\": {\nX: 1,\nY: 2,\n},\n}"},
		{"zero fields left out, unexported written at home",
			row{Name: "x", Empty: []string{}, At: &point{Y: 1}, Corner: [2]int{0, 4}, hidden: true},
			"row{\nName: \"x\",\nEmpty: []string{},\nAt: &point{\nY: 1,\n},\nCorner: [2]int{0, 4},\nhidden: true,\n}"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			w.Write(&b, reflect.ValueOf(c.v))
			if got := b.String(); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestWriteRefuses: what cannot be written stops the generator.
func TestWriteRefuses(t *testing.T) {
	for _, c := range []struct {
		name string
		w    golit.Writer
		v    any
		want string
	}{
		{"infinity", golit.Writer{Home: home}, math.Inf(1), "cannot write"},
		{"a func", golit.Writer{Home: home}, func() {}, "cannot write"},
		{"unexported field elsewhere", golit.Writer{Home: "elsewhere", Qualify: map[string]string{home: "x"}}, row{hidden: true}, "unexported"},
		{"package not told of", golit.Writer{Home: "elsewhere"}, point{X: 1}, "not told of"},
		{"unsorted keys", golit.Writer{Home: home}, map[int]int{1: 2}, "cannot order"},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, c.want) {
					t.Errorf("panic %v, want one saying %q", r, c.want)
				}
			}()
			var b bytes.Buffer
			c.w.Write(&b, reflect.ValueOf(c.v))
		})
	}
}

package plan_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/backplan/backplan/plan"
)

func BenchmarkLoadCatalog(b *testing.B) {
	data, err := os.ReadFile("../exercises.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.LoadCatalog(bytes.NewReader(data), "exercises.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	c := realCatalog(b)
	for _, weeks := range []int{4, 12, 52} {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			o := plan.Options{Weeks: weeks, Days: 3, Today: today}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := plan.Build(c, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

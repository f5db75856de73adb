package figure_test

import "testing"

// BenchmarkDraw draws every picture of the catalogue, as one workbook
// does for the exercises it uses.
func BenchmarkDraw(b *testing.B) {
	specs := loadPoses(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range specs {
			s.Draw(80, 46)
		}
	}
}

// BenchmarkThumbnail draws every thumbnail of the catalogue.
func BenchmarkThumbnail(b *testing.B) {
	specs := loadPoses(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range specs {
			s.Thumbnail(16, 12, 0.18)
		}
	}
}

//go:build backplan_nosnapshot

package figure

// With the tag backplan_nosnapshot, figure builds without its snapshot of
// the catalogue's stages, so that go generate can make one when the one
// on disk no longer compiles. Every stage is then posed as it is drawn.

var (
	snapshotKeys   [0]string
	snapshotStages [0]func() stage
)

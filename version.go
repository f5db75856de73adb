package main

import "runtime/debug"

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "(devel)"
}

// licenses returns the licence notices of backplan and of what its
// binary carries: the fonts and the PDF library.
func licenses() string {
	return ""
}

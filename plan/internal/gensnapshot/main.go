// Command gensnapshot writes plan's snapshot of the built-in catalogue
// (package snapshot says what it is). go generate runs it in plan/:
//
//	go generate ./...
package main

import (
	"fmt"
	"os"

	"github.com/backplan/backplan/plan/internal/snapshot"
)

func main() {
	data, err := os.ReadFile("../exercises.yaml")
	if err == nil {
		data, err = snapshot.Source(data, "exercises.yaml")
	}
	if err == nil {
		err = os.WriteFile(snapshot.File, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gensnapshot: %v\n", err)
		os.Exit(1)
	}
}

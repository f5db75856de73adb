// Command backplan turns a clinician's choices into a printable, multi-week
// exercise workbook for upper back pain.
package main

import (
	_ "embed"
	"fmt"
	"os"
)

//go:embed exercises.yaml
var catalogYAML []byte

func main() {
	fmt.Fprintln(os.Stderr, "backplan: not ready yet")
	os.Exit(1)
}

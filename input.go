package main

// How backplan reads its input files: a catalogue (--catalog), a plan file
// (--from) and a roster (--batch), each from a file or, given as -, from
// standard input. Each has a cap on its size far above any real one, so
// that a wrong file (a film, /dev/zero) fails at once instead of filling
// memory. A file that cannot be read is exit 1, whichever it is.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/backplan/backplan/render"
)

// The caps on input files. The built-in catalogue is about 50 KB, and a
// plan file of 52 weeks of daily 90-minute sessions about 250 KB; a roster
// of 20,000 patients with every column filled is about 5 MB.
const (
	maxCatalog  = 4 << 20
	maxPlanFile = 4 << 20
	maxRoster   = 16 << 20
)

// inputKinds are the kinds of input file: the option that names each, and
// its cap.
var inputKinds = map[string]struct {
	flag string
	max  int64
}{
	"catalogue": {"--catalog", maxCatalog},
	"plan file": {"--from", maxPlanFile},
	"roster":    {"--batch", maxRoster},
	"logo":      {"--logo", render.MaxLogoBytes},
}

// readInput reads a file named on the command line, what being "catalogue",
// "plan file" or "roster"; - is standard input. name is how messages about
// the text should name it: the path, or "standard input".
func readInput(what, path string, stdin io.Reader) (data []byte, name string, err error) {
	kind, ok := inputKinds[what]
	if !ok {
		kind.max = maxCatalog
	}
	if path == "-" {
		if stdin == nil {
			stdin = eofReader{}
		}
		data, err = readCapped(stdin, kind.max)
		switch {
		case errors.Is(err, errTooBig):
			return nil, "", failure("check what is sent to standard input",
				fmt.Errorf("the %s on standard input is larger than %s, more than any real one", what, mib(kind.max)))
		case err != nil:
			return nil, "", failure("", fmt.Errorf("cannot read the %s from standard input: %w", what, err))
		}
		return data, "standard input", nil
	}
	data, err = readFile(path, kind.max)
	switch {
	case err == nil:
		return data, path, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", failure("", fmt.Errorf("%s %q does not exist", what, path))
	case errors.Is(err, errFolder):
		return nil, "", failure("give "+kind.flag+" a file, not a folder",
			fmt.Errorf("cannot read %s %q: it is a folder", what, path))
	case errors.Is(err, errTooBig):
		return nil, "", failure("check that "+kind.flag+" names the right file",
			fmt.Errorf("%s %q is larger than %s, more than any real one", what, path, mib(kind.max)))
	}
	return nil, "", failure("", fmt.Errorf("cannot read %s %q: %w", what, path, bareErr(err)))
}

var (
	errTooBig = errors.New("too big")
	errFolder = errors.New("is a folder")
)

// readFile reads a file of at most max bytes. A FIFO or a device is read
// as it comes, up to the cap.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errFolder
	case fi.Mode().IsRegular() && fi.Size() > max:
		return nil, errTooBig
	}
	return readCapped(f, max)
}

// readCapped reads r to its end, or fails with errTooBig after max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errTooBig
	}
	return data, nil
}

// mib writes a size in whole mebibytes: "4 MiB".
func mib(n int64) string { return fmt.Sprintf("%d MiB", n>>20) }

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// inputFiles are the files a run reads, that no output may replace.
func inputFiles(c *config) []fileArg {
	return []fileArg{{"--catalog", c.catalog}, {"--from", c.from}, {"--batch", c.batch}, {"--logo", c.logo}}
}

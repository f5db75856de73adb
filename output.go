package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func samePath(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// pendingFile is an output file being written: a temporary file beside its
// target, renamed into place only when complete, so that a failed run
// never leaves half a file and never destroys the one already there.
type pendingFile struct {
	path string
	tmp  *os.File
}

// claim checks that path can be written, by creating the temporary file
// that will become it.
func claim(path string) (*pendingFile, error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return nil, failure("give a file name, such as "+filepath.Join(path, "plan.pdf"), fmt.Errorf("cannot write %s: it is a folder", path))
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("cannot write %s: it is not a regular file", path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, failure("create the folder first, or write somewhere else", fmt.Errorf("cannot write %s: folder %s does not exist", path, dir))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &pendingFile{path: path, tmp: tmp}, nil
}

// commit writes data and puts the file in place.
func (f *pendingFile) commit(data []byte) error {
	name := f.tmp.Name()
	_, err := f.tmp.Write(data)
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, f.path)
	}
	f.tmp = nil
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	return nil
}

// discard removes the temporary file of an output never committed.
func (f *pendingFile) discard() {
	if f == nil || f.tmp == nil {
		return
	}
	f.tmp.Close()
	os.Remove(f.tmp.Name())
	f.tmp = nil
}

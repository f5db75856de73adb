package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// readInput reads a file named on the command line; - is standard input.
func readInput(what, path string, stdin io.Reader) (data []byte, name string, err error) {
	if path == "-" {
		data, err = io.ReadAll(stdin)
		if err != nil {
			return nil, "", fmt.Errorf("reading the %s from standard input: %w", what, err)
		}
		return data, "standard input", nil
	}
	data, err = os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", failure("", fmt.Errorf("%s %s does not exist", what, path))
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, "", fmt.Errorf("cannot read %s %s: %w", what, path, err)
	}
	return data, path, nil
}

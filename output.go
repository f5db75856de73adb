package main

// How backplan writes files.
//
// Every output is claimed before any work, so that a path that cannot be
// written fails fast, and an output that is one of the run's inputs (by
// file identity, through symlinks and hard links) is refused. What is
// claimed is written in one of two ways:
//
//   - A regular file, new or existing, is written in full to a temporary
//     file in the same folder and renamed over its target only when every
//     output of the run has been written. A failed run leaves every old
//     file as it was and no temporary file behind. A new file gets mode
//     0666 less the umask; a replaced file keeps its mode. A file no one
//     may write (mode 0444, say) is refused.
//   - A character device, pipe or FIFO (/dev/null, /dev/stdout, a named
//     pipe) and standard output (-) are written straight through, after
//     every regular file of the run is safely written. A terminal is
//     refused, and so is a disk (a block device).
//
// A symlink is followed to its final target, which is what is written (or
// created, for a link that points at nothing yet); the link itself is
// never replaced.
//
// The renames of a run follow one another. They fail only if another
// program changes a folder meanwhile; then the outputs already renamed are
// put back: the old file (kept meanwhile under a second name, a hard link,
// where the file system has them) or no file. A run uses a set like this:
//
//	outs := newOutputs(stdin, stdout, inputFiles(c)...)
//	defer outs.discard()             // removes what was not committed
//	pdf, err := outs.claim("--out", c.out)
//	… make the PDF …
//	err = pdf.write(data)            // every output, in full
//	err = outs.commit()              // then all are put in place

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && f != nil && term.IsTerminal(int(f.Fd()))
}

// fileArg is a file named on the command line: the option and the path.
type fileArg struct {
	flag string // "--catalog"; for an output, any label such as "workbook"
	path string // as given; "-" is standard input or output
}

// named names the file for a message: --catalog "clinic.yaml", or
// --out - (standard output), stream being what "-" stands for.
func (a fileArg) named(stream string) string {
	switch {
	case a.path == "-":
		return strings.TrimSpace(a.flag + " - (" + stream + ")")
	case a.flag == "":
		return fmt.Sprintf("%q", a.path)
	}
	return fmt.Sprintf("%s %q", a.flag, a.path)
}

// input is an input file and, when it exists, its identity.
type input struct {
	fileArg
	fi fs.FileInfo
}

// outputSet is the outputs of one run, committed together: claim each,
// write each, then commit (or discard) them all.
type outputSet struct {
	stdout io.Writer
	inputs []input
	files  []*pendingFile
}

// newOutputs starts a set of outputs that may not be any of the inputs.
// stdin and stdout are where "-" reads and writes.
func newOutputs(stdin io.Reader, stdout io.Writer, inputs ...fileArg) *outputSet {
	s := &outputSet{stdout: stdout}
	for _, in := range inputs {
		if in.path == "" {
			continue
		}
		s.inputs = append(s.inputs, input{in, identity(in.path, stdin)})
	}
	return s
}

// another starts a new, empty set refused the same inputs, such as one
// for each workbook of a batch.
func (s *outputSet) another() *outputSet {
	return &outputSet{stdout: s.stdout, inputs: s.inputs}
}

// identity is the file a path names, following symlinks, or nil when it
// does not exist; "-" is the standard stream f when it is a file.
func identity(path string, f any) fs.FileInfo {
	if path == "-" {
		if f, ok := f.(*os.File); ok && f != nil {
			if fi, err := f.Stat(); err == nil {
				return fi
			}
		}
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return fi
}

// pendingFile is a claimed output, not yet committed.
type pendingFile struct {
	fileArg
	target  string      // the file written: path with its symlinks followed
	fi      fs.FileInfo // the target's identity when it exists
	tmp     *os.File    // a regular file: the temporary file, until written
	tmpPath string      // … and its name, until renamed or removed
	mode    fs.FileMode // the mode to give the temporary file; 0 leaves it as made
	direct  io.Writer   // a device, pipe or standard output
	closer  io.Closer   // the device or pipe backplan opened
	data    []byte      // what direct gets when committed
	state   int         // claimed, written, done
}

const (
	claimed = iota
	written
	done
)

// claim checks that the output can be written, and makes its temporary
// file (or opens the device). flag names the output in messages.
func (s *outputSet) claim(flag, path string) (*pendingFile, error) {
	f, err := s.open(fileArg{flag, path})
	if err != nil {
		return nil, err
	}
	s.files = append(s.files, f)
	return f, nil
}

func (s *outputSet) open(out fileArg) (*pendingFile, error) {
	f := &pendingFile{fileArg: out}
	if out.path == "-" {
		if s.stdout == nil {
			return nil, usageErr("", "%s: - is not allowed here", out.flag)
		}
		if isTerminal(s.stdout) {
			return nil, usageErr("redirect it to a file: backplan --out - > plan.pdf", "will not write a PDF to the terminal")
		}
		f.fi = identity("-", s.stdout)
		if err := s.distinct(f); err != nil {
			return nil, err
		}
		f.direct = s.stdout
		return f, nil
	}
	target, err := followLinks(out.path)
	if err != nil {
		return nil, fmt.Errorf("cannot write %q: %w", out.path, err)
	}
	f.target = target
	fi, err := os.Stat(target)
	switch {
	case err == nil:
		f.fi = fi
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(target)
		if di, err := os.Stat(dir); err != nil || !di.IsDir() {
			return nil, failure("create the folder first, or write somewhere else",
				fmt.Errorf("cannot write %q: folder %q does not exist", out.path, dir))
		}
	default:
		return nil, fmt.Errorf("cannot write %q: %w", out.path, bareErr(err))
	}
	if err := s.distinct(f); err != nil {
		return nil, err
	}
	switch {
	case fi != nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o222 == 0:
		// The shell's > refuses it too; replacing it would undo a choice.
		return nil, failure("make it writable first, or write to another file",
			fmt.Errorf("cannot write %q: it is read-only", out.path))
	case fi == nil || fi.Mode().IsRegular():
		if fi != nil {
			f.mode = fi.Mode().Perm()
		}
		if err := f.makeTemp(); err != nil {
			return nil, err
		}
	case fi.IsDir():
		return nil, failure("give a file name, such as "+filepath.Join(out.path, "plan.pdf"),
			fmt.Errorf("cannot write %q: it is a folder", out.path))
	case fi.Mode()&fs.ModeDevice != 0 && fi.Mode()&fs.ModeCharDevice == 0:
		return nil, failure("give a file name", fmt.Errorf("cannot write %q: it is a disk", out.path))
	case fi.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		// Opening a FIFO waits for its reader, as the shell's > does.
		d, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("cannot write %q: %w", out.path, bareErr(err))
		}
		if term.IsTerminal(int(d.Fd())) {
			d.Close()
			return nil, usageErr("give a file name", "cannot write %q: it is a terminal", out.path)
		}
		f.direct, f.closer = d, d
	default:
		return nil, fmt.Errorf("cannot write %q: it is not a file, a device or a pipe", out.path)
	}
	return f, nil
}

// distinct refuses an output that is one of the inputs, or the same file
// as another output of the set. A character device may be both.
func (s *outputSet) distinct(f *pendingFile) error {
	if f.fi != nil && f.fi.Mode()&fs.ModeCharDevice != 0 {
		return nil // writing /dev/null twice, or reading it, loses nothing
	}
	for _, in := range s.inputs {
		if in.fi != nil && f.fi != nil && os.SameFile(in.fi, f.fi) {
			return usageErr("write the output to another file",
				"%s is the same file as %s; backplan will not write over its input",
				f.named("standard output"), in.named("standard input"))
		}
	}
	for _, g := range s.files {
		same := f.fi != nil && g.fi != nil && os.SameFile(f.fi, g.fi)
		if f.fi == nil && g.fi == nil && f.target != "" && g.target != "" {
			same = canonical(f.target) == canonical(g.target)
		}
		if same {
			return usageErr("give them different files", "%s and %s are the same file", g.named("standard output"), f.named("standard output"))
		}
	}
	return nil
}

// canonical is an absolute path with its folder's symlinks followed, to
// compare two files that do not exist yet.
func canonical(path string) string {
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		dir = filepath.Dir(path)
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(dir, filepath.Base(path))
}

// followLinks follows path's symlinks, if any, to the file they finally
// name, which need not exist.
func followLinks(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", bareErr(err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// private makes a claimed regular file readable and writable by its
// owner alone (mode 0600), before anything is written to it, and keeps
// that mode when it replaces a file. A device or pipe is refused: what
// is private must go to a file.
func (f *pendingFile) private() error {
	if f.tmp == nil {
		return fmt.Errorf("cannot write %q: it must be a file only you can read", f.path)
	}
	if err := f.tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("cannot write %q: %w", f.path, bareErr(err))
	}
	f.mode = 0o600
	return nil
}

// write writes the whole of data. A regular file's goes to its temporary
// file now; a device's is kept, unchanged, for commit.
func (f *pendingFile) write(data []byte) error {
	if f.state != claimed {
		return fmt.Errorf("%s written twice", f.named("standard output"))
	}
	f.state = written
	if f.direct != nil {
		f.data = data
		return nil
	}
	_, err := f.tmp.Write(data)
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	f.tmp = nil
	if err == nil && f.mode != 0 {
		err = os.Chmod(f.tmpPath, f.mode)
	}
	if err != nil {
		f.discard()
		return fmt.Errorf("cannot write %q: %w", f.path, bareErr(err))
	}
	return nil
}

// commit puts every output in place, once all are written: first the
// devices and standard output, which cannot be taken back, then the
// renames. If any fails, the files not yet in place are discarded.
func (s *outputSet) commit() error {
	defer s.discard()
	for _, f := range s.files {
		if f.state != written {
			return fmt.Errorf("%s was never written", f.named("standard output"))
		}
	}
	for _, f := range s.files {
		if f.direct == nil {
			continue
		}
		_, err := f.direct.Write(f.data)
		if f.closer != nil {
			if cerr := f.closer.Close(); err == nil {
				err = cerr
			}
			f.closer = nil
		}
		f.state, f.data = done, nil
		if err != nil {
			return fmt.Errorf("cannot write %q: %w", f.path, bareErr(err))
		}
	}
	var files []*pendingFile
	for _, f := range s.files {
		if f.direct == nil {
			files = append(files, f)
		}
	}
	// With more than one file to rename, each old file first gets a second
	// name (a hard link), so that if a later rename fails the earlier ones
	// can be undone.
	backups := make([]string, len(files))
	defer func() {
		for _, b := range backups {
			if b != "" {
				os.Remove(b)
				forgetTemp(b)
			}
		}
	}()
	if len(files) > 1 {
		for i, f := range files {
			if f.fi != nil {
				backups[i], _ = linkTemp(f.target) // without one, no undo
			}
		}
	}
	for i, f := range files {
		if err := os.Rename(f.tmpPath, f.target); err != nil {
			undo(files[:i], backups)
			return fmt.Errorf("cannot write %q: %w", f.path, bareErr(err))
		}
		forgetTemp(f.tmpPath)
		f.tmpPath, f.state = "", done
		syncFolder(filepath.Dir(f.target))
	}
	return nil
}

// undo puts back the old files of outputs already renamed into place: the
// file kept under its backup name, or no file where there was none.
func undo(files []*pendingFile, backups []string) {
	for i, f := range files {
		switch {
		case backups[i] != "":
			if os.Rename(backups[i], f.target) == nil {
				forgetTemp(backups[i])
				backups[i] = ""
			}
		case f.fi == nil:
			os.Remove(f.target) // new in this run
		}
	}
}

// syncFolder asks the system to store a folder's list of names, so that a
// rename survives a power cut. Where a folder cannot be synced (Windows,
// some network file systems) the rename stands as it is.
func syncFolder(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// discard removes every temporary file not yet renamed and closes the
// devices; committed outputs stay. It is safe to call more than once.
func (s *outputSet) discard() {
	for _, f := range s.files {
		f.discard()
	}
}

func (f *pendingFile) discard() {
	if f == nil {
		return
	}
	if f.tmp != nil {
		f.tmp.Close()
		f.tmp = nil
	}
	if f.tmpPath != "" {
		os.Remove(f.tmpPath)
		forgetTemp(f.tmpPath)
		f.tmpPath = ""
	}
	if f.closer != nil {
		f.closer.Close()
		f.closer = nil
	}
	f.data = nil
}

// bareErr drops the path from an *fs.PathError or *os.LinkError, which
// the message names already (and which may be a temporary file's).
func bareErr(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

package main

// Temporary files. Each output's temporary file is named so that backplan
// knows its own (".ana.pdf.backplan-4242-1.tmp": the target, the process,
// a count), removed on SIGINT, SIGTERM and SIGHUP, and, after a SIGKILL or
// a power cut, removed by the next run that writes into the same folder.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// nameMax is the longest file name, in bytes, that common file systems
// take (ext4, XFS, APFS, NTFS).
const nameMax = 255

// staleAge is how old a temporary file of a process that may still be
// running must be before a later run removes it: no run takes so long.
const staleAge = 24 * time.Hour

// tempPattern matches backplan's temporary file names; the group is the
// process id.
var tempPattern = regexp.MustCompile(`^\.(?:.+\.)?backplan-([0-9]+)-[0-9]+\.tmp$`)

// temps is every temporary file this process has made and not yet renamed
// or removed, for the signal handler.
var temps = struct {
	sync.Mutex
	files map[string]bool
	swept map[string]bool // folders already cleared of stale files
}{files: map[string]bool{}, swept: map[string]bool{}}

var tempCount atomic.Uint64

// tempName names a temporary file for target in its folder: ".ana.pdf.
// backplan-PID-N.tmp", or ".backplan-PID-N.tmp" when that would be too
// long a name, so that a target of 255 bytes can still be written.
func tempName(target string, pid int, n uint64) string {
	tail := fmt.Sprintf("backplan-%d-%d.tmp", pid, n)
	if name := "." + target + "." + tail; len(name) <= nameMax {
		return name
	}
	return "." + tail
}

// makeTemp makes f's temporary file in its target's folder, with mode 0666
// less the umask, after clearing the folder of stale ones.
func (f *pendingFile) makeTemp() error {
	t, err := createTemp(f.target)
	if err != nil {
		return fmt.Errorf("cannot write %q: %w", f.path, bareErr(err))
	}
	f.tmp, f.tmpPath = t, t.Name()
	return nil
}

// createTemp makes a temporary file for target, in its folder, with mode
// 0666 less the umask.
func createTemp(target string) (*os.File, error) {
	var f *os.File
	_, err := reserveTemp(target, func(name string) (err error) {
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		return err
	})
	return f, err
}

// linkTemp gives the file target a second name, a temporary one in its
// folder, and returns it. The name shares the old file's time, so another
// run's sweep may take an old one away early; that costs only the undo.
func linkTemp(target string) (string, error) {
	return reserveTemp(target, func(name string) error { return os.Link(target, name) })
}

// reserveTemp calls make with a new temporary name for target, after
// clearing the folder of stale temporary files, until make does not find
// the name taken; it registers the name for the signal handler.
func reserveTemp(target string, make func(name string) error) (string, error) {
	dir := filepath.Dir(target)
	sweepStale(dir)
	temps.Lock()
	defer temps.Unlock()
	for range 100 {
		name := filepath.Join(dir, tempName(filepath.Base(target), os.Getpid(), tempCount.Add(1)))
		err := make(name)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		temps.files[name] = true
		return name, nil
	}
	return "", fmt.Errorf("cannot make a temporary file in %q", dir)
}

// probeFolder checks that files can be made in dir by making one of
// backplan's temporary files there and removing it. It clears the folder
// of stale temporary files too.
func probeFolder(dir string) error {
	t, err := createTemp(filepath.Join(dir, "probe"))
	if err != nil {
		return err
	}
	t.Close()
	os.Remove(t.Name())
	forgetTemp(t.Name())
	return nil
}

// forgetTemp drops a temporary file renamed or removed.
func forgetTemp(name string) {
	temps.Lock()
	delete(temps.files, name)
	temps.Unlock()
}

// sweepStale removes, once a run, the temporary files that backplan left
// in dir: those whose process has gone, and any older than staleAge.
// Files of this process, and anything not named as backplan names its
// own, are left alone.
func sweepStale(dir string) {
	key := canonical(filepath.Join(dir, "x"))
	temps.Lock()
	seen := temps.swept[key]
	temps.swept[key] = true
	temps.Unlock()
	if seen {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := tempPattern.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		pid, err := strconv.Atoi(m[1])
		if err != nil || pid == os.Getpid() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if time.Since(fi.ModTime()) > staleAge || processGone(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// processGone reports whether no process pid is running. Where it cannot
// tell, it says the process runs.
func processGone(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return true // on Windows, no such process
	}
	defer p.Release()
	err = p.Signal(syscall.Signal(0))
	return errors.Is(err, os.ErrProcessDone)
}

// handleSignals makes SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal
// closed) remove every temporary file not yet renamed into place, then
// exit 130, 143 or 129 (128 and the signal's number, as a shell reports
// it). run calls it first, and the function it returns when it ends.
func handleSignals() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	quit := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			code := 130
			if n, ok := sig.(syscall.Signal); ok {
				code = 128 + int(n)
			}
			// Hold the lock until the exit, so no new file is made.
			temps.Lock()
			for name := range temps.files {
				os.Remove(name)
			}
			os.Exit(code)
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(quit)
	}
}

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// stopGrace is how long a child may take after SIGTERM; an apiserver that lost etcd
// quorum ignores SIGTERM for longer than this.
const stopGrace = 5 * time.Second

type child struct {
	name   string
	binary string
	log    string
	cmd    *exec.Cmd
	done   chan struct{}
	err    error
}

// supervisor starts children, reports the ones that die on their own and stops them
// all in reverse start order.
type supervisor struct {
	logDir string

	mu       sync.Mutex
	children []*child
	stopping bool
}

// start runs binary with args; its output goes to logDir/<name>.log. wrapper, when set,
// is a command line that must exec binary in the same process (e.g. unshare + sh exec).
func (s *supervisor) start(name, binary string, args []string, wrapper ...string) (*child, error) {
	return s.startEnv(name, binary, nil, args, wrapper...)
}

// startEnv is start with extra environment variables ("KEY=value") on top of the
// launcher's own environment.
func (s *supervisor) startEnv(name, binary string, env, args []string, wrapper ...string) (*child, error) {
	logPath := filepath.Join(s.logDir, name+".log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer logFile.Close()
	argv := append(append(append([]string{}, wrapper...), binary), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	if len(env) > 0 {
		cmd.Env = append(os.Environ(), env...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{
		// Own process group: a terminal's Ctrl-C reaches only the launcher, which then
		// stops the children in order.
		Setpgid: true,
		// Children die with the launcher even when it is SIGKILLed.
		Pdeathsig: syscall.SIGKILL,
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	c := &child{name: name, binary: binary, log: logPath, cmd: cmd, done: make(chan struct{})}
	s.mu.Lock()
	s.children = append(s.children, c)
	s.mu.Unlock()
	go s.wait(c)
	return c, nil
}

func (s *supervisor) wait(c *child) {
	c.err = c.cmd.Wait()
	close(c.done)
	s.mu.Lock()
	stopping := s.stopping
	s.mu.Unlock()
	if !stopping {
		fmt.Fprintf(os.Stderr, "testbed: %s (pid %d) exited unexpectedly: %v (log %s)\n",
			c.name, c.cmd.Process.Pid, c.err, c.log)
	}
}

func (c *child) pid() int { return c.cmd.Process.Pid }

func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// firstExited returns a child that has exited, or nil. Used while starting up, when
// any death means the testbed cannot come up.
func (s *supervisor) firstExited() *child {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.children {
		if c.exited() {
			return c
		}
	}
	return nil
}

func (s *supervisor) stopAll() {
	s.mu.Lock()
	s.stopping = true
	children := append([]*child(nil), s.children...)
	s.mu.Unlock()
	for i := len(children) - 1; i >= 0; i-- {
		stop(children[i])
	}
}

func stop(c *child) {
	if c.exited() {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(stopGrace):
		fmt.Fprintf(os.Stderr, "testbed: %s (pid %d) ignored SIGTERM for %s, sending SIGKILL\n",
			c.name, c.pid(), stopGrace)
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

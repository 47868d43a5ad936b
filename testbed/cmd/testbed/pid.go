package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// realPID returns the PID of the process running binary: pid itself, or the first
// descendant of pid that runs it when a wrapper forked instead of exec-ing. Tests kill
// children by the PID in testbed.json, so it must be the server, not a shim.
func realPID(pid int, binary string) (int, error) {
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if runs(p, binary) {
			return p, nil
		}
		queue = append(queue, childrenOf(p)...)
	}
	return 0, fmt.Errorf("no process under pid %d runs %s", pid, binary)
}

func runs(pid int, binary string) bool {
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	return err == nil && filepath.Base(exe) == filepath.Base(binary)
}

// childrenOf reads every thread's children list: a child belongs to the thread that forked it.
func childrenOf(pid int) []int {
	files, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	var pids []int
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, f := range strings.Fields(string(b)) {
			if p, err := strconv.Atoi(f); err == nil {
				pids = append(pids, p)
			}
		}
	}
	return pids
}

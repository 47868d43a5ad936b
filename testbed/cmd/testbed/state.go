package main

import (
	"encoding/json"
	"fmt"
	"time"
)

// state is testbed.json: everything a test needs to reach, inspect or break the testbed.
type state struct {
	Dir            string         `json:"dir"`
	DataDir        string         `json:"dataDir"`
	Kubeconfig     string         `json:"kubeconfig"`
	CAFile         string         `json:"caFile"`
	APIServerURLs  []string       `json:"apiserverURLs"`
	EtcdClientURLs []string       `json:"etcdClientURLs"`
	AuditPolicy    string         `json:"auditPolicyFile"`
	AuditLogPath   string         `json:"auditLogPath"`
	AuditLogPaths  []string       `json:"auditLogPaths"`
	FluxCRDsDir    string         `json:"fluxCRDsDir"`
	FluxCRDsReady  bool           `json:"fluxCRDsApplied"`
	Flux           *fluxState     `json:"flux,omitempty"`
	Nodes          []string       `json:"nodes"`
	Processes      []processState `json:"processes"`
	StartTime      time.Time      `json:"startTime"`
	ReadyMs        int64          `json:"readyMs"`
}

type processState struct {
	Name    string `json:"name"`
	PID     int    `json:"pid"`
	LogFile string `json:"logFile"`
	Binary  string `json:"binary"`
}

func (s *supervisor) processStates() ([]processState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	states := make([]processState, 0, len(s.children))
	for _, c := range s.children {
		pid, err := realPID(c.pid(), c.binary)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		states = append(states, processState{Name: c.name, PID: pid, LogFile: c.log, Binary: c.binary})
	}
	return states, nil
}

func writeState(path string, st state) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'), 0o644)
}

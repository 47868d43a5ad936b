package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

type options struct {
	dir         string
	binDir      string
	etcdMembers int
	apiservers  int
	nodes       int
	auditPolicy string
	fluxCRDs    bool
	flux        bool
}

func parseUpOptions(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("up", flag.ContinueOnError)
	fs.StringVar(&o.dir, "dir", "", "folder for certificates, data, logs, kubeconfig and testbed.json (required)")
	fs.StringVar(&o.binDir, "bin-dir", defaultBinDir(), "folder holding the control plane binaries")
	fs.IntVar(&o.etcdMembers, "etcd-members", 1, "etcd cluster size: 1 or 3")
	fs.IntVar(&o.apiservers, "apiservers", 1, "number of kube-apiservers: 1 or 2")
	fs.IntVar(&o.nodes, "nodes", 2, "number of KWOK nodes to create")
	fs.StringVar(&o.auditPolicy, "audit-policy", "", "audit policy file (default: Metadata level for every request)")
	fs.BoolVar(&o.fluxCRDs, "flux-crds", false, "apply the Flux CRDs and wait until they are established")
	fs.BoolVar(&o.flux, "flux", false, "also run the Flux controllers in flux-system (implies --flux-crds)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return o, o.validate()
}

func (o *options) validate() error {
	if o.dir == "" {
		return errors.New("--dir is required: the folder where the testbed writes its state")
	}
	if o.etcdMembers != 1 && o.etcdMembers != 3 {
		return fmt.Errorf("--etcd-members is %d: use 1 or 3", o.etcdMembers)
	}
	if o.apiservers != 1 && o.apiservers != 2 {
		return fmt.Errorf("--apiservers is %d: use 1 or 2", o.apiservers)
	}
	if o.nodes < 0 {
		return fmt.Errorf("--nodes is %d: use 0 or more", o.nodes)
	}
	if o.flux {
		o.fluxCRDs = true
	}
	var err error
	if o.dir, err = filepath.Abs(o.dir); err != nil {
		return err
	}
	if o.binDir, err = filepath.Abs(o.binDir); err != nil {
		return err
	}
	if o.auditPolicy != "" {
		if o.auditPolicy, err = filepath.Abs(o.auditPolicy); err != nil {
			return err
		}
		if _, err := os.Stat(o.auditPolicy); err != nil {
			return fmt.Errorf("--audit-policy: %w", err)
		}
	}
	return nil
}

// defaultBinDir is the launcher's own folder: build.sh puts every binary side by side.
func defaultBinDir() string {
	exe, err := os.Executable()
	if err != nil {
		return "."
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	return filepath.Dir(exe)
}

// buildDir holds what build.sh fetched beside bin/: KWOK stages and Flux CRDs.
func buildDir(binDir string) string { return filepath.Dir(binDir) }

// Command testbed runs a local Kubernetes control plane (etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and KWOK nodes) on 127.0.0.1.
package main

import (
	"fmt"
	"os"
)

const usage = `usage:
  testbed up --dir DIR [--etcd-members 1|3] [--apiservers 1|2] [--nodes N]
             [--audit-policy FILE] [--flux-crds] [--flux] [--bin-dir DIR]
  testbed crds --kubeconfig FILE [--crds-dir DIR] [--bin-dir DIR]
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "up":
		err = runUp(os.Args[2:])
	case "crds":
		err = runCRDs(os.Args[2:])
	case "-h", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "testbed: %v\n", err)
		os.Exit(1)
	}
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
)

func kwokArgs(kubeconfig, stages string, port int) []string {
	return []string{
		"--kubeconfig=" + kubeconfig,
		"--manage-all-nodes=true",
		fmt.Sprintf("--server-address=127.0.0.1:%d", port),
		// Without Stage definitions KWOK exits with "no stages found".
		"--config=" + stages,
		"--node-lease-duration-seconds=40",
		"--cidr=10.0.1.0/24",
		"--node-ip=127.0.0.1",
	}
}

func kwokStages(binDir string) string { return filepath.Join(buildDir(binDir), "kwok-stages.yaml") }

func startKWOK(s *supervisor, binDir, kubeconfig string, port int) error {
	_, err := s.start("kwok", filepath.Join(binDir, "kwok"), kwokArgs(kubeconfig, kwokStages(binDir), port))
	return err
}

// node is the part of a v1 Node the testbed writes and reads.
type node struct {
	APIVersion string       `json:"apiVersion"`
	Kind       string       `json:"kind"`
	Metadata   nodeMetadata `json:"metadata"`
	Status     nodeStatus   `json:"status"`
}

type nodeMetadata struct {
	Name        string            `json:"name"`
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

type nodeStatus struct {
	Capacity    map[string]string `json:"capacity,omitempty"`
	Allocatable map[string]string `json:"allocatable,omitempty"`
	Conditions  []struct {
		Type   string `json:"type"`
		Status string `json:"status"`
	} `json:"conditions,omitempty"`
}

func nodeName(i int) string { return fmt.Sprintf("kwok-node-%d", i) }

// fakeNode has no taint, so plain Deployments schedule onto it.
func fakeNode(name string) node {
	resources := map[string]string{"cpu": "8", "memory": "32Gi", "pods": "110"}
	return node{
		APIVersion: "v1",
		Kind:       "Node",
		Metadata: nodeMetadata{
			Name: name,
			Labels: map[string]string{
				"type":                   "kwok",
				"kubernetes.io/hostname": name,
				"kubernetes.io/os":       "linux",
				"kubernetes.io/arch":     "amd64",
			},
			Annotations: map[string]string{"kwok.x-k8s.io/node": "fake"},
		},
		Status: nodeStatus{Capacity: resources, Allocatable: resources},
	}
}

func (c *apiClient) createNodes(ctx context.Context, names []string) error {
	for _, name := range names {
		if err := c.do(ctx, http.MethodPost, "/api/v1/nodes", fakeNode(name), nil); err != nil {
			return fmt.Errorf("creating node %s: %w", name, err)
		}
	}
	return nil
}

func (c *apiClient) waitNodesReady(ctx context.Context, names []string, abort func() error) error {
	for _, name := range names {
		err := poll(ctx, "node "+name+" Ready", abort, func(ctx context.Context) (bool, error) {
			var n node
			if err := c.do(ctx, http.MethodGet, "/api/v1/nodes/"+name, nil, &n); err != nil {
				return false, err
			}
			for _, cond := range n.Status.Conditions {
				if cond.Type == "Ready" {
					return cond.Status == "True", nil
				}
			}
			return false, nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

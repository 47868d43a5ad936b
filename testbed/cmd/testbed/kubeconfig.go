package main

import (
	"encoding/json"
	"os"
)

// kubeconfig is the subset of clientcmd's v1 Config the testbed writes. JSON is valid
// YAML, so every Kubernetes client reads it.
type kubeconfig struct {
	APIVersion     string         `json:"apiVersion"`
	Kind           string         `json:"kind"`
	Clusters       []namedCluster `json:"clusters"`
	Users          []namedUser    `json:"users"`
	Contexts       []namedContext `json:"contexts"`
	CurrentContext string         `json:"current-context"`
}

type namedCluster struct {
	Name    string `json:"name"`
	Cluster struct {
		Server                   string `json:"server"`
		CertificateAuthorityData []byte `json:"certificate-authority-data"`
	} `json:"cluster"`
}

type namedUser struct {
	Name string `json:"name"`
	User struct {
		ClientCertificateData []byte `json:"client-certificate-data"`
		ClientKeyData         []byte `json:"client-key-data"`
	} `json:"user"`
}

type namedContext struct {
	Name    string `json:"name"`
	Context struct {
		Cluster string `json:"cluster"`
		User    string `json:"user"`
	} `json:"context"`
}

const contextName = "testbed"

// writeKubeconfig writes a self-contained kubeconfig for the client identity `name`
// (its cert and key as written by generatePKI) talking to server.
func writeKubeconfig(path string, p pki, name, server string) error {
	caPEM, err := os.ReadFile(p.caCert())
	if err != nil {
		return err
	}
	certPEM, err := os.ReadFile(p.cert(name))
	if err != nil {
		return err
	}
	keyPEM, err := os.ReadFile(p.key(name))
	if err != nil {
		return err
	}
	cfg := kubeconfig{APIVersion: "v1", Kind: "Config", CurrentContext: contextName}
	cluster := namedCluster{Name: contextName}
	cluster.Cluster.Server = server
	cluster.Cluster.CertificateAuthorityData = caPEM
	user := namedUser{Name: name}
	user.User.ClientCertificateData = certPEM
	user.User.ClientKeyData = keyPEM
	ctx := namedContext{Name: contextName}
	ctx.Context.Cluster = contextName
	ctx.Context.User = name
	cfg.Clusters = []namedCluster{cluster}
	cfg.Users = []namedUser{user}
	cfg.Contexts = []namedContext{ctx}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'), 0o600)
}

func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, perm); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

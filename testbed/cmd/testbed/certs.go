package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Client identities; the CNs and groups are the ones RBAC's default bindings expect.
var clientIdentities = []struct {
	name, cn string
	orgs     []string
}{
	{"admin", "testbed-admin", []string{"system:masters"}},
	{"kube-controller-manager", "system:kube-controller-manager", nil},
	{"kube-scheduler", "system:kube-scheduler", nil},
}

const (
	certValidity       = 365 * 24 * time.Hour
	frontProxyClientCN = "front-proxy-client"
)

// pki names the files under DIR/pki.
type pki struct{ dir string }

func (p pki) file(name string) string { return filepath.Join(p.dir, name) }
func (p pki) caCert() string          { return p.file("ca.crt") }
func (p pki) caKey() string           { return p.file("ca.key") }
func (p pki) cert(name string) string { return p.file(name + ".crt") }
func (p pki) key(name string) string  { return p.file(name + ".key") }

type keyPair struct {
	cert *x509.Certificate
	key  crypto.Signer
}

func generatePKI(p pki) error {
	if err := os.MkdirAll(p.dir, 0o700); err != nil {
		return err
	}
	ca, err := newCA("testbed-ca")
	if err != nil {
		return err
	}
	if err := writePair(p, "ca", ca); err != nil {
		return err
	}
	serving, err := ca.issue(&x509.Certificate{
		Subject:     pkix.Name{CommonName: "kube-apiserver"},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("10.0.0.1")},
		DNSNames: []string{"localhost", "kubernetes", "kubernetes.default",
			"kubernetes.default.svc", "kubernetes.default.svc.cluster.local"},
	})
	if err != nil {
		return err
	}
	if err := writePair(p, "apiserver", serving); err != nil {
		return err
	}
	for _, id := range clientIdentities {
		if err := issueClient(p, ca, id.name, id.cn, id.orgs); err != nil {
			return err
		}
	}
	frontProxyCA, err := newCA("testbed-front-proxy-ca")
	if err != nil {
		return err
	}
	if err := writePair(p, "front-proxy-ca", frontProxyCA); err != nil {
		return err
	}
	if err := issueClient(p, frontProxyCA, "front-proxy-client", frontProxyClientCN, nil); err != nil {
		return err
	}
	return writeServiceAccountKey(p)
}

func issueClient(p pki, ca keyPair, name, cn string, orgs []string) error {
	kp, err := ca.issue(&x509.Certificate{
		Subject:     pkix.Name{CommonName: cn, Organization: orgs},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	})
	if err != nil {
		return err
	}
	return writePair(p, name, kp)
}

func newCA(cn string) (keyPair, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return keyPair{}, err
	}
	tmpl := &x509.Certificate{
		Subject:               pkix.Name{CommonName: cn},
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	cert, err := sign(tmpl, tmpl, key.Public(), key)
	return keyPair{cert: cert, key: key}, err
}

func (ca keyPair) issue(tmpl *x509.Certificate) (keyPair, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return keyPair{}, err
	}
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	cert, err := sign(tmpl, ca.cert, key.Public(), ca.key)
	return keyPair{cert: cert, key: key}, err
}

func sign(tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) (*x509.Certificate, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, err
	}
	tmpl.SerialNumber = serial
	// Backdated so a child whose clock reads slightly earlier still accepts the cert.
	tmpl.NotBefore = time.Now().Add(-time.Hour)
	tmpl.NotAfter = time.Now().Add(certValidity)
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		return nil, fmt.Errorf("signing %q: %w", tmpl.Subject.CommonName, err)
	}
	return x509.ParseCertificate(der)
}

func writePair(p pki, name string, kp keyPair) error {
	keyDER, err := x509.MarshalPKCS8PrivateKey(kp.key)
	if err != nil {
		return err
	}
	if err := writePEM(p.cert(name), "CERTIFICATE", kp.cert.Raw); err != nil {
		return err
	}
	return writePEM(p.key(name), "PRIVATE KEY", keyDER)
}

// writeServiceAccountKey writes an RSA pair: RS256 is what every token consumer accepts.
func writeServiceAccountKey(p pki) error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		return err
	}
	if err := writePEM(p.key("sa"), "PRIVATE KEY", keyDER); err != nil {
		return err
	}
	return writePEM(p.file("sa.pub"), "PUBLIC KEY", pubDER)
}

func writePEM(path, blockType string, der []byte) error {
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der}), 0o600)
}

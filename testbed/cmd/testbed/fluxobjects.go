package main

import (
	"context"
	"fmt"
	"maps"
	"net/http"
)

type object = map[string]any

// apiObject is an object to create and the collection path to POST it to.
type apiObject struct {
	path string
	body object
}

var fluxLabels = map[string]string{
	"app.kubernetes.io/instance": fluxNamespace,
	"app.kubernetes.io/part-of":  "flux",
}

// fluxObjects mirrors the RBAC that `flux install` creates: the flux-system namespace,
// one ServiceAccount per controller, and cluster-admin for kustomize-controller and
// helm-controller, the accounts that the flux-system Kustomization and platform
// HelmReleases name in serviceAccountName once --default-service-account is set. The
// controllers themselves run out of cluster with the admin kubeconfig and impersonate.
func fluxObjects() []apiObject {
	nsLabels := map[string]string{
		"pod-security.kubernetes.io/warn":         "restricted",
		"pod-security.kubernetes.io/warn-version": "latest",
	}
	maps.Copy(nsLabels, fluxLabels)
	objs := []apiObject{{"/api/v1/namespaces", object{
		"apiVersion": "v1", "kind": "Namespace",
		"metadata": object{"name": fluxNamespace, "labels": nsLabels},
	}}}
	subjects := []object{}
	for _, name := range append([]string{notificationController}, requiredFluxControllers...) {
		objs = append(objs, apiObject{"/api/v1/namespaces/" + fluxNamespace + "/serviceaccounts", object{
			"apiVersion": "v1", "kind": "ServiceAccount",
			"metadata": object{"name": name, "namespace": fluxNamespace, "labels": fluxLabels},
		}})
		if name == "kustomize-controller" || name == "helm-controller" {
			subjects = append(subjects, object{"kind": "ServiceAccount", "name": name, "namespace": fluxNamespace})
		}
	}
	return append(objs, apiObject{"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", object{
		"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
		"metadata": object{"name": "cluster-reconciler-" + fluxNamespace, "labels": fluxLabels},
		"roleRef":  object{"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
		"subjects": subjects,
	}})
}

func (c *apiClient) createFluxObjects(ctx context.Context) error {
	for _, o := range fluxObjects() {
		if err := c.do(ctx, http.MethodPost, o.path, o.body, nil); err != nil {
			return fmt.Errorf("creating %s %v: %w", o.body["kind"], o.body["metadata"].(object)["name"], err)
		}
	}
	return nil
}

import { parse } from 'yaml';
import { parseSecurityBaselineInput } from './securityBaselineInput';
import {
  securityBaselineGitopsFiles,
  securityBaselineGitopsRoot,
} from './securityBaselineGitops';

const input = parseSecurityBaselineInput({
  cluster: 'hub-eu',
  adminGroups: ['platform-team'],
  tenantReconcilerGroups: ['release-bots'],
  allowedRegistries: ['ghcr.io'],
  systemNamespaces: ['kube-system'],
});
const root = 'clusters/hub-eu/security-baseline';

describe('securityBaselineGitopsFiles', () => {
  const files = securityBaselineGitopsFiles(input, {
    tenantNamespaces: ['team-a'],
    declaredElsewhere: ['flux-system'],
  });

  it('writes one file per object under the cluster folder, all listed in its kustomization.yaml', () => {
    expect(securityBaselineGitopsRoot(input)).toBe(root);
    const names = Object.keys(files).map(path => path.slice(root.length + 1));
    const listed = parse(files[`${root}/kustomization.yaml`]).resources;

    expect(names.every(name => !name.includes('/'))).toBe(true);
    expect([...listed, 'kustomization.yaml'].sort()).toEqual([...names].sort());
    expect(listed).toEqual(
      expect.arrayContaining([
        'namespace-kube-system.yaml',
        'namespace-monitoring.yaml',
        'rolebinding-team-a-hubspoke-tenant-reconcilers.yaml',
        'networkpolicy-flux-system-hubspoke-default-deny.yaml',
        'networkpolicy-monitoring-hubspoke-default-deny.yaml',
        'clusterrole-hubspoke-platform-viewer.yaml',
      ]),
    );
  });

  it('declares neither tenant namespaces nor those declared elsewhere, and never prunes the ones it declares', () => {
    const namespaces = Object.entries(files)
      .filter(([path]) => path.startsWith(`${root}/namespace-`))
      .map(([, text]) => parse(text));

    expect(namespaces.map(n => n.metadata.name)).toEqual([
      'kube-system',
      'monitoring',
    ]);
    expect(
      namespaces.every(
        n =>
          n.metadata.annotations['kustomize.toolkit.fluxcd.io/prune'] ===
          'disabled',
      ),
    ).toBe(true);
  });
});

import { parseAuditInput } from './auditInput';

describe('parseAuditInput', () => {
  it('fills the defaults kubeadm clusters use', () => {
    expect(parseAuditInput({})).toEqual({
      cluster: 'hub',
      tenantNamespaces: [],
      policyFile: '/etc/kubernetes/audit/policy.yaml',
      logPath: '/var/log/kubernetes/audit/audit.log',
      maxAgeDays: 30,
      maxBackups: 10,
      maxSizeMegabytes: 100,
    });
  });

  it('names every field that breaks a rule', () => {
    expect(() =>
      parseAuditInput({
        tenantNamespaces: ['team-a', 'Team_B', 'team-a'],
        policyFile: 'audit/policy.yaml',
        maxAgeDays: 0,
        maxSizeMegabytes: 1.5,
        extra: true,
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        problems: [
          'tenantNamespaces.1: must consist of lower-case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)',
          'policyFile: must be an absolute file path without spaces',
          'maxAgeDays: must be at least 1',
          'maxSizeMegabytes: must be a whole number',
          'extra: is not a known field',
        ],
      }),
    );
  });

  it('refuses a log in the read-only policy folder and repeated namespaces', () => {
    expect(() =>
      parseAuditInput({
        tenantNamespaces: ['team-a', 'team-a'],
        logPath: '/etc/kubernetes/audit/audit.log',
      }),
    ).toThrow(
      'tenantNamespaces.1: must not repeat "team-a"; logPath: must be in another folder than policyFile',
    );
  });
});

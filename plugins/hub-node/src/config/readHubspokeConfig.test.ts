import { ConfigReader } from '@backstage/config';
import { readHubspokeConfig } from './readHubspokeConfig';

const kubeconfigHub = {
  name: 'hub',
  auth: { type: 'kubeconfig', kubeconfigPath: '/etc/hub/kubeconfig' },
};

function read(hubspoke: unknown) {
  return readHubspokeConfig(new ConfigReader({ hubspoke } as any));
}

describe('readHubspokeConfig', () => {
  it('reads the hub and spokes with defaults applied', () => {
    const config = read({
      hub: kubeconfigHub,
      spokes: [
        {
          name: 'spoke-eu-1',
          title: 'EU spoke',
          url: 'https://spoke-eu-1.example.com:6443',
          auth: { type: 'serviceAccountToken', token: 'secret-token' },
          caData: 'Q0E=',
        },
      ],
    });

    expect(config.hub).toEqual({
      name: 'hub',
      title: undefined,
      role: 'hub',
      url: undefined,
      auth: {
        type: 'kubeconfig',
        kubeconfigPath: '/etc/hub/kubeconfig',
        context: undefined,
      },
      caFile: undefined,
      caData: undefined,
      skipTLSVerify: false,
    });
    expect(config.spokes).toHaveLength(1);
    expect(config.spokes[0]).toMatchObject({
      name: 'spoke-eu-1',
      role: 'spoke',
      auth: { type: 'serviceAccountToken', token: 'secret-token' },
    });
    expect(config.refresh).toEqual({
      resyncInterval: { minutes: 5 },
      requestTimeout: { seconds: 10 },
    });
  });

  it('reads refresh durations in both config forms', () => {
    const config = read({
      refresh: { resyncInterval: { seconds: 30 }, requestTimeout: 'PT3S' },
    });
    expect(config.refresh.resyncInterval).toEqual({ seconds: 30 });
    expect(config.refresh.requestTimeout).toEqual({ seconds: 3 });
  });

  it('has no clusters when the section is absent', () => {
    expect(readHubspokeConfig(new ConfigReader({}))).toMatchObject({
      hub: undefined,
      spokes: [],
    });
  });

  it('rejects a cluster name that is not a DNS-1123 label', () => {
    expect(() => read({ hub: { ...kubeconfigHub, name: 'Hub_1' } })).toThrow(
      /hubspoke\.hub\.name "Hub_1" must consist of lower-case letters/,
    );
  });

  it('rejects a token without an API server URL', () => {
    expect(() =>
      read({
        spokes: [
          { name: 'eu', auth: { type: 'serviceAccountToken', token: 't' } },
        ],
      }),
    ).toThrow(/hubspoke\.spokes\[0\]\.url is required/);
  });

  it('rejects an unknown auth type', () => {
    expect(() =>
      read({ hub: { name: 'hub', auth: { type: 'oidc' } } }),
    ).toThrow(/hubspoke\.hub\.auth\.type "oidc" is not supported/);
  });

  it('rejects a URL that is not http(s)', () => {
    expect(() =>
      read({ hub: { ...kubeconfigHub, url: 'ftp://hub:6443' } }),
    ).toThrow(/hubspoke\.hub\.url "ftp:\/\/hub:6443" must use https/);
  });

  it('rejects both caFile and caData', () => {
    expect(() =>
      read({ hub: { ...kubeconfigHub, caFile: '/ca.pem', caData: 'Q0E=' } }),
    ).toThrow(/hubspoke\.hub: set caFile or caData, not both/);
  });

  it('rejects two clusters with one name', () => {
    expect(() =>
      read({ hub: kubeconfigHub, spokes: [{ ...kubeconfigHub }] }),
    ).toThrow(/cluster name "hub" is used twice/);
  });
});

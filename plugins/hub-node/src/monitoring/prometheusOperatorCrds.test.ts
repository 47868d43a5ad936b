import { PROMETHEUS_OPERATOR_VERSION } from '@hubspoke/backstage-plugin-hub-common';
import { prometheusOperatorCrds } from './prometheusOperatorCrds';

describe('prometheusOperatorCrds', () => {
  it('holds the PodMonitor and PrometheusRule CRDs of the release kube-prometheus-stack ships', () => {
    const { version, module, crds } = prometheusOperatorCrds();

    expect(version).toBe(PROMETHEUS_OPERATOR_VERSION);
    expect(module).toBe(
      `github.com/prometheus-operator/prometheus-operator@${PROMETHEUS_OPERATOR_VERSION}`,
    );
    expect(crds.map(crd => crd.metadata.name)).toEqual([
      'podmonitors.monitoring.coreos.com',
      'prometheusrules.monitoring.coreos.com',
    ]);
    expect(
      crds.map(
        crd => crd.metadata.annotations?.['operator.prometheus.io/version'],
      ),
    ).toEqual([
      PROMETHEUS_OPERATOR_VERSION.slice(1),
      PROMETHEUS_OPERATOR_VERSION.slice(1),
    ]);
  });
});

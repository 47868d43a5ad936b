import { promqlMetricNames } from './promqlMetricNames';

describe('promqlMetricNames', () => {
  it('finds the metrics, not functions, keywords, labels or values', () => {
    expect(
      promqlMetricNames(
        'sum by (tenant) (rate(container_cpu_usage_seconds_total{container!=""}[$__rate_interval]) * on (namespace) group_left (tenant) hubspoke:namespace_tenant:info{tenant=~"$tenant"}) or vector(0)',
      ),
    ).toEqual([
      'container_cpu_usage_seconds_total',
      'hubspoke:namespace_tenant:info',
    ]);
    expect(
      promqlMetricNames(
        'histogram_quantile(0.99, sum by (le, verb) (rate(apiserver_request_duration_seconds_bucket{job="apiserver"}[5m]))) > bool 1 unless up',
      ),
    ).toEqual(['apiserver_request_duration_seconds_bucket', 'up']);
  });
});

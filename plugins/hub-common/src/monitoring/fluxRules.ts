import { TENANT_LABEL } from './alertmanagerConfig';
import { PrometheusRuleGroup } from './monitoringTypes';
import { alert } from './ruleHelpers';

/**
 * One series per tenant namespace: `namespace`, `exported_namespace` (the label
 * kube-state-metrics' custom resource metrics carry) and `tenant`, from the namespace
 * label `toolkit.fluxcd.io/tenant` that kube-state-metrics exports through
 * metricLabelsAllowlist. Joining on it gives any namespaced series its tenant.
 */
export const NAMESPACE_TENANT_SERIES = 'hubspoke:namespace_tenant:info';

const FLUX_OBJECT = 'customresource_kind, exported_namespace, name';

/** Flux objects matching `selector`, each with its tenant when it lives in one. */
function fluxObjectsWithTenant(selector: string): string {
  const objects = `max by (${FLUX_OBJECT}) (gotk_resource_info{${selector}})`;
  return `(${objects} * on (exported_namespace) group_left (${TENANT_LABEL}) ${NAMESPACE_TENANT_SERIES}) or on (${FLUX_OBJECT}) ${objects}`;
}

export function tenantRecordingRules(): PrometheusRuleGroup {
  return {
    name: 'hubspoke-tenants',
    rules: [
      {
        record: NAMESPACE_TENANT_SERIES,
        expr: `max by (namespace, exported_namespace, ${TENANT_LABEL}) (label_replace(label_replace(kube_namespace_labels{label_toolkit_fluxcd_io_tenant!=""}, "${TENANT_LABEL}", "$1", "label_toolkit_fluxcd_io_tenant", "(.+)"), "exported_namespace", "$1", "namespace", "(.+)"))`,
      },
    ],
  };
}

/** Flux objects (kube-state-metrics' gotk_resource_info) failing or suspended. */
export function fluxRules(): PrometheusRuleGroup {
  const object =
    '{{ $labels.customresource_kind }} {{ $labels.exported_namespace }}/{{ $labels.name }}';
  return {
    name: 'hubspoke-flux',
    rules: [
      alert(
        'FluxReconciliationFailed',
        fluxObjectsWithTenant('ready="False",suspended!="true"'),
        {
          severity: 'warning',
          area: 'flux',
          for: '15m',
          summary: `${object} fails to reconcile`,
          description: `${object} has not been Ready for 15 minutes; see its Ready condition (flux get all -n {{ $labels.exported_namespace }}).`,
        },
      ),
      alert('FluxObjectSuspended', fluxObjectsWithTenant('suspended="true"'), {
        severity: 'info',
        area: 'flux',
        for: '1h',
        summary: `${object} is suspended`,
        description: `${object} has been suspended for an hour: Flux does not apply its changes until it is resumed.`,
      }),
    ],
  };
}

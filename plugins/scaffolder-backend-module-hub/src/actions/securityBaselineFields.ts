import {
  ADMISSION_ENGINES,
  POD_SECURITY_LEVELS,
} from '@hubspoke/backstage-plugin-hub-common';
import { z as zodV3 } from 'zod/v3';

type Zod = typeof zodV3;

const groups = (zod: Zod, description: string) =>
  zod.array(zod.string(), { description }).optional();

const optionalString = (zod: Zod, description: string) =>
  zod.string({ description }).optional();

const level = (zod: Zod, description: string) =>
  zod.enum(POD_SECURITY_LEVELS, { description }).optional();

/**
 * The fields of `hub:security:baseline` as the scaffolder shows them; the rules live
 * in hub-common's parseSecurityBaselineInput, which the action runs first.
 */
export const securityBaselineFields = {
  cluster: (zod: Zod) =>
    optionalString(
      zod,
      'Cluster to secure (default: the hub); names the fleet folder clusters/<cluster>/security-baseline',
    ),
  adminGroups: (zod: Zod) =>
    groups(
      zod,
      'Groups of platform admins: workloads, Secrets and Flux everywhere, read-only RBAC and admission; never cluster-admin',
    ),
  viewerGroups: (zod: Zod) =>
    groups(zod, 'Groups of platform viewers: read-only everywhere, no Secrets'),
  tenantReconcilerGroups: (zod: Zod) =>
    groups(
      zod,
      'Groups that reconcile tenant workloads, bound in each tenant namespace only',
    ),
  allowedRegistries: (zod: Zod) =>
    zod.array(zod.string(), {
      description:
        'Registries (with an optional path prefix) tenant images may come from, e.g. ghcr.io/acme; images must name their registry',
    }),
  ownerLabel: (zod: Zod) =>
    optionalString(
      zod,
      'Label every tenant workload must carry (default hubspoke.io/owner)',
    ),
  tenantLabel: (zod: Zod) =>
    optionalString(
      zod,
      'Label marking tenant namespaces (default toolkit.fluxcd.io/tenant, which hub:tenant:create and flux create tenant set)',
    ),
  tenantNamespaces: (zod: Zod) =>
    zod
      .array(zod.string(), {
        description:
          'Tenant namespaces to label and bind the reconcilers in (default in apply mode: every namespace with the tenant label)',
      })
      .optional(),
  systemNamespaces: (zod: Zod) =>
    zod
      .array(zod.string(), {
        description:
          'System namespaces (default kube-system, kube-public, kube-node-lease)',
      })
      .optional(),
  fluxNamespace: (zod: Zod) =>
    optionalString(zod, 'Namespace of Flux (default flux-system)'),
  monitoringNamespace: (zod: Zod) =>
    optionalString(
      zod,
      'Namespace of the monitoring stack (default monitoring)',
    ),
  podSecurity: (zod: Zod) =>
    zod
      .object(
        {
          system: level(zod, 'Level of system namespaces (default privileged)'),
          platform: level(
            zod,
            'Level of the Flux and monitoring namespaces (default baseline; they warn at restricted)',
          ),
          tenants: level(
            zod,
            'Level of tenant namespaces (default restricted)',
          ),
        },
        {
          description:
            'Pod Security Standards level enforced per kind of namespace',
        },
      )
      .optional(),
  admissionEngine: (zod: Zod) =>
    zod
      .enum(ADMISSION_ENGINES, {
        description:
          'ValidatingAdmissionPolicy (built in, default) or Kyverno ClusterPolicies (Kyverno must be installed)',
      })
      .optional(),
};

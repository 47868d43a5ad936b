import { z } from 'zod/v3';

/**
 * The fields of a tenant as the scaffolder shows them. The rules (DNS-1123 names,
 * lengths, URL forms) live in hub-common's parseTenantInput, which the actions run
 * before anything else so that forms and actions enforce the same rules.
 */
export const tenantInputFields = {
  name: (zod: typeof z) =>
    zod.string({
      description: 'Tenant name: a DNS-1123 label of at most 40 characters',
    }),
  ownerGroup: (zod: typeof z) =>
    zod.string({
      description: 'Backstage group that owns the tenant, e.g. team-payments',
    }),
  environments: (zod: typeof z) =>
    zod
      .array(zod.string(), {
        description:
          'Environments; each gets a namespace <tenant>-<env>. Empty: one namespace named after the tenant',
      })
      .optional(),
  quotaTier: (zod: typeof z) =>
    zod.enum(['small', 'medium', 'large'], {
      description: 'Resource quota tier',
    }),
  networkExposure: (zod: typeof z) =>
    zod
      .enum(['none', 'ingress'], {
        description:
          'none: only same-namespace, DNS and monitoring traffic; ingress: also from the ingress controller',
      })
      .optional(),
  source: (zod: typeof z) =>
    zod.object(
      {
        url: zod.string({
          description:
            "URL of the tenant's GitOps repository (http(s):// or ssh://)",
        }),
        branch: zod
          .string({ description: 'Branch to follow (default main)' })
          .optional(),
        path: zod
          .string({ description: 'Folder in the repository (default ./)' })
          .optional(),
        secretName: zod
          .string({
            description:
              "Secret with the git credentials, in the tenant namespace (on a spoke: in the spoke's namespace on the hub)",
          })
          .optional(),
      },
      { description: "The tenant's GitOps repository" },
    ),
  cluster: (zod: typeof z) =>
    zod
      .string({
        description:
          'Cluster the tenant lives on (default: the hub); on a spoke its Flux objects go to the hub',
      })
      .optional(),
  podSecurityLevel: (zod: typeof z) =>
    zod
      .enum(['restricted', 'baseline'], {
        description: 'Pod Security level enforced (default restricted)',
      })
      .optional(),
};

export const deliveryFields = {
  mode: (zod: typeof z) =>
    zod
      .enum(['apply', 'gitops'], {
        description:
          'apply: server-side apply to the cluster; gitops: write the manifests into the workspace for Flux',
      })
      .optional(),
  dryRun: (zod: typeof z) =>
    zod
      .boolean({
        description:
          'Report what would change without writing anything (apply mode uses the API server dry run)',
      })
      .optional(),
  force: (zod: typeof z) =>
    zod
      .boolean({
        description:
          'Take over fields owned by another field manager instead of failing',
      })
      .optional(),
  gitopsDir: (zod: typeof z) =>
    zod
      .string({
        description:
          'Folder of the fleet repository inside the workspace (gitops mode, default .)',
      })
      .optional(),
};

/** The hub that reconciles spokes, for actions that place objects there. */
export const hubClusterField = {
  hubCluster: (zod: typeof z) =>
    zod
      .string({
        description:
          'The hub that reconciles spokes (default: the hub configured under hubspoke.hub); names its folder clusters/<hub> in gitops mode',
      })
      .optional(),
};

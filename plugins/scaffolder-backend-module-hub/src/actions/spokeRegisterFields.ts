import type { z as zodV3 } from 'zod/v3';

/** The fields of a spoke as the scaffolder shows them; parseSpokeInput holds the rules. */
export const spokeInputFields = {
  name: (zod: typeof zodV3) =>
    zod.string({
      description:
        'Spoke name: a DNS-1123 label; also the namespace on the hub that holds it, and the namespace of its Flux accounts on the spoke',
    }),
  sourceName: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          "Name of the hub's GitRepository the Kustomizations read (default flux-system); copied into the spoke namespace",
      })
      .optional(),
  sourceUrl: (zod: typeof zodV3) =>
    zod.string({
      description: 'URL of the fleet repository (http(s):// or ssh://)',
    }),
  sourceBranch: (zod: typeof zodV3) =>
    zod.string({ description: 'Branch of the fleet repository to follow' }),
  sourceSecretName: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          "Secret with the fleet repository's credentials, in the spoke's namespace on the hub (created out of band)",
      })
      .optional(),
  region: (zod: typeof zodV3) =>
    zod.string({
      description: 'Region of the spoke, e.g. eu-west-1 (label value)',
    }),
  labels: (zod: typeof zodV3) =>
    zod
      .record(zod.string(), {
        description: "Extra labels on the spoke's hub namespace",
      })
      .optional(),
  layers: (zod: typeof zodV3) =>
    zod
      .array(zod.string(), {
        description:
          'Layers reconciled in order, each after the previous one (default tenants, infra-controllers, infra-configs, apps)',
      })
      .optional(),
  serviceAccounts: (zod: typeof zodV3) =>
    zod
      .record(zod.string(), {
        description:
          'The account each layer impersonates on the spoke, by layer: flux-cluster-admin or flux-restricted (default flux-restricted for apps, flux-cluster-admin for the others)',
      })
      .optional(),
  path: (zod: typeof zodV3) =>
    zod
      .string({
        description:
          "Folder of the spoke's overlays in the fleet repository (default ./clusters/<name>)",
      })
      .optional(),
};

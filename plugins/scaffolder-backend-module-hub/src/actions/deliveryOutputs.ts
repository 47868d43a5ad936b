import { z } from 'zod/v3';

/** The outputs every action with the two delivery modes writes. */
export const deliveryOutputs = {
  summary: (zod: typeof z) =>
    zod.string({ description: 'What changed, e.g. "2 created, 1 unchanged"' }),
  objects: (zod: typeof z) =>
    zod
      .array(
        zod.object({
          cluster: zod
            .string({
              description: 'The cluster, when an action writes to two',
            })
            .optional(),
          kind: zod.string(),
          namespace: zod.string().optional(),
          name: zod.string(),
          action: zod.string(),
        }),
        { description: 'Each object and what happened to it (apply mode)' },
      )
      .optional(),
  files: (zod: typeof z) =>
    zod
      .array(zod.string(), {
        description: 'Files written into the workspace (gitops mode)',
      })
      .optional(),
};

/** Optional inputs the user left empty take the input schema's defaults. */
export function withoutUndefined<T extends object>(value: T): Partial<T> {
  return JSON.parse(JSON.stringify(value));
}

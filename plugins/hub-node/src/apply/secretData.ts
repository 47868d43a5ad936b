import { KubernetesObject } from '@kubernetes/client-node';

type SecretLike = KubernetesObject & {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

/**
 * The API server stores a Secret's `stringData` as base64 `data`, so an apply that
 * sent `stringData` could never be compared with what the server holds: a changed
 * value would read as unchanged. Sending `data` keeps the comparison exact.
 */
export function withSecretStringDataEncoded(
  object: KubernetesObject,
): KubernetesObject {
  const secret = object as SecretLike;
  if (
    secret.apiVersion !== 'v1' ||
    secret.kind !== 'Secret' ||
    !secret.stringData
  ) {
    return object;
  }
  const { stringData, ...rest } = secret;
  const encoded = Object.fromEntries(
    Object.entries(stringData).map(([key, value]) => [
      key,
      Buffer.from(value, 'utf8').toString('base64'),
    ]),
  );
  return { ...rest, data: { ...secret.data, ...encoded } } as KubernetesObject;
}

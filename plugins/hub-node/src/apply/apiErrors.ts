import { ConflictError } from '@backstage/errors';
import { describeReference } from './objectReference';
import { KubernetesObjectReference } from './types';

/** client-node's ApiException, by shape: jest can load the class more than once. */
export function isApiException(
  error: unknown,
): error is Error & { code: number; body: unknown } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'number' &&
    'body' in error
  );
}

/** The parts of a Kubernetes Status object the engine reports. */
interface ApiStatus {
  message?: string;
  details?: {
    causes?: { reason?: string; field?: string; message?: string }[];
  };
}

/**
 * Turns a failed request about one object into an error naming the object and the API
 * server's message; a server-side apply conflict becomes a ConflictError that names
 * each contested field and its owner.
 */
export function applyErrorFor(
  ref: KubernetesObjectReference,
  error: unknown,
): Error {
  const subject = describeReference(ref);
  if (!isApiException(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(`${subject}: ${message}`, { cause: error });
  }
  const status = parseStatus(error.body);
  const conflicts = (status.details?.causes ?? []).filter(
    cause => cause.reason === 'FieldManagerConflict',
  );
  if (error.code === 409 && conflicts.length > 0) {
    const fields = conflicts.map(
      cause =>
        `field ${cause.field} is owned by manager "${managerOf(
          cause.message,
        )}"`,
    );
    const them = fields.length === 1 ? 'it' : 'them';
    return new ConflictError(
      `${subject}: ${fields.join(
        ', ',
      )}; re-run with force to take ${them} over`,
    );
  }
  const message = status.message || `HTTP ${error.code}`;
  return new Error(`${subject}: ${message}`, { cause: error });
}

function parseStatus(body: unknown): ApiStatus {
  if (typeof body !== 'string') {
    return (body as ApiStatus) ?? {};
  }
  try {
    return JSON.parse(body);
  } catch {
    return { message: body };
  }
}

/** A conflict cause's message reads `conflict with "kubectl-edit" using v1`. */
function managerOf(message: string | undefined): string {
  return message?.match(/conflict with "([^"]*)"/)?.[1] ?? message ?? 'unknown';
}

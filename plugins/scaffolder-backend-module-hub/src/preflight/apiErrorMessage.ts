/**
 * The API server's own message for a refused request (client-node's ApiException keeps
 * the Status object as a JSON string in `body`), else the error's message.
 */
export function apiErrorMessage(error: unknown): string {
  const { code, body } = error as { code?: unknown; body?: unknown };
  if (typeof code === 'number' && typeof body === 'string') {
    try {
      const status = JSON.parse(body);
      if (typeof status.message === 'string' && status.message) {
        return `HTTP ${code}: ${status.message}`;
      }
    } catch {
      // Not a Status object: fall through to the generic message.
    }
    return `HTTP ${code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** True when the API server answered 404 Not Found. */
export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown }).code === 404;
}

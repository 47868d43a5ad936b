/** What the API server answered to a request it refused. */
export interface ApiError {
  /** The HTTP status code. */
  code: number;
  /** The Status object's message, e.g. `pods "x" is forbidden: ...`; empty when there is none. */
  message: string;
  /** The Status object's reason, e.g. `Forbidden`, `Invalid`. */
  reason?: string;
  /** The raw response body. */
  body: string;
}

/**
 * Awaits a @kubernetes/client-node request that is expected to fail and returns the
 * API server's answer; fails when the request succeeds or fails without an answer.
 */
export async function apiErrorFrom(
  request: Promise<unknown>,
): Promise<ApiError> {
  try {
    await request;
  } catch (error) {
    if (isApiException(error)) {
      return toApiError(error.code, error.body);
    }
    throw error;
  }
  throw new Error(
    'Expected the API server to refuse the request, but it succeeded',
  );
}

// client-node's ApiException, by shape: jest can load the class more than once.
function isApiException(
  error: unknown,
): error is { code: number; body: unknown } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'number' &&
    'body' in error
  );
}

function toApiError(code: number, body: unknown): ApiError {
  const text = typeof body === 'string' ? body : JSON.stringify(body) ?? '';
  try {
    const status = JSON.parse(text);
    return {
      code,
      message: status.message ?? '',
      reason: status.reason,
      body: text,
    };
  } catch {
    return { code, message: '', body: text };
  }
}

import { STATUS_CODES } from 'node:http';

interface ErrorFields {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

function httpStatus(error: unknown): number | undefined {
  const { code, statusCode } = (error ?? {}) as ErrorFields;
  if (typeof code === 'number') {
    return code;
  }
  return typeof statusCode === 'number' ? statusCode : undefined;
}

/** Whether a list or watch failed because the API server does not serve the kind. */
export function isNotFound(error: unknown): boolean {
  return httpStatus(error) === 404;
}

/**
 * One line on why a list or watch failed. API errors give only their status, since their
 * body and headers are the server's to word; network errors give their message, which
 * names the URL and the socket error and never a credential.
 */
export function describeWatchError(error: unknown): string {
  const status = httpStatus(error);
  if (status !== undefined) {
    return `the API server answered HTTP ${status} ${
      STATUS_CODES[status] ?? ''
    }`.trim();
  }
  const { message } = (error ?? {}) as ErrorFields;
  return typeof message === 'string' && message
    ? message.split('\n')[0]
    : String(error);
}

import { JsonPatchOperation } from './types';

type Container = Record<string, unknown> | unknown[];

function parsePointer(path: string): string[] {
  if (!path.startsWith('/')) {
    throw new Error(`JSON pointer "${path}" must start with /`);
  }
  return path
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(parent: unknown, token: string, path: string): Container {
  const value = Array.isArray(parent)
    ? parent[Number(token)]
    : (parent as Record<string, unknown>)[token];
  if (value === null || typeof value !== 'object') {
    throw new Error(`JSON patch path ${path}: "${token}" does not exist`);
  }
  return value as Container;
}

function arrayIndex(array: unknown[], token: string, path: string, op: string) {
  const index = token === '-' ? array.length : Number(token);
  const max = op === 'add' ? array.length : array.length - 1;
  if (!Number.isInteger(index) || index < 0 || index > max) {
    throw new Error(`JSON patch path ${path}: index ${token} is out of range`);
  }
  return index;
}

function applyOperation(document: unknown, operation: JsonPatchOperation) {
  const tokens = parsePointer(operation.path);
  const last = tokens.pop()!;
  const parent = tokens.reduce<unknown>(
    (node, token) => child(node, token, operation.path),
    document,
  );
  if (Array.isArray(parent)) {
    const index = arrayIndex(parent, last, operation.path, operation.op);
    if (operation.op === 'add') parent.splice(index, 0, operation.value);
    else if (operation.op === 'replace') parent[index] = operation.value;
    else parent.splice(index, 1);
    return;
  }
  const object = parent as Record<string, unknown>;
  if (operation.op !== 'add' && !(last in object)) {
    throw new Error(
      `JSON patch path ${operation.path}: "${last}" does not exist`,
    );
  }
  if (operation.op === 'remove') delete object[last];
  else object[last] = operation.value;
}

/** Applies RFC 6902 add, replace and remove operations to a copy of `document`. */
export function applyJsonPatch<T>(
  document: T,
  operations: JsonPatchOperation[],
): T {
  const copy = structuredClone(document);
  for (const operation of operations) {
    applyOperation(copy, structuredClone(operation));
  }
  return copy;
}

import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { dns1123LabelProblem } from '../names';

// The field rules every Hubspoke input schema shares, with the messages the
// scaffolder shows as `<field>: <rule>`.

/** Git URLs Flux's source-controller takes: http(s):// or ssh://, not scp-like. */
export const GIT_URL = /^(https?|ssh):\/\/[^\s/]+\/\S+$/;

export function requiredString() {
  return z.string({
    error: issue =>
      issue.input === undefined ? 'is required' : 'must be a string',
  });
}

export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** A DNS-1123 label, optionally shorter than 63 characters for names derived from it. */
export function dnsLabel(maxLength?: { length: number; why: string }) {
  return requiredString().superRefine((value, ctx) => {
    const problem =
      dns1123LabelProblem(value) ??
      (maxLength && value.length > maxLength.length
        ? `must be at most ${maxLength.length} characters ${maxLength.why} (has ${value.length})`
        : undefined);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
}

export const relativePath = requiredString().refine(
  value => !value.startsWith('/') && !value.split('/').includes('..'),
  'must be a path relative to the repository root, without ".."',
);

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const parent = issue.path.join('.');
    return issue.keys.map(
      key => `${parent ? `${parent}.` : ''}${key}: is not a known field`,
    );
  }
  return [`${issue.path.join('.') || '(input)'}: ${issue.message}`];
}

/** Parses raw input, or throws the error `toError` makes from every problem found. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  toError: (problems: string[]) => Error,
): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw toError(result.error.issues.flatMap(describeIssue));
  }
  return result.data;
}

// The form Flux's CRDs accept for `interval` and `timeout` (Go durations without sign or µs/ns).
const FLUX_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

export function nonEmptyString() {
  return requiredString().min(1, 'must not be empty');
}

export function fluxDuration() {
  return requiredString().regex(
    FLUX_DURATION,
    'must be a Flux duration such as 30s, 1m, 10m or 1h (numbers followed by ms, s, m or h)',
  );
}

export function booleanField() {
  return z.boolean({ error: 'must be true or false' });
}

/**
 * Every problem of one input, as the input schemas report them. It is an `InputError`
 * (and keeps that name), so Backstage's error handling answers it as a bad request.
 */
export class InputProblemsError extends InputError {
  readonly problems: string[];

  constructor(what: string, problems: string[]) {
    super(`Invalid ${what} input: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

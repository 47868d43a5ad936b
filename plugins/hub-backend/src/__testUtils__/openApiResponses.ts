import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(
  parse(readFileSync(resolve(__dirname, '../../openapi.yaml'), 'utf8')),
  'openapi',
);

function pointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Throws unless `body` is what openapi.yaml says `GET <path>` answers with 200.
 * The path is the route as the file names it, without its query.
 */
export function assertOpenApiResponse(path: string, body: unknown): void {
  const ref = `openapi#/paths/${pointer(
    path,
  )}/get/responses/200/content/application~1json/schema`;
  const validate = ajv.getSchema(ref);
  if (!validate) {
    throw new Error(`openapi.yaml documents no 200 response for GET ${path}`);
  }
  if (!validate(body)) {
    throw new Error(
      `GET ${path} answered what openapi.yaml does not allow: ${ajv.errorsText(
        validate.errors,
      )}`,
    );
  }
}

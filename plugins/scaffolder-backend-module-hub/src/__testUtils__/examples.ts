import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'yaml';
import { runAction, RunActionOptions } from './runAction';

/** The input of the first step of example `index`. */
export function exampleInput(examples: TemplateExample[], index: number) {
  return yaml.parse(examples[index].example).steps[0].input;
}

/**
 * Runs the first step of example `index` with runAction in a new temporary workspace,
 * returned with the outputs and the logger.
 */
export async function runExample(
  action: TemplateAction<any, any, any>,
  examples: TemplateExample[],
  index: number,
  options: Omit<RunActionOptions, 'workspacePath'> = {},
) {
  const workspacePath = await mkdtemp(join(tmpdir(), 'hub-example-'));
  const result = await runAction(action, exampleInput(examples, index), {
    ...options,
    workspacePath,
  });
  return { ...result, workspacePath };
}

/** Every example's step calls `action` and uses only inputs its schema declares. */
export function expectExamplesUseKnownInputs(
  action: TemplateAction<any, any, any>,
  examples: TemplateExample[],
) {
  const known = Object.keys(
    (action.schema?.input as { properties: object }).properties,
  );
  for (const { example } of examples) {
    const [step] = yaml.parse(example).steps;
    expect(step.action).toBe(action.id);
    expect(known).toEqual(expect.arrayContaining(Object.keys(step.input)));
  }
}

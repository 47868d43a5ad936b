import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** The input of the first step of example `index`. */
export function exampleInput(examples: TemplateExample[], index: number) {
  return yaml.parse(examples[index].example).steps[0].input;
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

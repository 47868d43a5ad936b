import { parse, parseAllDocuments } from 'yaml';
import { buildTenantManifests } from './buildTenantManifests';
import { renderManifestsYaml } from './renderYaml';
import { paymentsTenant } from './testInputs';
import { parseTenantInput } from './tenantInput';

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reversedKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, v]) => [key, reversedKeys(v)]),
  );
}

describe('renderManifestsYaml', () => {
  const objects = buildTenantManifests(
    paymentsTenant({ networkExposure: 'ingress' }),
  );
  const rendered = renderManifestsYaml(objects);

  it('renders a tenant as multi-document YAML', () => {
    expect(rendered).toMatchSnapshot();
  });

  it('renders one document per object that reads back as the object', () => {
    const documents = parseAllDocuments(rendered);
    expect(documents.map(document => document.toJS())).toEqual(objects);
  });

  it('starts every document with apiVersion, kind and metadata', () => {
    for (const document of rendered.split('---\n')) {
      expect(Object.keys(parse(document)).slice(0, 3)).toEqual([
        'apiVersion',
        'kind',
        'metadata',
      ]);
      expect(document).toMatch(
        /^apiVersion: .*\nkind: .*\nmetadata:\n {2}name: /,
      );
    }
  });

  it('is deterministic', () => {
    expect(
      renderManifestsYaml(
        buildTenantManifests(paymentsTenant({ networkExposure: 'ingress' })),
      ),
    ).toBe(rendered);
  });

  it('does not depend on the key order of the input or the objects', () => {
    const raw = {
      name: 'payments',
      ownerGroup: 'team-payments',
      environments: ['dev', 'prod'],
      quotaTier: 'medium',
      networkExposure: 'ingress',
      source: {
        url: 'https://github.com/acme/payments-deploy.git',
        path: './deploy',
        secretName: 'payments-git',
      },
    };
    const fromReversedInput = buildTenantManifests(
      parseTenantInput(reversedKeys(raw)),
    );
    expect(renderManifestsYaml(fromReversedInput)).toBe(rendered);
    expect(renderManifestsYaml(reversedKeys(objects) as typeof objects)).toBe(
      rendered,
    );
  });

  it('renders nothing for no objects', () => {
    expect(renderManifestsYaml([])).toBe('');
  });
});

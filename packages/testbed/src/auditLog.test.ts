import { readFile } from 'node:fs/promises';
import { CoreV1Api } from '@kubernetes/client-node';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';
import { eventually } from './eventually';
import { uniqueName } from './uniqueName';

jest.setTimeout(60_000);

const { state, kubeConfig } = connectToTestbed();
const core = kubeConfig.makeApiClient(CoreV1Api);

interface AuditEvent {
  stage: string;
  verb: string;
  user: { username: string; groups?: string[] };
  objectRef?: {
    resource?: string;
    namespace?: string;
    name?: string;
    apiVersion?: string;
  };
  responseStatus?: { code?: number };
}

async function auditEventsNaming(name: string): Promise<AuditEvent[]> {
  const log = await readFile(state.auditLogPath, 'utf8');
  return log
    .split('\n')
    .filter(line => line.includes(name))
    .map(line => JSON.parse(line) as AuditEvent);
}

describe('audit log', () => {
  let namespace: TestNamespace;

  beforeAll(async () => {
    namespace = await createTestNamespace(kubeConfig, 'audit');
  });

  afterAll(() => namespace?.delete());

  it('records the creation of a ConfigMap', async () => {
    const name = uniqueName('audited');
    await core.createNamespacedConfigMap({
      namespace: namespace.name,
      body: { metadata: { name }, data: { key: 'value' } },
    });

    const event = await eventually(
      async () => {
        const events = await auditEventsNaming(name);
        const create = events.find(
          e =>
            e.verb === 'create' &&
            e.objectRef?.name === name &&
            e.stage === 'ResponseComplete',
        );
        if (!create) {
          throw new Error(
            `No create event for ${name} in ${
              state.auditLogPath
            }; events naming it: ${JSON.stringify(events)}`,
          );
        }
        return create;
      },
      { timeoutMs: 20_000 },
    );

    expect(event.objectRef).toEqual({
      resource: 'configmaps',
      namespace: namespace.name,
      name,
      apiVersion: 'v1',
    });
    expect(event.responseStatus?.code).toBe(201);
    expect(event.user.username).toBe('testbed-admin');
    expect(event.user.groups).toContain('system:masters');
  });
});

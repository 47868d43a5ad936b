import { ApiException } from '@kubernetes/client-node';
import { applyErrorFor } from './apiErrors';

const settings = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'team-a',
  name: 'settings',
};

function apiException(code: number, status: object) {
  return new ApiException(code, 'Unsuccessful', JSON.stringify(status), {});
}

describe('applyErrorFor', () => {
  it('names each conflicting field and its manager', () => {
    const error = applyErrorFor(
      settings,
      apiException(409, {
        kind: 'Status',
        reason: 'Conflict',
        message: 'Apply failed with 2 conflicts',
        details: {
          causes: [
            {
              reason: 'FieldManagerConflict',
              message: 'conflict with "kubectl-edit" using v1',
              field: '.data.color',
            },
            {
              reason: 'FieldManagerConflict',
              message: 'conflict with "helm" using v1',
              field: '.data.size',
            },
          ],
        },
      }),
    );

    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      'ConfigMap team-a/settings: field .data.color is owned by manager "kubectl-edit", ' +
        'field .data.size is owned by manager "helm"; re-run with force to take them over',
    );
  });

  it("passes on the API server's message for other errors", () => {
    const error = applyErrorFor(
      settings,
      apiException(404, {
        kind: 'Status',
        reason: 'NotFound',
        message: 'namespaces "team-a" not found',
      }),
    );

    expect(error.name).toBe('Error');
    expect(error.message).toBe(
      'ConfigMap team-a/settings: namespaces "team-a" not found',
    );
  });

  it('names the object when the request failed without an answer', () => {
    const error = applyErrorFor(
      { apiVersion: 'v1', kind: 'Namespace', name: 'team-a' },
      new Error('connect ECONNREFUSED 127.0.0.1:6443'),
    );

    expect(error.message).toBe(
      'Namespace team-a: connect ECONNREFUSED 127.0.0.1:6443',
    );
  });
});

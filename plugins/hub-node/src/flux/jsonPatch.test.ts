import { applyJsonPatch } from './jsonPatch';

describe('applyJsonPatch', () => {
  const document = { spec: { args: ['--a', '--b'], env: [{ name: 'X' }] } };

  it('inserts at an index, appends with -, replaces and removes, leaving the input alone', () => {
    const patched = applyJsonPatch(document, [
      { op: 'add', path: '/spec/args/0', value: '--first' },
      { op: 'add', path: '/spec/args/-', value: '--last' },
      { op: 'replace', path: '/spec/args/1', value: '--A' },
      { op: 'add', path: '/spec/serviceAccountName', value: 'sa' },
      { op: 'remove', path: '/spec/env/0' },
    ]);
    expect(patched).toEqual({
      spec: {
        args: ['--first', '--A', '--b', '--last'],
        env: [],
        serviceAccountName: 'sa',
      },
    });
    expect(document.spec.args).toEqual(['--a', '--b']);
  });

  it('decodes ~1 and ~0 in pointer tokens', () => {
    expect(
      applyJsonPatch({ labels: {} }, [
        { op: 'add', path: '/labels/kubernetes.io~1os', value: 'linux' },
      ]),
    ).toEqual({ labels: { 'kubernetes.io/os': 'linux' } });
  });

  it.each([
    [
      { op: 'replace' as const, path: '/spec/missing', value: 1 },
      /"missing" does not exist/,
    ],
    [
      { op: 'add' as const, path: '/spec/args/5', value: 1 },
      /index 5 is out of range/,
    ],
    [
      { op: 'add' as const, path: '/nothing/here', value: 1 },
      /"nothing" does not exist/,
    ],
    [{ op: 'remove' as const, path: 'spec' }, /must start with \//],
  ])('refuses %j', (operation, message) => {
    expect(() => applyJsonPatch(document, [operation])).toThrow(message);
  });
});

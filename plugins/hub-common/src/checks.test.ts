import { worstStatus } from './checks';

describe('worstStatus', () => {
  it.each([
    [[], 'pass'],
    [['pass', 'pass'], 'pass'],
    [['pass', 'warn'], 'warn'],
    [['warn', 'fail', 'pass'], 'fail'],
  ] as const)('%j -> %s', (statuses, expected) => {
    expect(worstStatus([...statuses])).toBe(expected);
  });
});

import { parseQuantity, toGi } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['8', 8],
    ['7500m', 7.5],
    ['0.5', 0.5],
    ['250000000n', 0.25],
    ['1k', 1000],
    ['1e3', 1000],
    ['1E', 1e18],
    ['32Gi', 32 * 2 ** 30],
    ['32768Mi', 32 * 2 ** 30],
    ['33554432Ki', 32 * 2 ** 30],
    ['34359738368', 32 * 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2G', 2e9],
  ])('parses %s', (quantity, expected) => {
    expect(parseQuantity(quantity)).toBeCloseTo(expected);
  });

  it.each(['', 'Gi', '12Xi', '1.2.3', 'abc'])('refuses "%s"', quantity => {
    expect(() => parseQuantity(quantity)).toThrow(
      'is not a Kubernetes quantity',
    );
  });

  it('rounds bytes to GiB for messages', () => {
    expect(toGi(33554432 * 1024)).toBe(32);
    expect(toGi(1.234567 * 2 ** 30)).toBe(1.23);
  });
});

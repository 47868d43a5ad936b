import { dns1123LabelProblem } from './names';

describe('dns1123LabelProblem', () => {
  it.each(['hub', 'spoke-eu-1', 'a', '0', 'x'.repeat(63)])(
    'accepts %s',
    name => {
      expect(dns1123LabelProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['', /must not be empty/],
    ['x'.repeat(64), /at most 63 characters \(has 64\)/],
    ['Hub', /DNS-1123/],
    ['-hub', /DNS-1123/],
    ['hub-', /DNS-1123/],
    ['hub_1', /DNS-1123/],
    ['hub.eu', /DNS-1123/],
  ])('rejects %j', (name, message) => {
    expect(dns1123LabelProblem(name)).toMatch(message);
  });
});

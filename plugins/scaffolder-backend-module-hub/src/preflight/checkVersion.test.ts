import { VersionInfo } from '@kubernetes/client-node';
import {
  checkVersion,
  isSupportedVersion,
  parseServerVersion,
} from './checkVersion';

const version = (major: string, minor: string, gitVersion = '') =>
  ({ major, minor, gitVersion } as VersionInfo);

describe('parseServerVersion', () => {
  it('reads plain and suffixed minors', () => {
    expect(parseServerVersion(version('1', '33'))).toEqual({
      major: 1,
      minor: 33,
    });
    expect(parseServerVersion(version('1', '36+'))).toEqual({
      major: 1,
      minor: 36,
    });
  });

  it('falls back to gitVersion when major or minor is empty', () => {
    expect(parseServerVersion(version('', '', 'v1.31.4-eks-2f1a'))).toEqual({
      major: 1,
      minor: 31,
    });
  });

  it('gives up without any number', () => {
    expect(parseServerVersion(version('', '', 'unknown'))).toBeUndefined();
  });
});

describe('isSupportedVersion', () => {
  it.each([
    [1, 29, false],
    [1, 30, true],
    [1, 37, true],
    [1, 38, false],
    [2, 0, false],
    [0, 99, false],
  ])('%i.%i -> %s', (major, minor, expected) => {
    expect(isSupportedVersion({ major, minor })).toBe(expected);
  });
});

describe('checkVersion', () => {
  it('passes inside the range', () => {
    expect(checkVersion(version('1', '36+', 'v1.36.0')).status).toBe('pass');
  });

  it('fails outside the range, naming it', () => {
    const result = checkVersion(version('1', '29', 'v1.29.9'));
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Kubernetes 1.29 is not supported: upgrade or pick a cluster with 1.30 <= version < 1.38',
    );
  });

  it('fails when the version cannot be read', () => {
    expect(checkVersion(version('x', 'y', 'z')).status).toBe('fail');
  });
});

import { VersionInfo } from '@kubernetes/client-node';
import { CheckResult } from './types';

/** The Kubernetes minor versions Hubspoke supports: 1.30 up to, not including, 1.38. */
export const SUPPORTED_VERSIONS = {
  minimum: { major: 1, minor: 30 },
  below: { major: 1, minor: 38 },
};

export interface ServerVersion {
  major: number;
  minor: number;
}

/**
 * Reads major and minor from /version. Managed clusters report minors such as '36+',
 * and some leave them empty, so the gitVersion ('v1.36.2-eks-1') is the fallback.
 */
export function parseServerVersion(
  version: Pick<VersionInfo, 'major' | 'minor' | 'gitVersion'>,
): ServerVersion | undefined {
  const major = leadingNumber(version.major);
  const minor = leadingNumber(version.minor);
  if (major !== undefined && minor !== undefined) {
    return { major, minor };
  }
  const git = /^v?(\d+)\.(\d+)/.exec(version.gitVersion ?? '');
  return git ? { major: Number(git[1]), minor: Number(git[2]) } : undefined;
}

function leadingNumber(text: string | undefined): number | undefined {
  const match = /^\s*(\d+)/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

/** True when `version` is within {@link SUPPORTED_VERSIONS}. */
export function isSupportedVersion(version: ServerVersion): boolean {
  const { minimum, below } = SUPPORTED_VERSIONS;
  const atLeast =
    version.major > minimum.major ||
    (version.major === minimum.major && version.minor >= minimum.minor);
  const under =
    version.major < below.major ||
    (version.major === below.major && version.minor < below.minor);
  return atLeast && under;
}

export function checkVersion(version: VersionInfo): CheckResult {
  const { minimum, below } = SUPPORTED_VERSIONS;
  const range = `${minimum.major}.${minimum.minor} <= version < ${below.major}.${below.minor}`;
  const base = { id: 'version', title: 'Kubernetes version' };
  const evidence = {
    major: version.major,
    minor: version.minor,
    gitVersion: version.gitVersion,
  };
  const parsed = parseServerVersion(version);
  if (!parsed) {
    return {
      ...base,
      status: 'fail',
      message: `cannot read the server version from major "${version.major}", minor "${version.minor}", gitVersion "${version.gitVersion}"; supported: ${range}`,
      evidence,
    };
  }
  const found = `${parsed.major}.${parsed.minor}`;
  return isSupportedVersion(parsed)
    ? {
        ...base,
        status: 'pass',
        message: `Kubernetes ${found} is supported (${range})`,
        evidence,
      }
    : {
        ...base,
        status: 'fail',
        message: `Kubernetes ${found} is not supported: upgrade or pick a cluster with ${range}`,
        evidence,
      };
}

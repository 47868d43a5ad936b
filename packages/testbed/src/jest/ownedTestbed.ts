import { Testbed } from '../startTestbed';

// globalSetup and globalTeardown are loaded as separate modules; only globals and
// process.env are shared between them.
const key = Symbol.for('@hubspoke/testbed/ownedTestbed');

type GlobalWithTestbed = typeof globalThis & { [key]?: Testbed };

/** Remembers the testbed that globalSetup started, so that teardown stops only that one. */
export function setOwnedTestbed(testbed: Testbed | undefined) {
  (globalThis as GlobalWithTestbed)[key] = testbed;
}

export function getOwnedTestbed(): Testbed | undefined {
  return (globalThis as GlobalWithTestbed)[key];
}

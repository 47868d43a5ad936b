import { GitServer, startGitServer } from '../git/gitServer';
import { createFluxTenant, FluxTenant } from './createFluxTenant';
import { connectToFluxTestbed, FluxTestbed } from './fluxTestbed';

export interface FluxTenantFixture {
  testbed: FluxTestbed;
  git: GitServer;
  tenant: FluxTenant;
}

/**
 * Registers beforeAll/afterAll hooks in the calling describe block that give its
 * tests a testbed running Flux, a git server and a tenant namespace. The fields are
 * filled in by beforeAll, so read them inside tests only.
 */
export function useFluxTenantFixture(prefix: string): FluxTenantFixture {
  const fixture = {} as FluxTenantFixture;

  beforeAll(async () => {
    fixture.testbed = await connectToFluxTestbed();
    fixture.git = await startGitServer();
    fixture.tenant = await createFluxTenant(fixture.testbed.kubeConfig, prefix);
  }, 300_000);

  afterAll(async () => {
    await fixture.tenant?.delete();
    await fixture.git?.stop();
    await fixture.testbed?.release();
  }, 120_000);

  return fixture;
}

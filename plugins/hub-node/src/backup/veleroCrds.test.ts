import { VELERO_VERSION } from '@hubspoke/backstage-plugin-hub-common';
import { parseAllDocuments } from 'yaml';
import generated from './velero/velero-crds-v1.18.3.json';
import { veleroCrds, veleroCrdsYaml } from './veleroCrds';

describe('veleroCrds', () => {
  it('are generated from the Velero release whose image the HelmRelease runs', () => {
    expect(generated.version).toBe(VELERO_VERSION);
    expect(generated.module).toBe(
      `github.com/vmware-tanzu/velero@${VELERO_VERSION}`,
    );
  });

  it('hold the kinds the builders emit and the ones the Velero server watches', () => {
    const names = veleroCrds().map(crd => crd.metadata?.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'backupstoragelocations.velero.io',
        'schedules.velero.io',
        'backups.velero.io',
        'backuprepositories.velero.io',
        'datauploads.velero.io',
      ]),
    );
  });

  it('render as the YAML the fleet repository gets, one document per CRD', () => {
    const documents = parseAllDocuments(veleroCrdsYaml());
    expect(documents.map(d => d.toJS().metadata.name)).toEqual(
      veleroCrds().map(crd => crd.metadata?.name),
    );
  });
});

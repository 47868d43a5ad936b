import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { listFiles } from '../__testUtils__/listFiles';
import { createControlPlanePlanAction } from './controlplanePlan';
import { examples } from './controlplanePlan.examples';

const action = createControlPlanePlanAction();

async function filesOfExample(index: number): Promise<string[]> {
  const { workspacePath } = await runExample(action, examples, index);
  return listFiles(workspacePath);
}

describe('hub:controlplane:plan examples', () => {
  it('writes the kubeadm example into the fleet repository', async () => {
    expect(await filesOfExample(0)).toEqual(
      [
        'helmrelease-cilium.yaml',
        'helmrelease-csi-driver-nfs.yaml',
        'helmrepository-cilium.yaml',
        'helmrepository-csi-driver-nfs.yaml',
        'kubeadm/init-configuration.yaml',
        'kubeadm/join-control-plane.yaml',
        'kustomization.yaml',
      ].map(file => `fleet/clusters/spoke-eu-1/control-plane/${file}`),
    );
  });

  it('writes the Cluster API example into the fleet repository', async () => {
    expect(await filesOfExample(1)).toEqual(
      [
        'awscluster-spoke-us-1.yaml',
        'awsmachinetemplate-spoke-us-1-control-plane.yaml',
        'cluster-spoke-us-1.yaml',
        'helmrelease-aws-ebs-csi-driver.yaml',
        'helmrelease-tigera-operator.yaml',
        'helmrepository-aws-ebs-csi-driver.yaml',
        'helmrepository-projectcalico.yaml',
        'kubeadmcontrolplane-spoke-us-1-control-plane.yaml',
        'kustomization.yaml',
      ].map(file => `fleet/clusters/spoke-us-1/control-plane/${file}`),
    );
  });

  it('every example uses hub:controlplane:plan with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});

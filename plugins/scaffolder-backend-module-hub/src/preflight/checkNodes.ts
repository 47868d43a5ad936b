import { CoreV1Api, KubeConfig, V1Node } from '@kubernetes/client-node';
import { apiErrorMessage } from './apiErrorMessage';
import { parseQuantity, toGi } from './quantity';
import { CheckResult } from './types';

export interface NodeMinimums {
  nodes: number;
  cpu: number;
  memoryGi: number;
}

export interface NodeCapacity {
  readyNodes: number;
  cpu: number;
  memoryGi: number;
}

/** Ready nodes and their allocatable CPU (cores) and memory (GiB), summed. */
export function sumReadyNodes(nodes: V1Node[]): NodeCapacity {
  const ready = nodes.filter(node =>
    node.status?.conditions?.some(
      c => c.type === 'Ready' && c.status === 'True',
    ),
  );
  let cpu = 0;
  let memory = 0;
  for (const node of ready) {
    const allocatable = node.status?.allocatable ?? {};
    cpu += allocatable.cpu ? parseQuantity(allocatable.cpu) : 0;
    memory += allocatable.memory ? parseQuantity(allocatable.memory) : 0;
  }
  return {
    readyNodes: ready.length,
    cpu: Math.round(cpu * 1000) / 1000,
    memoryGi: toGi(memory),
  };
}

export async function checkNodes(
  kubeConfig: KubeConfig,
  minimums: NodeMinimums,
): Promise<CheckResult> {
  const base = { id: 'nodes', title: 'Node capacity' };
  let capacity: NodeCapacity;
  try {
    const nodes = await kubeConfig.makeApiClient(CoreV1Api).listNode();
    capacity = sumReadyNodes(nodes.items);
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      message: `cannot list nodes: ${apiErrorMessage(error)}`,
    };
  }
  const found = `${capacity.readyNodes} Ready nodes with ${capacity.cpu} CPU cores and ${capacity.memoryGi} GiB memory allocatable`;
  const needed = `at least ${minimums.nodes} nodes, ${minimums.cpu} CPU cores and ${minimums.memoryGi} GiB memory`;
  const evidence = { ...capacity, minimums: { ...minimums } };
  const enough =
    capacity.readyNodes >= minimums.nodes &&
    capacity.cpu >= minimums.cpu &&
    capacity.memoryGi >= minimums.memoryGi;
  return enough
    ? { ...base, status: 'pass', message: `${found}; need ${needed}`, evidence }
    : {
        ...base,
        status: 'fail',
        message: `${found}; need ${needed}: add nodes or lower the minimums`,
        evidence,
      };
}

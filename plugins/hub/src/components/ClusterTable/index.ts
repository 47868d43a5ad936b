export { ClusterTable } from './ClusterTable';

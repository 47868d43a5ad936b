import { Table, TableColumn } from '@backstage/core-components';
import { HubClusterSummary } from '@hubspoke/backstage-plugin-hub-common';
import Chip from '@material-ui/core/Chip';

const authLabels: Record<HubClusterSummary['authType'], string> = {
  kubeconfig: 'kubeconfig',
  serviceAccountToken: 'service-account token',
};

const columns: TableColumn<HubClusterSummary>[] = [
  { title: 'Name', field: 'name', highlight: true },
  {
    title: 'Title',
    field: 'title',
    render: cluster => cluster.title ?? cluster.name,
  },
  {
    title: 'Role',
    field: 'role',
    render: cluster => (
      <Chip
        size="small"
        label={cluster.role}
        color={cluster.role === 'hub' ? 'primary' : 'default'}
      />
    ),
  },
  {
    title: 'API server',
    field: 'apiUrl',
    render: cluster => cluster.apiUrl ?? 'from kubeconfig',
  },
  {
    title: 'Authentication',
    field: 'authType',
    render: cluster => authLabels[cluster.authType],
  },
];

export const ClusterTable = ({
  clusters,
}: {
  clusters: HubClusterSummary[];
}) => (
  <Table
    title={`Clusters (${clusters.length})`}
    options={{ paging: false, search: false, padding: 'dense' }}
    columns={columns}
    data={clusters}
  />
);

import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { hubApiRef } from '../../api';
import { ClusterTable } from '../ClusterTable';

const ClusterSection = () => {
  const hubApi = useApi(hubApiRef);
  const { value, loading, error } = useAsync(
    () => hubApi.getClusters(),
    [hubApi],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.clusters.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No clusters configured"
        description="Set hubspoke.hub (and optionally hubspoke.spokes) in app-config.yaml to connect the portal to a hub cluster."
      />
    );
  }
  return <ClusterTable clusters={value.clusters} />;
};

export const HubPage = () => (
  <Page themeId="tool">
    <Header
      title="Hub"
      subtitle="The hub cluster and the spoke clusters it manages through Flux"
    />
    <Content>
      <ContentHeader title="Clusters" />
      <ClusterSection />
    </Content>
  </Page>
);

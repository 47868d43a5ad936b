import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Hubspoke

Run a Kubernetes **hub cluster** that manages **spoke clusters** through Flux v2,
with tenants kept apart.

- **[Hub](/hub)**: the hub and the spoke clusters the portal is connected to.
- **[Catalog](/catalog)**: the Hubspoke system, its components and the teams.
- **[Documentation](/docs/default/system/hubspoke)**: architecture, installation and
  configuration.
- **[Create](/create)**: software templates for platform and tenant teams.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting started with Hubspoke',
    description: 'Where to start with Hubspoke',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});

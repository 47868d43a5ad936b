import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// Runs the plugin alone on :7007 with mocked auth, against the clusters in the
// app-config files in the repository root:
//   curl http://localhost:7007/api/hub/clusters
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));
backend.start();

import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  HubClusterList,
  HubClusterStatusList,
  HubFluxObjectList,
  HubHealth,
} from '@hubspoke/backstage-plugin-hub-common';
import express from 'express';
import Router from 'express-promise-router';
import { StatusCache } from '../cache/StatusCache';
import { ClusterDirectory } from '../services/ClusterDirectory';
import { parseFluxFilter } from './parseFluxFilter';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  clusterDirectory: ClusterDirectory;
  statusCache: StatusCache;
}

export async function createRouter({
  httpAuth,
  clusterDirectory,
  statusCache,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    const health: HubHealth = { status: 'ok' };
    res.json(health);
  });

  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body: HubClusterList = { clusters: clusterDirectory.listClusters() };
    res.json(body);
  });

  router.get('/status/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body: HubClusterStatusList = statusCache.clusterStatuses();
    res.json(body);
  });

  router.get('/flux', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body: HubFluxObjectList = statusCache.fluxObjects(
      parseFluxFilter(req),
    );
    res.json(body);
  });

  return router;
}

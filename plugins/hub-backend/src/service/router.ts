import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  HubClusterList,
  HubHealth,
} from '@hubspoke/backstage-plugin-hub-common';
import express from 'express';
import Router from 'express-promise-router';
import { ClusterDirectory } from '../services/ClusterDirectory';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  clusterDirectory: ClusterDirectory;
}

export async function createRouter({
  httpAuth,
  clusterDirectory,
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

  return router;
}

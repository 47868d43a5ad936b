import { KubeConfig } from '@kubernetes/client-node';
import https from 'node:https';
import http from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * GETs a path the typed clients do not cover (e.g. `/readyz?verbose`) with the
 * cluster's credentials. Error statuses are returned, not thrown.
 */
export async function apiServerGet(
  kubeConfig: KubeConfig,
  path: string,
): Promise<RawResponse> {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new Error('the kubeconfig names no API server');
  const url = new URL(path, server);
  const options: https.RequestOptions = { method: 'GET', timeout: 10_000 };
  await kubeConfig.applyToHTTPSOptions(options);
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, options, response => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', chunk => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body }),
      );
    });
    request.on('timeout', () =>
      request.destroy(new Error(`GET ${path}: no answer within 10 s`)),
    );
    request.on('error', reject);
    request.end();
  });
}

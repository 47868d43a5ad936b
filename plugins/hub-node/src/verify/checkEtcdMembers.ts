import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { EtcdClientConfig, VerifyContext } from './types';

interface MemberList {
  members?: Array<{
    name?: string;
    clientURLs?: string[];
    isLearner?: boolean;
  }>;
}

async function tlsFiles(etcd: EtcdClientConfig) {
  const read = (file?: string) => (file ? readFile(file) : undefined);
  const [ca, cert, key] = await Promise.all([
    read(etcd.caFile),
    read(etcd.certFile),
    read(etcd.keyFile),
  ]);
  return { ca, cert, key };
}

/** etcd's gRPC gateway: POST /v3/cluster/member/list, with the client certificate over https. */
async function listMembers(
  etcd: EtcdClientConfig,
  endpoint: string,
): Promise<MemberList> {
  const url = new URL('/v3/cluster/member/list', endpoint);
  const transport = url.protocol === 'https:' ? https : http;
  const tls = url.protocol === 'https:' ? await tlsFiles(etcd) : {};
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        ...tls,
        timeout: 5_000,
        headers: { 'content-type': 'application/json' },
      },
      response => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', chunk => {
          body += chunk;
        });
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(JSON.parse(body) as MemberList)
            : reject(
                new Error(`HTTP ${response.statusCode}: ${body.slice(0, 200)}`),
              ),
        );
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error('no answer within 5 s')),
    );
    request.on('error', reject);
    request.end('{}');
  });
}

/** etcd membership, asked of etcd itself: an odd number of voting members, at least 3. */
export async function checkEtcdMembers({
  etcd,
}: VerifyContext): Promise<HubCheck | undefined> {
  if (!etcd) return undefined;
  const base = {
    id: 'etcd.members',
    area: 'etcd' as const,
    title: 'etcd quorum',
  };
  const errors: string[] = [];
  for (const endpoint of etcd.endpoints) {
    try {
      const { members = [] } = await listMembers(etcd, endpoint);
      const voters = members.filter(m => !m.isLearner);
      const evidence = [
        `asked ${endpoint}`,
        ...members.map(m =>
          `${m.name ?? '(unstarted)'} ${m.clientURLs?.join(',') ?? ''}${
            m.isLearner ? ' (learner)' : ''
          }`.trim(),
        ),
      ];
      if (voters.length >= 3 && voters.length % 2 === 1) {
        return {
          ...base,
          status: 'pass',
          reason: `${voters.length} voting members: quorum survives ${
            (voters.length - 1) / 2
          } failure(s)`,
          evidence,
        };
      }
      return {
        ...base,
        status: 'fail',
        reason: `${voters.length} voting member(s): ${
          voters.length < 3
            ? 'no failure can be tolerated'
            : 'an even count tolerates no more failures than one member fewer'
        }; run 3 or 5`,
        evidence,
      };
    } catch (error) {
      errors.push(`${endpoint}: ${(error as Error).message}`);
    }
  }
  return {
    ...base,
    status: 'fail',
    reason: 'no etcd endpoint answered the member list',
    evidence: errors,
  };
}

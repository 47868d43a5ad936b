// The backend with app-config.production.yaml against a real PostgreSQL:
// it starts, migrates its plugins' databases, and the catalog answers.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { startPostgres } from './postgresServer.mjs';

const backendDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(backendDir, '../..');
const accessToken = randomBytes(24).toString('hex');
const dbUser = 'backstage';
const dbPassword = randomBytes(12).toString('hex');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// A static service token lets the test read the catalog without a browser sign-in.
function writeTestConfig() {
  const file = join(
    mkdtempSync(join(tmpdir(), 'hubspoke-prod-')),
    'app-config.test.yaml',
  );
  writeFileSync(
    file,
    JSON.stringify({
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: accessToken, subject: 'production-test' },
            },
          ],
        },
      },
    }),
  );
  return file;
}

let postgres;
let backend;
let backendUrl;
let backendLog = '';

before(async () => {
  postgres = await startPostgres({
    port: await freePort(),
    user: dbUser,
    password: dbPassword,
  });
  const backendPort = await freePort();
  backendUrl = `http://127.0.0.1:${backendPort}`;
  backend = spawn(
    'yarn',
    [
      'start',
      '--config',
      join(repoRoot, 'app-config.yaml'),
      '--config',
      join(repoRoot, 'app-config.production.yaml'),
      '--config',
      writeTestConfig(),
    ],
    {
      cwd: backendDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        APP_BASE_URL: backendUrl,
        BACKEND_BASE_URL: backendUrl,
        BACKEND_PORT: String(backendPort),
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: String(postgres.port),
        POSTGRES_USER: dbUser,
        POSTGRES_PASSWORD: dbPassword,
      },
    },
  );
  backend.stdout.on('data', chunk => (backendLog += chunk));
  backend.stderr.on('data', chunk => (backendLog += chunk));
});

after(async () => {
  if (backend && backend.exitCode === null) {
    const exited = new Promise(resolve => backend.once('exit', resolve));
    process.kill(-backend.pid, 'SIGTERM');
    await exited;
  }
  await postgres?.stop();
});

async function getCatalogEntity(path) {
  return fetch(`${backendUrl}/api/catalog/entities/by-name/${path}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

async function waitForEntity(path, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) {
      throw new Error(
        `backend exited with ${backend.exitCode}:\n${backendLog.slice(-4000)}`,
      );
    }
    try {
      const response = await getCatalogEntity(path);
      if (response.ok) {
        return response.json();
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(
    `catalog did not serve ${path} within ${timeoutMs} ms (last: ${last}):\n${backendLog.slice(
      -4000,
    )}`,
  );
}

test(
  'the backend starts on PostgreSQL with the production config and the catalog answers',
  { timeout: 300_000 },
  async () => {
    const system = await waitForEntity('system/default/hubspoke', 240_000);
    assert.equal(system.metadata.name, 'hubspoke');
    assert.equal(system.spec.owner, 'group:default/platform-team');

    const databases = execFileSync(
      'psql',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(postgres.port),
        '-U',
        dbUser,
        '-d',
        'postgres',
        '-Atc',
        'select datname from pg_database',
      ],
      { env: { ...process.env, PGPASSWORD: dbPassword }, encoding: 'utf8' },
    ).split('\n');
    assert.ok(
      databases.includes('backstage_plugin_catalog'),
      `the catalog's database lives in PostgreSQL (databases: ${databases.join(
        ', ',
      )})`,
    );

    const health = await fetch(`${backendUrl}/api/hub/health`);
    assert.deepEqual(await health.json(), { status: 'ok' });
  },
);

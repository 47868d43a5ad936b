import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<LoopbackServer> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on right now, for a server started by another process. */
export async function freePort(): Promise<number> {
  const probe = await listen(createServer());
  await probe.close();
  return probe.port;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One notification as Alertmanager's webhook receiver posts it. */
export interface WebhookDelivery {
  path: string;
  authorization?: string;
  receiver: string;
  alerts: Array<{ status: string; labels: Record<string, string> }>;
}

export interface WebhookRecorder extends LoopbackServer {
  deliveries: WebhookDelivery[];
}

/** Records every webhook POST, by path. */
export async function startWebhookRecorder(): Promise<WebhookRecorder> {
  const deliveries: WebhookDelivery[] = [];
  const server = createServer(async (request, response) => {
    const payload = JSON.parse(await body(request));
    deliveries.push({
      path: request.url ?? '',
      authorization: request.headers.authorization,
      receiver: payload.receiver,
      alerts: payload.alerts,
    });
    response.writeHead(200).end();
  });
  return { ...(await listen(server)), deliveries };
}

/** Serves Prometheus' exposition format: `pages[path]()` at each path. */
export async function startMetricsEndpoint(
  pages: Record<string, () => string>,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' })
      .end(page());
  });
  return listen(server);
}

/** A real HTTP server on loopback for tests of the HTTP sources: each test says how it answers. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  /** Path and query, e.g. `/2/tweets/search/recent?query=...`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The request's body as text (empty for a GET). */
  readonly body: string;
}

export interface Answer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Drop the connection without answering (a network error for the client). */
  readonly hangUp?: boolean;
}

export type Responder = (request: SeenRequest) => Answer | Promise<Answer>;

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Replaces how the server answers from now on. */
  answer(responder: Responder): void;
  close(): Promise<void>;
}

export async function startTestServer(responder: Responder = () => ({ status: 404 })): Promise<TestServer> {
  let respond = responder;
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      void (async () => {
        try {
          const answer = await respond(seen);
          if (answer.hangUp) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status ?? 200, answer.headers ?? {});
          res.end(answer.body ?? '');
        } catch (err) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

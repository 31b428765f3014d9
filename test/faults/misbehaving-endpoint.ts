import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PartnerCopy, PartnerEndpoint, ReceivedFile } from './fault-world.js';

/** How the endpoint answers one post. */
type Answer = 'hang' | 'error-500' | 'slow' | 'close-after-body' | 'ok';

// Of every ten posts, in arrival order: one never answered, one 500, one answered 200 after a few
// seconds, one read and stored and then cut off without an answer, six answered 200 at once.
const CYCLE: readonly Answer[] = [
  'hang',
  'ok',
  'error-500',
  'ok',
  'slow',
  'ok',
  'close-after-body',
  'ok',
  'ok',
  'ok',
];

export interface EndpointOptions {
  /** How long a `slow` answer takes. Default 3 s. */
  slowMs?: number;
  /**
   * Failed posts (hang, 500, cut off) per file name; the posts after those are answered. Keeps the
   * scenario about redelivery, not about the gateway's retries running out. Default 2.
   */
  maxFailuresPerFile?: number;
}

export interface MisbehavingEndpoint extends PartnerEndpoint {
  close(): Promise<void>;
}

/**
 * A partner's HTTP endpoint on loopback that takes our 997s and 855s as the `http` transport posts
 * them (bearer token, `Idempotency-Key` = file name), and misbehaves on a share of the posts:
 * it never answers (the client's timeout ends the post), answers 500, answers slowly, or reads
 * and keeps the file and then closes the connection without answering, so that the gateway
 * cannot know the file arrived. It keeps the first copy of every file name it kept, and counts
 * the later ones.
 *
 * @example
 * const endpoint = await startMisbehavingEndpoint();
 * const world = await prepareWorld(30, { endpoint });
 */
export async function startMisbehavingEndpoint(options: EndpointOptions = {}): Promise<MisbehavingEndpoint> {
  const token = randomBytes(24).toString('base64url');
  const slowMs = options.slowMs ?? 3_000;
  const maxFailures = options.maxFailuresPerFile ?? 2;
  const kept = new Map<string, ReceivedFile>();
  const failuresOf = new Map<string, number>();
  const answered = new Map<Answer | 'refused', number>();
  let redeliveries = 0;
  let conflicts = 0;
  let posts = 0;

  const keep = (name: string, content: string) => {
    const first = kept.get(name);
    if (first === undefined) kept.set(name, { name, content });
    else if (first.content === content) redeliveries += 1;
    else conflicts += 1;
  };
  const answerFor = (name: string): Answer => {
    const answer = CYCLE[posts++ % CYCLE.length] ?? 'ok';
    if (answer === 'ok' || answer === 'slow') return answer;
    const failures = failuresOf.get(name) ?? 0;
    if (failures >= maxFailures) return 'ok';
    failuresOf.set(name, failures + 1);
    return answer;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const name = req.headers['idempotency-key'];
    if (
      req.method !== 'POST' ||
      req.headers.authorization !== `Bearer ${token}` ||
      typeof name !== 'string'
    ) {
      count(answered, 'refused');
      req.resume();
      res.writeHead(401, { 'content-type': 'text/plain' }).end('bearer token and Idempotency-Key required');
      return;
    }
    const answer = answerFor(name);
    count(answered, answer);
    if (answer === 'hang') {
      // Read and dropped, never answered: the post ends when the client gives up on it.
      req.resume();
      return;
    }
    const content = await readBody(req);
    if (answer === 'error-500') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('partner endpoint failed');
      return;
    }
    keep(name, content);
    if (answer === 'close-after-body') {
      req.socket.destroy();
      return;
    }
    if (answer === 'slow') await new Promise((resolve) => setTimeout(resolve, slowMs));
    res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/edi/inbound`,
    token,
    copy: (): PartnerCopy => ({
      files: [...kept.values()],
      conflicts,
      notes: [
        `endpoint: ${posts} posts: ${tally(answered)}; ${redeliveries} redelivered copies of a file it had (same name and bytes: the Idempotency-Key lets a partner drop them)`,
        ...(conflicts > 0 ? [`endpoint: ${conflicts} posts of a file name it had, with other bytes`] : []),
      ],
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function count<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function tally(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([answer, n]) => `${n} ${answer}`).join(', ');
}

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpensslWorkspace } from './openssl-partner.js';

/** What the partner does with the next messages it is posted. */
export interface PartnerBehaviour {
  /** Answer 503 to this many posts before taking one. */
  failFirst?: number;
  /** `positive` (default), a `wrong-mic`, or a `negative` disposition (decryption-failed). */
  mdn?: 'positive' | 'wrong-mic' | 'negative';
  /** Post the MDN to the message's Receipt-Delivery-Option instead of answering it. */
  async?: boolean;
  /** With `async`: never post it. */
  withholdMdn?: boolean;
}

/** One message the partner took: opened and checked by openssl. */
export interface TakenMessage {
  messageId: string;
  headers: IncomingHttpHeaders;
  /** The payload entity as openssl verified it (headers, blank line, content). */
  verified: Buffer;
  /** The MIC over the signed entity, as the partner returns it. */
  mic: string;
}

export interface OpensslAs2Partner {
  url: string;
  /** Every Message-ID posted, 503s included, in order. */
  posts: string[];
  taken: TakenMessage[];
  behave(next: PartnerBehaviour): void;
  close(): Promise<void>;
}

/**
 * An AS2 partner played by `openssl cms` on a loopback port: each post is decrypted with the
 * partner's key and its signature verified against the gateway's certificate by openssl; the MDN
 * is a multipart/report openssl signs with the partner's key, answered (sync) or posted (async).
 */
export async function startOpensslAs2Partner(
  ws: OpensslWorkspace,
  names: { partner: string; gateway: string; partnerAs2Id: string; gatewayAs2Id: string },
): Promise<OpensslAs2Partner> {
  let behaviour: PartnerBehaviour = {};
  const posts: string[] = [];
  const taken: TakenMessage[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const messageId = String(req.headers['message-id'] ?? '');
      posts.push(messageId);
      // With `async`, only the posts that ask for an async MDN are the test's own.
      const counted = !behaviour.async || req.headers['receipt-delivery-option'] !== undefined;
      if (counted && (behaviour.failFirst ?? 0) > 0) {
        behaviour = { ...behaviour, failFirst: (behaviour.failFirst ?? 0) - 1 };
        res.writeHead(503).end('busy');
        return;
      }
      try {
        const i = ++n;
        writeFileSync(ws.path(`in-${i}.der`), Buffer.concat(chunks));
        ws.openssl(
          'cms',
          '-decrypt',
          '-inform',
          'DER',
          '-in',
          `in-${i}.der`,
          '-recip',
          `${names.partner}.crt`,
          '-inkey',
          `${names.partner}.key`,
          '-out',
          `signed-${i}.eml`,
        );
        const verified = ws.openssl(
          'cms',
          '-verify',
          '-in',
          `signed-${i}.eml`,
          '-CAfile',
          `${names.gateway}.crt`,
          '-purpose',
          'any',
        );
        const signed = readFileSync(ws.path(`signed-${i}.eml`));
        const mic = `${createHash('sha256').update(firstPart(signed)).digest('base64')}, sha-256`;
        taken.push({ messageId, headers: req.headers, verified, mic });
        const returned =
          behaviour.mdn === 'wrong-mic'
            ? `${createHash('sha256').update('other').digest('base64')}, sha-256`
            : mic;
        const disposition =
          behaviour.mdn === 'negative'
            ? 'automatic-action/MDN-sent-automatically; processed/error: decryption-failed'
            : 'automatic-action/MDN-sent-automatically; processed';
        const report =
          'Content-Type: multipart/report; report-type=disposition-notification; boundary="rpt"\r\n\r\n' +
          '--rpt\r\nContent-Type: text/plain\r\n\r\nreceived\r\n' +
          `--rpt\r\nContent-Type: message/disposition-notification\r\n\r\nReporting-UA: openssl\r\nOriginal-Message-ID: ${messageId}\r\nReceived-Content-MIC: ${returned}\r\nDisposition: ${disposition}\r\n\r\n` +
          '--rpt--\r\n';
        writeFileSync(ws.path(`report-${i}.eml`), report);
        ws.openssl(
          'cms',
          '-sign',
          '-binary',
          '-crlfeol',
          '-in',
          `report-${i}.eml`,
          '-signer',
          `${names.partner}.crt`,
          '-inkey',
          `${names.partner}.key`,
          '-md',
          'sha256',
          '-out',
          `mdn-${i}.eml`,
        );
        const { headers, body } = splitEntity(readFileSync(ws.path(`mdn-${i}.eml`)));
        const as2 = {
          ...headers,
          'AS2-Version': '1.2',
          'AS2-From': names.partnerAs2Id,
          'AS2-To': names.gatewayAs2Id,
          'Message-ID': `<mdn-${randomBytes(6).toString('hex')}@partner>`,
        };
        if (behaviour.async) {
          res.writeHead(200).end();
          const target = String(req.headers['receipt-delivery-option'] ?? '');
          if (!behaviour.withholdMdn && target !== '')
            void fetch(target, { method: 'POST', headers: as2, body });
          return;
        }
        res.writeHead(200, as2).end(body);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/as2`,
    posts,
    taken,
    behave: (next) => {
      behaviour = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Header fields and body of an entity openssl wrote (its lines end in CRLF or LF). */
export function splitEntity(bytes: Buffer): { headers: Record<string, string>; body: Buffer } {
  const text = bytes.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  if (match === null) throw new Error('no blank line after the headers');
  const headers: Record<string, string> = {};
  for (const line of text
    .slice(0, match.index)
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers, body: bytes.subarray(match.index + match[0].length) };
}

/** The first part of a multipart entity, exactly as it was signed. */
export function firstPart(entity: Buffer): Buffer {
  const { headers, body } = splitEntity(entity);
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1] ?? '';
  const text = body.toString('latin1');
  const start = text.indexOf(`--${boundary}`);
  const from = text.indexOf('\n', start) + 1;
  const end = text.indexOf(`--${boundary}`, from);
  const part = text.slice(from, end).replace(/\r?\n$/, '');
  return Buffer.from(part, 'latin1');
}

// Northwind Health's side of AS2 in `npm run demo`: the key pairs of both sides, made with
// openssl; the signed, encrypted 850 Northwind posts to the gateway, with the gateway's MDN
// checked; and the server that takes the gateway's messages, opens them and answers signed MDNs,
// keeping each payload so the demo can show what Northwind received.
//
// Imports dist/: load this module only once dist/ is built.
/* global fetch */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { as2Request, openAs2Message } from '../dist/transports/as2/as2-message.js';
import { certificateFromPem, keyPairFromPem } from '../dist/transports/as2/cms/index.js';
import { buildMdn, header, parameter, readMdn } from '../dist/transports/as2/mime/index.js';

const SIGNING = 'sha256';
const ENCRYPTION = 'aes256-cbc';
/** The right-hand side of the Message-IDs Northwind's side makes. */
const DOMAIN = 'as2.northwind-health.demo';

/** Why the demo cannot make AS2 keys here, or undefined when openssl runs. */
export function as2Unavailable() {
  const run = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (run.error !== undefined) return `openssl cannot be run (${run.error.code ?? run.error.message})`;
  if (run.status !== 0) return `openssl version exited with ${run.status}: ${run.stderr.trim()}`;
  return undefined;
}

/** An RSA-2048 key and a self-signed certificate whose CN is the AS2 id, as the README shows. */
function selfSigned(dir, name, as2Id) {
  const keyFile = join(dir, `${name}.key`);
  const certificateFile = join(dir, `${name}.crt`);
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30'];
  const run = spawnSync(
    'openssl',
    [...args, '-subj', `/CN=${as2Id}`, '-keyout', keyFile, '-out', certificateFile],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    throw new Error(`openssl req -x509 for ${as2Id} failed: ${(run.stderr || String(run.error)).trim()}`);
  }
  return { keyFile, certificateFile };
}

/** The request's headers as one string each (Node joins few repeated headers itself). */
function flatHeaders(req) {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The payload's bytes, its transfer encoding undone. */
function payloadBytes(payload) {
  const encoding = header(payload, 'Content-Transfer-Encoding')?.toLowerCase();
  return encoding === 'base64' ? Buffer.from(payload.body.toString('latin1'), 'base64') : payload.body;
}

/** Why an MDN does not confirm the message it answers, or undefined when it does. */
function mdnProblem(mdn, sent) {
  if (!mdn.signed) return 'is not signed';
  if (mdn.signatureProblem !== undefined) return `is not signed by the gateway: ${mdn.signatureProblem}`;
  if (mdn.originalMessageId !== sent.messageId) {
    return `answers ${mdn.originalMessageId ?? 'no message'}, not ${sent.messageId}`;
  }
  if (mdn.error !== undefined || !/^processed\s*$/i.test(mdn.disposition)) return `says ${mdn.disposition}`;
  if (mdn.mic !== sent.mic) return `returns the MIC ${mdn.mic ?? '(none)'}, not ${sent.mic}`;
  return undefined;
}

/**
 * Makes both key pairs in `dir` and starts Northwind's AS2 server on a free loopback port.
 * `gatewayId` and `partnerId` are the partner file's ourId and theirId.
 *
 * @example
 * const northwind = await startAs2Partner(dir, { gatewayId: 'ACMESUPPLY-AS2', partnerId: 'NORTHWIND-HEALTH' });
 * const sent = await northwind.post(gatewayBase, bytes, '850.edi');
 * await northwind.stop();
 */
export async function startAs2Partner(dir, { gatewayId, partnerId }) {
  await mkdir(dir, { recursive: true });
  const gatewayFiles = selfSigned(dir, 'gateway', gatewayId);
  const partnerFiles = selfSigned(dir, 'northwind', partnerId);
  const read = (file) => readFile(file, 'utf8');
  const partnerKeys = keyPairFromPem(
    await read(partnerFiles.certificateFile),
    await read(partnerFiles.keyFile),
  );
  const gatewayCertificate = certificateFromPem(
    await read(gatewayFiles.certificateFile),
    'the gateway certificate',
  );
  /** What the gateway sent that Northwind opened: { messageId, name, bytes }. */
  const received = [];
  /** What the gateway sent that Northwind could not open: { messageId, reason }. */
  const refused = [];

  const answer = async (req, res) => {
    const headers = flatHeaders(req);
    const messageId = headers['message-id'] ?? '(no Message-ID)';
    const opened = await openAs2Message(headers, await readBody(req), {
      ours: [partnerKeys],
      theirs: [gatewayCertificate],
    });
    let report;
    if (opened.ok) {
      const name = parameter(header(opened.payload, 'Content-Disposition'), 'filename') ?? messageId;
      received.push({ messageId, name, bytes: payloadBytes(opened.payload) });
      report = { mic: opened.mic, explanation: `Northwind received ${name}.` };
    } else {
      refused.push({ messageId, reason: `${opened.error}: ${opened.reason}` });
      report = {
        error: opened.error,
        ...(opened.mic === undefined ? {} : { mic: opened.mic }),
        explanation: `Northwind could not process ${messageId}: ${opened.reason}.`,
      };
    }
    const mdn = await buildMdn(
      { reportingName: partnerId, originalMessageId: messageId, ...report },
      { keyPair: partnerKeys, digest: opened.mdn.digest },
    );
    res.writeHead(200, {
      'AS2-Version': '1.2',
      'AS2-From': partnerId,
      'AS2-To': gatewayId,
      'Message-ID': `<mdn.${Date.now()}.${randomBytes(6).toString('hex')}@${DOMAIN}>`,
      'MIME-Version': '1.0',
      ...Object.fromEntries(mdn.headers),
    });
    res.end(mdn.body);
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((error) => {
      refused.push({ messageId: req.headers['message-id'] ?? '(no Message-ID)', reason: String(error) });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    url: `http://127.0.0.1:${server.address().port}/as2`,
    /** The partner file's settings, from the gateway's side. */
    transport: {
      type: 'as2',
      ourId: gatewayId,
      theirId: partnerId,
      ourCertificate: { file: gatewayFiles.certificateFile },
      ourKey: { file: gatewayFiles.keyFile },
      theirCertificate: { file: partnerFiles.certificateFile },
      signing: SIGNING,
      encryption: ENCRYPTION,
      mdn: 'sync',
    },
    received,
    refused,
    /**
     * Posts `payload` to the gateway's `/as2` as Northwind, signed and encrypted, and checks the
     * answer is the gateway's signed, positive MDN with the MIC of what was sent.
     */
    async post(gatewayBase, payload, fileName) {
      const request = await as2Request(
        payload,
        'application/edi-x12',
        {
          ourId: partnerId,
          theirId: gatewayId,
          ours: partnerKeys,
          theirs: gatewayCertificate,
          signing: SIGNING,
          encryption: ENCRYPTION,
        },
        DOMAIN,
        fileName,
      );
      const response = await fetch(`${gatewayBase}/as2`, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) {
        throw new Error(`POST /as2 answered ${response.status}: ${body.toString('utf8', 0, 300).trim()}`);
      }
      const mdn = await readMdn(
        { headers: [['Content-Type', response.headers.get('content-type') ?? '']], body },
        [gatewayCertificate],
      );
      const problem = mdnProblem(mdn, request);
      if (problem !== undefined) throw new Error(`the gateway's MDN for ${request.messageId} ${problem}`);
      return { messageId: request.messageId, mic: request.mic, disposition: mdn.disposition };
    },
    stop() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

#!/usr/bin/env node
// AS2 messages opened per second (decrypt with our key, verify the partner's signature, compute
// the MIC), for 1 KB and 1 MB payloads signed with SHA-256 and encrypted with AES-256-CBC, in
// one process on this machine. Keys are made by openssl for the run. The HTTP route and the
// store are not in this figure: it is the cryptography a received message costs.
// Usage: npm run bench:as2
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { as2Request, openAs2Message } from '../dist/transports/as2/as2-message.js';
import { keyPairFromPem } from '../dist/transports/as2/cms/index.js';
import { opensslParty } from './openssl-party.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bench-as2-'));
const party = (name) => {
  const files = opensslParty(dir, name, 2);
  return keyPairFromPem(readFileSync(files.certificate, 'utf8'), readFileSync(files.key, 'utf8'));
};
const us = party('us');
const them = party('them');
const settings = {
  ourId: 'THEM',
  theirId: 'US',
  ours: them,
  theirs: us.certificate,
  signing: 'sha256',
  encryption: 'aes256-cbc',
};
const keys = { ours: [us], theirs: [them.certificate] };

console.log(
  'payload  messages  seconds  messages/s  MB/s   (open: decrypt + verify + MIC; build: sign + encrypt)',
);
for (const [label, bytes, count] of [
  ['1 KB', 1024, 400],
  ['1 MB', 1024 * 1024, 30],
]) {
  const payload = Buffer.alloc(bytes, 'ISA*00*~\r\n');
  const requests = [];
  let started = process.hrtime.bigint();
  for (let i = 0; i < count; i++)
    requests.push(await as2Request(payload, 'application/edi-x12', settings, 'bench'));
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  started = process.hrtime.bigint();
  for (const request of requests) {
    const opened = await openAs2Message(request.headers, request.body, keys);
    if (!opened.ok || opened.mic !== request.mic)
      throw new Error(`message not opened: ${opened.reason ?? 'MIC differs'}`);
  }
  const openSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mb = (bytes * count) / 1024 / 1024;
  const row = (what, seconds) =>
    `${label.padEnd(7)}  ${String(count).padStart(8)}  ${seconds.toFixed(2).padStart(7)}  ${(count / seconds).toFixed(1).padStart(10)}  ${(mb / seconds).toFixed(1).padStart(5)}   ${what}`;
  console.log(row('open', openSeconds));
  console.log(row('build', buildSeconds));
}
rmSync(dir, { recursive: true, force: true });

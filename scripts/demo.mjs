#!/usr/bin/env node
// `npm run demo`: the whole gateway on the demo partners, end to end, on this machine.
//
// Starts `edi-gateway serve` as a child process on an embedded database in a temporary DATA_DIR,
// with the three demo partners switched to folder transports in temporary folders and a queue
// prefix of its own (Redis from REDIS_URL, default 127.0.0.1:6379). With openssl, northwind-health
// runs over AS2 instead: the demo makes both sides' keys and plays Northwind's AS2 server, and
// posts Northwind's 850 to the gateway's /as2 as Northwind would. Seeds a small catalog, price
// lists and stock through the HTTP API and drops each other partner's sample 850 into its inbox. The
// bigbox-retail and dropship-direct samples go in with their requested dates moved a month ahead,
// so those orders are accepted and answered with an 855; northwind-health's keeps its past date,
// so its order is held. Once everything has been read and sent, the demo prints the held order's
// exception, releases the hold through the API as support staff would, waits for that order's 855
// and prints what came out. Beside them run three marketplace accounts (demo-amazon, demo-shopify,
// demo-walmart) against loopback sandboxes of each marketplace's API, started in this process (see
// demo-marketplaces.mjs): one order each, taken by webhook (Shopify) or by the gateway's scheduled
// pull (every minute, the least a partner file allows), decided, and shipped through an ERP event
// the gateway turns into each API's shipment confirmation. It then stops the gateway and the
// sandboxes and removes every file and Redis key it made. Builds dist/ first when the sources are
// newer.
/* global fetch */
import { spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { parse, stringify } from 'yaml';
import { ensureLoginUser, idsOf, sshdUnavailable, startLocalSshd } from './local-sshd.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PARTNERS = ['bigbox-retail', 'dropship-direct', 'northwind-health'];
/** The partners whose sample 850 goes in with its requested dates moved a month ahead. */
const REDATED = new Set(['bigbox-retail', 'dropship-direct']);
/** The partner whose sample 850 keeps its past date: its order is held and released by staff. */
const HELD_PARTNER = 'northwind-health';
const SUPPORT_ACTOR = 'demo-support';
const POLL_SECONDS = 5; // the lowest a partner's folder transport allows
const INTAKE_TIMEOUT_MS = 30_000;
const RESOLUTION_TIMEOUT_MS = 15_000;
/** The partner that runs on SFTP, against a local OpenSSH server, when one can be started. */
const SFTP_PARTNER = 'bigbox-retail';
const SFTP_USER = 'edidemo';
const SFTP_PASSWORD = `demo-${randomBytes(6).toString('hex')}`;
/** The partner that runs on AS2, against the demo's own AS2 server for it, when openssl runs. */
const AS2_PARTNER = 'northwind-health';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `{edi-demo-${randomBytes(4).toString('hex')}}`;

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms) => delay(ms);
let interrupted = false;

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function buildIfStale() {
  const built = join(root, 'dist/cli/main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) return;
  say('dist/ is older than src/: npm run build');
  const run = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) throw new Error('npm run build failed');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Copies the demo partners with their transport replaced by folders under `dir`; with `sshd`,
 * bigbox-retail's is SFTP to that server instead, its remote folders being local ones the login
 * user owns (the demo drops files and reads outboxes there as the partner would on its server);
 * with `as2`, northwind-health's is AS2 to the demo's server for it, which keeps what it receives.
 */
async function writePartners(dir, sshd, as2) {
  const partnersDir = join(dir, 'partners');
  await mkdir(partnersDir);
  const folders = {};
  for (const id of PARTNERS) {
    const config = parse(await readFile(join(root, 'partners', `${id}.yaml`), 'utf8'));
    if (id === AS2_PARTNER && as2 !== undefined) {
      config.transport = { ...as2.transport, url: as2.url };
      config.enabled = true;
      await writeFile(join(partnersDir, `${id}.yaml`), stringify(config));
      folders[id] = { as2 };
      continue;
    }
    const inbox = join(dir, id, 'inbox');
    const outbox = join(dir, id, 'outbox');
    await mkdir(inbox, { recursive: true });
    await mkdir(outbox, { recursive: true });
    if (id === SFTP_PARTNER && sshd !== undefined) {
      const { uid, gid } = idsOf(SFTP_USER);
      const archive = join(dir, id, 'picked-up');
      await mkdir(archive);
      // mkdtemp made `dir` 0700: the login user must be able to pass through it to its folders.
      await chmod(dir, 0o711);
      for (const folder of [join(dir, id), inbox, outbox, archive]) await chown(folder, uid, gid);
      config.transport = {
        ...config.transport,
        host: sshd.host,
        port: sshd.port,
        username: SFTP_USER,
        password: { env: 'BIGBOX_SFTP_PASSWORD' },
        hostKey: sshd.hostKeyFingerprint,
        inbox,
        outbox,
        archive,
        pollSeconds: POLL_SECONDS,
      };
    } else {
      config.transport = { type: 'folder', inbox, outbox, pollSeconds: POLL_SECONDS };
    }
    // Every demo partner can be served here, including one whose own transport is not.
    config.enabled = true;
    await writeFile(join(partnersDir, `${id}.yaml`), stringify(config));
    folders[id] = { inbox, outbox };
  }
  return { partnersDir, folders };
}

/** A local OpenSSH server for bigbox-retail, or undefined (saying why) when none can be started. */
async function startDemoSshd() {
  const reason = sshdUnavailable();
  if (reason !== undefined) {
    say(`demo: ${SFTP_PARTNER} runs on a folder: ${reason}; with it, it runs on SFTP`);
    return undefined;
  }
  ensureLoginUser(SFTP_USER, SFTP_PASSWORD);
  const sshd = await startLocalSshd({ user: SFTP_USER });
  say(
    `demo: ${SFTP_PARTNER} runs on SFTP against OpenSSH on ${sshd.host}:${sshd.port} (${sshd.hostKeyFingerprint})`,
  );
  return sshd;
}

/** The ourId and theirId of the AS2 partner's own file, which the demo keeps. */
async function as2IdsOf(id) {
  const { transport } = parse(await readFile(join(root, 'partners', `${id}.yaml`), 'utf8'));
  if (transport?.type !== 'as2') throw new Error(`partners/${id}.yaml no longer names an as2 transport`);
  return { gatewayId: transport.ourId, partnerId: transport.theirId };
}

/**
 * Northwind's side of AS2 (keys made with openssl in `dir`, its server listening), or undefined
 * (saying why) when openssl cannot run. Loaded only now: it imports dist/, built by then.
 */
async function startDemoAs2(dir) {
  const { as2Unavailable, startAs2Partner } = await import('./demo-as2-partner.mjs');
  const reason = as2Unavailable();
  if (reason !== undefined) {
    say(`demo: ${AS2_PARTNER} runs on a folder: ${reason}; with it, it runs on AS2`);
    return undefined;
  }
  const as2 = await startAs2Partner(join(dir, 'as2'), await as2IdsOf(AS2_PARTNER));
  const { ourId, theirId, signing, encryption } = as2.transport;
  say(
    `demo: ${AS2_PARTNER} runs on AS2 (${theirId} <-> ${ourId}, ${signing}, ${encryption}, sync MDN) against its AS2 server on ${as2.url}`,
  );
  return as2;
}

/**
 * The separators of the first interchange in `text`, read from the fixed positions of its ISA
 * segment (106 characters): the element separator right after `ISA`, the component separator in
 * ISA16 and the segment terminator after it.
 */
function x12Delimiters(text, what) {
  const at = text.indexOf('ISA');
  // Before it only a byte order mark (read as latin1 or as UTF-8) and white space may stand.
  if (at < 0 || !/^(\u00EF\u00BB\u00BF|\uFEFF)?\s*$/.test(text.slice(0, at))) {
    throw new Error(`${what} does not start with an ISA segment`);
  }
  const isa = text.slice(at, at + 106);
  const element = isa[3];
  if (isa.length < 106 || isa.split(element).length !== 17 || isa[103] !== element) {
    throw new Error(`${what}: its ISA segment is not the fixed 106 characters X12 requires`);
  }
  return { element, component: isa[104], segment: isa[105] };
}

/** Splits `text` into segments, each with the white space (line breaks) that precedes it. */
function segmentsOf(text, delimiters) {
  return text.split(delimiters.segment).map((piece) => {
    const lead = /^\s*/.exec(piece)[0];
    return { lead, elements: piece.slice(lead.length).split(delimiters.element) };
  });
}

/** A YYYY-MM-DD date as X12 writes it in a date element of `width` digits (CCYYMMDD or YYMMDD). */
function x12Date(isoDate, width) {
  const digits = isoDate.replaceAll('-', '');
  return width === 6 ? digits.slice(2) : digits;
}

/**
 * Sets the date of every DTM segment in `text` to `isoDate`: DTM02, and DTM06 when DTM05 says it
 * holds a date (D8) or a date range (RD8). Everything else is kept byte for byte.
 */
function moveDtmDates(text, isoDate, what) {
  const delimiters = x12Delimiters(text, what);
  let moved = 0;
  const replace = (value) => {
    if (!/^(\d{8}|\d{6})$/.test(value))
      throw new Error(`${what}: DTM date ${value} is not CCYYMMDD or YYMMDD`);
    moved += 1;
    return x12Date(isoDate, value.length);
  };
  const segments = segmentsOf(text, delimiters).map(({ lead, elements }) => {
    if (elements[0] !== 'DTM') return lead + elements.join(delimiters.element);
    const next = [...elements];
    if ((next[2] ?? '') !== '') next[2] = replace(next[2]);
    if (next[5] === 'D8' && next[6]) next[6] = replace(next[6]);
    if (next[5] === 'RD8' && next[6]) next[6] = next[6].split('-').map(replace).join('-');
    return lead + next.join(delimiters.element);
  });
  return { text: segments.join(delimiters.segment), moved };
}

/** The set ids (ST01) in an X12 file, with TA1 for an interchange acknowledgement. */
function setIdsOf(text, what) {
  const delimiters = x12Delimiters(text, what);
  return segmentsOf(text, delimiters)
    .filter(({ elements }) => elements[0] === 'ST' || elements[0] === 'TA1')
    .map(({ elements }) => (elements[0] === 'ST' ? elements[1] : 'TA1'));
}

/** The date a month after today (UTC, as the gateway counts days), on the last day of a shorter month. */
function monthFromToday() {
  const now = new Date();
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Issues the support key the demo works with, as staff would: `edi-gateway keys create`. */
function issueKey(env) {
  const run = spawnSync(
    process.execPath,
    [join(root, 'bin/edi-gateway.js'), 'keys', 'create', '--role', 'admin', '--name', SUPPORT_ACTOR],
    { env, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`keys create failed: ${run.stderr}`);
  say(`key: ${run.stdout.split('\n')[1] ?? ''}`);
  return run.stdout.split('\n')[0];
}

/** Starts `edi-gateway serve`; resolves with the child and its base URL once it listens. */
async function startGateway(env) {
  const child = spawn(process.execPath, [join(root, 'bin/edi-gateway.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  const base = await new Promise((resolve, reject) => {
    let pending = '';
    const echo = (stream) => (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line !== '') stream.write(`  gateway | ${line}\n`);
      }
    };
    child.stdout.on('data', (chunk) => {
      echo(process.stdout)(chunk);
      pending += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(pending);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', echo(process.stderr));
    void exited.then((code) => reject(new Error(`the gateway exited with code ${code} before listening`)));
  });
  return { child, base, exited };
}

/** The admin key the demo calls the API with, issued by `keys create` once the gateway runs. */
let apiKey;

async function api(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

/** Like `api`, for calls the demo cannot go on without: anything but a 2xx is an error. */
async function apiOk(base, method, path, body) {
  const answer = await api(base, method, path, body);
  if (answer.status >= 300) {
    throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

const CATALOG = {
  items: [
    {
      itemId: 'ACM-100',
      description: 'Widget, large',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678905'], vendorPartNumber: ['ACM-100'] },
    },
    {
      itemId: 'ACM-200',
      description: 'Widget, small',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678912'], vendorPartNumber: ['ACM-200'] },
    },
    {
      itemId: 'ACM-300',
      description: 'Ceramic teapot, sage',
      status: 'active',
      units: [{ uom: 'EA' }],
      crossReference: { upc: ['012345678929'], vendorPartNumber: ['ACM-300'] },
    },
    {
      itemId: 'ACM-GLOVE-M',
      description: 'Nitrile gloves, medium, box of 100',
      status: 'active',
      units: [{ uom: 'BX' }],
      crossReference: { vendorPartNumber: ['ACM-GLOVE-M'] },
    },
    {
      itemId: 'ACM-MASK',
      description: 'Procedure masks, case of 500',
      status: 'active',
      units: [{ uom: 'CA' }],
      crossReference: { vendorPartNumber: ['ACM-MASK'] },
    },
  ],
};
const PRICE_LISTS = {
  'bigbox-retail-2024': {
    entries: [
      { itemId: 'ACM-100', uom: 'EA', unitPrice: '12.50' },
      { itemId: 'ACM-200', uom: 'EA', unitPrice: '7.25' },
    ],
  },
  'dropship-direct-list': {
    entries: [{ itemId: 'ACM-300', uom: 'EA', unitPrice: '34.99' }],
  },
  'northwind-contract-2024': {
    entries: [
      { itemId: 'ACM-GLOVE-M', uom: 'BX', unitPrice: '18.40' },
      { itemId: 'ACM-MASK', uom: 'CA', unitPrice: '52.00' },
    ],
  },
};
const INVENTORY = {
  levels: ['DC-EAST', 'DC-WEST', 'DC-CENTRAL'].flatMap((locationId) =>
    CATALOG.items.map((item) => ({ itemId: item.itemId, locationId, kind: 'dc', onHand: '500' })),
  ),
};

/** Loads the X12 partners' master data, then `more` (the marketplace accounts'), through the API. */
async function seed(base, more = []) {
  const loads = [
    ['PUT', '/api/catalog', CATALOG],
    ...Object.entries(PRICE_LISTS).map(([id, body]) => ['PUT', `/api/price-lists/${id}`, body]),
    ['PUT', '/api/inventory', INVENTORY],
    ...more,
  ];
  for (const [method, path, body] of loads) {
    say(`seed: ${path} ${JSON.stringify(await apiOk(base, method, path, body))}`);
  }
}

/**
 * Copies each sample 850 into its partner's inbox, with the dates of the redated ones moved; an
 * AS2 partner's is posted to the gateway's /as2 instead, and its MDN checked.
 */
async function dropSamples(folders, base) {
  const date = monthFromToday();
  for (const id of PARTNERS) {
    const source = join('fixtures/partners', id, '850.edi');
    // latin1 maps every byte to one character and back, so untouched bytes stay as they are.
    let text = await readFile(join(root, source), 'latin1');
    let note = 'dates as sent';
    if (REDATED.has(id)) {
      const result = moveDtmDates(text, date, source);
      if (result.moved === 0) throw new Error(`${source} has no DTM date to move`);
      text = result.text;
      note = `${result.moved} DTM date(s) moved`;
    }
    if (folders[id].as2 !== undefined) {
      const sent = await folders[id].as2.post(base, Buffer.from(text, 'latin1'), `${id}-850.edi`);
      say(
        `as2: ${source} -> POST /as2 as ${id} (${note}), ${sent.messageId}: signed MDN ${sent.disposition}, MIC ${sent.mic} as sent`,
      );
      continue;
    }
    await writeFile(join(folders[id].inbox, `${id}-850.edi`), text, 'latin1');
    say(`drop: ${source} -> ${id} inbox (${note})`);
  }
  say(`sample dates moved to ${date} so the orders can be accepted`);
}

const FINAL = new Set(['processed', 'rejected', 'failed', 'sent', 'acknowledged']);

/** What the gateway has done so far, as the API and the outbox folders show it. */
async function snapshot(base, folders) {
  const [transmissions, orders, exceptions] = await Promise.all([
    apiOk(base, 'GET', '/api/transmissions?limit=200').then((page) => page.transmissions),
    apiOk(base, 'GET', '/api/orders?limit=50'),
    apiOk(base, 'GET', '/api/exceptions?status=open&limit=50'),
  ]);
  const outboxes = {};
  for (const [id, { outbox, as2 }] of Object.entries(folders)) {
    if (as2 !== undefined) {
      outboxes[id] = as2Received(id, as2);
      continue;
    }
    // In-progress uploads (`.x.part` from a folder, `x.part` over SFTP) are not files yet.
    const names = (await readdir(outbox))
      .filter((name) => !name.startsWith('.') && !name.endsWith('.part'))
      .sort();
    outboxes[id] = [];
    for (const name of names) {
      const text = await readFile(join(outbox, name), 'latin1');
      let sets;
      try {
        sets = setIdsOf(text, `${id} outbox ${name}`);
      } catch (error) {
        sets = [`unreadable: ${error instanceof Error ? error.message : String(error)}`];
      }
      outboxes[id].push({ name, bytes: text.length, sets });
    }
  }
  // The marketplace accounts run beside the X12 partners and are waited for apart; a transmission
  // whose partner is not known yet (not read) may be an X12 partner's.
  const x12 = (item) => !item.partnerId || PARTNERS.includes(item.partnerId);
  return {
    transmissions: (Array.isArray(transmissions) ? transmissions : []).filter(x12),
    orders: (orders.orders ?? []).filter(x12),
    exceptions: (exceptions.exceptions ?? []).filter(x12),
    outboxes,
  };
}

/** What the AS2 partner's server received (and refused) so far, shown as outbox files are. */
function as2Received(id, as2) {
  const files = as2.received.map(({ name, bytes }) => {
    let sets;
    try {
      sets = setIdsOf(bytes.toString('latin1'), `${id} AS2 message ${name}`);
    } catch (error) {
      sets = [`unreadable: ${error instanceof Error ? error.message : String(error)}`];
    }
    return { name, bytes: bytes.length, sets };
  });
  for (const { messageId, reason } of as2.refused) {
    files.push({ name: messageId, bytes: 0, sets: [`refused by the partner: ${reason}`] });
  }
  return files;
}

/** Why `state` is not yet what the demo waits for, or undefined once it is. */
function pendingIntake(state) {
  const inbound = state.transmissions.filter((t) => t.direction === 'inbound');
  if (inbound.length < PARTNERS.length) return `${inbound.length} of ${PARTNERS.length} sample 850s read`;
  const busy = state.transmissions.filter((t) => !FINAL.has(t.status));
  if (busy.length > 0) return `${busy.length} transmission(s) still ${busy.map((t) => t.status).join(', ')}`;
  for (const id of PARTNERS) {
    const order = state.orders.find((o) => o.partnerId === id);
    if (order === undefined) return `no order from ${id} yet`;
    if (order.status === 'open') return `${id}'s order is still being worked on`;
    if (order.status === 'on_hold' && !state.exceptions.some((e) => e.subjectId === order.id)) {
      return `${id}'s order is on hold without its exception yet`;
    }
    if (order.status === 'acknowledged' && !hasFile(state, id, '855')) return `no 855 for ${id} yet`;
  }
  return undefined;
}

function hasFile(state, partnerId, setId) {
  return state.outboxes[partnerId].some((file) => file.sets.includes(setId));
}

/** The reason to stop waiting for `what` early, if there is one. */
function haltReason(gateway, what) {
  if (interrupted) return 'interrupted';
  const code = gateway.child.exitCode;
  return code === null ? undefined : `the gateway stopped (exit code ${code}) while waiting for ${what}`;
}

/**
 * Polls until `pending(state)` says nothing is missing, and until two polls in a row agree, so
 * that an acknowledgement queued just behind the last change is not cut off. On timeout, prints
 * what there is and fails with what was still missing.
 */
async function waitFor(gateway, folders, what, pending, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let previous;
  const halted = () => haltReason(gateway, what);
  for (;;) {
    if (halted() !== undefined) throw new Error(halted());
    let state;
    try {
      state = await snapshot(gateway.base, folders);
    } catch (error) {
      if (halted() !== undefined) throw new Error(halted(), { cause: error });
      throw error;
    }
    const missing = pending(state);
    const fingerprint = JSON.stringify([state.transmissions.map((t) => t.status), state.outboxes]);
    if (missing === undefined && fingerprint === previous) return state;
    previous = missing === undefined ? fingerprint : undefined;
    if (Date.now() > deadline) {
      report(state, { transmissions: true, outboxes: true }, folders);
      throw new Error(
        `gave up waiting for ${what} after ${timeoutMs / 1000} s: ${missing ?? 'still changing'}`,
      );
    }
    await sleep(500);
  }
}

function report(state, { transmissions = false, outboxes = false } = {}, folders = {}) {
  if (transmissions) {
    say();
    say('transmissions');
    for (const t of [...state.transmissions].reverse()) {
      const error = t.lastError ? `  (${t.lastError.slice(0, 100)})` : '';
      const line = `  ${t.direction.padEnd(8)} ${String(t.partnerId ?? '-').padEnd(17)} ${t.status.padEnd(10)} ${String(t.sourceRef ?? '-').padEnd(24)}${error}`;
      say(line.trimEnd());
    }
  }
  if (outboxes) {
    say();
    say('outbox files');
    for (const [id, files] of Object.entries(state.outboxes)) {
      const over = folders[id]?.as2 === undefined ? '' : ' (received by its AS2 server)';
      say(`  ${id}${over}:${files.length === 0 ? ' (none)' : ''}`);
      for (const file of files) {
        say(`    ${file.name.padEnd(20)} ${file.sets.join(', ') || 'no ST'} (${file.bytes} bytes)`);
      }
    }
  }
  say();
  say('orders');
  for (const o of state.orders) {
    say(`  ${String(o.partnerId).padEnd(17)} PO ${String(o.poNumber).padEnd(16)} ${o.status}`);
  }
  say();
  say(`open exceptions: ${state.exceptions.length}`);
  for (const e of state.exceptions)
    say(`  #${e.id} ${e.kind} on ${e.subjectType} ${e.subjectId}: ${e.message}`);
}

/** Checks the first round came out as the demo means it to: two orders answered, one held. */
function expectFirstRound(state) {
  for (const id of PARTNERS) {
    const order = state.orders.find((o) => o.partnerId === id);
    const expected = id === HELD_PARTNER ? 'on_hold' : 'acknowledged';
    if (order.status !== expected) {
      const exception = state.exceptions.find((e) => e.subjectId === order.id);
      const why = exception === undefined ? '' : `: ${exception.message}`;
      throw new Error(`${id}'s order is ${order.status}, where the demo expects ${expected}${why}`);
    }
  }
}

/**
 * Releases every hold on the held partner's order as support staff would, after agreeing a new
 * delivery date with the buyer. `release-hold` is the resolution for a past requested date: no
 * change to price, quantity or lines can settle it.
 */
async function releaseHeldOrder(base, state) {
  const order = state.orders.find((o) => o.partnerId === HELD_PARTNER);
  const exception = state.exceptions.find((e) => e.subjectId === order.id);
  const detail = await apiOk(base, 'GET', `/api/exceptions/${exception.id}`);
  const holds = detail.openHolds ?? [];
  const other = holds.find((hold) => hold.ruleId !== 'requested-delivery-date');
  if (other !== undefined) {
    throw new Error(`PO ${order.poNumber} is also held by ${other.ruleId}, which the demo does not release`);
  }
  say();
  let result;
  for (const hold of holds) {
    const resolution = {
      id: 'release-hold',
      ruleId: hold.ruleId,
      ...(hold.lineNumber === undefined ? {} : { lineNumber: hold.lineNumber }),
      note: 'the buyer confirmed by phone that they still want the goods; we ship as soon as we can',
    };
    result = await apiOk(base, 'POST', `/api/exceptions/${exception.id}/resolve`, { resolution });
    const where = hold.lineNumber === undefined ? '' : ` on line ${hold.lineNumber}`;
    say(
      `resolve: exception #${exception.id} as ${SUPPORT_ACTOR}: release-hold ${hold.ruleId}${where} -> decision ${result.decision}, order ${result.order.status}, exception ${result.exception.status}`,
    );
  }
  if (result?.outcome?.message) say(`resolve: ${result.outcome.message}`);
  return order;
}

async function removeQueueKeys() {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // Redis is down: there is nothing of ours in it to remove.
  } finally {
    redis.disconnect();
  }
}

async function stop(gateway) {
  if (gateway.child.exitCode !== null) return;
  gateway.child.kill('SIGTERM');
  // Unref'd, so that a gateway which stops at once does not leave the demo waiting for this timer.
  const timeout = delay(30_000, 'timeout', { ref: false });
  if ((await Promise.race([gateway.exited, timeout])) === 'timeout') {
    gateway.child.kill('SIGKILL');
    await gateway.exited;
  }
}

async function main() {
  buildIfStale();
  const dir = await mkdtemp(join(tmpdir(), 'edi-gateway-demo-'));
  let gateway;
  let sshd;
  let as2;
  let marketplaces;
  const onInterrupt = () => {
    interrupted = true;
    say('\ninterrupted: cleaning up');
  };
  process.once('SIGINT', onInterrupt);
  try {
    say(`demo: gateway in ${dir}, queue prefix ${prefix}`);
    sshd = await startDemoSshd();
    as2 = await startDemoAs2(dir);
    // Loaded only now: it imports dist/, built by then.
    const demoMarketplaces = await import('./demo-marketplaces.mjs');
    marketplaces = await demoMarketplaces.startMarketplaceSandboxes();
    const { accounts } = marketplaces;
    const { partnersDir, folders } = await writePartners(dir, sshd, as2);
    await demoMarketplaces.writeMarketplacePartners(partnersDir, accounts);
    const env = {
      ...process.env,
      ...marketplaces.env,
      BIGBOX_SFTP_PASSWORD: SFTP_PASSWORD,
      PORT: String(await freePort()),
      DATA_DIR: join(dir, 'data'),
      PARTNERS_DIR: partnersDir,
      QUEUE_PREFIX: prefix,
      // The gateway's JSON log lines would bury the demo's story; warnings and errors still show.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    };
    // The demo runs on the embedded database, whatever the shell points at.
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    gateway = await startGateway(env);
    apiKey = issueKey(env);
    await seed(gateway.base, demoMarketplaces.marketplaceSeed());
    const placed = await demoMarketplaces.placeMarketplaceOrders({
      accounts,
      base: gateway.base,
      redisUrl,
      prefix,
      say,
    });
    await dropSamples(folders, gateway.base);
    say(
      `waiting for the gateway (it polls every ${POLL_SECONDS} s and takes a file once it has not changed between two polls)`,
    );
    const first = await waitFor(
      gateway,
      folders,
      'the sample 850s to be read and answered',
      pendingIntake,
      INTAKE_TIMEOUT_MS,
    );
    say();
    say('after reading the sample 850s');
    report(first);
    expectFirstRound(first);

    const held = await releaseHeldOrder(gateway.base, first);
    const final = await waitFor(
      gateway,
      folders,
      `the 855 of PO ${held.poNumber}`,
      (state) => {
        const order = state.orders.find((o) => o.id === held.id);
        if (order.status !== 'acknowledged') return `PO ${held.poNumber} is ${order.status}`;
        if (!hasFile(state, HELD_PARTNER, '855')) return `no 855 for ${HELD_PARTNER} yet`;
        if (state.exceptions.length > 0) return `${state.exceptions.length} exception(s) still open`;
        return pendingIntake(state);
      },
      RESOLUTION_TIMEOUT_MS,
    );
    say();
    say('after the release');
    report(final, { transmissions: true, outboxes: true }, folders);

    say();
    say('waiting for the marketplace orders to be taken and decided, then shipping them');
    await demoMarketplaces.shipMarketplaceOrders({
      accounts,
      placed,
      call: (method, path, body) => apiOk(gateway.base, method, path, body),
      say,
      halted: (what) => haltReason(gateway, what),
    });
    say();
  } finally {
    if (gateway !== undefined) await stop(gateway);
    await sshd?.stop();
    await as2?.stop();
    await marketplaces?.close();
    await removeQueueKeys();
    await rm(dir, { recursive: true, force: true });
    process.off('SIGINT', onInterrupt);
    say('demo: stopped the gateway and the marketplace sandboxes, and removed its files and queue keys');
  }
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { PartnerError } from '../../../src/partners/index.js';

/** A fresh folder for partner files that this test alone writes into. */
export function partnersDir(): string {
  return mkdtempSync(join(tmpdir(), 'edi-partners-'));
}

/** Writes a partner file (YAML text as given, or an object serialised) and returns its path. */
export function writePartner(dir: string, fileName: string, content: string | object): string {
  const path = join(dir, fileName);
  writeFileSync(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

/** The smallest valid X12 partner: everything else comes from defaults. */
export function x12Partner(id = 'acme'): Record<string, unknown> {
  return {
    id,
    name: 'Acme Stores',
    kind: 'x12',
    identity: {
      theirs: { isaQualifier: 'ZZ', isaId: 'ACMESTORES' },
      ours: { isaQualifier: 'ZZ', isaId: 'SUPPLIER' },
    },
    x12: { version: '004010' },
    documents: { inbound: ['850'], outbound: ['855'] },
    transport: { type: 'folder', inbox: 'in', outbox: 'out' },
  };
}

/** The smallest valid marketplace account. */
export function marketplacePartner(id = 'shop'): Record<string, unknown> {
  return {
    id,
    name: 'Our Shopify store',
    kind: 'marketplace',
    transport: {
      type: 'marketplace',
      platform: 'shopify',
      account: 'acme.myshopify.com',
      credentials: { accessToken: { env: 'SHOPIFY_TOKEN' } },
    },
  };
}

/** Runs `load`, which must throw a `partner-invalid` error, and returns the error. */
export function invalid(load: () => unknown): PartnerError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerError);
    expect((error as PartnerError).code).toBe('partner-invalid');
    return error as PartnerError;
  }
  throw new Error('the partner config was accepted');
}

/** The lines of the error message, one per problem. */
export function problemLines(load: () => unknown): string[] {
  return invalid(load).message.split('\n');
}

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in the file`);
  return index + 1;
}

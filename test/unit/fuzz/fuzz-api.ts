import { translateX12 } from '../../../src/mapping/index.js';
import { loadPartnerFile, PartnerError } from '../../../src/partners/index.js';
import { interchangeEntry } from '../../../src/pipeline/interchange-index.js';
import {
  GroupRecordSchema,
  InterchangeRecordSchema,
  TransactionSetRecordSchema,
} from '../../../src/store/index.js';
import * as x12 from '../../../src/x12/index.js';

/** What the checks of scripts/fuzz/checks.mjs call, from src/ (the long run passes dist/). */
export const api = {
  ...x12,
  translateX12,
  loadPartnerFile,
  PartnerError,
  interchangeEntry,
  InterchangeRecordSchema,
  GroupRecordSchema,
  TransactionSetRecordSchema,
};

/** A property case over this many milliseconds is a hang, as in the long run. */
export const CASE_LIMIT_MS = 2_000;

/** Runs `check` and fails the property when it took longer than a case may. */
export function bounded<T>(check: () => T): T {
  const started = performance.now();
  const result = check();
  const elapsed = performance.now() - started;
  if (elapsed > CASE_LIMIT_MS) throw new Error(`the case took ${Math.round(elapsed)} ms: a hang`);
  return result;
}

/** The findings of a check as lines, so that a failing property shows what went wrong. */
export function messages(findings: readonly { kind: string; message: string }[]): string[] {
  return findings.map((f) => `${f.kind}: ${f.message}`);
}

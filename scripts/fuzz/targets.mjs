// The three fuzz targets of the long run, on the built package (dist/): what each draws its
// cases from and how a worker runs one. The property tests in test/unit/fuzz use the same
// arbitraries and checks against src/.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkAcknowledgement, checkPartnerFile, checkTranslation } from './checks.mjs';
import { chunking, chunksOf, mutatedX12 } from './x12-mutations.mjs';
import { mutatedYaml } from './yaml-mutations.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Every file under `dir`, recursively, in name order. */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * The X12 samples of fixtures/ that hold at least one interchange, with the delimiters the
 * project's own reader found in them (the mutations change them on purpose).
 */
export function x12Samples(readX12) {
  return [...filesUnder(join(ROOT, 'fixtures/x12')), ...filesUnder(join(ROOT, 'fixtures/partners'))].flatMap(
    (path) => {
      const text = readFileSync(path, 'utf8');
      const interchange = readX12(text).interchanges[0];
      return interchange ? [{ name: path.slice(ROOT.length), text, delimiters: interchange.delimiters }] : [];
    },
  );
}

/** The demo partners' files of partners/. */
export function partnerFiles() {
  const dir = join(ROOT, 'partners');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Options of the `ack` path: which kind, which TA1 policy, how the file arrives in chunks. */
export const ackOptions = fc.record({
  type: fc.constantFrom(undefined, '997', '999'),
  ta1: fc.constantFrom('auto', 'always', 'never'),
  sizes: chunking,
});

/** The arbitrary of each target: a case is what a worker needs to run it, and how it was made. */
export function arbitraries({ samples, partners }) {
  return {
    translate: mutatedX12(samples).map((input) => ({ ...input, input: input.bytes })),
    acknowledge: fc.record({ made: mutatedX12(samples), options: ackOptions }).map(({ made, options }) => ({
      ...made,
      options,
      input: made.bytes,
    })),
    partners: mutatedYaml(partners).map((made) => ({ ...made, input: made.text })),
  };
}

/** A runner for one worker: loads dist/ once, then runs cases of any target. */
export async function caseRunner() {
  const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
  const [x12, mapping, partners, interchangeIndex, store] = await Promise.all([
    dist('x12/index.js'),
    dist('mapping/index.js'),
    dist('partners/index.js'),
    dist('pipeline/interchange-index.js'),
    dist('store/index.js'),
  ]);
  const api = {
    ...x12,
    translateX12: mapping.translateX12,
    loadPartnerFile: partners.loadPartnerFile,
    PartnerError: partners.PartnerError,
    interchangeEntry: interchangeIndex.interchangeEntry,
    InterchangeRecordSchema: store.InterchangeRecordSchema,
    GroupRecordSchema: store.GroupRecordSchema,
    TransactionSetRecordSchema: store.TransactionSetRecordSchema,
  };
  // Partner files are loaded from disk: each worker writes its cases into a folder of its own,
  // beside a copy of the certificates the demo partners name.
  const folder = mkdtempSync(join(tmpdir(), 'edi-fuzz-partners-'));
  cpSync(join(ROOT, 'partners/certs'), join(folder, 'certs'), { recursive: true });
  return (target, made) => {
    switch (target) {
      case 'translate':
        return checkTranslation(api, made.input);
      case 'acknowledge': {
        const { sizes, type, ta1 } = made.options;
        return checkAcknowledgement(api, made.input, {
          chunks: (bytes) => chunksOf(bytes, sizes),
          type,
          ta1,
        });
      }
      case 'partners': {
        const path = join(folder, made.name);
        writeFileSync(path, made.input);
        return checkPartnerFile(api, path);
      }
      default:
        throw new Error(`unknown fuzz target ${target}`);
    }
  };
}

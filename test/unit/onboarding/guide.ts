import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * docs/onboarding.md as tests read it: the files it shows (the fenced block after the first line
 * naming the file) and the commands of each step, so that the tests do what the page says.
 */
export const guide = readFileSync(new URL('../../../docs/onboarding.md', import.meta.url), 'utf8');

/**
 * The fenced block (of `language`) whose lead-in, the text since the block before it, names
 * `file` in backticks.
 */
export function blockAfter(file: string, language: string): string {
  const fences = [...guide.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  for (const [index, fence] of fences.entries()) {
    const previous = fences[index - 1];
    const leadIn = guide.slice(
      previous === undefined ? 0 : (previous.index ?? 0) + previous[0].length,
      fence.index,
    );
    if (fence[1] === language && leadIn.includes(`\`${file}\``) && fence[2] !== undefined) return fence[2];
  }
  throw new Error(`the guide has no ${language} block for ${file}`);
}

/** The lines of the `sh` blocks of a step (`## 5. ...`) that start with `command`. */
export function commandsOf(step: number, command: string): string[] {
  const start = guide.indexOf(`\n## ${step}. `);
  const end = guide.indexOf('\n## ', start + 1);
  const section = guide.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((match) => (match[1] ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.startsWith(command));
}

/**
 * Writes the partner's files as the guide shows them into `workspace`, beside a copy of the
 * default mappings: the partner file, its override and its sample 850.
 */
export function writeGuideFiles(workspace: string, mappingsSource: URL): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  };
  cpSync(mappingsSource, join(workspace, 'mappings'), { recursive: true });
  for (const path of ['partners/harbor-home.yaml', 'mappings/partners/harbor-home/855.yaml']) {
    write(path, blockAfter(path, 'yaml'));
  }
  write('fixtures/partners/harbor-home/850.edi', blockAfter('fixtures/partners/harbor-home/850.edi', 'text'));
}

/** The segments of a file in the guide partner's format (`|` elements, one segment per line). */
export const segmentsOf = (x12: string): string[] => x12.split('\n').filter((s) => s !== '');

/**
 * What the guide promises of their 856: BSN05 0001, the SOPI levels of a two-carton shipment,
 * and their department first at the order level.
 */
export function sopiShipNotice(x12: string) {
  const segments = segmentsOf(x12);
  const order = segments.slice(segments.findIndex((s) => /^HL\|\d+\|1\|O/.test(s)));
  return {
    bsn05: segments.find((s) => s.startsWith('BSN|'))?.split('|')[5],
    levels: segments
      .filter((s) => s.startsWith('HL|'))
      .map((s) => s.split('|')[3])
      .join(''),
    orderLevel: order.slice(0, 3),
  };
}

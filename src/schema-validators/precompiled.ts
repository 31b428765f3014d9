import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const requireHere = createRequire(import.meta.url);

/**
 * The validator `npm run build` compiled ahead of time for one schema of a set
 * (`scripts/build-validators.mjs` writes `dist/schema-validators/<set>-<key>.cjs`); or undefined when running from the sources, where the caller compiles them itself. Compiling the
 * partner, mapping and canonical schemas took about 0.35 s of every CLI start (ajv, measured with
 * `node --cpu-prof` on `translate` of a 1 KB file); loading the compiled code takes a few ms.
 *
 * @example
 * const validate = precompiledValidator('partner', 'partner') ?? partnerSchemaAjv().compile(PartnerSchema);
 */
export function precompiledValidator<T = unknown>(set: string, key: string): ValidateFunction<T> | undefined {
  const file = `${set}-${key}.cjs`;
  try {
    return requireHere(`./${file}`) as ValidateFunction<T>;
  } catch (error) {
    // Only this file being absent means "not built"; a broken build must not go unnoticed.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`${file}'`))
      return undefined;
    throw error;
  }
}

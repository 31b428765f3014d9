/** Schema validators compiled at build time (see `precompiled.ts`). */
export { precompiledValidator } from './precompiled.js';

// tsc copies no JSON it does not import: the X12 spec data files go into dist beside the code,
// and the console's pages, styles and scripts (plain files, served as they are) beside its router.
import { cpSync } from 'node:fs';

cpSync('src/x12/specs', 'dist/x12/specs', { recursive: true, filter: (src) => !src.endsWith('.ts') });
cpSync('src/web/public', 'dist/web/public', { recursive: true });

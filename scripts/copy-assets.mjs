// tsc copies no JSON it does not import: the X12 spec data files go into dist beside the code.
import { cpSync } from 'node:fs';

cpSync('src/x12/specs', 'dist/x12/specs', { recursive: true, filter: (src) => !src.endsWith('.ts') });

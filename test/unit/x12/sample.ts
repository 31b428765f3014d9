/** Builds small X12 texts for reader tests; every part can be overridden to break it on purpose. */
export interface SampleOptions {
  element?: string;
  component?: string;
  segment?: string;
  repetition?: string;
  version?: string;
  gsVersion?: string;
  isa13?: string;
  iea?: string | null;
  gs?: string | null;
  ge?: string | null;
  sets?: string[][];
  after?: string;
}

export const PO_BODY = ['BEG*00*SA*PO-1001**20240115', 'PO1*1*10*EA*2.50**VP*SKU-1', 'CTT*1'];

export function isa(o: SampleOptions = {}): string {
  const e = o.element ?? '*';
  const version = o.version ?? '00401';
  const isa11 = o.repetition ?? (version >= '00402' ? '^' : 'U');
  const f = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    'ZZ',
    'SENDER'.padEnd(15),
    'ZZ',
    'RECEIVER'.padEnd(15),
    '240115',
    '1200',
    isa11,
    version,
    o.isa13 ?? '000000001',
    '0',
    'P',
    o.component ?? '>',
  ];
  return f.join(e) + (o.segment ?? '~');
}

/** A whole interchange; `sets` are bodies between ST and SE written with `*` and replaced by `element`. */
export function sample(o: SampleOptions = {}): string {
  const e = o.element ?? '*';
  const t = o.segment ?? '~';
  const gsVersion = o.gsVersion ?? '004010';
  const sets = o.sets ?? [PO_BODY];
  const seg = (s: string) => s.replaceAll('*', e) + t;
  let out = isa(o);
  if (o.gs !== null) out += seg(o.gs ?? `GS*PO*SENDER*RECEIVER*20240115*1200*1*X*${gsVersion}`);
  sets.forEach((body, i) => {
    const cn = String(i + 1).padStart(4, '0');
    out += seg(`ST*850*${cn}`) + body.map(seg).join('') + seg(`SE*${body.length + 2}*${cn}`);
  });
  if (o.ge !== null) out += seg(o.ge ?? `GE*${sets.length}*1`);
  if (o.iea !== null) out += seg(o.iea ?? `IEA*1*${o.isa13 ?? '000000001'}`);
  return out + (o.after ?? '');
}

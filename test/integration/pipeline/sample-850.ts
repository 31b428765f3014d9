/** The body of a small 850 between ST and SE, as Acme Retail sends it. */
const BODY = [
  'BEG*00*SA*PO-1000012**20250301',
  'REF*SR*N',
  'CSH*Y',
  'TD5*****UPSG',
  'N1*ST*John Doe',
  'N3*126 Any St',
  'N4*Hauppauge*NY*11788-1234*US',
  'PO1*1*2*EA*19.95**VN*0054321',
  'CTT*1*2',
];

/**
 * One interchange from ACMERETAIL to OURGATEWAY carrying one 850. `segmentCount` overrides SE01
 * (the true count is 11) to make the set wrong.
 */
export function purchaseOrder850(isa13: number, options: { segmentCount?: number } = {}): string {
  const icn = String(isa13).padStart(9, '0');
  const segments = [
    `ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*OURGATEWAY     *250301*1200*U*00401*${icn}*0*P*>`,
    `GS*PO*ACMERETAIL*OURGATEWAY*20250301*1200*${isa13}*X*004010`,
    'ST*850*0001',
    ...BODY,
    `SE*${options.segmentCount ?? BODY.length + 2}*0001`,
    `GE*1*${isa13}`,
    `IEA*1*${icn}`,
  ];
  return segments.map((s) => `${s}~\n`).join('');
}

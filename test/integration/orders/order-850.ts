/** One PO1 line: quantity, unit, price and our vendor part number (PO1 VN). */
export interface Line850 {
  quantity: string;
  uom?: string;
  price?: string;
  vendorPart: string;
}

export interface Order850 {
  poNumber: string;
  /** BEG01: `00` original, `01` cancellation. */
  purpose?: '00' | '01';
  lines: Line850[];
  /** `no-city`: the N4 lacks the city, so the ship-to rule holds the order. */
  shipTo?: 'complete' | 'no-city';
  /** DTM*002, CCYYMMDD. */
  requestedDelivery?: string;
}

function transactionSet(order: Order850, st02 = '0001'): string[] {
  const body = [
    `BEG*${order.purpose ?? '00'}*SA*${order.poNumber}**20250301`,
    ...(order.requestedDelivery === undefined ? [] : [`DTM*002*${order.requestedDelivery}`]),
    'N1*ST*Store 12',
    'N3*1 Main St',
    order.shipTo === 'no-city' ? 'N4**OH*44139*US' : 'N4*Solon*OH*44139*US',
    ...order.lines.map(
      (line, i) =>
        `PO1*${i + 1}*${line.quantity}*${line.uom ?? 'EA'}*${line.price ?? ''}**VN*${line.vendorPart}`,
    ),
    `CTT*${order.lines.length}`,
  ];
  return [`ST*850*${st02}`, ...body, `SE*${body.length + 2}*${st02}`];
}

/** One interchange from ACMERETAIL to OURGATEWAY with one 850, under ISA13 `isa13`. */
export function interchange850(isa13: number, order: Order850): string {
  return interchange850s(isa13, [order]);
}

/** One interchange from ACMERETAIL to OURGATEWAY, one group, one 850 per order (ST02 0001, 0002...). */
export function interchange850s(isa13: number, orders: readonly Order850[]): string {
  const icn = String(isa13).padStart(9, '0');
  const segments = [
    `ISA*00*          *00*          *ZZ*ACMERETAIL     *ZZ*OURGATEWAY     *250301*1200*U*00401*${icn}*0*P*>`,
    `GS*PO*ACMERETAIL*OURGATEWAY*20250301*1200*${isa13}*X*004010`,
    ...orders.flatMap((order, i) => transactionSet(order, String(i + 1).padStart(4, '0'))),
    `GE*${orders.length}*${isa13}`,
    `IEA*1*${icn}`,
  ];
  return segments.map((s) => `${s}~\n`).join('');
}

/** The 855s of a file that may carry several, one per ST/SE. */
export function parse855s(x12: string): Parsed855[] {
  return x12
    .split(/~\s*(?=ST\*855\*)/)
    .filter((part) => part.includes('BAK*'))
    .map((part) => parse855(part));
}

/** An 855 file as the partner reads it: BAK02, and per PO1 line its ACK01/ACK02 pairs. */
export interface Parsed855 {
  poNumber: string;
  ackType: string;
  lines: Record<string, string[]>;
}

export function parse855(x12: string): Parsed855 {
  const segments = x12
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => s.split('*'));
  const bak = segments.find((s) => s[0] === 'BAK') ?? [];
  const lines: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const segment of segments) {
    if (segment[0] === 'PO1') lines[segment[1] ?? ''] = current = [];
    if (segment[0] === 'ACK') current?.push(`${segment[1] ?? ''} ${segment[2] ?? ''}`);
  }
  return { poNumber: bak[3] ?? '', ackType: bak[2] ?? '', lines };
}

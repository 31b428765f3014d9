import { Decimal } from 'decimal.js';
import type { OurAckFact, PartnerAckFact } from './ack-facts.js';
import { bucketStart, bucketStarts, nextBucketStart } from './kpi-buckets.js';
import type { KpiQuery } from './kpi-query.js';
import type { KpiRow } from './kpi-report.js';
import type { OrderFact } from './order-facts.js';
import { lineAnswer, orderFill, orderOnTimeInFull } from './order-kpis.js';
import { summariseDurations } from './percentile.js';

const HOUR_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;

/** What is stored, read once for the whole range. */
export interface KpiFacts {
  orders: OrderFact[];
  ourAcks: OurAckFact[];
  partnerAcks: PartnerAckFact[];
}

/** `part / whole` to 4 decimals, exactly; null when there is nothing to divide. */
function ratio(part: Decimal.Value, whole: Decimal.Value, decimals = 4): string | null {
  const denominator = new Decimal(whole);
  if (denominator.isZero()) return null;
  return new Decimal(part).dividedBy(denominator).toFixed(decimals, Decimal.ROUND_HALF_UP);
}

const since = (start: Date, end: Date | null): number[] =>
  end === null ? [] : [end.getTime() - start.getTime()];

function orderColumns(orders: OrderFact[], today: string) {
  const cycle855 = summariseDurations(
    orders.flatMap((o) => since(o.receivedAt, o.ackSentAt)),
    HOUR_MS,
  );
  const cycleShip = summariseDurations(
    orders.flatMap((o) => since(o.receivedAt, o.shipments[0]?.at ?? null)),
    HOUR_MS,
  );
  const cycleInvoice = summariseDurations(
    orders.flatMap((o) => since(o.receivedAt, o.invoicedAt)),
    HOUR_MS,
  );
  const fills = orders.flatMap((o) => orderFill(o) ?? []);
  const ordered = fills.reduce((sum, fill) => sum.plus(fill.ordered), new Decimal(0));
  const shipped = fills.reduce((sum, fill) => sum.plus(fill.shipped), new Decimal(0));
  const otif = orders.flatMap((o) => orderOnTimeInFull(o, today) ?? []);
  const answers = orders
    .filter((o) => o.acknowledged)
    .flatMap((o) => o.lines.flatMap((l) => lineAnswer(l.status) ?? []));
  const exceptions = orders.reduce((sum, o) => sum + o.exceptions, 0);
  return {
    orders: orders.length,
    cycle855Count: cycle855.count,
    cycleHours855Median: cycle855.median,
    cycleHours855P90: cycle855.p90,
    cycleShipCount: cycleShip.count,
    cycleHoursShipMedian: cycleShip.median,
    cycleHoursShipP90: cycleShip.p90,
    cycleInvoiceCount: cycleInvoice.count,
    cycleHoursInvoiceMedian: cycleInvoice.median,
    cycleHoursInvoiceP90: cycleInvoice.p90,
    fillRateOrders: fills.length,
    fillRate: ratio(shipped, ordered),
    otifOrders: otif.length,
    otif: ratio(otif.filter(Boolean).length, otif.length),
    exceptions,
    exceptionsPer1000: ratio(exceptions * 1000, orders.length, 2),
    linesAcknowledged: answers.length,
    acceptanceRate: ratio(answers.filter((answer) => answer === 'accepted').length, answers.length),
  };
}

function ackColumns(ours: OurAckFact[], theirs: PartnerAckFact[], now: Date) {
  const ourTimes = summariseDurations(
    ours.flatMap((a) => since(a.receivedAt, a.ackSentAt)),
    MINUTE_MS,
  );
  const answered = theirs.filter((a) => a.answeredAt !== null);
  const theirTimes = summariseDurations(
    answered.flatMap((a) => since(a.sentAt, a.answeredAt)),
    MINUTE_MS,
  );
  // Not yet answered and not yet due: nothing to judge.
  const settled = theirs.filter((a) => a.answeredAt !== null || a.dueAt <= now);
  const onTime = settled.filter((a) => a.answeredAt !== null && a.answeredAt <= a.dueAt).length;
  const overdue = settled.filter((a) => a.answeredAt === null).length;
  return {
    ack997OursCount: ourTimes.count,
    ack997OursMedianMinutes: ourTimes.median,
    ack997OursP90Minutes: ourTimes.p90,
    ack997PartnerExpected: theirs.length,
    ack997PartnerAnswered: answered.length,
    ack997PartnerMedianMinutes: theirTimes.median,
    ack997PartnerP90Minutes: theirTimes.p90,
    ack997PartnerSettled: settled.length,
    ack997PartnerOnTimeShare: ratio(onTime, settled.length),
    ack997PartnerOverdueShare: ratio(overdue, settled.length),
  };
}

/** Groups facts by partner and by the bucket of the instant each one counts at. */
function grouped<T extends { partnerId: string }>(facts: T[], at: (fact: T) => Date, query: KpiQuery) {
  const groups = new Map<string, T[]>();
  for (const fact of facts) {
    // Keyed by epoch milliseconds: cheaper than formatting a date for each of tens of thousands of facts.
    const key = `${fact.partnerId}\u0000${bucketStart(at(fact), query.period).getTime()}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [fact]);
    else group.push(fact);
  }
  return (partnerId: string, start: Date) => groups.get(`${partnerId}\u0000${start.getTime()}`) ?? [];
}

/**
 * One row per partner with any fact in the range and per bucket of the range, partners in
 * alphabetical order. Pure: `now` is the instant open items are judged at.
 *
 * @example
 * const rows = kpiRows(facts, { from, to, period: 'week' }, new Date());
 */
export function kpiRows(facts: KpiFacts, query: KpiQuery, now: Date): KpiRow[] {
  const orders = grouped(facts.orders, (o) => o.receivedAt, query);
  const ours = grouped(facts.ourAcks, (a) => a.receivedAt, query);
  const theirs = grouped(facts.partnerAcks, (a) => a.storedAt, query);
  const partners = [
    ...new Set([...facts.orders, ...facts.ourAcks, ...facts.partnerAcks].map((fact) => fact.partnerId)),
  ].sort();
  const today = now.toISOString().slice(0, 10);
  return partners.flatMap((partnerId) =>
    bucketStarts(query.from, query.to, query.period).map((start) => ({
      partnerId,
      periodStart: start.toISOString(),
      periodEnd: nextBucketStart(start, query.period).toISOString(),
      ...orderColumns(orders(partnerId, start), today),
      ...ackColumns(ours(partnerId, start), theirs(partnerId, start), now),
    })),
  );
}

/**
 * A marketplace API's published rate limit as a token bucket: `burst` requests at once, then one
 * per `1 / ratePerSecond` seconds (SP-API `getOrders`: 0.0167/s, burst 20). The API may say
 * otherwise on each answer (`x-amzn-RateLimit-Limit`), and a 429 holds everything until its
 * `Retry-After`. The clock is passed in, so the arithmetic is tested without waiting.
 *
 * @example
 * const bucket = new TokenBucket(0.0167, 20);
 * await sleep(bucket.delayMs()); bucket.take();
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private heldUntil = 0;

  constructor(
    private ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Milliseconds to wait before the next request may go; 0 when it may go now. */
  delayMs(): number {
    this.refill();
    const held = Math.max(0, this.heldUntil - this.now());
    const missing = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
    return Math.ceil(Math.max(held, missing));
  }

  /** Spends a token for a request about to go; false (and nothing spent) when it must wait. */
  take(): boolean {
    if (this.delayMs() > 0) return false;
    this.tokens -= 1;
    return true;
  }

  /** The rate an answer's header gives (requests per second); ignored when it is not a positive number. */
  adjustRate(ratePerSecond: number): void {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) return;
    this.refill();
    this.ratePerSecond = ratePerSecond;
  }

  /**
   * A 429: no request before `waitMs` from now; then one (the retry), and the bucket refills from
   * there, nothing having accrued while held.
   */
  hold(waitMs: number): void {
    this.refill();
    this.tokens = 1;
    this.heldUntil = Math.max(this.heldUntil, this.now() + Math.max(0, waitMs));
  }

  private refill(): void {
    const at = this.now();
    const from = Math.max(this.last, this.heldUntil);
    const elapsed = Math.max(0, at - from) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    this.last = at;
  }
}

/**
 * How long a `Retry-After` header says to wait: seconds (decimal ones too), or an HTTP date; undefined when absent
 * or unreadable (the caller's backoff applies then).
 *
 * @example
 * retryAfterMs('120', new Date()); // 120000
 */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  // Shopify writes decimal seconds (`2.0`).
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * Exponential backoff with full jitter for the `attempt`-th retry (from 1): a random wait up to
 * `baseMs * 2^(attempt-1)`, capped at `maxMs`, so that many clients do not retry in step.
 *
 * @example
 * backoffMs(3, 1_000, 60_000); // somewhere in 0..4000
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

import { setTimeout as sleepFor } from 'node:timers/promises';

/** The REST Admin API's bucket on a standard plan: 40 requests, leaking 2 a second. */
export const SHOPIFY_STANDARD_BUCKET = 40;

/**
 * Every published REST bucket empties in 20 seconds (40 at 2/s, Plus 80 at 4/s), so the leak
 * rate is read from the bucket size the answer header gives.
 */
const SECONDS_TO_EMPTY = 20;

/**
 * Shopify's REST Admin API rate limit, one leaky bucket per app and shop shared by every
 * endpoint: each request drops one call in, the bucket leaks at its rate, and a request that
 * finds it full is answered 429. Each answer says how full the bucket is and how big it is
 * (`X-Shopify-Shop-Api-Call-Limit: 32/40`), which counts the calls of every process using the
 * same app token; this mirror takes that level as the truth and waits before a call that would
 * overflow it, so a pull or a burst of shipments slows down instead of collecting 429s.
 *
 * The shared client's token buckets are per operation; Shopify's is per shop, hence this one.
 *
 * @example
 * const limit = new ShopifyCallLimit();
 * await limit.acquire();
 * const answer = await api.call(request);
 * limit.observe(answer.headers['x-shopify-shop-api-call-limit']);
 */
export class ShopifyCallLimit {
  private level = 0;
  private at: number;

  constructor(
    private size: number = SHOPIFY_STANDARD_BUCKET,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => sleepFor(ms),
  ) {
    this.at = now();
  }

  /** The bucket size in force: 40 until an answer says otherwise. */
  get bucketSize(): number {
    return this.size;
  }

  /** Calls leaked per second at the current bucket size. */
  get leakPerSecond(): number {
    return this.size / SECONDS_TO_EMPTY;
  }

  /** Milliseconds to wait before one more call fits in the bucket; 0 when it fits now. */
  delayMs(): number {
    const over = this.current() + 1 - this.size;
    return over <= 0 ? 0 : Math.ceil((over / this.leakPerSecond) * 1000);
  }

  /** Waits until one more call fits, then counts it in. */
  async acquire(): Promise<void> {
    for (let wait = this.delayMs(); wait > 0; wait = this.delayMs()) await this.sleep(wait);
    this.level = this.current() + 1;
    this.at = this.now();
  }

  /**
   * Takes the level and size an answer's `X-Shopify-Shop-Api-Call-Limit` gives (`used/size`);
   * a missing or unreadable header changes nothing.
   */
  observe(header: string | undefined): void {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(header ?? '');
    if (match === null) return;
    const used = Number(match[1]);
    const size = Number(match[2]);
    if (size <= 0 || used > size) return;
    this.size = size;
    this.level = used;
    this.at = this.now();
  }

  private current(): number {
    const elapsed = Math.max(0, this.now() - this.at) / 1000;
    return Math.max(0, this.level - elapsed * this.leakPerSecond);
  }
}

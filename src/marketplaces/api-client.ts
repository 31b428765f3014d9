import axios, { type AxiosInstance, type Method } from 'axios';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { MarketplaceError } from './marketplace-error.js';
import { backoffMs, retryAfterMs, TokenBucket } from './rate-limit.js';

/** One operation's published rate limit: requests per second and burst. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

/** What every marketplace client shares: where the API is, how to sign a request, its limits. */
export interface ApiClientSettings {
  /** Names the account in messages, e.g. `partner acme-shop`. */
  label: string;
  /** The API's base URL, without a trailing slash. */
  baseUrl: string;
  /**
   * The headers that authenticate a request. `refresh` is true after the API answered 401 (an
   * access token expired early or was revoked): a new token must be fetched, not the cached one.
   */
  authorize(refresh: boolean): Promise<Record<string, string>>;
  /** Published limits by operation name; an operation not listed is not throttled here. */
  limits?: Record<string, RateLimit>;
  /** The answer header that gives the operation's current rate (SP-API `x-amzn-ratelimit-limit`). */
  rateHeader?: string;
}

export interface ApiClientOptions {
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Attempts per call, the first included, over 429s, 5xx and network failures. Default 5. */
  maxAttempts?: number;
  /** Backoff base and ceiling where no `Retry-After` says how long. Default 1 s and 60 s. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The longest `Retry-After` waited in-process; a longer one fails the call as retryable. Default 120 s. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** One request: the operation names its rate limit and appears in messages. */
export interface ApiRequest {
  operation: string;
  method: Method;
  /** Relative to the base URL (`/orders/v0/orders`), or absolute for a page link the API gave. */
  path: string;
  params?: Record<string, string | number | undefined>;
  data?: unknown;
  headers?: Record<string, string>;
  /** Names what the call is about in messages (an order id), never personal data. */
  subject?: string;
}

export interface ApiAnswer<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  maxAttempts: 5,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  maxRetryAfterMs: 120_000,
};

/**
 * Calls a marketplace API the way its documentation asks: each operation waits for its token
 * bucket, a 429 holds the operation until its `Retry-After` (or a jittered backoff), a 401 fetches
 * a fresh access token once, 5xx and network failures are retried with backoff, and what is left
 * becomes a `MarketplaceError` (retryable or permanent) naming the account, operation and status.
 * Request and answer bodies never reach a message: they hold buyers' names and addresses.
 *
 * @example
 * const api = new MarketplaceApi({ label: 'partner acme', baseUrl, authorize: async () => ({}) });
 * const { data } = await api.call<{ payload: unknown }>({ operation: 'getOrders', method: 'GET', path: '/orders/v0/orders' });
 */
export class MarketplaceApi {
  private readonly http: AxiosInstance;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly options: Required<Omit<ApiClientOptions, 'sleep' | 'now'>>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly settings: ApiClientSettings,
    options: ApiClientOptions = {},
  ) {
    this.options = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      backoffBaseMs: options.backoffBaseMs ?? DEFAULTS.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs ?? DEFAULTS.backoffMaxMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    };
    this.sleep = options.sleep ?? ((ms) => sleepFor(ms));
    this.now = options.now ?? Date.now;
    this.http = axios.create({
      baseURL: settings.baseUrl,
      timeout: this.options.timeoutMs,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'json',
    });
  }

  /** Sends one request, waiting, refreshing and retrying as the API asks; throws `MarketplaceError`. */
  async call<T>(request: ApiRequest): Promise<ApiAnswer<T>> {
    const doing = `${this.settings.label}: ${request.operation}${request.subject === undefined ? '' : ` of ${request.subject}`}`;
    const bucket = this.bucketFor(request.operation);
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      if (bucket !== undefined) await this.waitForToken(bucket);
      let headers: Record<string, string>;
      try {
        headers = await this.settings.authorize(refreshed);
      } catch (error) {
        if (error instanceof MarketplaceError) throw error;
        throw MarketplaceError.unavailable(
          `${doing}: getting an access token failed: ${describe(error)}`,
          error,
        );
      }
      let status: number;
      let answer: { data: unknown; headers: Record<string, unknown> };
      try {
        const response = await this.http.request({
          method: request.method,
          url: request.path,
          params: request.params,
          data: request.data,
          headers: { Accept: 'application/json', ...headers, ...request.headers },
        });
        status = response.status;
        answer = { data: response.data, headers: response.headers };
      } catch (error) {
        if (attempt >= this.options.maxAttempts) {
          throw MarketplaceError.unavailable(
            `${doing} failed after ${attempt} attempts: ${describe(error)}`,
            error,
          );
        }
        await this.sleep(this.backoff(attempt));
        continue;
      }
      const answerHeaders = lowerCaseHeaders(answer.headers);
      this.retune(bucket, answerHeaders);
      if (status >= 200 && status < 300) return { status, data: answer.data as T, headers: answerHeaders };
      if (status === 401 && !refreshed) {
        refreshed = true;
        continue;
      }
      if (status === 401 || status === 403) {
        throw MarketplaceError.auth(
          `${doing} was refused with ${status}${apiMessage(answer.data)} (check the credentials the partner file names)`,
        );
      }
      const retryable = status === 429 || status >= 500 || status === 408;
      if (!retryable)
        throw MarketplaceError.refused(`${doing} was refused with ${status}${apiMessage(answer.data)}`);
      if (attempt >= this.options.maxAttempts) {
        throw MarketplaceError.unavailable(
          `${doing} was answered ${status} ${attempt} times${apiMessage(answer.data)}; will retry later`,
        );
      }
      const told = retryAfterMs(answerHeaders['retry-after'], new Date(this.now()));
      if (told !== undefined && told > this.options.maxRetryAfterMs) {
        throw MarketplaceError.unavailable(
          `${doing} was answered ${status} with Retry-After ${Math.round(told / 1000)} s; will retry later`,
        );
      }
      const wait = told ?? this.backoff(attempt);
      if (status === 429 && bucket !== undefined) bucket.hold(wait);
      else await this.sleep(wait);
    }
  }

  private bucketFor(operation: string): TokenBucket | undefined {
    const limit = this.settings.limits?.[operation];
    if (limit === undefined) return undefined;
    let bucket = this.buckets.get(operation);
    if (bucket === undefined) {
      bucket = new TokenBucket(limit.ratePerSecond, limit.burst, this.now);
      this.buckets.set(operation, bucket);
    }
    return bucket;
  }

  private async waitForToken(bucket: TokenBucket): Promise<void> {
    for (;;) {
      const wait = bucket.delayMs();
      if (wait === 0 && bucket.take()) return;
      await this.sleep(Math.max(wait, 1));
    }
  }

  private retune(bucket: TokenBucket | undefined, headers: Record<string, string>): void {
    const header = this.settings.rateHeader;
    if (bucket === undefined || header === undefined) return;
    const rate = headers[header.toLowerCase()];
    if (rate !== undefined) bucket.adjustRate(Number(rate));
  }

  private backoff(attempt: number): number {
    return backoffMs(attempt, this.options.backoffBaseMs, this.options.backoffMaxMs);
  }
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(', ');
    else if (typeof value === 'string' || typeof value === 'number') out[name.toLowerCase()] = String(value);
  }
  return out;
}

/**
 * The API's own error text, where it gives one in a known shape (SP-API `errors[].message`,
 * Shopify `errors` with its per-field lists, Walmart `errors.error[].description`), cut to 200 characters. Nothing else of
 * the body is quoted.
 */
function apiMessage(data: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 4 || texts.length >= 3 || node === null || node === undefined) return;
    if (typeof node === 'string') {
      texts.push(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const known = ['errors', 'error', 'message', 'details', 'description', 'code'].filter(
        (key) => key in record,
      );
      for (const key of known) visit(record[key], depth + 1);
      if (known.length > 0) return;
      // Shopify's validation errors: { base: ["Cannot cancel..."], line_items: [...] }.
      for (const [field, value] of Object.entries(record)) {
        if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
          texts.push(`${field} ${value.join(', ')}`);
      }
    }
  };
  if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    visit(record.errors ?? record.error ?? record.message, 0);
  }
  const text = texts.join('; ').replace(/\s+/g, ' ').trim();
  return text === '' ? '' : `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}

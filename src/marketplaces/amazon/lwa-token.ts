import { MarketplaceApi, type ApiClientOptions } from '../api-client.js';
import { isMarketplaceError, MarketplaceError } from '../marketplace-error.js';

/** Login with Amazon's production token endpoint. */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** A token is not used in its last minute: a call that starts then may arrive after it expired. */
const EXPIRY_MARGIN_MS = 60_000;

/** The partner file's credential names an SP-API refresh-token grant needs. */
const CREDENTIAL_NAMES = ['refreshToken', 'clientId', 'clientSecret'] as const;

export interface LwaSettings {
  /** `partner <id>`, for messages. */
  label: string;
  /** The token endpoint; Login with Amazon's production one when unset. */
  authUrl?: string;
  credentials: Readonly<Record<string, string>>;
}

/**
 * SP-API access tokens from Login with Amazon: a refresh-token grant posted form-encoded to the
 * token endpoint, the answer's `access_token` cached until a minute before its `expires_in`, sent as
 * `x-amz-access-token`. The endpoint is called through the shared `MarketplaceApi`, so its 429s,
 * 5xx and network failures are waited out and retried, and end as a retryable error. A refused
 * grant becomes a permanent `marketplace-auth` error naming the credentials to fix: `invalid_grant`
 * (400) is the refresh token, `invalid_client` (401) the client id and secret.
 *
 * @example
 * const lwa = new LwaTokenSource({ label: 'partner amazon-us', credentials });
 * const headers = await lwa.headers(false); // { 'x-amz-access-token': 'Atza|...' }
 */
export class LwaTokenSource {
  private readonly api: MarketplaceApi;
  private readonly now: () => number;
  private cached: { token: string; usableUntil: number } | undefined;
  private pending: Promise<string> | undefined;
  private readonly own = new WeakSet<Error>();
  private fetched = 0;

  constructor(
    private readonly settings: LwaSettings,
    options: ApiClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.api = new MarketplaceApi(
      {
        label: settings.label,
        baseUrl: settings.authUrl ?? LWA_TOKEN_URL,
        authorize: () => Promise.resolve({}),
      },
      options,
    );
  }

  /** The header that authenticates an SP-API call; `refresh` fetches a new token whatever is cached. */
  async headers(refresh: boolean): Promise<Record<string, string>> {
    if (refresh) this.invalidate();
    const cached = this.cached;
    if (cached !== undefined && this.now() < cached.usableUntil)
      return { 'x-amz-access-token': cached.token };
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return { 'x-amz-access-token': await this.pending };
  }

  /** How many tokens were fetched so far: compared before and after a call, it tells whether the call had a new one. */
  get fetches(): number {
    return this.fetched;
  }

  /** Forgets the cached token: SP-API refused it before its time (revoked, or a clock apart). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Whether an error came from the token endpoint (so a new token cannot help). */
  threw(error: unknown): boolean {
    return error instanceof Error && this.own.has(error);
  }

  private async fetch(): Promise<string> {
    const credentials = this.settings.credentials;
    const missing = CREDENTIAL_NAMES.filter((name) => !credentials[name]);
    if (missing.length > 0)
      throw this.mark(
        MarketplaceError.auth(
          `${this.settings.label}: credentials ${missing.join(', ')} missing: Login with Amazon needs refreshToken, clientId and clientSecret in the partner file's transport.credentials`,
        ),
      );
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken ?? '',
      client_id: credentials.clientId ?? '',
      client_secret: credentials.clientSecret ?? '',
    });
    const startedAt = this.now();
    let data: { access_token?: unknown; expires_in?: unknown };
    try {
      ({ data } = await this.api.call<typeof data>({
        operation: 'getAccessToken',
        method: 'POST',
        path: '',
        data: form,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      }));
    } catch (error) {
      throw this.mark(this.refusal(error));
    }
    const token = data?.access_token;
    const lifetime = data?.expires_in;
    if (typeof token !== 'string' || token === '' || typeof lifetime !== 'number' || !(lifetime > 0))
      throw this.mark(
        MarketplaceError.unavailable(
          `${this.settings.label}: Login with Amazon answered without an access_token and a positive expires_in; will retry later`,
        ),
      );
    this.fetched += 1;
    this.cached = { token, usableUntil: startedAt + lifetime * 1000 - EXPIRY_MARGIN_MS };
    return token;
  }

  /** A refused grant as the credentials to fix; anything else (retryable) as it came. */
  private refusal(error: unknown): unknown {
    if (!isMarketplaceError(error) || error.code === 'marketplace-unavailable') return error;
    const label = this.settings.label;
    const fix = 'fix them where the partner file reads them from';
    if (error.code === 'marketplace-auth' || /\binvalid_client\b/.test(error.message))
      return MarketplaceError.auth(
        `${label}: Login with Amazon refused the client (invalid_client): check the credentials clientId and clientSecret (the app's LWA credentials in Seller Central); ${fix}`,
        error,
      );
    if (/\binvalid_grant\b/.test(error.message))
      return MarketplaceError.auth(
        `${label}: Login with Amazon refused the refresh token (invalid_grant): check the credential refreshToken (revoked, or issued to another app than clientId; authorise the app again in Seller Central for a new one); ${fix}`,
        error,
      );
    return MarketplaceError.auth(
      `${label}: Login with Amazon refused the refresh-token grant (${error.message}): check the credentials refreshToken, clientId and clientSecret; ${fix}`,
      error,
    );
  }

  private mark(error: unknown): unknown {
    if (error instanceof Error) this.own.add(error);
    return error;
  }
}

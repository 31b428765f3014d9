import { randomUUID } from 'node:crypto';
import { MarketplaceApi, type ApiClientOptions } from '../api-client.js';
import { isMarketplaceError, MarketplaceError } from '../marketplace-error.js';

/** `WM_SVC.NAME`, the service every Marketplace call names. */
export const WALMART_SERVICE_NAME = 'Walmart Marketplace';

/** A token is renewed this long before Walmart says it expires. */
const RENEW_BEFORE_MS = 60_000;

export interface WalmartTokenSettings {
  label: string;
  baseUrl: string;
  /** `/v3/token` on the API host, or the partner file's `authUrl`. */
  tokenPath: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Walmart's client-credentials access tokens (`POST /v3/token`, Basic auth with the client id
 * and secret, 900 s tokens), cached until a minute before they expire and fetched once for calls
 * that ask at the same time. Each header set carries a fresh `WM_QOS.CORRELATION_ID`.
 *
 * @example
 * const tokens = new WalmartAccessTokens({ label, baseUrl, tokenPath: '/v3/token', clientId, clientSecret });
 * const headers = await tokens.headers(false); // { 'WM_SEC.ACCESS_TOKEN': ..., 'WM_SVC.NAME': ..., ... }
 */
export class WalmartAccessTokens {
  private readonly api: MarketplaceApi;
  private readonly now: () => number;
  private cached: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly settings: WalmartTokenSettings,
    options: ApiClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    const basic = Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64');
    this.api = new MarketplaceApi(
      {
        label: settings.label,
        baseUrl: settings.baseUrl,
        authorize: () =>
          Promise.resolve({
            Authorization: `Basic ${basic}`,
            'WM_SVC.NAME': WALMART_SERVICE_NAME,
            'WM_QOS.CORRELATION_ID': randomUUID(),
          }),
      },
      options,
    );
  }

  /** The headers of one API call; `refresh` drops the cached token (the API answered 401). */
  async headers(refresh: boolean): Promise<Record<string, string>> {
    const token = await this.token(refresh);
    return {
      'WM_SEC.ACCESS_TOKEN': token,
      'WM_SVC.NAME': WALMART_SERVICE_NAME,
      'WM_QOS.CORRELATION_ID': randomUUID(),
    };
  }

  private async token(refresh: boolean): Promise<string> {
    if (refresh) this.cached = undefined;
    if (this.cached !== undefined && this.now() < this.cached.renewAt) return this.cached.token;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    let data: unknown;
    try {
      ({ data } = await this.api.call<unknown>({
        operation: 'getToken',
        method: 'POST',
        path: this.settings.tokenPath,
        data: 'grant_type=client_credentials',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }));
    } catch (error) {
      // A 400 from the token endpoint is a refused credential as much as a 401 is.
      if (isMarketplaceError(error) && error.code === 'marketplace-refused')
        throw MarketplaceError.auth(
          `${error.message} (check the clientId and clientSecret the partner file names)`,
          error,
        );
      throw error;
    }
    const answer = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const token = answer['access_token'];
    const expiresIn = Number(answer['expires_in']);
    if (typeof token !== 'string' || token === '' || !Number.isFinite(expiresIn) || expiresIn <= 0)
      throw MarketplaceError.unavailable(
        `${this.settings.label}: getToken answered without an access_token and a positive expires_in; will retry later`,
      );
    const renewAt = this.now() + Math.max(0, expiresIn * 1000 - RENEW_BEFORE_MS);
    this.cached = { token, renewAt };
    return token;
  }
}

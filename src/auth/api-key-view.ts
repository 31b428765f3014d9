import type { StoredApiKey } from '../store/index.js';

/** A key as it may be shown: everything but the secret's hash. */
export type ApiKeyView = Omit<StoredApiKey, 'secretHash'>;

export function toApiKeyView(key: StoredApiKey): ApiKeyView {
  const { secretHash: _hidden, ...view } = key;
  return view;
}

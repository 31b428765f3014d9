/**
 * Free text that can carry a secret: a database URL in a driver error, an API key pasted into a
 * query string, an e-mail address in a partner's message. Each pattern keeps enough to tell what
 * was there (the scheme and host, the key's id) and masks the rest.
 */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  // scheme://user:password@host keeps the user name, which says which account failed.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, '$1:***@'],
  // Gateway API keys are edik_<id>_<secret>; the id finds the key, the secret is never shown.
  [/\b(edik_[A-Za-z0-9]+)_[A-Za-z0-9_-]+/g, '$1_***'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 ***'],
  [/([?&](?:api[_-]?key|access[_-]?token|token|password|passphrase|secret|key)=)[^&#\s]*/gi, '$1***'],
  // Not the user of a URL (postgres://edi@db.example.com), which names an account, not a person.
  [/(?<!:\/\/[^\s@]*)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '***@***'],
];

/**
 * Masks the secrets and personal data a free-text log field can carry: URL passwords, gateway
 * API keys, bearer tokens, secret query parameters and e-mail addresses.
 *
 * @example
 * redactText('connect postgres://edi:s3cret@db/edi failed'); // 'connect postgres://edi:***@db/edi failed'
 * redactText('key edik_4f2a_Zx9...'); // 'key edik_4f2a_***'
 */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

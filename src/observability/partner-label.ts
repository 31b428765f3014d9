/**
 * The `partner` label of something whose partner is not known yet (an interchange not read).
 *
 * @example
 * partnerLabel(null); // 'unknown'
 */
export function partnerLabel(partnerId: string | null | undefined): string {
  return partnerId === null || partnerId === undefined || partnerId === '' ? 'unknown' : partnerId;
}

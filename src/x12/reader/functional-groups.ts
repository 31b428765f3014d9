/** GS01 functional identifier code of each transaction set we know (the standard's pairing). */
const GROUP_OF_SET: Record<string, string> = {
  '810': 'IN',
  '820': 'RA',
  '850': 'PO',
  '855': 'PR',
  '856': 'SH',
  '860': 'PC',
  '865': 'CA',
  '846': 'IB',
  '940': 'OW',
  '945': 'SW',
  '997': 'FA',
  '999': 'FA',
  '210': 'IM',
  '214': 'QM',
  '824': 'AG',
  '864': 'TX',
  '832': 'SC',
  '852': 'PD',
  '753': 'GF',
  '754': 'GF',
  '180': 'AN',
};

export function functionalGroupOf(setId: string): string | undefined {
  return GROUP_OF_SET[setId];
}

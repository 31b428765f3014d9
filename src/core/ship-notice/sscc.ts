/**
 * The GS1 check digit of a numeric key: weights 3 and 1 alternate from the rightmost digit of
 * the key without its check digit.
 */
function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Why a value is not a valid SSCC-18, or `undefined` when it is: 18 digits whose last is the GS1
 * check digit of the first 17.
 *
 * @example
 * ssccProblem('106141411234567897'); // undefined
 * ssccProblem('106141411234567891'); // 'its check digit is 1; it should be 7'
 */
export function ssccProblem(value: string): string | undefined {
  if (!/^\d{18}$/.test(value)) return `'${value}' is not 18 digits`;
  const expected = gs1CheckDigit(value.slice(0, 17));
  const actual = Number(value[17]);
  return actual === expected ? undefined : `its check digit is ${actual}; it should be ${expected}`;
}

/**
 * An SSCC-18 with its check digit appended to 17 digits.
 *
 * @example
 * withSsccCheckDigit('10614141123456789'); // '106141411234567897'
 */
export function withSsccCheckDigit(seventeenDigits: string): string {
  return `${seventeenDigits}${gs1CheckDigit(seventeenDigits)}`;
}

/**
 * The SSCC-18 in a MAN*GM mark: 18 digits, or 20 with the GS1 application identifier `00` first.
 *
 * @example
 * ssccFromMark('00106141411234567897'); // '106141411234567897'
 */
export function ssccFromMark(value: string): string | undefined {
  if (/^\d{18}$/.test(value)) return value;
  if (/^00\d{18}$/.test(value)) return value.slice(2);
  return undefined;
}

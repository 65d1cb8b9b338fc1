/**
 * A Dutch Chamber of Commerce (Kamer van Koophandel) number is exactly eight digits (Handelsregisterwet;
 * KvK numbering since 2009). There is no public check digit, so the format is all we can verify.
 */
export const KVK_NUMBER_PATTERN = /^[0-9]{8}$/;

export function isKvkNumber(value: unknown): value is string {
  return typeof value === 'string' && KVK_NUMBER_PATTERN.test(value);
}

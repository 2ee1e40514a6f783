/**
 * Receipt codes of anonymous reports: 16 characters of Crockford base32 (80 random bits) in groups of
 * four, e.g. `K7QH-3MZD-9XPA-TW2C`. Typing is forgiving: any case, spaces or no dashes, and O/I/L for
 * 0/1/1 (letters the alphabet leaves out).
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 16 bare characters of a typed code, or null when it cannot be one. What the API hashes. */
export const canonicalReceiptCode = (typed: string): string | null => {
  const bare = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return bare.length === 16 && [...bare].every((char) => RECEIPT_ALPHABET.includes(char)) ? bare : null;
};

/** A code grouped for display (`XXXX-XXXX-XXXX-XXXX`); text that cannot be a code is returned trimmed. */
export const formatReceiptCode = (typed: string): string =>
  canonicalReceiptCode(typed)?.replace(/(.{4})(?!$)/g, '$1-') ?? typed.trim().toUpperCase();

/** A new code from 16 random bytes (each taken modulo 32: the alphabet has exactly 32 characters). */
export const receiptCodeFromBytes = (bytes: Uint8Array): string => {
  if (bytes.length < 16) throw new RangeError('16 random bytes are needed');
  return formatReceiptCode([...bytes.subarray(0, 16)].map((byte) => RECEIPT_ALPHABET[byte % 32]).join(''));
};

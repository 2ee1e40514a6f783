import { canonicalReceiptCode, formatReceiptCode, receiptCodeFromBytes } from './receipt-code';

describe('receipt codes', () => {
  it('are 16 alphabet characters in groups of four', () => {
    const code = receiptCodeFromBytes(Uint8Array.from({ length: 16 }, (_, i) => i * 17));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('forgive case, spaces, missing dashes and O/I/L when typed', () => {
    expect(canonicalReceiptCode(' k7qh 3mzd-9xpa tw2c ')).toBe('K7QH3MZD9XPATW2C');
    expect(canonicalReceiptCode('OIL0-1111-2222-3333')).toBe('0110111122223333');
    expect(formatReceiptCode('k7qh3mzd9xpatw2c')).toBe('K7QH-3MZD-9XPA-TW2C');
  });

  it('refuse what cannot be a code', () => {
    expect(canonicalReceiptCode('K7QH-3MZD')).toBeNull();
    expect(canonicalReceiptCode('UUUU-UUUU-UUUU-UUUU')).toBeNull(); // U is not in the alphabet
    expect(formatReceiptCode(' nope ')).toBe('NOPE');
  });
});

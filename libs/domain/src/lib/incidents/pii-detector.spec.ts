import { formatIncidentNumber, parseIncidentNumber } from './incident-number';
import { detectPii, isNationalIdNumber } from './pii-detector';

describe('personal data detector', () => {
  // Synthetic numbers (1 January 1990) with valid control digits.
  const valid = '01019010046';

  it('accepts national identity numbers whose control digits check out, and D-numbers', () => {
    expect(isNationalIdNumber(valid)).toBe(true);
    expect(isNationalIdNumber('01019010047')).toBe(false);
    expect(isNationalIdNumber('41019010110')).toBe(true);
    expect(isNationalIdNumber('12345678901')).toBe(false);
  });

  it('finds an identity number written with or without a space, not other 11-digit numbers', () => {
    expect(detectPii(`Pasient ${valid} falt`)).toEqual([{ index: 8, kind: 'national_id', length: 11 }]);
    expect(detectPii('Pasient 010190 10046 falt').map((f) => f.kind)).toEqual(['national_id']);
    expect(detectPii('Telefon 12345678901')).toEqual([]);
  });

  it('flags what looks like a full name, and known names', () => {
    expect(detectPii('Beboer Kari Nordmann falt i gangen').map((f) => f.kind)).toEqual(['name']);
    expect(detectPii('Brannalarm på Liavegen Sykehjem')).toEqual([]);
    expect(detectPii('beboeren på rom 4 (Gunnvor Aas) falt', ['Gunnvor Aas'])).toEqual([{ index: 19, kind: 'name', length: 11 }]);
  });
});

describe('incident numbers', () => {
  it('formats and parses year-sequence numbers', () => {
    expect(formatIncidentNumber(2026, 4711)).toBe('2026-004711');
    expect(parseIncidentNumber('2026-004711')).toEqual({ sequence: 4711, year: 2026 });
    expect(parseIncidentNumber('26-1')).toBeNull();
    expect(() => formatIncidentNumber(2026, 0)).toThrow(RangeError);
  });
});

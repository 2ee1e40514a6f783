import { parseCsv, toCsv } from './csv.util';

describe('toCsv / parseCsv', () => {
  it('should read back what it writes: separators, quotes, line breaks and empty cells', () => {
    const rows = [
      ['Tittel', 'Beskrivelse', 'Rang'],
      ['A; B', 'Sa "hei"\r\nog gikk', 3],
      ['', null, null],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF"Tittel";"Beskrivelse";"Rang"\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['Tittel', 'Beskrivelse', 'Rang'],
      ['A; B', 'Sa "hei"\r\nog gikk', '3'],
      ['', '', ''],
    ]);
  });

  it('should guard text that a spreadsheet would run as a formula', () => {
    expect(toCsv([['=1+1', '+47 123', '-5', '@SUM(A1)', 'ok']])).toBe('\uFEFF"\'=1+1";"\'+47 123";"\'-5";"\'@SUM(A1)";"ok"\r\n');
  });

  it('should detect comma and tab separators and LF line ends', () => {
    expect(parseCsv('Tittel,Sårbarhet\nFlom,"Høy, svært"\n')).toEqual([
      ['Tittel', 'Sårbarhet'],
      ['Flom', 'Høy, svært'],
    ]);
    expect(parseCsv('Tittel\tRang\nRas\t2')).toEqual([
      ['Tittel', 'Rang'],
      ['Ras', '2'],
    ]);
  });
});

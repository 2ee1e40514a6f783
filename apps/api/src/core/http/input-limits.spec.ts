import { hasForbiddenCharacter, inputProblem, jsonNestsDeeperThan, MAX_INPUT_DEPTH } from './input-limits';

describe('input limits', () => {
  it('should find over-deep JSON from the raw text, ignoring brackets inside strings', () => {
    expect(jsonNestsDeeperThan('['.repeat(MAX_INPUT_DEPTH) + ']'.repeat(MAX_INPUT_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan('['.repeat(MAX_INPUT_DEPTH + 1) + ']'.repeat(MAX_INPUT_DEPTH + 1))).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify({ a: '[[[[[[[[[['.repeat(10), b: '\\"{{{{' }), 3)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":{"b":{"c":{}}}}'), 3)).toBe(true);
  });

  it('should scan a megabyte of brackets in well under a second', () => {
    const text = '['.repeat(500_000) + ']'.repeat(500_000);
    const started = Date.now();
    expect(jsonNestsDeeperThan(text)).toBe(true);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('should refuse NUL and lone surrogates but accept paired ones', () => {
    expect(hasForbiddenCharacter('a\0b')).toBe(true);
    expect(hasForbiddenCharacter('\ud800')).toBe(true);
    expect(hasForbiddenCharacter('x\udc00')).toBe(true);
    expect(hasForbiddenCharacter('😀 æøå')).toBe(false);
  });

  it('should name the offending field as a dotted path, keys included', () => {
    expect(inputProblem({ a: [{ b: 'ok' }, { c: 'x\0' }] })?.details).toEqual([{ field: 'a.1.c', reasons: [expect.any(String)] }]);
    expect(inputProblem({ ['k\0']: 1 })?.details).toEqual([{ field: 'k\0', reasons: [expect.any(String)] }]);
    expect(inputProblem({ q: 'fine', page: '2' })).toBeNull();
  });

  it('should refuse parsed values nested deeper than the limit without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblem({ a: deep })?.code).toBe('INPUT_TOO_DEEP');
  });
});

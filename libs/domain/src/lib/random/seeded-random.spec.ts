import { SeededRandom } from './seeded-random';

const draw = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  describe('same seed twice', () => {
    it('should produce the identical sequence', () => {
      expect(draw(new SeededRandom(2026), 1000)).toEqual(draw(new SeededRandom(2026), 1000));
    });

    it('should produce identical ints, picks, shuffles and uuids', () => {
      const run = (random: SeededRandom) => ({
        chance: Array.from({ length: 20 }, () => random.chance(0.3)),
        ints: Array.from({ length: 20 }, () => random.int(-5, 5)),
        pick: random.pick(['a', 'b', 'c', 'd']),
        shuffle: random.shuffle([1, 2, 3, 4, 5, 6, 7, 8]),
        uuid: random.uuid(),
        weighted: random.pickWeighted(['x', 'y'], (v) => (v === 'x' ? 1 : 3)),
      });
      expect(run(new SeededRandom('fjordvik'))).toEqual(run(new SeededRandom('fjordvik')));
    });

    it('should pin the sequence of seed 2026 (changing the algorithm changes every demo database)', () => {
      const random = new SeededRandom(2026);
      expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([1588752412, 429169908, 3489657510]);
      expect(random.uuid()).toBe('2984397d-08fa-4b69-943b-7dab81e4143f');
    });
  });

  describe('different seeds', () => {
    it('should produce different sequences', () => {
      expect(draw(new SeededRandom(1), 10)).not.toEqual(draw(new SeededRandom(2), 10));
    });
  });

  describe('ranges', () => {
    const random = new SeededRandom(7);

    it('should keep next() in [0, 1)', () => {
      const values = draw(random, 10_000);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThan(1);
    });

    it('should hit both ends of int(min, max) and nothing outside', () => {
      const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 6)));
      expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    });

    it('should refuse int() with min > max', () => expect(() => random.int(2, 1)).toThrow(RangeError));
    it('should refuse pick() from an empty list', () => expect(() => random.pick([])).toThrow(RangeError));
    it('should never say yes for chance(0) and always for chance(1)', () => {
      expect(Array.from({ length: 500 }, () => random.chance(0)).some(Boolean)).toBe(false);
      expect(Array.from({ length: 500 }, () => random.chance(1)).every(Boolean)).toBe(true);
    });
    it('should roughly respect chance(0.25) over many draws', () => {
      const hits = Array.from({ length: 20_000 }, () => random.chance(0.25)).filter(Boolean).length;
      expect(hits / 20_000).toBeGreaterThan(0.23);
      expect(hits / 20_000).toBeLessThan(0.27);
    });
  });

  describe('shuffle', () => {
    it('should return a permutation and leave the input untouched', () => {
      const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const shuffled = new SeededRandom(3).shuffle(input);
      expect([...shuffled].sort()).toEqual([...input]);
      expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });

  describe('uuid', () => {
    it('should produce 20,000 distinct v4-shaped ids', () => {
      const random = new SeededRandom(99);
      const ids = Array.from({ length: 20_000 }, () => random.uuid());
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    });
  });

  describe('fork', () => {
    it('should be deterministic and not advance the parent', () => {
      const parent = new SeededRandom(5);
      const forked = draw(parent.fork('names'), 5);
      expect(draw(new SeededRandom(5).fork('names'), 5)).toEqual(forked);
      expect(draw(parent, 5)).toEqual(draw(new SeededRandom(5), 5));
      expect(draw(new SeededRandom(5).fork('codes'), 5)).not.toEqual(forked);
    });
  });
});

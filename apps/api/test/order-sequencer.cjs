/*
 * File order of the integration suite, to prove the specs do not depend on each other:
 *   HELHET_IT_ORDER=reverse          the default order (Jest's, by path for a first run) reversed
 *   HELHET_IT_ORDER=random[:<seed>]  shuffled with a seeded PRNG; the seed is printed so a failing order can be replayed
 *   unset                            Jest's default order
 * Files are first sorted by path, so an order is the same on every machine and every run with that seed.
 */
const Sequencer = require('@jest/test-sequencer').default;

const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

class OrderSequencer extends Sequencer {
  sort(tests) {
    const [mode, seedText] = (process.env.HELHET_IT_ORDER ?? '').split(':');
    if (!mode) return super.sort(tests);
    const byPath = [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    let ordered;
    if (mode === 'reverse') {
      ordered = byPath.reverse();
      console.log(`[order] reverse file order (${ordered.length} files)`);
    } else if (mode === 'random') {
      const seed = seedText ? Number(seedText) : Math.floor(Math.random() * 2 ** 31);
      const random = mulberry32(seed);
      ordered = byPath;
      for (let i = ordered.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
      }
      console.log(`[order] random file order, seed ${seed} (replay: HELHET_IT_ORDER=random:${seed})`);
    } else {
      throw new Error(`HELHET_IT_ORDER must be reverse, random or random:<seed>, not ${mode}`);
    }
    const root = process.cwd() + '/';
    for (const [index, test] of ordered.entries()) console.log(`[order] ${index + 1}. ${test.path.replace(root, '')}`);
    return ordered;
  }
}

module.exports = OrderSequencer;

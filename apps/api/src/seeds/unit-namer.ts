import type { SeededRandom } from '@helhet/domain';

import { PLACE_PREFIXES, PLACE_SUFFIXES, type UnitTemplate, ZONES } from './unit-catalogue.constants';

/**
 * Hands out unit names per kind: unique place names ("Granlia skole") or the kind's fixed list
 * ("Økonomiavdelingen", "Regnskapsseksjonen", …), and "<service> <bydel>" inside districts.
 */
export class UnitNamer {
  private readonly places = new Map<string, string[]>();
  private readonly used = new Map<string, number>();
  private readonly perDistrict = new Map<string, number>();

  constructor(private readonly random: SeededRandom) {}

  next(template: UnitTemplate, district: string | null): string {
    const naming = template.naming;
    if (naming.style === 'place') return naming.format(this.nextPlace(template.key, naming.first, naming.extra ?? []));
    if (district !== null) {
      const key = `${template.key}:${district}`;
      const count = this.perDistrict.get(key) ?? 0;
      this.perDistrict.set(key, count + 1);
      const base = naming.inDistrict ? naming.inDistrict(district) : `${naming.names[0] ?? template.key} ${district}`;
      return count === 0
        ? base
        : `${base} ${ZONES[(count - 1) % ZONES.length] ?? count}${count > ZONES.length ? ` ${Math.ceil(count / ZONES.length)}` : ''}`;
    }
    const index = this.used.get(template.key) ?? 0;
    this.used.set(template.key, index + 1);
    const count = naming.names.length;
    if (index < count) return naming.names[index] ?? template.key;
    // Beyond the list: "Renholdstjenesten nord", "… sør", …; numbered when the name already has a zone.
    const extra = index - count;
    const base = naming.names[extra % count] ?? template.key;
    const round = Math.floor(extra / count);
    const hasZone = ZONES.some((zone) => base.endsWith(` ${zone}`));
    if (hasZone || round >= ZONES.length) return `${base} ${round + 2}`;
    return `${base} ${ZONES[round] ?? ''}`;
  }

  private nextPlace(key: string, first: string, extra: readonly string[]): string {
    let pool = this.places.get(key);
    if (!pool) {
      const compounds = PLACE_PREFIXES.flatMap((prefix) => PLACE_SUFFIXES.flatMap((suffix) => joinPlace(prefix, suffix) ?? []));
      pool = [first, ...this.random.shuffle(extra), ...this.random.shuffle(compounds.filter((place) => place !== first))];
      this.places.set(key, pool);
    }
    const index = this.used.get(key) ?? 0;
    this.used.set(key, index + 1);
    const place = pool[index % pool.length] ?? first;
    return index < pool.length ? place : `${place} ${Math.floor(index / pool.length) + 1}`;
  }
}

/** "Bjørke" + "åsen" = "Bjørkåsen", "Sol" + "bakken" = "Solbakken"; null for "Haug" + "haugen". */
const joinPlace = (prefix: string, suffix: string): string | null => {
  if (suffix.startsWith(prefix.toLowerCase().slice(0, 3))) return null;
  return prefix.endsWith('e') && /^[aeiouyæøå]/.test(suffix) ? `${prefix.slice(0, -1)}${suffix}` : `${prefix}${suffix}`;
};

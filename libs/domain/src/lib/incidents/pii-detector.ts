/**
 * A basic detector for personal data in free text (domain.md §7.4): the avvik form warns — it does not
 * block — when a field looks like it holds a national identity number or a person's name. Report "on
 * the matter, not the person".
 */
export type PiiKind = 'national_id' | 'name';

export interface PiiFinding {
  kind: PiiKind;
  /** Start offset in the text. */
  index: number;
  length: number;
}

const ELEVEN_DIGITS = /(?<!\d)(\d{6})[ .]?(\d{5})(?!\d)/g;
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

const controlDigit = (digits: readonly number[], weights: readonly number[]): number => {
  const sum = weights.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const rest = 11 - (sum % 11);
  return rest === 11 ? 0 : rest;
};

/** True for an 11-digit fødselsnummer or D-number whose two control digits check out (mod 11). */
export const isNationalIdNumber = (value: string): boolean => {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const k1 = controlDigit(digits, W1);
  if (k1 === 10 || k1 !== digits[9]) return false;
  const k2 = controlDigit(digits, W2);
  if (k2 === 10 || k2 !== digits[10]) return false;
  let day = Number(value.slice(0, 2));
  if (day > 40) day -= 40; // D-number
  const month = Number(value.slice(2, 4)) % 40; // H-numbers add 40 to the month
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
};

/** Common Norwegian given names: a capitalised one followed by another capitalised word looks like a full name. */
const GIVEN_NAMES = new Set(
  (
    'Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria Elisabeth Kristin ' +
    'Silje Tone Ingeborg Hanne Camilla Heidi Ragnhild Julie Nora Emma Sara Thea Ingrid Jan Per Bjørn Ole Lars Kjell Knut Arne Svein ' +
    'Thomas Hans Geir Tor Morten Terje Odd Erik Martin Andreas John Anders Rune Trond Jon Tore Harald Jonas Magnus Kristian Espen ' +
    'Henrik Mats Emil Sander Jakob Filip Lukas Olav Sigrid Astrid Mona Grethe Gunn Turid Wenche Siri Linda Tove Ellen Mari Stine'
  ).split(' '),
);
const GIVEN_THEN_FAMILY = /(?<![\p{L}])([A-ZÆØÅ][a-zæøåéü]+)(?=\s+[A-ZÆØÅ][a-zæøåéü]+)/gu;

/** Finds what looks like national identity numbers and personal names in `text`. `knownNames` adds full names to look for. */
export const detectPii = (text: string, knownNames: readonly string[] = []): PiiFinding[] => {
  const findings: PiiFinding[] = [];
  for (const match of text.matchAll(ELEVEN_DIGITS)) {
    if (isNationalIdNumber(`${match[1]}${match[2]}`)) findings.push({ index: match.index, kind: 'national_id', length: match[0].length });
  }
  for (const match of text.matchAll(GIVEN_THEN_FAMILY)) {
    if (!GIVEN_NAMES.has(match[1] ?? '')) continue;
    const family = /^\s+[A-ZÆØÅ][a-zæøåéü]+/.exec(text.slice(match.index + match[0].length));
    findings.push({ index: match.index, kind: 'name', length: match[0].length + (family?.[0].length ?? 0) });
  }
  const lower = text.toLocaleLowerCase('nb');
  for (const name of knownNames) {
    const needle = name.trim().toLocaleLowerCase('nb');
    if (needle.length < 4) continue;
    const index = lower.indexOf(needle);
    if (index >= 0 && !findings.some((f) => f.index === index)) findings.push({ index, kind: 'name', length: needle.length });
  }
  return findings.sort((a, b) => a.index - b.index);
};

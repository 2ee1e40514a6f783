/** Readable case numbers per municipality and year: `2026-004711`. */
export const formatIncidentNumber = (year: number, sequence: number): string => {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `${year}-${String(sequence).padStart(6, '0')}`;
};

const NUMBER = /^(\d{4})-(\d{6,})$/;

export const parseIncidentNumber = (value: string): { year: number; sequence: number } | null => {
  const match = NUMBER.exec(value.trim());
  return match ? { sequence: Number(match[2]), year: Number(match[1]) } : null;
};

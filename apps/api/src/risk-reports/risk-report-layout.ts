import type { RiskReportStage } from '@helhet/shared';

/**
 * Pure layout and progress decisions of the PDF report, kept out of the pdfkit drawing code so they can be
 * tested without a document.
 */

/** Overall progress (0–100) at the start of each stage; `scenarios` spreads over its range per scenario. */
const STAGE_START: Readonly<Record<RiskReportStage, number>> = {
  queued: 0,
  loading: 3,
  cover: 8,
  method: 12,
  participants: 18,
  description: 22,
  risk_picture: 26,
  scenarios: 36,
  measures: 90,
  finishing: 95,
  done: 100,
};

/**
 * Progress at a stage; inside `scenarios`, `done` of `total` scenarios written. Never 100 before `done`,
 * never decreasing as stages and scenarios advance, and every stage after `scenarios` is a step up.
 */
export const reportProgress = (stage: RiskReportStage, done = 0, total = 0): number => {
  if (stage !== 'scenarios' || total <= 0) return STAGE_START[stage];
  const share = Math.min(Math.max(done, 0), total) / total;
  return Math.floor(STAGE_START.scenarios + share * (STAGE_START.measures - 1 - STAGE_START.scenarios));
};

/**
 * Whether a block of `height` fits below `y` on a page whose writable area ends at `bottom`. A block
 * taller than a whole page (`pageHeight`) never fits, and must not push to a new page first when the page
 * is still empty (`atTop`), or it would leave a blank page behind.
 */
export const needsNewPage = (y: number, height: number, bottom: number, atTop: boolean): boolean => !atTop && y + height > bottom;

/**
 * The scenario numbers in one matrix cell, as short text that fits `maxChars`: "1, 4, 7", or when too long
 * "1, 4 +3" (the count of numbers left out), so a crowded cell never overflows and never hides that it is crowded.
 */
export const cellNumbers = (numbers: readonly number[], maxChars: number): string => {
  const sorted = [...numbers].sort((a, b) => a - b).map(String);
  const all = sorted.join(', ');
  if (all.length <= maxChars) return all;
  for (let shown = sorted.length - 1; shown >= 1; shown--) {
    const text = `${sorted.slice(0, shown).join(', ')} +${sorted.length - shown}`;
    if (text.length <= maxChars) return text;
  }
  return `${sorted.length} stk`;
};

/** A file name for the report: "ROS-rapport <title> <date>.pdf", without characters file systems refuse, at most 120 characters before ".pdf". */
export const reportFileName = (title: string, date: Date): string => {
  const day = date.toISOString().slice(0, 10);
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const base = `ROS-rapport ${cleaned || 'analyse'}`.slice(0, 120 - day.length - 1).trim();
  return `${base} ${day}.pdf`;
};

/**
 * Text that the standard PDF fonts (WinAnsi) can draw: Norwegian letters, dashes and quotes stay, arrows and
 * other symbols become plain equivalents, anything else not in WinAnsi becomes "?" instead of a wrong glyph.
 */
export const winAnsiSafe = (text: string): string =>
  text
    .replace(/\u2192/g, '->')
    .replace(/\u2190/g, '<-')
    .replace(/\u2264/g, '<=')
    .replace(/\u2265/g, '>=')
    .replace(/\u2212/g, '-')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(
      /[^\t\n\r\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]/gu,
      '?',
    );

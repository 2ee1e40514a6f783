import { RISK_REPORT_STAGES } from '@helhet/shared';

import { cellNumbers, needsNewPage, reportFileName, reportProgress, winAnsiSafe } from './risk-report-layout';

describe('risk report layout', () => {
  it('should move through the stages without going back and reach 100 only when done', () => {
    const sequence = RISK_REPORT_STAGES.flatMap((stage) =>
      stage === 'scenarios' ? [0, 1, 20, 39, 40].map((done) => reportProgress(stage, done, 40)) : [reportProgress(stage)],
    );
    for (let i = 1; i < sequence.length; i++) expect(sequence[i]).toBeGreaterThanOrEqual(sequence[i - 1]!);
    expect(new Set(RISK_REPORT_STAGES.filter((stage) => stage !== 'scenarios').map((stage) => reportProgress(stage))).size).toBe(
      RISK_REPORT_STAGES.length - 1,
    );
    expect(sequence.at(-1)).toBe(100);
    expect(sequence.slice(0, -1).every((value) => value < 100)).toBe(true);
    expect(reportProgress('scenarios', 20, 40)).toBeGreaterThan(reportProgress('scenarios', 1, 40));
    expect(reportProgress('scenarios', 99, 40)).toBe(reportProgress('scenarios', 40, 40));
    expect(reportProgress('scenarios', 40, 40)).toBeLessThan(reportProgress('measures'));
  });

  it('should break before a block that does not fit, but never leave an empty page behind', () => {
    expect(needsNewPage(700, 100, 790, false)).toBe(true);
    expect(needsNewPage(600, 100, 790, false)).toBe(false);
    expect(needsNewPage(60, 2000, 790, true)).toBe(false);
  });

  it('should shorten crowded matrix cells and say how many numbers are left out', () => {
    expect(cellNumbers([7, 1, 4], 12)).toBe('1, 4, 7');
    expect(cellNumbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 12)).toBe('1, 2, 3 +9');
    expect(cellNumbers([], 5)).toBe('');
    expect(cellNumbers([100, 200, 300], 3)).toBe('3 stk');
  });

  it('should build a safe file name with the date', () => {
    expect(reportFileName('Helhetlig ROS: Fjordvik 2027/2030', new Date('2027-03-01T10:00:00Z'))).toBe(
      'ROS-rapport Helhetlig ROS Fjordvik 2027 2030 2027-03-01.pdf',
    );
    expect(reportFileName('x'.repeat(300), new Date('2027-03-01T10:00:00Z')).length).toBeLessThanOrEqual(124);
  });

  it('should keep Norwegian letters and replace what the standard fonts cannot draw', () => {
    expect(winAnsiSafe('Særlig sårbare – «øy» → ≥ 5 😀')).toBe('Særlig sårbare – «øy» -> >= 5 ?');
  });
});

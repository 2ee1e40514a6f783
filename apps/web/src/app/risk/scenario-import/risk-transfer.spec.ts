import type { RiskImportProblem } from '@helhet/shared';

import { dispositionFileName } from './risk-transfer.api';
import { problemText } from './scenario-import.component';

const problem = (over: Partial<RiskImportProblem>): RiskImportProblem => ({
  code: 'invalid',
  column: 'Sannsynlighet (1–5)',
  field: 'likelihoodRank',
  message: 'x',
  rowNumber: 3,
  ...over,
});

describe('scenario import texts', () => {
  it('should word each problem code in Norwegian with the file’s column heading', () => {
    expect(problemText(problem({ code: 'unknown_level' }))).toContain('«Sannsynlighet (1–5)» er ikke et nivå på analysens skala');
    expect(problemText(problem({ code: 'required', column: 'Tittel' }))).toBe('«Tittel» må fylles ut.');
    expect(problemText(problem({ code: 'out_of_scale', column: 'Konsekvens: Dødsfall (1–5)' }))).toBe(
      '«Konsekvens: Dødsfall (1–5)» er utenfor analysens skala.',
    );
    expect(problemText(problem({ code: 'invalid', column: null }))).toBe('«Raden» er ikke gyldig.');
  });

  it('should take the UTF-8 file name from Content-Disposition, falling back to the plain one', () => {
    expect(dispositionFileName(`attachment; filename="ROS-S_rbarhet.xlsx"; filename*=UTF-8''ROS-S%C3%A5rbarhet.xlsx`, 'x')).toBe(
      'ROS-Sårbarhet.xlsx',
    );
    expect(dispositionFileName('attachment; filename="ROS.csv"', 'x')).toBe('ROS.csv');
    expect(dispositionFileName(null, 'ROS.xlsx')).toBe('ROS.xlsx');
  });
});

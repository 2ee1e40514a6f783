import { canChangeAnalysisStatus, RISK_ANALYSIS_STATUS_STEPS } from './analysis-status';

describe('risk analysis status steps', () => {
  it('should allow one step forward, and back from review to work', () => {
    expect(RISK_ANALYSIS_STATUS_STEPS.planned).toEqual(['in_progress']);
    expect(RISK_ANALYSIS_STATUS_STEPS.in_progress).toEqual(['in_review']);
    expect(RISK_ANALYSIS_STATUS_STEPS.in_review).toEqual(['approved', 'in_progress']);
    expect(canChangeAnalysisStatus('in_review', 'approved')).toBe(true);
    expect(canChangeAnalysisStatus('in_review', 'in_progress')).toBe(true);
  });

  it('should refuse skipping review, leaving approval by hand, and setting superseded', () => {
    expect(canChangeAnalysisStatus('planned', 'approved')).toBe(false);
    expect(canChangeAnalysisStatus('in_progress', 'approved')).toBe(false);
    expect(canChangeAnalysisStatus('approved', 'in_progress')).toBe(false);
    expect(canChangeAnalysisStatus('in_review', 'superseded')).toBe(false);
    expect(canChangeAnalysisStatus('superseded', 'approved')).toBe(false);
  });

  it('should always allow keeping the status (an edit of other fields)', () => {
    expect(canChangeAnalysisStatus('approved', 'approved')).toBe(true);
    expect(canChangeAnalysisStatus('planned', 'planned')).toBe(true);
  });
});

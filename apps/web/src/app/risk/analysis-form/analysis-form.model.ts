import type { RiskAnalysisType } from '@helhet/domain';

/** Revision interval the API uses when none is given: helhetlig ROS every four years, others yearly. */
const REVISION_DAYS = { holistic_ros: 4 * 365, other: 365 } as const;

/** The scale an analysis of `type` starts on: the HMS scale for HMS assessments, DSB's societal scale otherwise. */
export const defaultScaleCode = (type: RiskAnalysisType): string => (type === 'hms_ros' ? 'hms_default' : 'dsb_societal');

/** The next revision date (YYYY-MM-DD) shown as default, counted from `today` (YYYY-MM-DD) like the API does. */
export const defaultRevisionDate = (type: RiskAnalysisType, today: string): string => {
  const days = type === 'holistic_ros' ? REVISION_DAYS.holistic_ros : REVISION_DAYS.other;
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Today as YYYY-MM-DD in local time. */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

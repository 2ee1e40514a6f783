import { defaultRevisionDate, defaultScaleCode, localToday } from './analysis-form.model';

describe('analysis form defaults', () => {
  it('should start HMS assessments on the HMS scale and everything else on DSB', () => {
    expect(defaultScaleCode('hms_ros')).toBe('hms_default');
    expect(defaultScaleCode('service_ros')).toBe('dsb_societal');
    expect(defaultScaleCode('holistic_ros')).toBe('dsb_societal');
  });

  it('should propose a yearly revision, and every four years for helhetlig ROS', () => {
    expect(defaultRevisionDate('service_ros', '2026-03-01')).toBe('2027-03-01');
    expect(defaultRevisionDate('service_ros', '2027-03-01')).toBe('2028-02-29');
    expect(defaultRevisionDate('holistic_ros', '2026-01-10')).toBe('2030-01-09');
  });

  it('should give today as a local date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

import { type NotificationRuleInput, requiredNotifications } from './external-notifications';

const base: NotificationRuleInput = {
  affectedPartyType: 'employee',
  categoryCode: 'personal_injury',
  reportedAt: new Date('2026-11-23T10:00:00Z'),
  restriction: 'injury',
  severityActual: 'low',
  severityPotential: 'medium',
};

describe('required external notifications', () => {
  it('requires nothing for a minor employee injury', () => expect(requiredNotifications(base)).toEqual([]));

  it('requires Arbeidstilsynet and police at once, NAV and the insurer for a serious injury', () => {
    const result = requiredNotifications({ ...base, severityActual: 'critical' });
    expect(result.map((n) => n.recipient)).toEqual(['arbeidstilsynet_police', 'nav_injury', 'insurer']);
    expect(result[0]?.deadlineAt).toEqual(base.reportedAt);
    expect(result[1]?.deadlineAt).toBeNull();
  });

  it('gives Datatilsynet 72 hours from discovery unless the breach is unlikely to harm', () => {
    const infosec = {
      ...base,
      affectedPartyType: 'third_party' as const,
      categoryCode: 'information_security',
      restriction: 'infosec' as const,
    };
    const discoveredAt = new Date('2026-11-22T08:00:00Z');
    expect(requiredNotifications({ ...infosec, breach: { discoveredAt, riskAssessment: 'unlikely' } })).toEqual([]);
    const high = requiredNotifications({ ...infosec, breach: { discoveredAt, riskAssessment: 'high_risk' } });
    expect(high.map((n) => [n.recipient, n.deadlineAt?.toISOString() ?? null])).toEqual([
      ['datatilsynet', '2026-11-25T08:00:00.000Z'],
      ['data_subjects', null],
    ]);
  });

  it('requires Helsetilsynet at once for a very serious patient event, 110 for acute pollution', () => {
    const patient = {
      ...base,
      affectedPartyType: 'user_patient' as const,
      categoryCode: 'user_safety',
      restriction: 'none' as const,
      severityActual: 'critical' as const,
    };
    expect(requiredNotifications(patient).map((n) => n.recipient)).toEqual(['helsetilsynet']);
    const pollution = {
      ...base,
      affectedPartyType: 'none' as const,
      categoryCode: 'environment',
      restriction: 'none' as const,
      severityPotential: 'critical' as const,
    };
    expect(requiredNotifications(pollution).map((n) => n.recipient)).toEqual(['emergency_110']);
  });
});

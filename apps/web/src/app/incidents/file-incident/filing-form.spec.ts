import { FormBuilder } from '@angular/forms';
import type { IncidentCategoryResponse } from '@helhet/shared';

import {
  breachIsLate,
  createBreachForm,
  createFilingForm,
  createInjuryForm,
  defaultAffectedParty,
  severityFields,
  splitList,
  timeProblem,
  toBreachInput,
  toFileRequest,
  toInjuryInput,
  toInstant,
} from './filing-form';

const category = (overrides: Partial<IncidentCategoryResponse> = {}): IncidentCategoryResponse => ({
  active: true,
  code: 'work_environment',
  hasSeverity: true,
  id: 'c1',
  label: 'Arbeidsmiljø (HMS)',
  restriction: 'none',
  sortOrder: 1,
  subcategories: [],
  ...overrides,
});

describe('the filing form', () => {
  const fb = new FormBuilder().nonNullable;
  const now = new Date(2026, 10, 28, 12, 0);

  it('should allow ten minutes of clock skew but refuse a time further ahead or over ten years back', () => {
    expect(timeProblem(new Date(2026, 10, 28, 12, 9), now)).toBeNull();
    expect(timeProblem(new Date(2026, 10, 28, 12, 11), now)).toBe('future');
    expect(timeProblem(new Date(2016, 0, 1), now)).toBe('tooOld');
    expect(toInstant('2026-11-28', '')).toBeNull();
  });

  it('should ask near misses for potential severity only, and improvement suggestions for none', () => {
    expect(severityFields('deviation', category())).toEqual({ actual: true, potential: true, potentialRequired: false });
    expect(severityFields('near_miss', category())).toEqual({ actual: false, potential: true, potentialRequired: true });
    expect(severityFields('improvement', category())).toEqual({ actual: false, potential: false, potentialRequired: false });
    expect(severityFields('deviation', category({ hasSeverity: false })).potential).toBe(false);
  });

  it('should guess who was affected from the category code', () => {
    expect(defaultAffectedParty('user_safety')).toBe('user_patient');
    expect(defaultAffectedParty('fire')).toBe('none');
  });

  it('should refuse a unit that was typed but not picked', () => {
    const form = createFilingForm(fb, now);
    form.controls.unit.setValue('Liaveg');
    expect(form.controls.unit.errors).toEqual({ pickFromList: true });
    form.controls.unit.setValue({ id: 'u1', name: 'Liavegen sykehjem', parentName: null });
    expect(form.controls.unit.valid).toBe(true);
  });

  it('should leave hidden severities out of the request and send the local time as an ISO instant', () => {
    const form = createFilingForm(fb, now);
    form.patchValue({
      categoryId: 'c1',
      description: '  Glatt gulv  ',
      kind: 'near_miss',
      occurredDate: '2026-11-28',
      occurredTime: '08:30',
      severityActual: 'high',
      severityPotential: 'medium',
      unit: { id: 'u1', name: 'Liavegen sykehjem', parentName: null },
    });
    const request = toFileRequest(form, category(), { breach: null, injury: null });
    expect(request).toMatchObject({
      description: 'Glatt gulv',
      location: null,
      orgUnitId: 'u1',
      severityActual: null,
      severityPotential: 'medium',
      subcategoryId: null,
    });
    expect(request.occurredAt).toBe(new Date(2026, 10, 28, 8, 30).toISOString());
  });

  it('should send medical text only with consent, and the reporter as the injured person only when ticked', () => {
    const injury = createInjuryForm(fb);
    injury.patchValue({ courseOfEvents: 'Skled', injuredIsMe: true, injuryDescription: 'Forstuet fot', workBeingDone: 'Stell' });
    expect(injury.controls.medicalInfo.disabled).toBe(true);
    injury.controls.medicalInfoConsent.setValue(true);
    injury.controls.medicalInfo.setValue('Forstuing');
    expect(toInjuryInput(injury, 'me')).toMatchObject({
      injuredPersonText: null,
      injuredUserId: 'me',
      medicalInfo: 'Forstuing',
      medicalInfoConsent: true,
    });
    injury.controls.medicalInfoConsent.setValue(false);
    expect(toInjuryInput(injury, 'me').medicalInfo).toBeNull();
  });

  it('should turn the breach form into the API shape', () => {
    const breach = createBreachForm(fb);
    breach.patchValue({
      cia: { confidentiality: true },
      dataCategories: 'navn, adresse,, helse ',
      discoveredAt: '2026-11-27T10:00',
      riskAssessment: 'risk',
    });
    expect(toBreachInput(breach)).toMatchObject({
      ciaTypes: ['confidentiality'],
      dataCategories: ['navn', 'adresse', 'helse'],
      riskAssessment: 'risk',
    });
    expect(splitList('a;b\nc')).toEqual(['a', 'b', 'c']);
    expect(breachIsLate('2026-11-25T11:00', now)).toBe(true);
    expect(breachIsLate('2026-11-27T10:00', now)).toBe(false);
  });
});

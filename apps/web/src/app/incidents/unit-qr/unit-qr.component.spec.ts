import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { OrganisationApi } from '../../organisation/organisation.api';
import { filingUrl, UnitQrComponent } from './unit-qr.component';

describe('UnitQrComponent', () => {
  it('should build the filing address in the current language', () => {
    expect(filingUrl('https://helhet.fjordvik.no', 'en', 'u-1')).toBe('https://helhet.fjordvik.no/en/incidents/new?unit=u-1');
    expect(filingUrl('https://helhet.fjordvik.no', undefined, 'u-1')).toBe('https://helhet.fjordvik.no/nb/incidents/new?unit=u-1');
  });

  it('should show the unit name, the QR code as an image with a label, and the address', async () => {
    const unit = {
      active: true,
      ancestors: [{ id: 'p', levelType: 'sector', name: 'Helse og omsorg' }],
      id: 'u-1',
      name: 'Liavegen sykehjem',
    };
    await TestBed.configureTestingModule({
      imports: [UnitQrComponent],
      providers: [provideRouter([]), { provide: OrganisationApi, useValue: { get: jest.fn().mockResolvedValue(unit) } }],
    }).compileComponents();
    const fixture = TestBed.createComponent(UnitQrComponent);
    fixture.componentRef.setInput('unitId', 'u-1');
    const element = fixture.nativeElement as HTMLElement;
    for (let i = 0; i < 20 && !element.querySelector('h1'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25)); // the QR library renders asynchronously
      await fixture.whenStable();
    }
    expect(element.querySelector('h1')!.textContent).toBe('Liavegen sykehjem');
    const qr = element.querySelector('.qr')!;
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toContain('Liavegen sykehjem');
    expect(qr.querySelector('svg path')).not.toBeNull();
    expect(element.querySelector('.url')!.textContent).toMatch(/\/nb\/incidents\/new\?unit=u-1$/);
  });
});

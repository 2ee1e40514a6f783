import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { RiskTransferApi } from '../scenario-import/risk-transfer.api';
import { ScenarioExportComponent } from './scenario-export.component';

describe('ScenarioExportComponent', () => {
  const exportFile = jest.fn();

  const render = async (canImport: boolean) => {
    exportFile.mockReset();
    await TestBed.configureTestingModule({
      imports: [ScenarioExportComponent],
      providers: [provideRouter([]), { provide: RiskTransferApi, useValue: { exportFile } }],
    }).compileComponents();
    const fixture = TestBed.createComponent(ScenarioExportComponent);
    fixture.componentRef.setInput('analysisId', 'a1');
    fixture.componentRef.setInput('canImport', canImport);
    fixture.detectChanges();
    return fixture;
  };

  it('should offer Excel, CSV and the import page to those who may edit', async () => {
    const fixture = await render(true);
    const element = fixture.nativeElement as HTMLElement;
    expect([...element.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['Last ned Excel', 'Last ned CSV']);
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/risk/analyses/a1/import');
  });

  it('should hide the import link from readers', async () => {
    const fixture = await render(false);
    expect((fixture.nativeElement as HTMLElement).querySelector('a')).toBeNull();
  });

  it('should download the chosen format under the API’s file name', async () => {
    const fixture = await render(true);
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    exportFile.mockResolvedValue({ blob: new Blob(['x']), fileName: 'ROS-Test-2027-01-01.csv' });
    (fixture.nativeElement as HTMLElement).querySelectorAll('button')[1]?.click();
    await fixture.whenStable();
    expect(exportFile).toHaveBeenCalledWith('a1', 'csv');
    expect(click).toHaveBeenCalled();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('ROS-Test-2027-01-01.csv');
    click.mockRestore();
  });

  it('should say in Norwegian when the analysis cannot be exported', async () => {
    const fixture = await render(true);
    exportFile.mockRejectedValue(
      new HttpErrorResponse({ error: { code: 'RISK_ANALYSIS_NOT_FOUND', message: 'x', statusCode: 404 }, status: 404 }),
    );
    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toContain('Fant ikke analysen');
  });
});

import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { RiskReportResponse } from '@helhet/shared';

import { RiskReportApi } from './risk-report.api';
import { REPORT_POLL_MS, RiskReportPanelComponent } from './risk-report-panel.component';

const report = (overrides: Partial<RiskReportResponse>): RiskReportResponse => ({
  analysisId: 'a1',
  byteSize: null,
  createdAt: '2027-03-01T10:00:00.000Z',
  error: null,
  fileName: null,
  finishedAt: null,
  id: 'r1',
  pageCount: null,
  progress: 0,
  requestedBy: { id: 'u1', name: 'Kari Leder' },
  scenarioCount: null,
  scenarioIndex: null,
  sha256: null,
  stage: 'queued',
  status: 'queued',
  ...overrides,
});

describe('RiskReportPanelComponent', () => {
  const api = {
    file: jest.fn(),
    latest: jest.fn(),
    request: jest.fn(),
    status: jest.fn(),
  };

  const render = async () => {
    await TestBed.configureTestingModule({
      imports: [RiskReportPanelComponent],
      providers: [{ provide: RiskReportApi, useValue: api }],
    }).compileComponents();
    const fixture = TestBed.createComponent(RiskReportPanelComponent);
    fixture.componentRef.setInput('analysisId', 'a1');
    fixture.detectChanges();
    await jest.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, fixture };
  };

  const flush = async (fixture: Awaited<ReturnType<typeof render>>['fixture'], ms = REPORT_POLL_MS) => {
    await jest.advanceTimersByTimeAsync(ms);
    fixture.detectChanges();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    Object.values(api).forEach((fn) => fn.mockReset());
    api.latest.mockResolvedValue({ active: null, lastDone: null });
  });

  afterEach(() => jest.useRealTimers());

  it('should start a report, show its real progress and stage, then offer the download', async () => {
    const { element, fixture } = await render();
    expect(element.querySelector('[role=progressbar]')).toBeNull();
    api.request.mockResolvedValue(report({ progress: 3, stage: 'loading', status: 'running' }));
    api.status
      .mockResolvedValueOnce(
        report({
          progress: 60,
          scenarioCount: 40,
          scenarioIndex: 17,
          stage: 'scenarios',
          status: 'running',
        }),
      )
      .mockResolvedValueOnce(
        report({
          byteSize: 120_000,
          fileName: 'ROS-rapport X 2027-03-01.pdf',
          finishedAt: '2027-03-01T10:00:05.000Z',
          pageCount: 52,
          progress: 100,
          stage: 'done',
          status: 'done',
        }),
      );

    element.querySelector('button')?.click();
    await flush(fixture, 0);
    const bar = () => element.querySelector('[role=progressbar]');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('3');
    expect(element.querySelector('[aria-live=polite]')?.textContent).toContain('Henter analysen');
    expect(element.querySelector('button')?.disabled).toBe(true);

    await flush(fixture);
    expect(bar()?.getAttribute('aria-valuenow')).toBe('60');
    expect(element.textContent).toContain('scenario 17 av 40');
    expect(element.querySelector('[aria-live=polite]')?.textContent).toContain('scenarioskjema');

    await flush(fixture);
    expect(bar()).toBeNull();
    expect(element.textContent).toContain('52 sider');
    expect(element.querySelector('[aria-live=polite]')?.textContent).toContain('Rapporten er klar');
    const buttons = [...element.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Lag PDF-rapport', 'Last ned PDF']);
    expect(api.status).toHaveBeenCalledTimes(2);

    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:x'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    api.file.mockResolvedValue(new Blob(['%PDF-']));
    buttons[1]?.click();
    await flush(fixture, 0);
    expect(api.file).toHaveBeenCalledWith('r1');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('ROS-rapport X 2027-03-01.pdf');
    click.mockRestore();
  });

  it('should offer the newest finished report again and resume one in the works', async () => {
    api.latest.mockResolvedValue({
      active: report({
        id: 'r2',
        progress: 40,
        stage: 'scenarios',
        status: 'running',
      }),
      lastDone: report({
        byteSize: 2048,
        fileName: 'f.pdf',
        finishedAt: '2027-02-01T10:00:00.000Z',
        pageCount: 12,
        progress: 100,
        stage: 'done',
        status: 'done',
      }),
    });
    api.status.mockResolvedValue(report({ id: 'r2', progress: 70, stage: 'scenarios', status: 'running' }));
    const { element, fixture } = await render();
    expect(element.textContent).toContain('12 sider');
    expect(element.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('40');
    await flush(fixture);
    expect(api.status).toHaveBeenCalledWith('r2');
    expect(element.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('70');
    fixture.destroy();
    await jest.advanceTimersByTimeAsync(REPORT_POLL_MS * 3);
    expect(api.status).toHaveBeenCalledTimes(1);
  });

  it('should say in Norwegian when the report failed or the analysis is out of reach', async () => {
    const { element, fixture } = await render();
    api.request.mockResolvedValue(report({ status: 'queued' }));
    api.status.mockResolvedValue(report({ error: 'boom', status: 'failed' }));
    element.querySelector('button')?.click();
    await flush(fixture, 0);
    await flush(fixture);
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Rapporten kunne ikke lages');
    expect(element.querySelector('button')?.disabled).toBe(false);

    api.request.mockRejectedValue(
      new HttpErrorResponse({
        error: {
          code: 'RISK_ANALYSIS_NOT_FOUND',
          message: 'x',
          statusCode: 404,
        },
        status: 404,
      }),
    );
    element.querySelector('button')?.click();
    await flush(fixture, 0);
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Fant ikke analysen');
  });
});

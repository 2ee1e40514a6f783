import { type ApiError, AUTH_COOKIES, CSRF_HEADER } from '@helhet/shared';

import { filingPayload, makeTenant, makeUnitTree, type SignedIn, signIn, type TestTenant, type UnitTree } from '../../../test/factories';
import { rowCounts } from '../../../test/utils/row-counts';
import { startTestApp, type TestApp } from '../../../test/utils/test-app';

/**
 * Regression tests for the nine causes of 500s a security review found with malformed input (issue 10), plus the
 * edge rules around them: each answers with a 4xx and a stable code, and writes nothing.
 * The property-based counterpart is fuzz.integration-spec.ts.
 */
describe('hostile input is refused at the edge', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let tree: UnitTree;
  let admin: SignedIn;
  let quality: SignedIn;
  let leader: SignedIn;
  let employee: SignedIn;
  let incidentId: string;
  let categoryId: string;

  const counts = (): Promise<Record<string, number>> => rowCounts(testApp.dataSource);

  /** A raw request with the session's cookies and CSRF header: any body text and content type. */
  const raw = async (
    session: SignedIn | null,
    method: string,
    path: string,
    body?: string | FormData,
    contentType?: string,
  ): Promise<{ status: number; body: ApiError; headers: Headers }> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    if (session) {
      headers['cookie'] = Object.values(AUTH_COOKIES)
        .map((name) => `${name}=${encodeURIComponent(session.cookie(name) ?? '')}`)
        .join('; ');
      headers[CSRF_HEADER] = session.cookie(AUTH_COOKIES.csrf) ?? '';
    }
    const response = await fetch(`${testApp.baseUrl}${path}`, { body, headers, method });
    const text = await response.text();
    return { body: (text ? JSON.parse(text) : undefined) as ApiError, headers: response.headers, status: response.status };
  };

  const fields = (body: ApiError): string[] => ((body.details ?? []) as { field: string }[]).map((detail) => detail.field);

  /** Expects the refusal (status, code, named field) and that nothing was written. */
  const expectRefused = async (
    send: () => Promise<{ status: number; body: ApiError }>,
    status: number,
    code: string,
    field?: string,
  ): Promise<void> => {
    const before = await counts();
    const result = await send();
    expect({ code: result.body?.code, status: result.status }).toEqual({ code, status });
    if (field) expect(fields(result.body)).toContain(field);
    expect(await counts()).toEqual(before);
  };

  const nested = (levels: number): string => `{"note":${'['.repeat(levels)}${']'.repeat(levels)}}`;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await makeTenant(testApp.dataSource, 'Fiendtlig');
    tree = await makeUnitTree(testApp.dataSource, { label: 'Fiendtlig', tenantId: tenant.id });
    [admin, quality, leader, employee] = await Promise.all([
      signIn(testApp.baseUrl, tenant.admin),
      signIn(testApp.baseUrl, tenant.quality),
      signIn(testApp.baseUrl, tree.leaders.unit),
      signIn(testApp.baseUrl, tree.employee),
    ]);
    const categories = await employee.get<{ id: string }[]>('/api/incidents/categories');
    categoryId = categories.body[0]!.id;
    const filed = await employee.request<{ id: string }>('POST', '/api/incidents', filingPayload({ categoryId, orgUnitId: tree.unit.id }));
    expect(filed.status).toBe(201);
    incidentId = filed.body.id;
  });

  afterAll(() => testApp.close());

  describe('1. a JSON body over the limit is 413 PAYLOAD_TOO_LARGE', () => {
    const huge = JSON.stringify({ email: 'a@b.no', password: 'x'.repeat(1_200_000) });
    it('on the unauthenticated login', () =>
      expectRefused(() => raw(null, 'POST', '/api/auth/login', huge, 'application/json'), 413, 'PAYLOAD_TOO_LARGE'));
    it('on a signed-in write', () =>
      expectRefused(() => raw(admin, 'POST', '/api/users', huge, 'application/json'), 413, 'PAYLOAD_TOO_LARGE'));
  });

  describe('2. JSON in another charset is 415 UNSUPPORTED_MEDIA_TYPE', () => {
    it.each(['application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=koi8-r'])(
      'should refuse %s',
      (type) => expectRefused(() => raw(admin, 'POST', '/api/users', '{"email":"a@b.no"}', type), 415, 'UNSUPPORTED_MEDIA_TYPE'),
    );
    it('should refuse it on the login too', () =>
      expectRefused(
        () => raw(null, 'POST', '/api/auth/login', '{"email":"a@b.no","password":"x"}', 'application/json; charset=latin1'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ));
  });

  describe('3. a lone UTF-16 surrogate is 400 naming the field', () => {
    it('in the e-mail of a new user', () =>
      expectRefused(
        () => raw(admin, 'POST', '/api/users', '{"email":"\\ud800","name":"X","locale":"nb"}', 'application/json'),
        400,
        'VALIDATION_FAILED',
        'email',
      ));
    it('in the e-mail of the unauthenticated login', () =>
      expectRefused(
        () => raw(null, 'POST', '/api/auth/login', '{"email":"a\\udc00@b.no","password":"x"}', 'application/json'),
        400,
        'VALIDATION_FAILED',
        'email',
      ));
  });

  describe('4. nesting deeper than 32 levels is 400 INPUT_TOO_DEEP', () => {
    it('on a comment', () =>
      expectRefused(
        () => raw(leader, 'POST', `/api/incidents/${incidentId}/comments`, nested(10_000), 'application/json'),
        400,
        'INPUT_TOO_DEEP',
      ));
    it('on the login, fast even for a megabyte of brackets', async () => {
      const started = Date.now();
      await expectRefused(() => raw(null, 'POST', '/api/auth/login', nested(500_000), 'application/json'), 400, 'INPUT_TOO_DEEP');
      expect(Date.now() - started).toBeLessThan(1000);
    });
    it('in the multipart payload of a filing', async () => {
      const form = new FormData();
      form.append('payload', `{"description":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
      await expectRefused(() => raw(employee, 'POST', '/api/incidents', form), 400, 'INPUT_TOO_DEEP', 'payload');
    });
    it('should still accept 32 levels (the limit itself)', async () => {
      const result = await raw(null, 'POST', '/api/auth/login', `{"email":${'['.repeat(31)}${']'.repeat(31)}}`, 'application/json');
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('5. NUL in a search parameter is 400 naming it', () => {
    it.each([
      ['/api/users?q=a%00b', 'q'],
      ['/api/org-units?q=%00', 'q'],
      ['/api/incidents/filing-units?q=x%00', 'q'],
      ['/api/audit-log?entityType=%00', 'entityType'],
    ])('%s', async (path, field) => {
      const result = await raw(admin, 'GET', path);
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
      expect(fields(result.body)).toEqual([field]);
    });
  });

  it('5b. a repeated search parameter is 400 naming it (handlers take one string)', async () => {
    for (const path of ['/api/incidents/filing-units?q=a&q=b', '/api/users?q=a&q=b', '/api/incidents?from=2026-01-01&from=2026-01-02']) {
      const result = await raw(admin, 'GET', path);
      expect({ code: result.body.code, fields: fields(result.body), status: result.status }).toEqual({
        code: 'VALIDATION_FAILED',
        fields: [path.includes('from') ? 'from' : 'q'],
        status: 400,
      });
    }
  });

  describe('6. NUL in body text is 400 naming the field', () => {
    it('in a comment', () =>
      expectRefused(
        () => leader.request('POST', `/api/incidents/${incidentId}/comments`, { note: 'før\0etter' }) as never,
        400,
        'VALIDATION_FAILED',
        'note',
      ));
    it('in the description and location of a filing (JSON)', () =>
      expectRefused(
        () =>
          employee.request(
            'POST',
            '/api/incidents',
            filingPayload({ categoryId, orgUnitId: tree.unit.id }, { description: 'a\0' }),
          ) as never,
        400,
        'VALIDATION_FAILED',
        'description',
      ));
    it('in the location of a filing (multipart payload)', async () => {
      const form = new FormData();
      form.append('payload', JSON.stringify(filingPayload({ categoryId, orgUnitId: tree.unit.id }, { location: 'rom\u00001' })));
      await expectRefused(() => raw(employee, 'POST', '/api/incidents', form), 400, 'VALIDATION_FAILED', 'location');
    });
    it('in a measure title', () =>
      expectRefused(
        () => leader.request('POST', `/api/incidents/${incidentId}/measures`, { title: '\0' }) as never,
        400,
        'VALIDATION_FAILED',
        'title',
      ));
    it('in a ROS title', () =>
      expectRefused(
        () => quality.request('POST', '/api/risk/analyses', { scopeOrgUnitId: tree.unit.id, title: 'ROS\0', type: 'hms_ros' }) as never,
        400,
        'VALIDATION_FAILED',
        'title',
      ));
    it('in a key of the body', () =>
      expectRefused(
        () => leader.request('POST', `/api/incidents/${incidentId}/comments`, { 'no\0te': 'x' }) as never,
        400,
        'VALIDATION_FAILED',
      ));
  });

  describe('7. impossible dates are 400 naming the field', () => {
    it.each([
      ['/api/incidents?from=2026-02-30', 'from'],
      ['/api/incidents?to=2026-99-99', 'to'],
      ['/api/incidents/stats?fromMonth=0000-01', 'fromMonth'],
      ['/api/audit-log?from=0000-00-00', 'from'],
      ['/api/audit-log?to=2026-02-29T10:00:00Z', 'to'],
    ])('in the query %s', async (path, field) => {
      const result = await raw(admin, 'GET', path);
      expect(result.status).toBe(400);
      expect(fields(result.body)).toEqual([field]);
    });
    it('in a delegation', () =>
      expectRefused(
        () =>
          admin.request('POST', '/api/delegations', {
            fromUserId: tree.leaders.unit.id,
            orgUnitId: tree.unit.id,
            reason: 'holiday',
            toUserId: tree.employee.id,
            validFrom: '0000-00-00',
          }) as never,
        400,
        'VALIDATION_FAILED',
        'validFrom',
      ));
    it('in a filing', () =>
      expectRefused(
        () =>
          employee.request(
            'POST',
            '/api/incidents',
            filingPayload({ categoryId, orgUnitId: tree.unit.id }, { occurredAt: '2026-02-30T10:00:00Z' }),
          ) as never,
        400,
        'VALIDATION_FAILED',
        'occurredAt',
      ));
    it('in a measure deadline', () =>
      expectRefused(
        () => leader.request('POST', `/api/incidents/${incidentId}/measures`, { deadline: '2026-02-30', title: 'Tiltak' }) as never,
        400,
        'VALIDATION_FAILED',
        'deadline',
      ));
    it('in a ROS revision date', () =>
      expectRefused(
        () =>
          quality.request('POST', '/api/risk/analyses', {
            nextRevisionAt: '2026-99-99',
            scopeOrgUnitId: tree.unit.id,
            title: 'ROS',
            type: 'hms_ros',
          }) as never,
        400,
        'VALIDATION_FAILED',
        'nextRevisionAt',
      ));
  });

  describe('8. a page past the bound is 400 naming page', () => {
    it.each(['/api/users', '/api/org-units', '/api/incidents', '/api/audit-log', '/api/risk/analyses', '/api/risk/register'])(
      '%s?page=1e20',
      async (path) => {
        const result = await raw(path.startsWith('/api/risk') ? quality : admin, 'GET', `${path}?page=1e20`);
        expect(result.status).toBe(400);
        expect(fields(result.body)).toContain('page');
      },
    );
  });

  describe('9. incident settings are validated as one typed object', () => {
    it.each([
      ['{}', 'deadlines'],
      ['{"severities":null}', 'deadlines'],
      ['{"deadlines":[]}', 'deadlines'],
      ['{"deadlines":{"acknowledgeWorkingDays":1,"closeDays":[]}}', 'deadlines.closeDays'],
      ['[]', 'body'],
    ])('should refuse %s naming %s', (body, field) =>
      expectRefused(() => raw(admin, 'PUT', '/api/incident-settings', body, 'application/json'), 400, 'VALIDATION_FAILED', field),
    );
    it('should refuse severities: null next to valid deadlines', async () => {
      const current = await admin.get<{ deadlines: unknown }>('/api/incident-settings');
      await expectRefused(
        () => admin.request('PUT', '/api/incident-settings', { deadlines: current.body.deadlines, severities: null }) as never,
        400,
        'VALIDATION_FAILED',
        'severities',
      );
    });
  });

  describe('10. edge rules of the login and of every answer', () => {
    it('should refuse a form-encoded login with 415', () =>
      expectRefused(
        () =>
          raw(
            null,
            'POST',
            '/api/auth/login',
            `email=${encodeURIComponent(tenant.admin.email)}&password=x`,
            'application/x-www-form-urlencoded',
          ),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ));
    it('should refuse text/plain and multipart on the login with 415', async () => {
      await expectRefused(() => raw(null, 'POST', '/api/auth/login', '{"email":"a@b.no"}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const form = new FormData();
      form.append('email', tenant.admin.email);
      await expectRefused(() => raw(null, 'POST', '/api/auth/login', form), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
    it('should mark JSON answers no-store, errors included', async () => {
      expect((await raw(admin, 'GET', '/api/auth/me')).headers.get('cache-control')).toBe('no-store');
      expect((await raw(admin, 'GET', '/api/users?page=0')).headers.get('cache-control')).toBe('no-store');
      expect((await raw(null, 'GET', '/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    });
    it('should keep a download working (CSV export)', async () => {
      const response = await fetch(`${testApp.baseUrl}/api/incidents/export.csv`, {
        headers: { cookie: `${AUTH_COOKIES.accessToken}=${admin.cookie(AUTH_COOKIES.accessToken)}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
    it('should still accept bodiless writes (Content-Length: 0) and JSON with charset=utf-8', async () => {
      const body = JSON.stringify({ email: tenant.admin.email, password: 'wrong-password' });
      const wrong = await raw(null, 'POST', '/api/auth/login', body, 'application/json; charset=UTF-8');
      expect(wrong.status).toBe(401);
      const refresh = await raw(null, 'POST', '/api/auth/refresh');
      expect([401, 403]).toContain(refresh.status);
      expect(refresh.body.code).not.toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });
});

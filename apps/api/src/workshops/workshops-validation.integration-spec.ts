import {
  type ApiError,
  type RiskAnalysisResponse,
  WORKSHOP_COMMANDS,
  WORKSHOP_EVENTS,
  WORKSHOP_NAMESPACE,
  type WorkshopAck,
  type WorkshopTicket,
} from '@helhet/shared';
import { io, type Socket } from 'socket.io-client';

import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

const WAIT_MS = 8000;

/**
 * Socket commands are validated like REST bodies (WsValidationPipe: whitelist, forbidNonWhitelisted, the DTO's rules)
 * and a refusal is acknowledged with exactly the REST error body (WsExceptionFilter), naming the fields.
 */
describe('workshops (socket command validation)', () => {
  let app: TestApp;
  let leader: Session;
  let ticket: WorkshopTicket;
  let socket: Socket;

  const send = (command: string, payload: unknown): Promise<WorkshopAck> =>
    socket.timeout(WAIT_MS).emitWithAck(command, payload) as Promise<WorkshopAck>;
  const errorOf = (ack: WorkshopAck): ApiError => {
    if (ack.ok) throw new Error('expected a refusal');
    return ack.error as ApiError;
  };

  beforeAll(async () => {
    app = await startTestApp();
    leader = await Session.login(app.baseUrl, 'enhetsleder.sykehjem@fjordvik.kommune.no');
    const [home] = (await app.dataSource.query(`SELECT id FROM org_unit WHERE name = 'Liavegen sykehjem'`)) as { id: string }[];
    const analysis = (
      await leader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: home?.id,
        title: `Validering av workshop-kommandoer ${Date.now()}`,
        type: 'service_ros',
      })
    ).body;
    await leader.request('POST', `/api/risk/analyses/${analysis.id}/scenarios`, { title: 'Brann i kjøkken' });
    ticket = (await leader.request<WorkshopTicket>('POST', '/api/workshops', { analysisId: analysis.id })).body;
    socket = io(`${app.baseUrl}${WORKSHOP_NAMESPACE}`, {
      auth: { token: ticket.token },
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
    });
    await new Promise<void>((resolve) => socket.once(WORKSHOP_EVENTS.state, () => resolve()));
  });

  afterAll(async () => {
    socket.close();
    await app.close();
  });

  it('should answer a bad command with the REST error body, naming every field', async () => {
    const rest = await leader.request<ApiError>('POST', '/api/workshops', { analysisId: 'not-a-uuid', extra: 1 });
    expect(rest.status).toBe(400);
    const ws = errorOf(await send(WORKSHOP_COMMANDS.castVote, { dimension: '', extra: 1, value: 1.5 }));
    expect(Object.keys(ws).sort()).toEqual(Object.keys(rest.body).sort());
    expect(ws).toMatchObject({ code: 'VALIDATION_FAILED', statusCode: 400 });
    expect(rest.body).toMatchObject({ code: 'VALIDATION_FAILED', statusCode: 400 });
    expect(rest.body.message).toMatch(/^Invalid input: (analysisId, extra|extra, analysisId)$/);
    const details = [...((ws.details ?? []) as { field: string; reasons: string[] }[])].sort((x, y) => x.field.localeCompare(y.field));
    expect(ws.message).toBe(`Invalid input: ${((ws.details ?? []) as { field: string }[]).map((d) => d.field).join(', ')}`);
    expect(details).toEqual([
      { field: 'dimension', reasons: ['dimension should not be empty'] },
      { field: 'extra', reasons: ['property extra should not exist'] },
      { field: 'value', reasons: ['value must be an integer number'] },
    ]);
    expect(rest.body.details).toEqual(expect.arrayContaining([{ field: 'extra', reasons: ['property extra should not exist'] }]));
  });

  it('should validate a missing body as {} and each command by its own DTO', async () => {
    expect(errorOf(await send(WORKSHOP_COMMANDS.openRound, undefined)).details).toEqual([
      { field: 'scenarioId', reasons: ['scenarioId must be a UUID'] },
    ]);
    const fields = (ack: WorkshopAck) => ((errorOf(ack).details ?? []) as { field: string }[]).map((d) => d.field);
    expect(fields(await send(WORKSHOP_COMMANDS.openRound, { dimensions: [], scenarioId: ticket.workshop.id }))).toEqual(['dimensions']);
    expect(fields(await send(WORKSHOP_COMMANDS.recordConsensus, { dimension: 'likelihood', rationale: '  ', value: 2 }))).toEqual([
      'rationale',
    ]);
    expect(fields(await send(WORKSHOP_COMMANDS.propose, { kind: 'idea', scenarioId: 'x', text: 'Øvelse' }))).toEqual([
      'kind',
      'scenarioId',
    ]);
    expect(fields(await send(WORKSHOP_COMMANDS.resolveProposal, { accept: 'yes', proposalId: ticket.workshop.id }))).toEqual(['accept']);
    // Shape valid, workshop says no: still the REST body, from the service.
    expect(errorOf(await send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 2 }))).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'round', reasons: ['No round is open for voting'] }],
      message: 'Invalid value for round: No round is open for voting',
      statusCode: 400,
    });
  });
});

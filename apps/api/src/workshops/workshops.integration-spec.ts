import {
  type RiskAnalysisResponse,
  WORKSHOP_COMMANDS,
  WORKSHOP_EVENTS,
  WORKSHOP_NAMESPACE,
  type WorkshopAck,
  type WorkshopDetail,
  type WorkshopState,
  type WorkshopSummary,
  type WorkshopTicket,
} from '@helhet/shared';
import { io, type Socket } from 'socket.io-client';

import { makeUnitTree, signIn } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp } from '../../test/utils/test-app';

/** Live ROS workshops over REST: who may create, joining by code (guest or signed-in), and that guest tokens are worthless elsewhere. */
describe('workshops (REST)', () => {
  let testApp: TestApp;
  let unitLeader: Session;
  let otherSector: Session;
  let employee: Session;
  let quality: Session;
  let analysis: RiskAnalysisResponse;
  let ticket: WorkshopTicket;

  const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${testApp.baseUrl}${path}`, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
      method: 'POST',
    });
    return { body: (await response.json().catch(() => null)) as T, status: response.status };
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    // The unit, its leader and employee and the other sector are this spec's own (factories); the quality
    // coordinator is the demo municipality's (read-only role check).
    const tree = await makeUnitTree(testApp.dataSource, { label: 'Verksted', serviceType: 'nursing_home' });
    const elsewhere = await makeUnitTree(testApp.dataSource, { label: 'Annen sektor' });
    unitLeader = await signIn(testApp.baseUrl, tree.leaders.unit);
    otherSector = await signIn(testApp.baseUrl, elsewhere.leaders.sector);
    employee = await signIn(testApp.baseUrl, tree.employee);
    quality = await Session.login(testApp.baseUrl, 'kvalitet@fjordvik.kommune.no');
    analysis = (
      await unitLeader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: tree.unit.id,
        title: 'ROS sykehjem 2027',
        type: 'service_ros',
      })
    ).body;
  });

  afterAll(() => testApp.close());

  it('should let an editor of the analysis create a workshop and refuse others by scope (404) or rights (403)', async () => {
    const created = await unitLeader.request<WorkshopTicket>('POST', '/api/workshops', { analysisId: analysis.id, votingMode: 'named' });
    expect(created.status).toBe(201);
    ticket = created.body;
    expect(ticket.role).toBe('facilitator');
    expect(ticket.workshop.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(Buffer.from(ticket.token, 'base64url')).toHaveLength(32);
    const [stored] = (await testApp.dataSource.query(`SELECT token_hash FROM workshop_participant WHERE id = $1`, [
      ticket.participantId,
    ])) as { token_hash: string }[];
    expect(stored!.token_hash).not.toContain(ticket.token);
    expect(stored!.token_hash).toHaveLength(64);

    expect((await otherSector.request('POST', '/api/workshops', { analysisId: analysis.id })).status).toBe(404);
    // The quality coordinator reads every analysis but edits none; an employee has no risk access at all.
    expect((await quality.get(`/api/risk/analyses/${analysis.id}`)).status).toBe(200);
    const readOnly = await quality.request<{ code: string }>('POST', '/api/workshops', { analysisId: analysis.id });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.code).toBe('FORBIDDEN');
    expect((await employee.request('POST', '/api/workshops', { analysisId: analysis.id })).status).toBe(403);
    const listed = await unitLeader.get<WorkshopSummary[]>(`/api/workshops?analysisId=${analysis.id}`);
    expect(listed.body.map((w) => w.id)).toEqual([ticket.workshop.id]);
    expect((await otherSector.get(`/api/workshops?analysisId=${analysis.id}`)).status).toBe(404);
    expect((await quality.get<WorkshopSummary[]>(`/api/workshops?analysisId=${analysis.id}`)).body).toHaveLength(1);
  });

  it('should let guests join by code with a name, and refuse unknown codes with WORKSHOP_NOT_FOUND', async () => {
    const guest = await post<WorkshopTicket>('/api/workshops/join', {
      code: ticket.workshop.code.toLowerCase(),
      guestName: 'Kari Gjest',
      guestOrganisation: 'Brannvesenet',
    });
    expect(guest.status).toBe(200);
    expect(guest.body).toMatchObject({ role: 'participant', workshop: { id: ticket.workshop.id, status: 'open' } });
    expect((await post('/api/workshops/join', { code: ticket.workshop.code })).status).toBe(400);
    const unknown = await post<{ code: string }>('/api/workshops/join', { code: 'ZZZZZZ', guestName: 'X' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('WORKSHOP_NOT_FOUND');

    // Signed-in users join as themselves; joining again returns the same participant.
    const first = await unitLeader.request<WorkshopTicket>('POST', '/api/workshops/join', { code: ticket.workshop.code });
    expect(first.body).toMatchObject({ participantId: ticket.participantId, role: 'facilitator' });

    // A guest token is no session: neither as bearer nor as cookie on other endpoints.
    for (const path of ['/api/risk/analyses', '/api/incidents']) {
      expect((await fetch(`${testApp.baseUrl}${path}`, { headers: { authorization: `Bearer ${guest.body.token}` } })).status).toBe(401);
      expect((await fetch(`${testApp.baseUrl}${path}`, { headers: { cookie: `hh_at=${guest.body.token}` } })).status).toBe(401);
    }

    const fresh = await unitLeader.request<WorkshopTicket>('POST', `/api/workshops/${ticket.workshop.id}/facilitator-ticket`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.token).not.toBe(ticket.token);
    expect((await otherSector.request('POST', `/api/workshops/${ticket.workshop.id}/facilitator-ticket`)).status).toBe(404);

    const detail = await unitLeader.get<WorkshopDetail>(`/api/workshops/${ticket.workshop.id}`);
    expect(detail.body.participants.map((p) => p.displayName)).toContain('Kari Gjest');
    expect((await otherSector.get(`/api/workshops/${ticket.workshop.id}`)).status).toBe(404);
  });

  it('should refuse joining a closed or expired workshop', async () => {
    await testApp.dataSource.query(`UPDATE workshop SET expires_at = now() - interval '1 minute' WHERE id = $1`, [ticket.workshop.id]);
    const expired = await post<{ code: string }>('/api/workshops/join', { code: ticket.workshop.code, guestName: 'Sen' });
    expect(expired.status).toBe(404);
    expect(expired.body.code).toBe('WORKSHOP_CLOSED');
    await testApp.dataSource.query(`UPDATE workshop SET status = 'closed', closed_at = now() WHERE id = $1`, [ticket.workshop.id]);
    expect((await post('/api/workshops/join', { code: ticket.workshop.code, guestName: 'Sen' })).status).toBe(404);
  });
});

/** The live part: two API instances (same Postgres and Redis), facilitator on one, a guest on the other. */
describe('workshops (live, two instances)', () => {
  let a: TestApp;
  let b: TestApp;
  let leader: Session;
  let analysis: RiskAnalysisResponse;
  const sockets: Socket[] = [];

  /** A connected socket and the stream of states it receives; `next(predicate)` waits for a matching state. */
  const connect = async (app: TestApp, token: string) => {
    const states: WorkshopState[] = [];
    const waiters: { predicate: (s: WorkshopState) => boolean; resolve: (s: WorkshopState) => void }[] = [];
    const socket = io(`${app.baseUrl}${WORKSHOP_NAMESPACE}`, {
      auth: { token },
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
    });
    sockets.push(socket);
    socket.on(WORKSHOP_EVENTS.state, (state: WorkshopState) => {
      states.push(state);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(state)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(state);
        }
      }
    });
    const next = (predicate: (s: WorkshopState) => boolean, timeout = 5000): Promise<WorkshopState> => {
      const last = states.at(-1);
      if (last && predicate(last)) return Promise.resolve(last);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching state; last: ${JSON.stringify(states.at(-1))?.slice(0, 400)}`)),
          timeout,
        );
        waiters.push({ predicate, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      });
    };
    const send = (event: string, body: unknown = {}): Promise<WorkshopAck> =>
      socket.timeout(5000).emitWithAck(event, body) as Promise<WorkshopAck>;
    return { next, send, socket, states };
  };

  /** Resolves with the disconnect reason when the server refuses or drops the socket. */
  const refused = (app: TestApp, token: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = io(`${app.baseUrl}${WORKSHOP_NAMESPACE}`, {
        auth: { token },
        forceNew: true,
        reconnection: false,
        transports: ['websocket'],
      });
      sockets.push(socket);
      const timer = setTimeout(() => reject(new Error('socket was not refused')), 5000);
      socket.on(WORKSHOP_EVENTS.state, () => (clearTimeout(timer), reject(new Error('socket got state'))));
      socket.on('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
      socket.on(
        'connect_error',
        (error) => (clearTimeout(timer), resolve(String((error as Error & { data?: { code?: string } }).data?.code ?? error.message))),
      );
    });

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    const tree = await makeUnitTree(a.dataSource, { label: 'Verksted to', serviceType: 'nursing_home' });
    leader = await signIn(a.baseUrl, tree.leaders.unit);
    analysis = (
      await leader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: tree.unit.id,
        title: 'ROS med verksted',
        type: 'service_ros',
      })
    ).body;
    const scenario = await leader.request('POST', `/api/risk/analyses/${analysis.id}/scenarios`, {
      causes: 'Strømbrudd',
      title: 'Bortfall av IKT',
    });
    expect(scenario.status).toBeLessThan(300);
    analysis = (await leader.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`)).body;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await a?.close();
    await b?.close();
  });

  it('should run a round across instances: hidden votes, reveal with statistics, consensus into the scenario, proposals, reconnect and close', async () => {
    const facilitatorTicket = (await leader.request<WorkshopTicket>('POST', '/api/workshops', { analysisId: analysis.id })).body;
    const guestJoin = await fetch(`${b.baseUrl}/api/workshops/join`, {
      body: JSON.stringify({ code: facilitatorTicket.workshop.code, guestName: 'Gunnar Gjest' }),
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    const guestTicket = (await guestJoin.json()) as WorkshopTicket;
    const guest2Ticket = (await (
      await fetch(`${a.baseUrl}/api/workshops/join`, {
        body: JSON.stringify({ code: facilitatorTicket.workshop.code, guestName: 'Gro Gjest' }),
        headers: { 'content-type': 'application/json' },
        method: 'POST',
      })
    ).json()) as WorkshopTicket;

    const facilitator = await connect(a, facilitatorTicket.token);
    const guest = await connect(b, guestTicket.token);
    const guest2 = await connect(a, guest2Ticket.token);
    await facilitator.next((s) => s.participants.filter((p) => p.connected).length === 3);
    const scenarioId = analysis.scenarios[0]!.id;
    const consequenceType = (await guest.next(() => true)).scale.consequenceTypes[0]!.code;

    // Only the facilitator opens rounds; the guest's command is refused.
    expect(await guest.send(WORKSHOP_COMMANDS.openRound, { scenarioId })).toMatchObject({ error: { code: 'FORBIDDEN' }, ok: false });
    expect(await facilitator.send(WORKSHOP_COMMANDS.openRound, { dimensions: ['likelihood', consequenceType], scenarioId })).toEqual({
      ok: true,
    });
    await guest.next((s) => s.round?.phase === 'voting');

    const outOfScale = await guest.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 9 });
    expect(outOfScale).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'value' }] }, ok: false });
    expect(await guest.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 2 })).toEqual({ ok: true });
    expect(await guest2.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 5 })).toEqual({ ok: true });
    expect(await facilitator.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 2 })).toEqual({ ok: true });

    // Before reveal: the facilitator (on the other instance) sees who voted, never the values.
    const hidden = await facilitator.next((s) => (s.round?.voted['likelihood'] ?? []).length === 3);
    expect(hidden.round!.voted['likelihood']).toEqual(
      expect.arrayContaining([guestTicket.participantId, guest2Ticket.participantId, facilitatorTicket.participantId]),
    );
    expect(hidden.round!.results).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain('"value":5');
    const guestView = await guest.next((s) => (s.round?.voted['likelihood'] ?? []).length === 3);
    expect(guestView.myVotes).toEqual({ likelihood: 2 });
    expect(guestView.round!.results).toBeNull();

    expect(await facilitator.send(WORKSHOP_COMMANDS.reveal)).toEqual({ ok: true });
    const revealed = await guest.next((s) => s.round?.phase === 'revealed');
    const likelihood = revealed.round!.results!.find((r) => r.dimension === 'likelihood')!;
    expect(likelihood).toMatchObject({ count: 3, max: 5, median: 2, min: 2, outliers: [5], spread: 3 });
    expect(likelihood.votes.map((v) => v.displayName).sort()).toEqual(
      ['Gro Gjest', 'Gunnar Gjest', facilitatorTicket.workshop.facilitator.name].sort(),
    );

    // Consensus is written into the scenario (seen through the REST API).
    const noRationale = await facilitator.send(WORKSHOP_COMMANDS.recordConsensus, { dimension: 'likelihood', rationale: '', value: 3 });
    expect(noRationale).toMatchObject({ error: { details: [{ field: 'rationale' }] }, ok: false });
    expect(
      await facilitator.send(WORKSHOP_COMMANDS.recordConsensus, {
        dimension: 'likelihood',
        dissent: 'Gro mener 5',
        rationale: 'Skjedde to ganger på ti år',
        value: 3,
      }),
    ).toEqual({ ok: true });
    expect(
      await facilitator.send(WORKSHOP_COMMANDS.recordConsensus, { dimension: consequenceType, rationale: 'Kort varighet', value: 2 }),
    ).toEqual({ ok: true });
    const updated = (await leader.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`)).body.scenarios.find(
      (s) => s.id === scenarioId,
    )!;
    expect(updated.likelihoodRank).toBe(3);
    expect(updated.consequences.find((c) => c.typeCode === consequenceType)?.rank).toBe(2);
    const decided = await guest.next((s) => (s.round?.consensus ?? []).length === 2);
    expect(decided.round!.consensus.find((c) => c.dimension === 'likelihood')).toMatchObject({ dissent: 'Gro mener 5', value: 3 });

    // Proposals: the guest sees only their own, the facilitator sees all and accepting a scenario creates it.
    expect(await guest.send(WORKSHOP_COMMANDS.propose, { kind: 'scenario', text: 'Vannlekkasje i kjeller' })).toEqual({ ok: true });
    expect(await guest2.send(WORKSHOP_COMMANDS.propose, { kind: 'cause', scenarioId, text: 'Ingen reservestrøm' })).toEqual({ ok: true });
    const withProposals = await facilitator.next((s) => s.proposals.length === 2);
    expect((await guest.next((s) => s.proposals.length >= 1)).proposals.map((p) => p.text)).toEqual(['Vannlekkasje i kjeller']);
    const scenarioProposal = withProposals.proposals.find((p) => p.kind === 'scenario')!;
    const causeProposal = withProposals.proposals.find((p) => p.kind === 'cause')!;
    expect(await facilitator.send(WORKSHOP_COMMANDS.resolveProposal, { accept: true, proposalId: scenarioProposal.id })).toEqual({
      ok: true,
    });
    expect(await facilitator.send(WORKSHOP_COMMANDS.resolveProposal, { accept: true, proposalId: causeProposal.id })).toEqual({ ok: true });
    await guest.next((s) => s.scenarios.some((x) => x.title === 'Vannlekkasje i kjeller'));
    const afterAccept = (await leader.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`)).body;
    expect(afterAccept.scenarios.map((s) => s.title)).toContain('Vannlekkasje i kjeller');
    expect(afterAccept.scenarios.find((s) => s.id === scenarioId)?.causes).toBe('Strømbrudd\nIngen reservestrøm');

    // Reconnect with the same token: exactly the current state; the dropped socket shows as disconnected meanwhile.
    guest.socket.disconnect();
    await facilitator.next((s) => s.participants.find((p) => p.id === guestTicket.participantId)?.connected === false);
    const again = await connect(a, guestTicket.token);
    const restored = await again.next((s) => s.round?.phase === 'revealed');
    expect(restored.myVotes).toEqual({ likelihood: 2 });
    expect(restored.round!.consensus).toHaveLength(2);
    expect(restored.proposals.map((p) => p.status)).toEqual(['accepted']);

    // A re-opened round for the same scenario keeps the earlier votes as evidence.
    expect(await facilitator.send(WORKSHOP_COMMANDS.openRound, { dimensions: ['likelihood'], scenarioId })).toEqual({ ok: true });
    expect((await again.next((s) => s.round?.phase === 'voting')).myVotes).toEqual({});

    // Tokens: garbage and a token of another workshop are refused; the other workshop's token does not reach this one.
    expect(await refused(b, 'not-a-token')).toBe('WORKSHOP_TOKEN_INVALID');
    const other = (await leader.request<WorkshopTicket>('POST', '/api/workshops', { analysisId: analysis.id })).body;
    const otherSocket = await connect(b, other.token);
    const otherState = await otherSocket.next(() => true);
    expect(otherState.workshop.id).toBe(other.workshop.id);
    expect(otherState.participants.map((p) => p.id)).not.toContain(guestTicket.participantId);

    // Closing ends guest access; the evidence stays readable over REST.
    const closed = new Promise((resolve) => again.socket.on(WORKSHOP_EVENTS.closed, resolve));
    expect(await guest2.send(WORKSHOP_COMMANDS.close)).toMatchObject({ ok: false });
    expect(await facilitator.send(WORKSHOP_COMMANDS.close)).toEqual({ ok: true });
    await closed;
    expect((await facilitator.next((s) => s.workshop.status === 'closed')).workshop.status).toBe('closed');
    expect(await facilitator.send(WORKSHOP_COMMANDS.reveal)).toMatchObject({ error: { code: 'WORKSHOP_CLOSED' }, ok: false });
    expect(await refused(b, guestTicket.token)).toBe('WORKSHOP_CLOSED');
    expect(await refused(a, guest2Ticket.token)).toBe('WORKSHOP_CLOSED');
    // The other workshop is still open and its token still works there only.
    expect(otherState.workshop.status).toBe('open');
    const evidence = (await leader.get<WorkshopDetail>(`/api/workshops/${facilitatorTicket.workshop.id}`)).body;
    expect(evidence.workshop.status).toBe('closed');
    expect(
      evidence.votes
        .filter((v) => v.round === 1)
        .map((v) => v.value)
        .sort(),
    ).toEqual([2, 2, 5]);
    expect(evidence.decisions.map((d) => d.dimension).sort()).toEqual(['likelihood', consequenceType].sort());
  });
});

/** Guessing codes is throttled per IP (behind a trusted proxy, from an address of its own so other specs keep their budget). */
describe('workshops (join rate limit)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => testApp.close());

  it('should answer 429 after too many unknown codes from one address', async () => {
    const join = async (code: string) =>
      (
        await fetch(`${testApp.baseUrl}/api/workshops/join`, {
          body: JSON.stringify({ code, guestName: 'Gjetter' }),
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
          method: 'POST',
        })
      ).status;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push(await join(`ZZZZ${String(i).padStart(2, '0')}`));
    expect(statuses.filter((s) => s === 404).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    const other = await fetch(`${testApp.baseUrl}/api/workshops/join`, {
      body: JSON.stringify({ code: 'ZZZZZZ', guestName: 'Gjetter' }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.8' },
      method: 'POST',
    });
    expect(other.status).toBe(404);
  });
});

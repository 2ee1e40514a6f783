import { voteStats } from '@helhet/domain';
import {
  type ApiError,
  AUTH_COOKIES,
  type RiskAnalysisResponse,
  WORKSHOP_COMMANDS,
  WORKSHOP_EVENTS,
  WORKSHOP_NAMESPACE,
  type WorkshopAck,
  type WorkshopDetail,
  type WorkshopState,
  type WorkshopTicket,
} from '@helhet/shared';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';

import { makeUnitTree, signIn, type UnitTree } from '../../test/factories';
import { Session } from '../../test/utils/session';
import { startTestApp, type TestApp, testEnvironment } from '../../test/utils/test-app';

const WAIT_MS = 8000;

/** One socket.io client with the latest `state` it received and a way to wait for a state that matches. */
class LiveClient {
  latest: WorkshopState | null = null;
  closedEvents = 0;
  private waiters: { match: (state: WorkshopState) => boolean; resolve: (state: WorkshopState) => void }[] = [];

  constructor(readonly socket: Socket) {
    socket.on(WORKSHOP_EVENTS.state, (state: WorkshopState) => {
      this.latest = state;
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(state)) return true;
        waiter.resolve(state);
        return false;
      });
    });
    socket.on(WORKSHOP_EVENTS.closed, () => this.closedEvents++);
  }

  /** The first state (the latest one included) for which `match` holds. */
  until(match: (state: WorkshopState) => boolean, what = 'state'): Promise<WorkshopState> {
    if (this.latest && match(this.latest)) return Promise.resolve(this.latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; latest: ${JSON.stringify(this.latest)?.slice(0, 600)}`)),
        WAIT_MS,
      );
      this.waiters.push({ match, resolve: (state) => (clearTimeout(timer), resolve(state)) });
    });
  }

  send(command: string, payload: object): Promise<WorkshopAck> {
    return this.socket.timeout(WAIT_MS).emitWithAck(command, payload) as Promise<WorkshopAck>;
  }

  disconnected(): Promise<void> {
    return this.socket.connected ? new Promise((resolve) => this.socket.once('disconnect', () => resolve())) : Promise.resolve();
  }
}

const open = (baseUrl: string, token: string): Socket =>
  io(`${baseUrl}${WORKSHOP_NAMESPACE}`, { auth: { token }, forceNew: true, reconnection: false, transports: ['websocket'] });

/** Connects and resolves with the client, or rejects with the server's refusal code. */
const connect = (baseUrl: string, token: string): Promise<LiveClient> =>
  new Promise((resolve, reject) => {
    const socket = open(baseUrl, token);
    const client = new LiveClient(socket);
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(new Error(error.data?.code ?? error.message));
    });
  });

const refusal = async (baseUrl: string, token: string): Promise<string> => {
  try {
    const client = await connect(baseUrl, token);
    client.socket.close();
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

const publicPost = async <T>(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${baseUrl}${path}`, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
    method: 'POST',
  });
  return { body: (await response.json().catch(() => null)) as T, status: response.status };
};

/**
 * The live workshop end to end over socket.io with TWO API instances on one database and Redis: the
 * facilitator on one, guests on the other. Checks what each side may see, consensus written into the
 * scenario, proposals, reconnects, refusals, and that a guest token opens nothing else.
 */
describe('workshops (live, two API instances)', () => {
  let a: TestApp;
  let b: TestApp;
  let leader: Session;
  let analysis: RiskAnalysisResponse;
  let scenarioId: string;
  let tree: UnitTree;
  let elsewhere: UnitTree;
  const clients: LiveClient[] = [];
  const track = (client: LiveClient): LiveClient => (clients.push(client), client);

  beforeAll(async () => {
    // Failed joins of earlier suites in this run (rate-limit tests) must not count against this one.
    const env = testEnvironment();
    const redis = new Redis(env.REDIS_URL);
    const stale = await redis.keys(`${env.REDIS_KEY_PREFIX}:workshop-join-fail:*`);
    if (stale.length > 0) await redis.del(...stale);
    await redis.quit();
    a = await startTestApp();
    b = await startTestApp();
    // The unit, its leader and the other sector are this spec's own (factories); the HMS adviser is the demo
    // municipality's (a tenant-wide role that may create helhetlig ROS at the top).
    tree = await makeUnitTree(a.dataSource, { label: 'Direkte', serviceType: 'nursing_home' });
    elsewhere = await makeUnitTree(a.dataSource, { label: 'Annen sektor' });
    leader = await signIn(a.baseUrl, tree.leaders.unit);
    analysis = (
      await leader.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: tree.unit.id,
        title: 'Tjeneste-ROS sykehjem 2027',
        type: 'service_ros',
      })
    ).body;
    const withScenario = await leader.request<RiskAnalysisResponse>('POST', `/api/risk/analyses/${analysis.id}/scenarios`, {
      consequences: [{ rank: 1, rationale: 'Vurdert i 2025', typeCode: 'deaths' }],
      title: 'Langvarig strømbrudd',
    });
    expect(withScenario.status).toBe(201);
    scenarioId = withScenario.body.scenarios[0]!.id;
  });

  afterAll(async () => {
    for (const client of clients) client.socket.close();
    await a.close();
    await b.close();
  });

  it('should refuse to create a workshop outside the caller’s scope (404) or without edit rights (403)', async () => {
    const otherSector = await signIn(a.baseUrl, elsewhere.leaders.sector);
    const outside = await otherSector.request<ApiError>('POST', '/api/workshops', { analysisId: analysis.id });
    expect(outside.status).toBe(404);
    const hms = await Session.login(a.baseUrl, 'hms@fjordvik.kommune.no');
    const holistic = (
      await hms.request<RiskAnalysisResponse>('POST', '/api/risk/analyses', {
        scopeOrgUnitId: tree.municipality.id,
        title: 'Helhetlig ROS 2027',
        type: 'holistic_ros',
      })
    ).body;
    // Every leader reads helhetlig ROS, only preparedness/HMS edit it.
    expect((await otherSector.get(`/api/risk/analyses/${holistic.id}`)).status).toBe(200);
    expect((await otherSector.request<ApiError>('POST', '/api/workshops', { analysisId: holistic.id })).status).toBe(403);
    expect(
      (await a.dataSource.query(`SELECT count(*)::int AS n FROM workshop WHERE analysis_id = ANY($1)`, [[analysis.id, holistic.id]]))[0].n,
    ).toBe(0);
  });

  it('should run a round across instances: hidden votes, reveal with statistics, consensus into the scenario, proposals, reconnect, close', async () => {
    const created = await leader.request<WorkshopTicket>('POST', '/api/workshops', { analysisId: analysis.id });
    expect(created.status).toBe(201);
    const facilitatorTicket = created.body;
    const code = facilitatorTicket.workshop.code;
    // Guests join on the OTHER instance, without any session.
    const kari = await publicPost<WorkshopTicket>(b.baseUrl, '/api/workshops/join', {
      code: code.toLowerCase(),
      guestName: 'Kari Gjest',
      guestOrganisation: 'Fjordvik Energi',
    });
    expect(kari.status).toBe(200);
    expect(kari.body).toMatchObject({ role: 'participant', workshop: { id: facilitatorTicket.workshop.id } });
    const ola = await publicPost<WorkshopTicket>(b.baseUrl, '/api/workshops/join', { code, guestName: 'Ola Gjest' });
    expect(ola.status).toBe(200);
    const nameless = await publicPost<ApiError>(b.baseUrl, '/api/workshops/join', { code });
    expect(nameless.status).toBe(400);
    expect(JSON.stringify(nameless.body.details)).toContain('guestName');
    expect((await publicPost<ApiError>(b.baseUrl, '/api/workshops/join', { code: 'ZZZZZZ', guestName: 'Gjetter' })).body.code).toBe(
      'WORKSHOP_NOT_FOUND',
    );

    const facilitator = track(await connect(a.baseUrl, facilitatorTicket.token));
    const kariLive = track(await connect(b.baseUrl, kari.body.token));
    const olaLive = track(await connect(b.baseUrl, ola.body.token));
    const allConnected = (state: WorkshopState) => state.participants.length === 3 && state.participants.every((p) => p.connected);
    const first = await facilitator.until(allConnected, 'three connected participants');
    expect(first.me).toMatchObject({ participantId: facilitatorTicket.participantId, role: 'facilitator' });
    expect(first.participants.find((p) => p.id === kari.body.participantId)).toMatchObject({
      displayName: 'Kari Gjest',
      guest: true,
      organisation: 'Fjordvik Energi',
      role: 'participant',
    });
    expect(first.scenarios.map((s) => s.id)).toEqual([scenarioId]);
    expect(first.scale.consequenceTypes.map((t) => t.code)).toContain('deaths');

    // Only the facilitator opens rounds.
    expect(await kariLive.send(WORKSHOP_COMMANDS.openRound, { scenarioId })).toMatchObject({ error: { code: 'FORBIDDEN' }, ok: false });
    expect(await facilitator.send(WORKSHOP_COMMANDS.openRound, { dimensions: ['likelihood', 'deaths'], scenarioId })).toEqual({ ok: true });
    await olaLive.until((s) => s.round?.phase === 'voting', 'round open on the other instance');

    // Validation names the field; the scale decides the range.
    const tooHigh = await kariLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 9 });
    expect(tooHigh.ok).toBe(false);
    expect(!tooHigh.ok && tooHigh.error.details?.map((d) => d.field)).toEqual(['value']);
    const noDimension = await kariLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'economic_nope', value: 2 });
    expect(!noDimension.ok && noDimension.error.details?.map((d) => d.field)).toEqual(['dimension']);

    const likelihoodVotes = { facilitator: 1, kari: 3, ola: 4 };
    expect(await kariLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 2 })).toEqual({ ok: true });
    expect(await kariLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: likelihoodVotes.kari })).toEqual({ ok: true }); // changed before reveal
    expect(await kariLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'deaths', value: 2 })).toEqual({ ok: true });
    expect(await olaLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: likelihoodVotes.ola })).toEqual({ ok: true });
    expect(await facilitator.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: likelihoodVotes.facilitator })).toEqual({
      ok: true,
    });

    // Before reveal: the facilitator sees WHO voted, nobody sees values but their own.
    const hidden = await facilitator.until(
      (s) => s.round?.voted['likelihood']?.length === 3 && s.round?.voted['deaths']?.length === 1,
      'three likelihood votes',
    );
    expect(hidden.round?.results).toBeNull();
    expect([...(hidden.round?.voted['likelihood'] ?? [])].sort()).toEqual(
      [facilitatorTicket.participantId, kari.body.participantId, ola.body.participantId].sort(),
    );
    expect(hidden.myVotes).toEqual({ likelihood: likelihoodVotes.facilitator });
    const kariHidden = await kariLive.until((s) => s.round?.voted['likelihood']?.length === 3, 'kari sees progress');
    expect(kariHidden.round?.results).toBeNull();
    expect(kariHidden.myVotes).toEqual({ deaths: 2, likelihood: likelihoodVotes.kari });
    expect(JSON.stringify(kariHidden)).not.toContain(`"value":${likelihoodVotes.ola}`);

    // Reveal: the distribution as the domain computes it, on both instances.
    expect(await kariLive.send(WORKSHOP_COMMANDS.reveal, {})).toMatchObject({ ok: false });
    expect(await facilitator.send(WORKSHOP_COMMANDS.reveal, {})).toEqual({ ok: true });
    const revealed = await olaLive.until((s) => s.round?.phase === 'revealed', 'revealed on the other instance');
    const likelihood = revealed.round?.results?.find((r) => r.dimension === 'likelihood');
    const expected = voteStats(Object.values(likelihoodVotes));
    expect(likelihood).toMatchObject({
      count: 3,
      max: expected.max,
      median: expected.median,
      min: expected.min,
      outliers: expected.outliers,
      spread: expected.spread,
    });
    expect(likelihood).toMatchObject({ max: 4, median: 3, min: 1, outliers: [1], spread: 3 });
    expect(Object.fromEntries(likelihood?.votes.map((v) => [v.displayName, v.value]) ?? [])).toEqual({
      [first.me.displayName]: likelihoodVotes.facilitator,
      'Kari Gjest': likelihoodVotes.kari,
      'Ola Gjest': likelihoodVotes.ola,
    });
    expect(await kariLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 5 })).toMatchObject({ ok: false });

    // Consensus: rationale required; the value lands in the scenario, other consequence data kept.
    const noRationale = await facilitator.send(WORKSHOP_COMMANDS.recordConsensus, { dimension: 'likelihood', rationale: ' ', value: 3 });
    expect(!noRationale.ok && noRationale.error.details?.map((d) => d.field)).toEqual(['rationale']);
    expect(
      await facilitator.send(WORKSHOP_COMMANDS.recordConsensus, {
        dimension: 'likelihood',
        dissent: 'Fasilitator mener 1: nytt aggregat',
        rationale: 'Skjer de fleste vintre',
        value: 3,
      }),
    ).toEqual({ ok: true });
    expect(
      await facilitator.send(WORKSHOP_COMMANDS.recordConsensus, { dimension: 'deaths', rationale: 'Sårbare beboere', value: 2 }),
    ).toEqual({ ok: true });
    const stored = (await leader.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`)).body.scenarios.find(
      (s) => s.id === scenarioId,
    );
    expect(stored?.likelihoodRank).toBe(3);
    expect(stored?.consequences).toEqual([{ rank: 2, rationale: 'Vurdert i 2025', typeCode: 'deaths' }]);
    const decided = await kariLive.until((s) => (s.scenarios[0]?.consensus.length ?? 0) === 2, 'two decisions');
    expect(decided.scenarios[0]?.consensus.find((c) => c.dimension === 'likelihood')).toMatchObject({
      dissent: 'Fasilitator mener 1: nytt aggregat',
      rationale: 'Skjer de fleste vintre',
      value: 3,
    });

    // Proposals: only the proposer and the facilitator see one; accepting a scenario creates it.
    expect(await kariLive.send(WORKSHOP_COMMANDS.propose, { kind: 'scenario', text: 'Dataangrep på journalsystemet' })).toEqual({
      ok: true,
    });
    expect(await olaLive.send(WORKSHOP_COMMANDS.propose, { kind: 'cause', scenarioId, text: 'Islagte linjer' })).toEqual({ ok: true });
    const proposals = await facilitator.until((s) => s.proposals.length === 2, 'two proposals for the facilitator');
    const cyber = proposals.proposals.find((p) => p.kind === 'scenario');
    expect(cyber).toMatchObject({ proposedBy: 'Kari Gjest', status: 'pending', text: 'Dataangrep på journalsystemet' });
    expect((await olaLive.until((s) => s.proposals.length === 1, 'ola sees own proposal')).proposals.map((p) => p.text)).toEqual([
      'Islagte linjer',
    ]);
    expect(await facilitator.send(WORKSHOP_COMMANDS.resolveProposal, { accept: true, proposalId: cyber!.id })).toEqual({ ok: true });
    const cause = proposals.proposals.find((p) => p.kind === 'cause');
    expect(await facilitator.send(WORKSHOP_COMMANDS.resolveProposal, { accept: true, proposalId: cause!.id })).toEqual({ ok: true });
    const afterAccept = (await leader.get<RiskAnalysisResponse>(`/api/risk/analyses/${analysis.id}`)).body;
    expect(afterAccept.scenarios.map((s) => s.title)).toContain('Dataangrep på journalsystemet');
    expect(afterAccept.scenarios.find((s) => s.id === scenarioId)?.causes).toContain('Islagte linjer');
    await kariLive.until(
      (s) => s.proposals[0]?.status === 'accepted' && s.scenarios.length === 2,
      'kari sees accepted proposal and the new scenario',
    );

    // Disconnect and reconnect with the same token (on the other instance): exactly the current state.
    kariLive.socket.close();
    await facilitator.until((s) => s.participants.find((p) => p.id === kari.body.participantId)?.connected === false, 'kari disconnected');
    const kariAgain = track(await connect(a.baseUrl, kari.body.token));
    const resumed = await kariAgain.until((s) => s.round?.phase === 'revealed', 'state after reconnect');
    expect(resumed.myVotes).toEqual({ deaths: 2, likelihood: likelihoodVotes.kari });
    expect(resumed.proposals.map((p) => [p.text, p.status])).toEqual([['Dataangrep på journalsystemet', 'accepted']]);
    await facilitator.until(
      (s) => s.participants.find((p) => p.id === kari.body.participantId)?.connected === true,
      'kari connected again',
    );

    // A re-opened round on the same scenario starts empty; the earlier votes stay as evidence.
    expect(await facilitator.send(WORKSHOP_COMMANDS.openRound, { dimensions: ['likelihood'], scenarioId })).toEqual({ ok: true });
    const round2 = await kariAgain.until((s) => s.round?.phase === 'voting', 'second round');
    expect(round2.round?.voted['likelihood']).toEqual([]);
    expect(round2.myVotes).toEqual({});
    expect(await kariAgain.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 2 })).toEqual({ ok: true });

    // Refusals: unknown token; the guest token is useless on every other endpoint, as bearer or cookie.
    expect(await refusal(b.baseUrl, 'x'.repeat(43))).toBe('WORKSHOP_TOKEN_INVALID');
    for (const path of ['/api/risk/analyses', '/api/incidents', `/api/workshops/${facilitatorTicket.workshop.id}`]) {
      const bearer = await fetch(`${a.baseUrl}${path}`, { headers: { authorization: `Bearer ${kari.body.token}` } });
      expect(bearer.status).toBe(401);
      const cookie = await fetch(`${b.baseUrl}${path}`, { headers: { cookie: `${AUTH_COOKIES.accessToken}=${kari.body.token}` } });
      expect(cookie.status).toBe(401);
    }

    // A guest of another workshop only ever gets that workshop.
    const other = (await leader.request<WorkshopTicket>('POST', '/api/workshops', { analysisId: analysis.id, votingMode: 'anonymous' }))
      .body;
    const stranger = (
      await publicPost<WorkshopTicket>(a.baseUrl, '/api/workshops/join', { code: other.workshop.code, guestName: 'Per Annen' })
    ).body;
    const strangerLive = track(await connect(b.baseUrl, stranger.token));
    const strangerState = await strangerLive.until(() => true, 'state of the other workshop');
    expect(strangerState.workshop.id).toBe(other.workshop.id);
    expect(strangerState.participants.map((p) => p.id)).not.toContain(kari.body.participantId);
    expect(await strangerLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 1 })).toMatchObject({ ok: false });
    // That workshop votes anonymously: after reveal the values come without names or ids.
    const otherFacilitator = track(await connect(a.baseUrl, other.token));
    expect(await otherFacilitator.send(WORKSHOP_COMMANDS.openRound, { dimensions: ['likelihood'], scenarioId })).toEqual({ ok: true });
    expect(await strangerLive.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 5 })).toEqual({ ok: true });
    expect(await otherFacilitator.send(WORKSHOP_COMMANDS.castVote, { dimension: 'likelihood', value: 2 })).toEqual({ ok: true });
    expect(await otherFacilitator.send(WORKSHOP_COMMANDS.reveal, {})).toEqual({ ok: true });
    const anonymous = await strangerLive.until((s) => s.round?.phase === 'revealed', 'anonymous reveal');
    expect(anonymous.round?.results?.[0]?.votes).toEqual([
      { displayName: null, participantId: null, value: 2 },
      { displayName: null, participantId: null, value: 5 },
    ]);
    expect(JSON.stringify(anonymous.round?.results)).not.toContain('Per Annen');

    // Close: guests are sent away and can neither reconnect nor join; the facilitator keeps a read-only view.
    const gone = Promise.all([kariAgain.disconnected(), olaLive.disconnected()]);
    expect(await facilitator.send(WORKSHOP_COMMANDS.close, {})).toEqual({ ok: true });
    await gone;
    expect(olaLive.closedEvents + kariAgain.closedEvents).toBeGreaterThanOrEqual(2);
    expect((await facilitator.until((s) => s.workshop.status === 'closed', 'closed for the facilitator')).workshop.status).toBe('closed');
    expect(await refusal(b.baseUrl, ola.body.token)).toBe('WORKSHOP_CLOSED');
    expect(await facilitator.send(WORKSHOP_COMMANDS.openRound, { scenarioId })).toMatchObject({
      error: { code: 'WORKSHOP_CLOSED' },
      ok: false,
    });
    const lateJoin = await publicPost<ApiError>(a.baseUrl, '/api/workshops/join', { code, guestName: 'For sent' });
    expect(lateJoin.status).toBe(404);
    expect(strangerLive.socket.connected).toBe(true); // the other workshop is still open

    // Evidence for the analysis's readers: every vote with its round, the decisions with rationale and dissent.
    const evidence = await leader.get<WorkshopDetail>(`/api/workshops/${facilitatorTicket.workshop.id}`);
    expect(evidence.status).toBe(200);
    expect(evidence.body.workshop.status).toBe('closed');
    expect(
      evidence.body.votes
        .filter((v) => v.round === 1)
        .map((v) => v.value)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    expect(evidence.body.votes.filter((v) => v.round === 2).map((v) => [v.displayName, v.value])).toEqual([['Kari Gjest', 2]]);
    expect(evidence.body.decisions.map((d) => [d.dimension, d.value, d.dissent])).toEqual([
      ['likelihood', 3, 'Fasilitator mener 1: nytt aggregat'],
      ['deaths', 2, null],
    ]);
    const outsider = await signIn(a.baseUrl, elsewhere.leaders.sector);
    expect((await outsider.get(`/api/workshops/${facilitatorTicket.workshop.id}`)).status).toBe(404);
  });
});

import { TestBed } from '@angular/core/testing';
import type { WorkshopState, WorkshopTicket } from '@helhet/shared';
import { io } from 'socket.io-client';

import { facilitatorSession, forgetSession, participantSession, saveSession, sessionFromTicket } from './workshop-session';
import { WorkshopSocket } from './workshop-socket.service';

type Handler = (...args: unknown[]) => void;

/** A stand-in for a socket.io client socket: records handlers and lets the test fire events. */
class FakeSocket {
  active = true;
  readonly handlers = new Map<string, Handler>();
  readonly emitWithAck = jest.fn();
  on(event: string, handler: Handler): this {
    this.handlers.set(event, handler);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    this.handlers.get(event)?.(...args);
  }
  timeout(): this {
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  disconnect = jest.fn();
}

jest.mock('socket.io-client', () => ({ io: jest.fn() }));

const TICKET: WorkshopTicket = {
  participantId: 'p-1',
  role: 'participant',
  token: 'secret-token',
  workshop: {
    analysis: { id: 'a-1', title: 'Tjeneste-ROS' },
    code: 'K7M2QX',
    createdAt: '2026-11-28T10:00:00Z',
    expiresAt: '2026-11-28T22:00:00Z',
    facilitator: { id: 'u-1', name: 'Hanne HMS' },
    id: 'w-1',
    status: 'open',
    votingMode: 'named',
  },
};

const state = (status: 'open' | 'closed' = 'open'): WorkshopState =>
  ({
    me: { displayName: 'Kari', participantId: 'p-1', role: 'participant' },
    myVotes: {},
    participants: [],
    proposals: [],
    round: null,
    scale: {},
    scenarios: [],
    workshop: { ...TICKET.workshop, status },
  }) as unknown as WorkshopState;

describe('WorkshopSocket', () => {
  let fake: FakeSocket;
  let socket: WorkshopSocket;

  beforeEach(() => {
    sessionStorage.clear();
    fake = new FakeSocket();
    jest.mocked(io).mockReturnValue(fake as never);
    TestBed.configureTestingModule({ providers: [WorkshopSocket] });
    socket = TestBed.inject(WorkshopSocket);
    socket.connect(sessionFromTicket(TICKET));
  });

  it('should authenticate with the token on the workshop namespace and hold the pushed state', () => {
    expect(io).toHaveBeenCalledWith('/workshops', expect.objectContaining({ auth: { token: 'secret-token' } }));
    expect(socket.connection()).toBe('connecting');
    fake.fire('connect');
    fake.fire('state', state());
    expect(socket.connection()).toBe('connected');
    expect(socket.state()?.me.displayName).toBe('Kari');
  });

  it('should show a lost connection while socket.io retries, and connected again after', () => {
    fake.fire('connect');
    fake.fire('state', state());
    fake.fire('disconnect', 'transport close');
    expect(socket.connection()).toBe('reconnecting');
    fake.fire('connect_error', new Error('xhr poll error'));
    expect(socket.connection()).toBe('reconnecting');
    fake.fire('connect');
    expect(socket.connection()).toBe('connected');
    expect(socket.state()).not.toBeNull();
  });

  it('should report a refused token with the code the server gave', () => {
    fake.active = false;
    fake.fire('connect_error', Object.assign(new Error('refused'), { data: { code: 'WORKSHOP_CLOSED' } }));
    expect(socket.connection()).toBe('rejected');
    expect(socket.rejection()).toBe('WORKSHOP_CLOSED');
  });

  it('should notice a closed workshop from the state or the closed event', () => {
    fake.fire('state', state('closed'));
    expect(socket.closed()).toBe(true);
  });

  it('should take the disconnect after a close as the end, not as a refused token', () => {
    fake.fire('connect');
    fake.fire('state', state());
    fake.fire('closed', { workshopId: 'w-1' });
    fake.fire('disconnect', 'io server disconnect');
    expect(socket.closed()).toBe(true);
    expect(socket.connection()).toBe('idle');
    expect(socket.rejection()).toBeNull();
  });

  it('should keep the reason the gateway gave before it let go of a bad token', () => {
    fake.fire('connect');
    fake.fire('error', { code: 'WORKSHOP_TOKEN_INVALID', message: 'Invalid or expired workshop token' });
    fake.fire('disconnect', 'io server disconnect');
    expect(socket.connection()).toBe('rejected');
    expect(socket.rejection()).toBe('WORKSHOP_TOKEN_INVALID');
  });

  it('should send commands with their payload and resolve with the acknowledgement', async () => {
    fake.emitWithAck.mockResolvedValueOnce({ ok: true });
    await expect(socket.castVote({ dimension: 'likelihood', value: 4 })).resolves.toEqual({ ok: true });
    expect(fake.emitWithAck).toHaveBeenCalledWith('vote:cast', { dimension: 'likelihood', value: 4 });
    const refusal = {
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'value', reasons: ['too big'] }], message: 'bad' },
      ok: false,
    };
    fake.emitWithAck.mockResolvedValueOnce(refusal);
    await expect(socket.castVote({ dimension: 'likelihood', value: 9 })).resolves.toEqual(refusal);
    fake.emitWithAck.mockRejectedValueOnce(new Error('operation has timed out'));
    await expect(socket.reveal()).resolves.toMatchObject({ error: { code: 'WORKSHOP_TIMEOUT' }, ok: false });
  });
});

describe('workshop sessions in sessionStorage', () => {
  beforeEach(() => sessionStorage.clear());

  it('should bring the participant and the facilitator session back after a reload, and forget them', () => {
    const participant = sessionFromTicket(TICKET);
    const facilitator = sessionFromTicket({
      ...TICKET,
      participantId: 'p-0',
      role: 'facilitator',
      token: 'f-token',
      workshop: { ...TICKET.workshop, id: 'w-2' },
    });
    saveSession(participant);
    saveSession(facilitator);
    expect(participantSession()).toEqual(participant);
    expect(facilitatorSession('a-1')).toEqual(facilitator);
    expect(facilitatorSession('a-other')).toBeNull();
    forgetSession(participant);
    expect(participantSession()).toBeNull();
    expect(facilitatorSession('a-1')?.token).toBe('f-token');
  });
});

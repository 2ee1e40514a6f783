import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  type CastVoteCommand,
  type OpenRoundCommand,
  type ProposeCommand,
  type RecordConsensusCommand,
  type ResolveProposalCommand,
  WORKSHOP_COMMANDS,
  WORKSHOP_EVENTS,
  WORKSHOP_NAMESPACE,
  type WorkshopAck,
  type WorkshopState,
} from '@helhet/shared';
import { io, type Socket } from 'socket.io-client';

import type { WorkshopSession } from './workshop-session';

/**
 * - `connecting`: first connection under way; `connected`: live;
 * - `reconnecting`: the connection dropped and socket.io is retrying on its own;
 * - `rejected`: the server refused the token (expired, closed, or unknown) — a new join is needed;
 * - `idle`: not connected (never started, or left on purpose).
 */
export type WorkshopConnection = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'rejected';

/** How long a command waits for the server's acknowledgement. */
const ACK_TIMEOUT_MS = 10_000;

const failed = (code: string, message: string): WorkshopAck => ({ error: { code: code as never, message }, ok: false });

/**
 * One live workshop connection (provide it per page): the personalised state as a signal, the connection
 * status, and the commands of WORKSHOP_COMMANDS, each resolving with the server's acknowledgement.
 * socket.io reconnects by itself with the same token, and the server answers every (re)connect with the
 * whole current state, so nothing has to be replayed here.
 */
@Injectable()
export class WorkshopSocket {
  private socket: Socket | null = null;
  private readonly stateSignal = signal<WorkshopState | null>(null);
  private readonly connectionSignal = signal<WorkshopConnection>('idle');
  private readonly rejectionSignal = signal<string | null>(null);
  private readonly closedSignal = signal(false);

  readonly state = this.stateSignal.asReadonly();
  readonly connection = this.connectionSignal.asReadonly();
  /** The error code (or message) the server gave when it refused the connection. */
  readonly rejection = this.rejectionSignal.asReadonly();
  /** The server said the workshop has been closed. */
  readonly closed = this.closedSignal.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  connect(session: WorkshopSession): void {
    this.disconnect();
    this.rejectionSignal.set(null);
    this.closedSignal.set(false);
    this.connectionSignal.set('connecting');
    // WebSocket first: with several API instances behind a load balancer, long-polling would need sticky sessions.
    const socket = io(WORKSHOP_NAMESPACE, {
      auth: { token: session.token },
      reconnectionDelayMax: 5000,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
    this.socket = socket;
    socket.on('connect', () => this.connectionSignal.set('connected'));
    socket.on(WORKSHOP_EVENTS.state, (state: WorkshopState) => {
      this.stateSignal.set(state);
      if (state.workshop.status === 'closed') this.closedSignal.set(true);
    });
    socket.on(WORKSHOP_EVENTS.closed, () => this.closedSignal.set(true));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // A refusal by the server's middleware stops socket.io from retrying; a network error does not.
      if (socket.active) {
        this.connectionSignal.set(this.stateSignal() ? 'reconnecting' : 'connecting');
      } else {
        this.reject(error.data?.code ?? error.message);
      }
    });
    // The gateway says why it refuses a token (an `error` event; NestJS' own is `exception`) before disconnecting.
    const refused = (error: { code?: string; message?: string } | undefined) => {
      if (error?.code || error?.message) this.rejectionSignal.set(error.code ?? error.message ?? null);
    };
    socket.on('error', refused);
    socket.on('exception', refused);
    socket.on('disconnect', (reason) => {
      // After `closed` the server lets go of every socket: that is the end, not a refusal.
      if (reason === 'io server disconnect' && this.closedSignal()) this.connectionSignal.set('idle');
      else if (reason === 'io server disconnect') this.reject(this.rejectionSignal() ?? 'WORKSHOP_DISCONNECTED');
      else if (reason === 'io client disconnect') this.connectionSignal.set('idle');
      else this.connectionSignal.set('reconnecting');
    });
  }

  disconnect(): void {
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = null;
    this.connectionSignal.set('idle');
  }

  /** Forgets the state too (leaving the workshop, or after a refusal the user has seen). */
  reset(): void {
    this.disconnect();
    this.stateSignal.set(null);
    this.rejectionSignal.set(null);
    this.closedSignal.set(false);
  }

  openRound(command: OpenRoundCommand): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.openRound, command);
  }

  castVote(command: CastVoteCommand): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.castVote, command);
  }

  reveal(): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.reveal, {});
  }

  recordConsensus(command: RecordConsensusCommand): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.recordConsensus, command);
  }

  propose(command: ProposeCommand): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.propose, command);
  }

  resolveProposal(command: ResolveProposalCommand): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.resolveProposal, command);
  }

  close(): Promise<WorkshopAck> {
    return this.send(WORKSHOP_COMMANDS.close, {});
  }

  private async send(event: string, payload: object): Promise<WorkshopAck> {
    const socket = this.socket;
    if (!socket) return failed('WORKSHOP_NOT_CONNECTED', 'Not connected');
    try {
      const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as WorkshopAck | undefined;
      return ack && typeof ack === 'object' && 'ok' in ack ? ack : failed('INTERNAL_ERROR', 'Unexpected acknowledgement');
    } catch {
      return failed('WORKSHOP_TIMEOUT', 'No answer from the server');
    }
  }

  private reject(reason: string): void {
    this.rejectionSignal.set(reason);
    this.connectionSignal.set('rejected');
  }
}

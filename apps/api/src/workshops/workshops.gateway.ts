import { WORKSHOP_COMMANDS, WORKSHOP_EVENTS, WORKSHOP_NAMESPACE, type WorkshopAck } from '@helhet/shared';
import { Logger, type OnModuleDestroy, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';

import { DomainException } from '../core/http/domain.exception';
import { WsExceptionFilter } from '../core/websocket/ws-exception.filter';
import { WsValidationPipe } from '../core/websocket/ws-validation.pipe';
import { CastVoteDto } from './dto/cast-vote.dto';
import { OpenRoundDto } from './dto/open-round.dto';
import { ProposeDto } from './dto/propose.dto';
import { RecordConsensusDto } from './dto/record-consensus.dto';
import { ResolveProposalDto } from './dto/resolve-proposal.dto';
import { WorkshopLiveService } from './workshop-live.service';
import { WorkshopRoomQuery } from './workshop-room.query';
import { toSharedWorkshopState, toWorkshopState } from './workshop-state.mapper';
import { type WorkshopPrincipal, WorkshopsService } from './workshops.service';

/** Server-to-server signal (through the Redis adapter): "workshop X changed, push state to your sockets". */
const CHANGED = 'workshop:changed';

type WorkshopSocket = Socket & { data: { me?: WorkshopPrincipal } };

/**
 * The live workshop namespace. Every socket authenticates with its participant token. Commands are validated
 * like REST bodies (WsValidationPipe) and every failure is acknowledged with the REST error body (WsExceptionFilter).
 * After each change the instance that made it signals all instances (serverSideEmit); each reads the room once
 * (WorkshopRoomQuery.snapshot) and pushes to its own sockets of that workshop the state their role allows.
 * Bursts coalesce: while a push runs, further changes only mark the room dirty, and one more push follows.
 */
@UsePipes(WsValidationPipe)
@UseFilters(WsExceptionFilter)
@WebSocketGateway({ cors: false, namespace: WORKSHOP_NAMESPACE })
export class WorkshopsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(WorkshopsGateway.name);
  /** Rooms with a push in progress; `again` marks a change that arrived during it. */
  private readonly pushing = new Map<string, { again: boolean }>();
  /** Set on shutdown: sockets dropped by app.close() must not signal or touch the database any more. */
  private shuttingDown = false;

  @WebSocketServer()
  private readonly server!: Namespace;

  constructor(
    private readonly workshops: WorkshopsService,
    private readonly live: WorkshopLiveService,
    private readonly room: WorkshopRoomQuery,
  ) {}

  afterInit(server: Namespace): void {
    server.on(CHANGED, (workshopId: unknown) => {
      if (typeof workshopId === 'string') void this.pushLocal(workshopId);
    });
    // Authenticate in the handshake: a refused token arrives as connect_error with `data.code`, and no command can race it.
    server.use((socket: WorkshopSocket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      this.workshops.authenticate(auth?.token).then(
        (result) => {
          if (typeof result === 'string') return next(Object.assign(new Error(result), { data: { code: result } }));
          socket.data.me = result;
          next();
        },
        () => next(Object.assign(new Error('WORKSHOP_TOKEN_INVALID'), { data: { code: 'WORKSHOP_TOKEN_INVALID' } })),
      );
    });
  }

  async handleConnection(socket: WorkshopSocket): Promise<void> {
    const me = socket.data.me;
    if (!me) {
      socket.disconnect(true);
      return;
    }
    await socket.join(room(me.workshopId));
    await this.live.setConnected(me.participantId, 1);
    this.changed(me.workshopId);
  }

  onModuleDestroy(): void {
    this.shuttingDown = true;
  }

  async handleDisconnect(socket: WorkshopSocket): Promise<void> {
    const me = socket.data.me;
    if (!me || this.shuttingDown) return;
    await this.live.setConnected(me.participantId, -1).catch(() => undefined);
    this.changed(me.workshopId);
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.openRound)
  openRound(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: OpenRoundDto): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.openRound(me, body));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.castVote)
  castVote(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: CastVoteDto): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.castVote(me, body));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.reveal)
  reveal(@ConnectedSocket() socket: WorkshopSocket): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.reveal(me));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.recordConsensus)
  recordConsensus(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: RecordConsensusDto): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.recordConsensus(me, body));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.propose)
  propose(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: ProposeDto): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.propose(me, body));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.resolveProposal)
  resolveProposal(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: ResolveProposalDto): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.resolveProposal(me, body));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.close)
  close(@ConnectedSocket() socket: WorkshopSocket): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.close(me));
  }

  /** Runs a command as the socket's participant; a thrown error is acknowledged by WsExceptionFilter with the REST error body. */
  private async run(socket: WorkshopSocket, command: (me: WorkshopPrincipal) => Promise<void>): Promise<WorkshopAck> {
    const me = socket.data.me;
    if (!me) throw new DomainException('WORKSHOP_TOKEN_INVALID', 'Not in a workshop');
    await command(me);
    this.changed(me.workshopId);
    return { ok: true };
  }

  /** Tell every instance (this one included) that the workshop changed. */
  private changed(workshopId: string): void {
    void this.pushLocal(workshopId);
    try {
      this.server.serverSideEmit(CHANGED, workshopId);
    } catch (error) {
      this.logger.warn(`serverSideEmit failed: ${String(error)}`);
    }
  }

  /** Push a personalised state to this instance's sockets of the workshop, one push at a time per workshop (never an older state last). */
  private async pushLocal(workshopId: string): Promise<void> {
    const running = this.pushing.get(workshopId);
    if (running) {
      running.again = true;
      return;
    }
    const entry = { again: true };
    this.pushing.set(workshopId, entry);
    try {
      while (entry.again) {
        entry.again = false;
        await this.pushOnce(workshopId);
      }
    } catch (error) {
      this.logger.error(error);
    } finally {
      this.pushing.delete(workshopId);
    }
  }

  /**
   * One snapshot of the room (a fixed number of queries), then each local socket of the workshop gets the state its
   * role allows, computed from that snapshot. After close everyone gets a last state; participants then get `closed`
   * and are let go, the facilitator stays.
   */
  private async pushOnce(workshopId: string): Promise<void> {
    // This instance's sockets of the room (the Redis adapter's room map is local; other instances push to theirs).
    const ids = [...(this.server.adapter.rooms.get(room(workshopId)) ?? [])];
    const sockets = ids.map((id) => this.server.sockets.get(id)).filter((s): s is WorkshopSocket => s !== undefined);
    if (sockets.length === 0) return;
    const snapshot = await this.room.snapshot(workshopId);
    const shared = toSharedWorkshopState(snapshot);
    for (const socket of sockets) {
      const me = socket.data.me;
      if (me && socket.connected) socket.emit(WORKSHOP_EVENTS.state, toWorkshopState(snapshot, shared, me));
    }
    if (snapshot.workshop.open) return;
    for (const socket of sockets) {
      if (socket.data.me?.role === 'facilitator') continue;
      socket.emit(WORKSHOP_EVENTS.closed, { workshopId });
      socket.disconnect(true);
    }
  }
}

const room = (workshopId: string): string => `workshop:${workshopId}`;

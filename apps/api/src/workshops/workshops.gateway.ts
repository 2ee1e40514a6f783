import { WORKSHOP_COMMANDS, WORKSHOP_EVENTS, WORKSHOP_NAMESPACE, type WorkshopAck } from '@helhet/shared';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
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
import { WorkshopLiveService } from './workshop-live.service';
import { type WorkshopPrincipal, WorkshopsService } from './workshops.service';

/** Server-to-server signal (through the Redis adapter): "workshop X changed, push state to your sockets". */
const CHANGED = 'workshop:changed';

type WorkshopSocket = Socket & { data: { me?: WorkshopPrincipal } };

/**
 * The live workshop namespace. Every socket authenticates with its participant token. After each change
 * the instance that made it signals all instances (serverSideEmit) and each pushes a personalised
 * `state` to its own sockets of that workshop, so no one sees more than their role allows.
 */
@WebSocketGateway({ cors: false, namespace: WORKSHOP_NAMESPACE })
export class WorkshopsGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(WorkshopsGateway.name);
  private readonly pushing = new Map<string, { again: boolean }>();
  /** Set on shutdown: sockets dropped by app.close() must not signal or touch the database any more. */
  private shuttingDown = false;

  @WebSocketServer()
  private readonly server!: Namespace;

  constructor(
    private readonly workshops: WorkshopsService,
    private readonly live: WorkshopLiveService,
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
  openRound(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: unknown): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.openRound(me, (body ?? {}) as never));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.castVote)
  castVote(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: unknown): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.castVote(me, (body ?? {}) as never));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.reveal)
  reveal(@ConnectedSocket() socket: WorkshopSocket): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.reveal(me));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.recordConsensus)
  recordConsensus(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: unknown): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.recordConsensus(me, (body ?? {}) as never));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.propose)
  propose(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: unknown): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.propose(me, (body ?? {}) as never));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.resolveProposal)
  resolveProposal(@ConnectedSocket() socket: WorkshopSocket, @MessageBody() body: unknown): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.resolveProposal(me, (body ?? {}) as never));
  }

  @SubscribeMessage(WORKSHOP_COMMANDS.close)
  close(@ConnectedSocket() socket: WorkshopSocket): Promise<WorkshopAck> {
    return this.run(socket, (me) => this.live.close(me));
  }

  /** Runs a command as the socket's participant; errors become the REST error shape in the ack. */
  private async run(socket: WorkshopSocket, command: (me: WorkshopPrincipal) => Promise<void>): Promise<WorkshopAck> {
    const me = socket.data.me;
    if (!me) return { error: { code: 'WORKSHOP_TOKEN_INVALID', message: 'Not in a workshop' }, ok: false };
    try {
      await command(me);
    } catch (error) {
      if (error instanceof DomainException) {
        const details = Array.isArray(error.details) ? error.details : undefined;
        return { error: { code: error.code, message: error.message, ...(details ? { details } : {}) }, ok: false };
      }
      this.logger.error(error);
      return { error: { code: 'INTERNAL_ERROR', message: 'Unexpected error' }, ok: false };
    }
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

  /** After close everyone gets a last state; participants then get `closed` and are let go, the facilitator stays. */
  private async pushOnce(workshopId: string): Promise<void> {
    const sockets = [...this.server.sockets.values()].filter(
      (s) => (s as WorkshopSocket).data.me?.workshopId === workshopId,
    ) as WorkshopSocket[];
    if (sockets.length === 0) return;
    const open = await this.live.isOpen(workshopId);
    await Promise.all(
      sockets.map(
        async (socket) => socket.data.me && socket.connected && socket.emit(WORKSHOP_EVENTS.state, await this.live.state(socket.data.me)),
      ),
    );
    if (open) return;
    for (const socket of sockets) {
      if (socket.data.me?.role === 'facilitator') continue;
      socket.emit(WORKSHOP_EVENTS.closed, { workshopId });
      socket.disconnect(true);
    }
  }
}

const room = (workshopId: string): string => `workshop:${workshopId}`;

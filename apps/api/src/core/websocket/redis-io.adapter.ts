import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

import type { AppConfig } from '../config/app-config.service';
import { logRedisError } from '../queue/queue-connections';

/**
 * socket.io over the Redis adapter, so rooms and serverSideEmit span every API instance. The channel is
 * prefixed with REDIS_KEY_PREFIX so parallel test runs and environments never hear each other.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];
  private readonly logger = new Logger('Redis');

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, serveClient: false }) as Server;
    const pub = new Redis(this.config.get('REDIS_URL'), { lazyConnect: false, maxRetriesPerRequest: null });
    // The adapter publishes without catching: during shutdown (or a Redis outage) a rejected publish would be an
    // unhandled rejection that can take the process down. A lost change signal only delays a push; never crash for it.
    const publish = pub.publish.bind(pub) as (...args: unknown[]) => Promise<number>;
    (pub as unknown as { publish: (...args: unknown[]) => Promise<number> }).publish = (...args) => publish(...args).catch(() => 0);
    const sub = pub.duplicate();
    pub.on('error', logRedisError(this.logger, 'socket.io-pub'));
    sub.on('error', logRedisError(this.logger, 'socket.io-sub'));
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: `${this.config.get('REDIS_KEY_PREFIX')}:socket.io` }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  }
}

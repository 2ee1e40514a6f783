import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { environmentOrExit } from './core/config/environment-variables';
import { JsonLogger } from './core/logging/json-logger';
import { WorkerModule } from './worker.module';

/** The background worker: same codebase, own process, no HTTP server. */
async function bootstrap(): Promise<void> {
  const env = environmentOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { logger: new JsonLogger(env.LOG_LEVEL) });
  app.enableShutdownHooks();
  Logger.log({ concurrency: env.WORKER_CONCURRENCY, msg: 'worker started' }, 'Bootstrap');
}

void bootstrap();

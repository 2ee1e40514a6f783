import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

import { AppModule } from '../../src/app.module';
import { AppConfig } from '../../src/core/config/app-config.service';
import { type EnvironmentVariables, validateEnvironment } from '../../src/core/config/environment-variables';
import { configureApp } from '../../src/core/http/configure-app';
import { JsonLogger } from '../../src/core/logging/json-logger';
import { QueueName } from '../../src/core/queue/queue-names';
import { WorkerModule } from '../../src/worker.module';

/** Attachment files of this test run (outside the repository). */
export const TEST_ATTACHMENT_DIR = join(tmpdir(), `helhet-it-attachments-${process.env['HELHET_IT_REDIS_PREFIX'] ?? 'default'}`);

/** The reporter-identity key of integration tests (32 random bytes, base64). */
export const TEST_REPORTER_IDENTITY_KEY = '0/NvOQjwEoF/x1nFBcKSkK2C3Jyrks+/O9riM1bUI68=';

export const testEnvironment = (overrides: Record<string, string> = {}): EnvironmentVariables =>
  validateEnvironment({
    ATTACHMENT_DIR: TEST_ATTACHMENT_DIR,
    COOKIE_SECURE: 'false',
    DATABASE_URL: process.env['HELHET_IT_DATABASE_URL'],
    JWT_SECRET: 'integration-test-secret-0123456789abcdef',
    LOGIN_RATE_LIMIT_MAX: '1000',
    LOG_LEVEL: 'error',
    NODE_ENV: 'test',
    REDIS_KEY_PREFIX: process.env['HELHET_IT_REDIS_PREFIX'] ?? 'helhet-it',
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REPORTER_IDENTITY_KEY: TEST_REPORTER_IDENTITY_KEY,
    SMTP_URL: 'smtp://127.0.0.1:2',
    ...overrides,
  });

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real API (real Postgres and Redis) listening on a random port. */
/** `logLines`: collect every log line (debug and up) instead of printing errors only. */
export interface TestLogging {
  logLines?: string[];
}

const testLogger = (logging: TestLogging): JsonLogger =>
  logging.logLines ? new JsonLogger('debug', (line) => logging.logLines?.push(line)) : new JsonLogger('error');

export const startTestApp = async (overrides: Record<string, string> = {}, logging: TestLogging = {}): Promise<TestApp> => {
  const env = testEnvironment(overrides);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
  const app = moduleRef.createNestApplication({ logger: testLogger(logging) });
  configureApp(app, app.get(AppConfig));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => app.close(),
    dataSource: app.get<DataSource>(getDataSourceToken()),
  };
};

/** The real worker process module, in-process. */
export const startTestWorker = async (
  overrides: Record<string, string> = {},
  logging: TestLogging = {},
): Promise<INestApplicationContext> => {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(testEnvironment(overrides)), {
    logger: testLogger(logging),
  });
  await context.init();
  return context;
};

/**
 * Empties every queue of this run (jobs that earlier test files left for a worker that never ran), so a
 * test's worker starts with only its own work.
 */
export const obliterateQueues = async (): Promise<void> => {
  const env = testEnvironment();
  for (const name of Object.values(QueueName)) {
    const queue = new Queue(name, { connection: { url: env.REDIS_URL }, prefix: env.REDIS_KEY_PREFIX });
    await queue.obliterate({ force: true });
    await queue.close();
  }
};

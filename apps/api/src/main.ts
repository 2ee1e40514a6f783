import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from './app.module';
import { AppConfig } from './core/config/app-config.service';
import { ConfigValidationError, validateEnvironment } from './core/config/environment-variables';
import { configureApp } from './core/http/configure-app';
import { JsonLogger } from './core/logging/json-logger';

async function bootstrap(): Promise<void> {
  let env;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { logger: new JsonLogger(env.LOG_LEVEL) });
  const config = app.get(AppConfig);
  configureApp(app, config);
  await app.listen(config.get('PORT'));
  Logger.log({ msg: 'API listening', port: config.get('PORT'), url: config.get('PUBLIC_URL') }, 'Bootstrap');
}

void bootstrap();

import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from './app.module';
import { AppConfig } from './core/config/app-config.service';
import { environmentOrExit } from './core/config/environment-variables';
import { configureApp } from './core/http/configure-app';
import { JsonLogger } from './core/logging/json-logger';

async function bootstrap(): Promise<void> {
  const env = environmentOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { logger: new JsonLogger(env.LOG_LEVEL) });
  const config = app.get(AppConfig);
  configureApp(app, config);
  await app.listen(config.get('PORT'));
  Logger.log({ msg: 'API listening', port: config.get('PORT'), url: config.get('PUBLIC_URL') }, 'Bootstrap');
}

void bootstrap();

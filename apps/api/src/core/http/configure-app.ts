import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';

import type { AppConfig } from '../config/app-config.service';
import { RedisIoAdapter } from '../websocket/redis-io.adapter';
import { inspectParsedInput, noStoreByDefault, requireJsonOrMultipart, verifyJsonDepth } from './edge.middleware';
import { MultipartOnlyWhereDeclaredInterceptor } from './multipart-only.interceptor';
import { serveWebApp } from './serve-web';
import { validationException } from './validation-errors.util';

/** Everything main.ts and the integration tests share: prefix, security headers, validation, docs, web. */
export const configureApp = (app: INestApplication, config: AppConfig): void => {
  const express = app as NestExpressApplication;
  if (config.get('TRUST_PROXY')) express.set('trust proxy', 1);
  express.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:'],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(noStoreByDefault);
  // Bad input is refused at the edge (edge.middleware.ts): wrong media type before parsing, over-deep JSON from the raw
  // bytes before JSON.parse, NUL and lone surrogates in body and query right after. Body-parser errors (413, 415) are
  // mapped by the exception filter. Nest's default urlencoded parser never sees a request: they are 415 here.
  app.use(requireJsonOrMultipart);
  express.useBodyParser('json', { limit: '1mb', verify: verifyJsonDepth });
  app.use(inspectParsedInput);
  app.useGlobalInterceptors(new MultipartOnlyWhereDeclaredInterceptor(app.get(Reflector)));
  app.useGlobalPipes(
    new ValidationPipe({ exceptionFactory: validationException, forbidNonWhitelisted: true, transform: true, whitelist: true }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Helhet API')
      .setDescription('Internal control and risk management for Norwegian municipalities. Errors: { statusCode, code, message, details? }.')
      .setVersion('0.1')
      .addCookieAuth('hh_at')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  const webRoot = config.get('WEB_ROOT');
  if (webRoot) serveWebApp(express, webRoot);
  // Live workshops: socket.io through Redis pub/sub, so every API instance reaches every socket (core/websocket/redis-io.adapter.ts).
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.enableShutdownHooks();
};

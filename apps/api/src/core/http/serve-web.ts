import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const LOCALES = ['nb', 'en'] as const;

/**
 * Serves the built Angular app (one folder per locale) with SPA fallback, so one process serves
 * API and web in development and tests. Production puts nginx in front instead (docker/).
 */
export const serveWebApp = (app: NestExpressApplication, webRoot: string): void => {
  const root = resolve(webRoot);
  for (const locale of LOCALES) {
    if (existsSync(join(root, locale))) app.useStaticAssets(join(root, locale), { index: false, prefix: `/${locale}/` });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    const locale = LOCALES.find((candidate) => request.path === `/${candidate}` || request.path.startsWith(`/${candidate}/`));
    // Bokmål is the default whatever the browser's language (many municipal PCs run English Windows);
    // English is one click away in the toolbar.
    if (!locale) return response.redirect(302, `/nb${request.path === '/' ? '/' : request.path}`);
    response.setHeader('Cache-Control', 'no-cache');
    return response.sendFile(join(root, locale, 'index.html'));
  });
};

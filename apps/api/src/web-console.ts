import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the web console at the API's own address: its files as they are, and its index page for
 * every other page address (/, /tra-cuu, /quay-tiep-nhan…), which the console's router then draws.
 * Without a build (API-only development) there is nothing to serve.
 */
export function serveWebConsole(app: NestExpressApplication, webRoot: string, apiPrefix: string): void {
  const index = resolve(webRoot, 'index.html');
  if (!existsSync(index)) return;
  // Vite's file names carry their content hash: they can be cached for good.
  app.useStaticAssets(resolve(webRoot, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', fallthrough: false });
  app.useStaticAssets(resolve(webRoot), { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      request.path.split('/')[1] !== apiPrefix &&
      request.accepts(['html', 'json']) === 'html';
    if (!isPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

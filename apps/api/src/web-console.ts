import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@motcua/domain';

/**
 * Everything outside /api belongs to the web console (apps/web): its files as they are, and its index
 * page for every page address (/, /tra-cuu, /tiep-nhan…), which the console's router then draws. What
 * is neither (a POST, a JSON client, a missing file, no build at all) gets the API's JSON 404.
 */
export function serveWebConsole(app: NestExpressApplication, webRoot: string, apiPrefix: string): void {
  const index = resolve(webRoot, 'index.html');
  const built = existsSync(index);
  if (built) {
    // Vite's file names carry their content hash: they can be cached for good.
    app.useStaticAssets(resolve(webRoot, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', fallthrough: false });
    app.useStaticAssets(resolve(webRoot), { index: false });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path.split('/')[1] === apiPrefix) return next();
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && request.accepts(['html', 'json']) === 'html';
    if (built && isPage) {
      response.setHeader('Cache-Control', 'no-cache');
      return response.sendFile(index);
    }
    response.status(404).json({ code: ErrorCode.NOT_FOUND, message: `Cannot ${request.method} ${request.path}` });
  });
}

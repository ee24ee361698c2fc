import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { INestApplication } from '@nestjs/common';
import { json } from 'express';
import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@motcua/config';
import { ErrorCode } from '@motcua/domain';
import { AppModule } from './app.module';
import { rejectUnsafeJson } from './common/unsafe-json';
import { serveWebConsole } from './web-console';

export const API_PREFIX = 'api';
const BODY_LIMIT = '1mb';
/** A province's whole catalog travels as one document. */
const CATALOG_IMPORT_LIMIT = '20mb';

/** Creates the API exactly as it runs in production; main.ts and the end-to-end tests both use it. */
export async function createApiApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY);
  // TLS is the reverse proxy's business: no upgrade-insecure-requests, or pages served over plain http
  // (a commune's intranet, localhost) would ask for their own styles and scripts over https.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['Retry-After', 'Content-Disposition'] });
  answerUnparsableRequests(app.getHttpServer());
  // No text column holds NUL: refuse it in the address as in the body (rejectUnsafeJson).
  app.use((request: { url: string }, _response: unknown, next: (error?: unknown) => void) =>
    next(/%00/.test(request.url) ? Object.assign(new Error('NUL in the URL'), { status: 400, type: 'request.nul' }) : undefined),
  );
  // The JSON checks read UTF-8 bytes: other charsets (UTF-16 would slip past them) are refused.
  app.use((request: { headers: Record<string, string | string[] | undefined> }, _response: unknown, next: (error?: unknown) => void) =>
    next(/charset=(?!"?utf-?8"?\s*(;|$))/i.test(String(request.headers['content-type'] ?? '')) ? Object.assign(new Error('charset'), { status: 415, type: 'charset.unsupported' }) : undefined),
  );
  // Bodies are JSON (or a file upload's multipart): a form or text body would reach the checks as nothing.
  app.use((request: { headers: Record<string, string | string[] | undefined> }, _response: unknown, next: (error?: unknown) => void) =>
    next(
      hasBody(request.headers) && !ACCEPTED_BODY.test(String(request.headers['content-type'] ?? '')) ? Object.assign(new Error('media type'), { status: 415, type: 'media.unsupported' }) : undefined,
    ),
  );
  app.use(`/${API_PREFIX}/catalog/import`, json({ limit: CATALOG_IMPORT_LIMIT, verify: rejectUnsafeJson }));
  app.use(json({ limit: BODY_LIMIT, verify: rejectUnsafeJson }));
  serveWebConsole(app, config.WEB_ROOT, API_PREFIX);
  setRoutePrefix(app);
  app.enableShutdownHooks();
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  return app;
}

/** The request bodies the API reads: JSON, and multipart/form-data for file uploads. */
const ACCEPTED_BODY = /^\s*(application\/json|multipart\/form-data)\s*(;|$)/i;

const hasBody = (headers: Record<string, string | string[] | undefined>) => headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/** What Node's HTTP parser refuses (headers or request line over 16 KB, bad framing) is answered in JSON too. */
function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify(
      tooLarge ? { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request line or headers are too large' } : { code: ErrorCode.VALIDATION_FAILED, message: 'The request could not be parsed' },
    );
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/** Everything under /api; the other addresses are the web console's pages (web-console.ts). */
export function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('motcua API')
    .setDescription("Dossier processing for Vietnam's one-stop shops (một cửa, một cửa liên thông). Errors are `{ code, message, details? }`.")
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

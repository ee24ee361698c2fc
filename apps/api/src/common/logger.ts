import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@motcua/config';

const REQUEST_ID = /^[\w.-]{8,64}$/;

/** Structured JSON logs; every line of a request carries its id (taken from X-Request-Id when sane). */
export const ApiLoggerModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.verifier', 'req.query.verifier'],
      // The citizen lookup carries its verifier in the address: it is a secret like a password.
      serializers: { req: (request: { url?: string }) => ({ ...request, url: request.url?.replace(/([?&]verifier=)[^&]*/g, '$1[Redacted]') }) },
      autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/api/health') ?? false },
    },
  }),
});

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { VerwerkerConfig } from './config/configuration';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * JSON logs with a request id and no personal data: no bodies, no query strings (they can hold e-mail
 * addresses), no credentials, no client IPs.
 */
export function loggerOptions(app: VerwerkerConfig['app']): Params {
  return {
    pinoHttp: {
      level: app.logLevel,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const offered = request.headers['x-request-id'];
        const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}

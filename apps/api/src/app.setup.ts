import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SECURITY, DomainError, PANEL_JWT_SECURITY, ProblemCode, ValidationError } from '@verwerker/platform';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { VerwerkerConfig } from './config/configuration';

/** What main.ts and the e2e tests both apply on top of AppModule: HTTP hardening, body limits, OpenAPI. */
export function configureApp(app: INestApplication, config: VerwerkerConfig): void {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.set('trust proxy', config.app.trustProxy);
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: config.app.jsonBodyLimit });
  express.use(bodyParserProblems);
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI at /docs uses inline styles and data: images.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  express.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiConfig()), { jsonDocumentUrl: 'docs-json' });
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Verwerker API')
    .setDescription(
      'GDPR processor (verwerker) obligations: clients, processor agreements (Art. 28), sub-processors, tamper-evident ' +
        'access logs and the breach workflow (Art. 33/34). Errors are RFC 9457 application/problem+json; timestamps are ' +
        'ISO 8601 in Europe/Amsterdam with the offset; lists use cursor pagination (`limit`, `cursor` → `nextCursor`).',
    )
    .setVersion('0.1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key `vwk_…` (also accepted as a bearer token).' }, API_KEY_SECURITY)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT from the host control panel.' }, PANEL_JWT_SECURITY)
    .build();
}

/** body-parser's errors, as problems the filter answers like any other (field `body`), not as bare 400s. */
function bodyParserProblems(error: { type?: string } | undefined, _request: Request, _response: Response, next: NextFunction): void {
  if (error?.type === 'entity.parse.failed') {
    next(new ValidationError([{ field: 'body', messages: ['body is not valid JSON'] }], 'The request body is not valid JSON.'));
  } else if (error?.type === 'entity.too.large') {
    next(new DomainError(ProblemCode.PayloadTooLarge, 413, 'Payload too large', 'The request body exceeds the configured limit.'));
  } else {
    next(error);
  }
}

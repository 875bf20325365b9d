import type { AppConfig } from '@lifelong/common';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_DOCS_PATH = '/api/docs';
export const API_DOCS_JSON_PATH = '/api/docs-json';

/**
 * The OpenAPI 3 document of the app's routes and DTOs. `serverUrl` is the address it names; the
 * web app's types are generated without one, so they never depend on the machine.
 */
export function describeApi(app: INestApplication, serverUrl?: string): OpenAPIObject {
  let builder = new DocumentBuilder()
    .setTitle('Lifelong')
    .setDescription('Open lifelong-learning platform: the HTTP contract (api.md).')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // xAPI clients (docs/xapi.md): key and secret issued by an administrator.
    .addBasicAuth({ type: 'http', scheme: 'basic' }, 'lrs-client');
  if (serverUrl) builder = builder.addServer(serverUrl);
  return SwaggerModule.createDocument(app, builder.build());
}

/** Swagger UI at /api/docs and the OpenAPI 3 document at /api/docs-json, built from the DTOs. */
export function serveApiDocs(app: NestFastifyApplication, config: AppConfig): void {
  if (!config.http.swaggerEnabled) return;
  const document = describeApi(app, config.http.publicUrl);
  SwaggerModule.setup(API_DOCS_PATH.slice(1), app, document, {
    jsonDocumentUrl: API_DOCS_JSON_PATH.slice(1),
    raw: ['json'],
    customSiteTitle: 'Lifelong API',
  });
}

import type { AppConfig } from '@lifelong/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const API_DOCS_PATH = '/api/docs';
export const API_DOCS_JSON_PATH = '/api/docs-json';

/** Swagger UI at /api/docs and the OpenAPI 3 document at /api/docs-json, built from the DTOs. */
export function serveApiDocs(app: NestFastifyApplication, config: AppConfig): void {
  if (!config.http.swaggerEnabled) return;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Lifelong')
      .setDescription('Open lifelong-learning platform: the HTTP contract (api.md).')
      .setVersion('1')
      .addServer(config.http.publicUrl)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup(API_DOCS_PATH.slice(1), app, document, {
    jsonDocumentUrl: API_DOCS_JSON_PATH.slice(1),
    raw: ['json'],
    customSiteTitle: 'Lifelong API',
  });
}

import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * helmet's defaults (CSP included) on every response. Swagger UI and Bull Board load their
 * scripts from this origin and only style inline, which the default policy allows.
 */
export async function addSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { global: true });
}

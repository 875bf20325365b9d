import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { drainConnections } from './graceful-close';

/**
 * Shutdown (SIGTERM, app.close()) begins with the HTTP server: Nest would close it only after
 * every module's destroy hook, so requests would still be taken while Redis clients (rate
 * limits, sign-in flows) close under them. Destroy hooks run from the root module down, and this
 * is the root module's provider, so it runs first: no new connection, the accepted requests
 * answered, then the rest closes.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleDestroy(): Promise<void> {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter) await drainConnections(adapter.getInstance<FastifyInstance>());
  }
}

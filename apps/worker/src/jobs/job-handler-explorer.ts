import {
  type DiscoveredJobHandler,
  JOB_HANDLER,
  type JobHandlerFunction,
  type JobName,
} from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** A method marked `@JobHandler(job)`, bound to its provider instance. */
export interface BoundJobHandler extends DiscoveredJobHandler {
  job: JobName;
  run: JobHandlerFunction;
}

/** Finds every provider method marked `@JobHandler(name)` in the modules this process loaded. */
@Injectable()
export class JobHandlerExplorer {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  explore(): BoundJobHandler[] {
    const found: BoundJobHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      // Request-scoped providers have no single instance to call; jobs never use them.
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const target = instance as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(
        Object.getPrototypeOf(instance) as object,
      )) {
        const handler = target[method];
        if (typeof handler !== 'function') continue;
        const job = this.reflector.get<JobName | undefined>(JOB_HANDLER, handler);
        if (!job) continue;
        const run = (handler as JobHandlerFunction).bind(instance);
        found.push({ job, owner: `${instance.constructor.name}.${method}`, run });
      }
    }
    return found;
  }
}

import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { LaunchSessions } from './launch-sessions';

/**
 * The bound {@link LaunchSessions}, looked up on first use (it is provided by a module above
 * this one, which the store cannot import); null when no module binds it (the worker, tools).
 */
@Injectable()
export class LaunchSessionsRef {
  private found?: LaunchSessions | null;

  constructor(private readonly moduleRef: ModuleRef) {}

  bound(): LaunchSessions | null {
    if (this.found !== undefined) return this.found;
    try {
      this.found = this.moduleRef.get(LaunchSessions, { strict: false });
    } catch {
      this.found = null;
    }
    return this.found;
  }
}

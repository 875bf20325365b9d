import { AuditLog } from '@lifelong/audit';
import { Clock, newId, type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { isPlatformAdmin, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { LearningRecordsError } from '../learning-records-error';
import type { LrsForward } from './lrs-forward';
import { LrsForwardsRepository } from './lrs-forwards.repository';

/** What an administrator gives to register a remote store. */
export interface ForwardRegistration {
  name: string;
  endpoint: string;
  key: string;
  secret: string;
  /** Verb IRIs; absent or empty for every statement. */
  verbs?: readonly string[];
}

/**
 * The external Learning Record Stores statements are forwarded to: registered, listed and
 * revoked by platform administrators, each change audited (never the secret).
 */
@Injectable()
export class LrsForwards {
  constructor(
    private readonly forwards: LrsForwardsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async register(caller: Principal, wanted: ForwardRegistration): Promise<LrsForward> {
    this.assertAdministrator(caller);
    const verbs = wanted.verbs && wanted.verbs.length > 0 ? [...new Set(wanted.verbs)] : null;
    const forward: LrsForward = {
      id: newId(),
      name: wanted.name.trim(),
      endpoint: wanted.endpoint.replace(/\/+$/, ''),
      key: wanted.key,
      verbs,
      forwardedSeq: '0',
      lastError: null,
      createdBy: caller.userId,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.forwards.transaction(async (manager) => {
      await this.forwards.insert(manager, forward, wanted.secret);
      await this.audit.record(manager, {
        action: 'lrs-forward.registered',
        subjectType: 'lrs_forward',
        subjectId: forward.id,
        details: { name: forward.name, endpoint: forward.endpoint, key: forward.key, verbs },
      });
    });
    return forward;
  }

  async page(caller: Principal, query: PageQuery): Promise<Page<LrsForward>> {
    this.assertAdministrator(caller);
    const { items, total } = await this.forwards.page(pageOffset(query), query.pageSize);
    return toPage(items, total, query);
  }

  /** Stops forwarding at once (a run under way finishes its batch); revoking twice changes nothing. */
  async revoke(caller: Principal, id: string): Promise<LrsForward> {
    this.assertAdministrator(caller);
    return this.forwards.transaction(async (manager) => {
      const forward = await this.forwards.byId(manager, id);
      if (!forward) throw new LearningRecordsError('LRS_FORWARD_NOT_FOUND', 'No such LRS forward');
      if (forward.revokedAt) return forward;
      const at = this.clock.now();
      await this.forwards.revoke(manager, id, at);
      await this.audit.record(manager, {
        action: 'lrs-forward.revoked',
        subjectType: 'lrs_forward',
        subjectId: id,
        details: { name: forward.name, endpoint: forward.endpoint },
      });
      return { ...forward, revokedAt: at };
    });
  }

  private assertAdministrator(caller: Principal): void {
    if (!isPlatformAdmin(caller))
      throw new LearningRecordsError(
        'LRS_ADMIN_ONLY',
        'Only a platform administrator manages LRS forwards',
      );
  }
}

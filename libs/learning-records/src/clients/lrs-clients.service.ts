import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuditLog } from '@lifelong/audit';
import { Clock, newId, type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { isPlatformAdmin, PasswordHasher, type Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { LearningRecordsError } from '../learning-records-error';
import { columnsOf, type LrsClient, type LrsScope, scopesOf } from './lrs-client';
import { LrsClientsRepository } from './lrs-clients.repository';

/** A new client with its secret, shown once: only the hash is kept. */
export interface IssuedClient {
  client: LrsClient;
  secret: string;
}

/** How many verified key-and-secret pairs are remembered, so argon2 runs once per client. */
const VERIFIED_CAPACITY = 1_000;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * LRS clients: issued, listed and revoked by platform administrators (each change audited), and
 * authenticated on every xAPI request. Secrets are 256 random bits, stored argon2id-hashed.
 */
@Injectable()
export class LrsClients {
  /**
   * Key → SHA-256 of (secret, stored hash) once argon2 has accepted the pair: later requests
   * with the same secret skip the slow hash, yet still read the row (revocation is immediate),
   * and a changed stored hash no longer matches. Only an optimisation: another instance simply
   * verifies once more.
   */
  private readonly verified = new Map<string, Buffer>();

  constructor(
    private readonly clients: LrsClientsRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async issue(
    caller: Principal,
    wanted: { name: string; scopes: readonly LrsScope[] },
  ): Promise<IssuedClient> {
    this.assertAdministrator(caller);
    const secret = randomBytes(32).toString('base64url');
    const client: LrsClient = {
      id: newId(),
      name: wanted.name.trim(),
      key: `lrs_${randomBytes(12).toString('hex')}`,
      ...columnsOf(wanted.scopes),
      createdBy: caller.userId,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    const secretHash = await this.hasher.hash(secret);
    await this.clients.transaction(async (manager) => {
      await this.clients.insert(manager, client, secretHash);
      await this.audit.record(manager, {
        action: 'lrs-client.issued',
        subjectType: 'lrs_client',
        subjectId: client.id,
        details: { name: client.name, key: client.key, scopes: scopesOf(client) },
      });
    });
    return { client, secret };
  }

  async page(caller: Principal, query: PageQuery): Promise<Page<LrsClient>> {
    this.assertAdministrator(caller);
    const { items, total } = await this.clients.page(pageOffset(query), query.pageSize);
    return toPage(items, total, query);
  }

  /** Revokes a client at once; revoking a revoked client changes (and audits) nothing. */
  async revoke(caller: Principal, id: string): Promise<LrsClient> {
    this.assertAdministrator(caller);
    return this.clients.transaction(async (manager) => {
      const client = await this.clients.byId(manager, id);
      if (!client) throw new LearningRecordsError('LRS_CLIENT_NOT_FOUND', 'No such LRS client');
      if (client.revokedAt) return client;
      const at = this.clock.now();
      await this.clients.revoke(manager, id, at);
      await this.audit.record(manager, {
        action: 'lrs-client.revoked',
        subjectType: 'lrs_client',
        subjectId: id,
        details: { name: client.name, key: client.key },
      });
      return { ...client, revokedAt: at };
    });
  }

  /** The client these Basic credentials belong to, or null (unknown, wrong secret, revoked). */
  async authenticate(key: string, secret: string): Promise<LrsClient | null> {
    const found = key.length <= 64 ? await this.clients.byKey(key) : null;
    if (!found) {
      await this.hasher.verify(null, secret); // as slow as a wrong secret
      return null;
    }
    const fingerprint = digest(`${secret}\u0000${found.secretHash}`);
    const known = this.verified.get(key);
    const accepted =
      (known !== undefined && timingSafeEqual(known, fingerprint)) ||
      (await this.hasher.verify(found.secretHash, secret));
    if (!accepted) return null;
    this.remember(key, fingerprint);
    return found.client.revokedAt === null ? found.client : null;
  }

  private remember(key: string, fingerprint: Buffer): void {
    this.verified.delete(key);
    this.verified.set(key, fingerprint);
    if (this.verified.size > VERIFIED_CAPACITY) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
  }

  private assertAdministrator(caller: Principal): void {
    if (!isPlatformAdmin(caller))
      throw new LearningRecordsError(
        'LRS_ADMIN_ONLY',
        'Only a platform administrator manages LRS clients',
      );
  }
}

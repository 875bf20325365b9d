import { AuditModule } from '@lifelong/audit';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { LaunchSessionsRef } from './launch/launch-sessions-ref.service';
import { LrsClientsRepository } from './clients/lrs-clients.repository';
import { LrsClients } from './clients/lrs-clients.service';
import { ActivitiesAndAgents } from './statements/activities-and-agents.service';
import { Statements } from './statements/statements.service';
import { LrsForwardsRepository } from './forwarding/lrs-forwards.repository';
import { LrsForwards } from './forwarding/lrs-forwards.service';
import { DocumentsRepository } from './documents/documents.repository';
import { Documents } from './documents/documents.service';
import { StatementsRepository } from './statements/statements.repository';
import { AttachmentsRepository } from './attachments/attachments.repository';

/** What the routes use. */
const SERVICES = [
  ActivitiesAndAgents,
  Documents,
  LaunchSessionsRef,
  LrsClients,
  LrsForwards,
  Statements,
];

/** The queries stay inside: other domains ask the services. */
const INTERNAL = [
  DocumentsRepository,
  LrsClientsRepository,
  LrsForwardsRepository,
  StatementsRepository,
  AttachmentsRepository,
];

/**
 * The xAPI Learning Record Store: LRS clients and statements. Needs AppConfig, the Clock and the
 * database; hashes client secrets with identity's PasswordHasher and audits with AuditLog.
 */
@Module({
  imports: [IdentityModule, AuditModule],
  providers: [...SERVICES, ...INTERNAL],
  exports: SERVICES,
})
export class LearningRecordsModule {}

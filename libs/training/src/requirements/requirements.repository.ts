import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { RequirementVersion } from './requirement-version.entity';
import { TrainingRequirement } from './training-requirement.entity';

/**
 * Requirements and their versions. Methods taking a manager run in the caller's transaction.
 */
@Injectable()
export class RequirementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, requirement: TrainingRequirement): Promise<void> {
    await manager.insert(TrainingRequirement, requirement);
  }

  /** Locks the requirement row (`FOR UPDATE`) for the rest of the transaction. */
  lockById(manager: EntityManager, id: string): Promise<TrainingRequirement | null> {
    return manager.findOne(TrainingRequirement, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async save(manager: EntityManager, requirement: TrainingRequirement): Promise<void> {
    await manager.save(TrainingRequirement, requirement);
  }

  findById(id: string, manager?: EntityManager): Promise<TrainingRequirement | null> {
    return (manager ?? this.dataSource.manager).findOneBy(TrainingRequirement, { id });
  }

  /** A version known to exist (the requirement's current one); throws otherwise. */
  getVersion(
    requirementId: string,
    version: number,
    manager?: EntityManager,
  ): Promise<RequirementVersion> {
    return (manager ?? this.dataSource.manager).findOneByOrFail(RequirementVersion, {
      requirementId,
      version,
    });
  }

  findVersion(requirementId: string, version: number): Promise<RequirementVersion | null> {
    return this.dataSource.manager.findOneBy(RequirementVersion, { requirementId, version });
  }

  async insertVersion(manager: EntityManager, version: RequirementVersion): Promise<void> {
    await manager.insert(RequirementVersion, version);
  }

  /** Every version of the requirement, oldest first. */
  versionsOf(requirementId: string): Promise<RequirementVersion[]> {
    return this.dataSource.manager.find(RequirementVersion, {
      where: { requirementId },
      order: { version: 'ASC' },
    });
  }

  /** Every version of these requirements. */
  versionsOfAll(requirementIds: readonly string[]): Promise<RequirementVersion[]> {
    return this.dataSource.manager.find(RequirementVersion, {
      where: { requirementId: In([...requirementIds]) },
    });
  }

  /** The names of these people (from identity's read model). */
  async namesOf(userIds: readonly string[]): Promise<Map<string, string>> {
    const people = await this.dataSource.query<{ id: string; fullName: string }[]>(
      'SELECT `id`, `full_name` AS fullName FROM `people_view` WHERE `id` IN (?)',
      [userIds],
    );
    return new Map(people.map((person) => [person.id, person.fullName]));
  }

  async allIds(): Promise<string[]> {
    const rows = await this.dataSource.manager.find(TrainingRequirement, { select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** The requirements targeting the unit (every one without it), oldest first. */
  list(orgUnitId?: string): Promise<TrainingRequirement[]> {
    return this.dataSource.manager.find(TrainingRequirement, {
      where: orgUnitId ? { orgUnitId } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}

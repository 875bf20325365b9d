import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Who people are, from the `people_view` identity publishes. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Full names of these people by id, in one primary-key read; unknown ids are absent. */
  async fullNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; fullName: string }[]>(
      'SELECT `id`, `full_name` AS fullName FROM `people_view` WHERE `id` IN (?)',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.fullName]));
  }
}

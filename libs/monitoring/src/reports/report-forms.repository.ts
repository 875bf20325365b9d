import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { IndicatorCode } from '../indicators/indicator-catalogue';
import type { FieldType, ReportField } from './report-fields';
import type { FormField } from './report-forms.service';

interface FieldRow {
  key: string;
  labelVi: string;
  labelEn: string;
  type: FieldType;
  help: string | null;
  required: number;
  min: string | null;
  max: string | null;
  choices: string | string[] | null;
  indicator: IndicatorCode | null;
  position: number;
  retiredAt: Date | null;
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));

const fromRow = (row: FieldRow): FormField => ({
  key: row.key,
  label: { vi: row.labelVi, en: row.labelEn },
  type: row.type,
  help: row.help,
  required: Boolean(row.required),
  min: toNumber(row.min),
  max: toNumber(row.max),
  choices:
    typeof row.choices === 'string' ? (JSON.parse(row.choices) as string[]) : (row.choices ?? null),
  indicator: row.indicator,
  position: Number(row.position),
  retired: row.retiredAt !== null,
});

/**
 * `monitoring_report_forms` and `monitoring_report_fields`. Methods taking a manager run in the
 * caller's transaction.
 */
@Injectable()
export class ReportFormsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The deadline of the year's form, or null when none was defined. */
  async deadline(year: number, manager?: EntityManager): Promise<Date | null> {
    const [form] = await (manager ?? this.dataSource.manager).query<{ deadline: Date }[]>(
      'SELECT `deadline` FROM `monitoring_report_forms` WHERE `year` = ?',
      [year],
    );
    return form ? new Date(form.deadline) : null;
  }

  /** The year's fields: current ones first, by position, then the retired ones. */
  async fields(year: number, manager?: EntityManager): Promise<FormField[]> {
    const rows = await (manager ?? this.dataSource.manager).query<FieldRow[]>(
      'SELECT `key`, `label_vi` AS labelVi, `label_en` AS labelEn, `type`, `help`, `required`, ' +
        '`min`, `max`, `choices`, `indicator`, `position`, `retired_at` AS retiredAt ' +
        'FROM `monitoring_report_fields` WHERE `year` = ? ORDER BY `retired_at` IS NOT NULL, `position`, `key`',
      [year],
    );
    return rows.map(fromRow);
  }

  /** Creates the year's form or moves its deadline. */
  async upsertForm(manager: EntityManager, year: number, deadline: Date, at: Date): Promise<void> {
    await manager.query(
      'INSERT INTO `monitoring_report_forms` (`year`, `deadline`, `created_at`, `updated_at`) ' +
        'VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE `deadline` = VALUES(`deadline`), `updated_at` = VALUES(`updated_at`)',
      [year, deadline, at, at],
    );
  }

  /** Locks the year's form (`FOR UPDATE`) for the rest of the transaction. */
  async lockForm(manager: EntityManager, year: number): Promise<void> {
    await manager.query(
      'SELECT `year` FROM `monitoring_report_forms` WHERE `year` = ? FOR UPDATE',
      [year],
    );
  }

  /** Writes a current field of the year's form at `position` (a retired one comes back). */
  async upsertField(
    manager: EntityManager,
    year: number,
    field: ReportField,
    position: number,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO `monitoring_report_fields` (`year`, `key`, `label_vi`, `label_en`, `type`, `help`, ' +
        '`required`, `min`, `max`, `choices`, `indicator`, `position`, `retired_at`) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON DUPLICATE KEY UPDATE ' +
        '`label_vi` = VALUES(`label_vi`), `label_en` = VALUES(`label_en`), `type` = VALUES(`type`), ' +
        '`help` = VALUES(`help`), `required` = VALUES(`required`), `min` = VALUES(`min`), ' +
        '`max` = VALUES(`max`), `choices` = VALUES(`choices`), `indicator` = VALUES(`indicator`), ' +
        '`position` = VALUES(`position`), `retired_at` = NULL',
      [
        year,
        field.key,
        field.label.vi,
        field.label.en,
        field.type,
        field.help,
        field.required ? 1 : 0,
        field.min,
        field.max,
        field.choices === null ? null : JSON.stringify(field.choices),
        field.indicator,
        position,
      ],
    );
  }

  /** Retires, at `at`, the current fields of the year's form not among `kept` (keys). */
  async retireFieldsExcept(
    manager: EntityManager,
    year: number,
    kept: readonly string[],
    at: Date,
  ): Promise<void> {
    await manager.query(
      'UPDATE `monitoring_report_fields` SET `retired_at` = ? WHERE `year` = ? AND `retired_at` IS NULL' +
        (kept.length > 0 ? ' AND `key` NOT IN (?)' : ''),
      kept.length > 0 ? [at, year, kept] : [at, year],
    );
  }
}

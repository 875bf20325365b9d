import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IndicatorCode } from '../indicators/indicator-catalogue';
import { MonitoringError } from '../monitoring-error';
import { checkFieldDefinitions, type FieldType, type ReportField } from './report-fields';

/** A form field as stored: its definition, its place, and whether it was retired. */
export interface FormField extends ReportField {
  position: number;
  retired: boolean;
}

/** A year's form: its deadline and its fields (retired ones last, marked). */
export interface ReportForm {
  year: number;
  deadline: Date;
  fields: FormField[];
}

/** What an administrator sends: the deadline and the current fields, in order. */
export interface FormDefinition {
  deadline: Date;
  fields: ReportField[];
}

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
 * The yearly report forms. Defining a year's form again replaces its current fields: a field
 * left out is retired (never deleted), so reports that answered it keep their answer and its
 * definition; a retired field named again comes back.
 */
@Injectable()
export class ReportForms {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The year's form; 404 REPORT_FORM_NOT_FOUND when none was defined. */
  async find(year: number, manager: EntityManager = this.dataSource.manager): Promise<ReportForm> {
    const [form] = await manager.query<{ deadline: Date }[]>(
      'SELECT `deadline` FROM `monitoring_report_forms` WHERE `year` = ?',
      [year],
    );
    if (!form)
      throw new MonitoringError('REPORT_FORM_NOT_FOUND', `No report form for ${year}`, { year });
    const rows = await manager.query<FieldRow[]>(
      'SELECT `key`, `label_vi` AS labelVi, `label_en` AS labelEn, `type`, `help`, `required`, ' +
        '`min`, `max`, `choices`, `indicator`, `position`, `retired_at` AS retiredAt ' +
        'FROM `monitoring_report_fields` WHERE `year` = ? ORDER BY `retired_at` IS NOT NULL, `position`, `key`',
      [year],
    );
    return { year, deadline: new Date(form.deadline), fields: rows.map(fromRow) };
  }

  /** The current (not retired) fields of the year's form. */
  async currentFields(year: number, manager?: EntityManager): Promise<FormField[]> {
    return (await this.find(year, manager)).fields.filter((field) => !field.retired);
  }

  /** Defines (or redefines) the year's form; returns it as stored. */
  async define(year: number, definition: FormDefinition): Promise<ReportForm> {
    checkFieldDefinitions(definition.fields);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO `monitoring_report_forms` (`year`, `deadline`, `created_at`, `updated_at`) ' +
          'VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE `deadline` = VALUES(`deadline`), `updated_at` = VALUES(`updated_at`)',
        [year, definition.deadline, now, now],
      );
      // Locks the form's fields so two redefinitions never interleave.
      await manager.query(
        'SELECT `year` FROM `monitoring_report_forms` WHERE `year` = ? FOR UPDATE',
        [year],
      );
      for (const [position, field] of definition.fields.entries())
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
      const kept = definition.fields.map((field) => field.key);
      await manager.query(
        'UPDATE `monitoring_report_fields` SET `retired_at` = ? WHERE `year` = ? AND `retired_at` IS NULL' +
          (kept.length > 0 ? ' AND `key` NOT IN (?)' : ''),
        kept.length > 0 ? [now, year, kept] : [now, year],
      );
    });
    return this.find(year);
  }
}

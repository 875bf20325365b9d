import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MonitoringError } from '../monitoring-error';
import { checkFieldDefinitions, type ReportField } from './report-fields';
import { ReportFormsRepository } from './report-forms.repository';

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

/**
 * The yearly report forms. Defining a year's form again replaces its current fields: a field
 * left out is retired (never deleted), so reports that answered it keep their answer and its
 * definition; a retired field named again comes back.
 */
@Injectable()
export class ReportForms {
  constructor(
    private readonly forms: ReportFormsRepository,
    private readonly clock: Clock,
  ) {}

  /** The year's form; 404 REPORT_FORM_NOT_FOUND when none was defined. */
  async find(year: number, manager?: EntityManager): Promise<ReportForm> {
    const deadline = await this.forms.deadline(year, manager);
    if (!deadline)
      throw new MonitoringError('REPORT_FORM_NOT_FOUND', `No report form for ${year}`, { year });
    return { year, deadline, fields: await this.forms.fields(year, manager) };
  }

  /** The current (not retired) fields of the year's form. */
  async currentFields(year: number, manager?: EntityManager): Promise<FormField[]> {
    return (await this.find(year, manager)).fields.filter((field) => !field.retired);
  }

  /** Defines (or redefines) the year's form; returns it as stored. */
  async define(year: number, definition: FormDefinition): Promise<ReportForm> {
    checkFieldDefinitions(definition.fields);
    const now = this.clock.now();
    await this.forms.transaction(async (manager) => {
      await this.forms.upsertForm(manager, year, definition.deadline, now);
      // Locks the form's fields so two redefinitions never interleave.
      await this.forms.lockForm(manager, year);
      for (const [position, field] of definition.fields.entries())
        await this.forms.upsertField(manager, year, field, position);
      const kept = definition.fields.map((field) => field.key);
      await this.forms.retireFieldsExcept(manager, year, kept, now);
    });
    return this.find(year);
  }
}

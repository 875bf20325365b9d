import { addMonths, AppConfig, Clock, newId } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import { isDuplicateKey, isMissingReference } from '@lifelong/database';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { FacilitiesService } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CertificateError } from '../certificate-error';
import { verificationUrl } from '../credential/open-badge';
import {
  type CertificatePrint,
  DEFAULT_TEMPLATE,
  renderCertificate,
  type TemplateText,
} from '../pdf/render-certificate';
import { TEMPLATE_ROLES } from '../policies';
import { CertificateTemplate } from './certificate-template.entity';
import { CertificateTemplatesRepository } from './certificate-templates.repository';
import { PLACEHOLDER_EXAMPLES, unknownPlaceholders } from './placeholders';
import { LOGO_MAX_BYTES, LOGO_MAX_SIDE, logoPrints, readLogo } from './template-logo';

/** A template's texts and logo as sent (base64; null removes the logo, absent keeps it). */
export interface TemplateInput {
  title: string;
  body: string;
  signerName: string;
  signerTitle: string;
  logoBase64?: string | null;
}

/** The texts of a template that may hold placeholders. */
const TEXT_FIELDS = ['title', 'body', 'signerName', 'signerTitle'] as const;

/** Where a new template applies: a whole facility, or one course. */
export type TemplateScope =
  { facilityId: string; courseId?: undefined } | { courseId: string; facilityId?: undefined };

/**
 * Certificate templates per facility or course. Every text is checked when saved (an unknown
 * placeholder is refused then, with its name) and a trial print of the logo proves the PDF
 * library reads it (text is made printable at render), so issuing never fails on a template. Issuing picks the course's template, else the facility's, else
 * {@link DEFAULT_TEMPLATE}.
 */
@Injectable()
export class CertificateTemplates {
  constructor(
    private readonly templates: CertificateTemplatesRepository,
    private readonly access: AccessPolicy,
    private readonly outline: CourseOutline,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly facilities: FacilitiesService,
  ) {}

  async create(
    principal: Principal,
    scope: TemplateScope,
    input: TemplateInput,
  ): Promise<CertificateTemplate> {
    const { facilityId, courseId } = await this.resolve(principal, scope);
    const template = Object.assign(new CertificateTemplate(), {
      id: newId(),
      facilityId,
      courseId,
      scopeId: courseId ?? facilityId,
      logo: null,
      logoType: null,
    });
    await this.apply(template, input);
    try {
      await this.templates.insert(template);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new CertificateError('TEMPLATE_EXISTS', 'This already has a certificate template', {
          existing: await this.idOfScope(template.scopeId),
        });
      if (isMissingReference(error))
        throw new CertificateError('TEMPLATE_SCOPE_INVALID', 'There is no such facility', {
          facilityId,
        });
      throw error;
    }
    return this.get(principal, template.id);
  }

  async update(
    principal: Principal,
    id: string,
    input: TemplateInput,
  ): Promise<CertificateTemplate> {
    const template = await this.get(principal, id);
    await this.apply(template, input);
    await this.templates.save(template);
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string): Promise<CertificateTemplate> {
    const template = await this.templates.findById(id);
    if (!template || !(await this.manages(principal, template.facilityId)))
      throw new CertificateError('TEMPLATE_NOT_FOUND', 'There is no such certificate template', {
        id,
      });
    return template;
  }

  /**
   * A trial print: the PDF a certificate of `scope` would get with these texts and logo, filled
   * with an example learner (the facility's and course's own names where there are some) and an
   * example serial that verifies nothing. The same checks as a save and the same renderer as
   * issuing; nothing is stored. An absent logo is the saved template's of that scope, if any.
   */
  async preview(principal: Principal, scope: TemplateScope, input: TemplateInput): Promise<Buffer> {
    const { facilityId, courseId } = await this.resolve(principal, scope);
    const saved = await this.templates.findByScope(courseId ?? facilityId);
    const template = Object.assign(new CertificateTemplate(), {
      logo: saved?.logo ?? null,
      logoType: saved?.logoType ?? null,
    });
    await this.apply(template, input);
    const [facility, course] = await Promise.all([
      this.facilities.find(facilityId),
      courseId === null ? null : this.outline.course(courseId),
    ]);
    if (!facility)
      throw new CertificateError('TEMPLATE_SCOPE_INVALID', 'There is no such facility', {
        facilityId,
      });
    const issuedAt = this.clock.now();
    const validity = course ? course.validityMonths : 24;
    const example = PLACEHOLDER_EXAMPLES;
    const print: CertificatePrint = {
      holderName: example.holderName,
      courseTitle: course?.title ?? example.courseTitle,
      facilityName: facility.name,
      hours: course ? course.hours : Number(example.hours),
      issuedAt,
      expiresAt: validity ? addMonths(issuedAt, validity) : null,
      serial: example.serial,
      verifyUrl: verificationUrl(this.config.http.publicUrl, example.serial),
    };
    return renderCertificate(template, print);
  }

  /** A facility's templates (its own and its courses'). */
  async list(principal: Principal, facilityId: string): Promise<CertificateTemplate[]> {
    await this.assertManages(principal, facilityId);
    return this.templates.listOfFacility(facilityId);
  }

  /** The template a certificate of `courseId` prints with, and its id (null: the default). */
  async forCourse(
    courseId: string,
    facilityId: string,
    manager?: EntityManager,
  ): Promise<{ id: string | null; text: TemplateText }> {
    const found = await this.templates.ofScopes([courseId, facilityId], manager);
    const template =
      found.find((row) => row.scopeId === courseId) ??
      found.find((row) => row.scopeId === facilityId);
    return template ? { id: template.id, text: template } : { id: null, text: DEFAULT_TEMPLATE };
  }

  /** The template a certificate was printed with (the default when it is gone or was none). */
  async byId(id: string | null): Promise<TemplateText> {
    if (id === null) return DEFAULT_TEMPLATE;
    return (await this.templates.findById(id)) ?? DEFAULT_TEMPLATE;
  }

  private async apply(template: CertificateTemplate, input: TemplateInput): Promise<void> {
    // Each field with the unknown names it holds, so a form can point at the field.
    const fields: Record<string, string[]> = {};
    for (const field of TEXT_FIELDS) {
      const names = unknownPlaceholders(input[field]);
      if (names.length) fields[field] = names;
    }
    const unknown = [...new Set(Object.values(fields).flat())];
    if (unknown.length)
      throw new CertificateError(
        'TEMPLATE_PLACEHOLDER_UNKNOWN',
        `Unknown placeholder(s): ${unknown.map((name) => `{{${name}}}`).join(', ')}`,
        { unknown, fields },
      );
    Object.assign(template, {
      title: input.title,
      body: input.body,
      signerName: input.signerName,
      signerTitle: input.signerTitle,
    });
    if (input.logoBase64 === null) Object.assign(template, { logo: null, logoType: null });
    else if (input.logoBase64 !== undefined) {
      const logo = Buffer.from(input.logoBase64, 'base64');
      const image = readLogo(logo);
      if (logo.length > LOGO_MAX_BYTES || image === null)
        throw new CertificateError(
          'LOGO_INVALID',
          `The logo must be a PNG or JPEG image of at most ${LOGO_MAX_BYTES / 1024} KiB`,
        );
      // Checked from the header, before the trial print below decodes anything.
      const { width, height } = image;
      if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE)
        throw new CertificateError(
          'LOGO_INVALID',
          `The logo is ${width}×${height} pixels; at most ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE} are accepted. Make it smaller and upload it again.`,
          { width, height, maxSide: LOGO_MAX_SIDE },
        );
      Object.assign(template, { logo, logoType: image.type });
    }
    // A trial print of the logo (off this thread): one the PDF library cannot read is refused
    // now, not at issue.
    if (template.logo && !(await logoPrints(template.logo)))
      throw new CertificateError('LOGO_INVALID', 'The logo image could not be read');
  }

  /** The facility (and course) a scope names, once the caller is known to manage it. */
  private async resolve(
    principal: Principal,
    scope: TemplateScope,
  ): Promise<{ facilityId: string; courseId: string | null }> {
    let facilityId: string;
    let courseId: string | null = null;
    if (scope.courseId !== undefined) {
      const course = await this.outline.course(scope.courseId);
      if (!course)
        throw new CertificateError('TEMPLATE_SCOPE_INVALID', 'There is no such course', {
          courseId: scope.courseId,
        });
      facilityId = course.facilityId;
      courseId = course.courseId;
    } else facilityId = scope.facilityId;
    await this.assertManages(principal, facilityId);
    return { facilityId, courseId };
  }

  private async idOfScope(scopeId: string): Promise<string | undefined> {
    return (await this.templates.findByScope(scopeId))?.id;
  }

  private manages(principal: Principal, facilityId: string): Promise<boolean> {
    return this.access.covers(principal, TEMPLATE_ROLES, {
      scopeType: 'facility',
      scopeId: facilityId,
    });
  }

  private async assertManages(principal: Principal, facilityId: string): Promise<void> {
    await this.access.assertCovers(principal, TEMPLATE_ROLES, {
      scopeType: 'facility',
      scopeId: facilityId,
    });
  }
}

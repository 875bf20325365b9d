import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CertificateError } from '../certificate-error';
import { TEMPLATE_ROLES } from '../policies';
import {
  CertificateTemplates,
  type TemplateScope,
} from '../templates/certificate-templates.service';
import {
  NewTemplateDto,
  PlaceholderDto,
  TemplateDto,
  TemplateFieldsDto,
  TemplateListQuery,
} from './certificate.dto';

/** Certificate templates of a facility or of one course (facility admins of it, or admins). */
@ApiTags('certificates')
@Controller('api/v1/certificate-templates')
@RequireRoles(...TEMPLATE_ROLES)
export class CertificateTemplatesController {
  constructor(private readonly templates: CertificateTemplates) {}

  @Post()
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiConflictResponse({ description: 'TEMPLATE_EXISTS (edit it with PUT)' })
  @ApiUnprocessableEntityResponse({ description: 'TEMPLATE_PLACEHOLDER_UNKNOWN, LOGO_INVALID' })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: NewTemplateDto,
  ): Promise<TemplateDto> {
    const { scope, fields } = scoped(body);
    return TemplateDto.from(await this.templates.create(principal, scope, fields));
  }

  /** The placeholders a text may use, in the order a picker offers them. */
  @Get('placeholders')
  @ApiOkResponse({ type: [PlaceholderDto] })
  placeholders(): PlaceholderDto[] {
    return PlaceholderDto.all();
  }

  /**
   * A trial print of a template not yet saved: the PDF a certificate of that facility or course
   * would get, with an example learner and serial. Nothing is stored and no serial is taken.
   */
  @Post('preview')
  @HttpCode(200)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF (A4 landscape), as a certificate prints' })
  @ApiUnprocessableEntityResponse({ description: 'TEMPLATE_PLACEHOLDER_UNKNOWN, LOGO_INVALID' })
  async preview(
    @CurrentUser() principal: Principal,
    @Body() body: NewTemplateDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { scope, fields } = scoped(body);
    const pdf = await this.templates.preview(principal, scope, fields);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="certificate-preview.pdf"')
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }

  @Get()
  @ApiOkResponse({ type: [TemplateDto] })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: TemplateListQuery,
  ): Promise<TemplateDto[]> {
    return (await this.templates.list(principal, query.facilityId)).map((t) => TemplateDto.from(t));
  }

  @Get(':id')
  @ApiOkResponse({ type: TemplateDto })
  async get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<TemplateDto> {
    return TemplateDto.from(await this.templates.get(principal, id));
  }

  @Put(':id')
  @ApiOkResponse({ type: TemplateDto })
  @ApiUnprocessableEntityResponse({ description: 'TEMPLATE_PLACEHOLDER_UNKNOWN, LOGO_INVALID' })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: TemplateFieldsDto,
  ): Promise<TemplateDto> {
    return TemplateDto.from(await this.templates.update(principal, id, body));
  }
}

/** The facility or course a body names (exactly one), and its texts. */
function scoped(body: NewTemplateDto): { scope: TemplateScope; fields: TemplateFieldsDto } {
  const { facilityId, courseId, ...fields } = body;
  if ((facilityId === undefined) === (courseId === undefined))
    throw new CertificateError('TEMPLATE_SCOPE_INVALID', 'Give either facilityId or courseId');
  const scope = (courseId !== undefined ? { courseId } : { facilityId }) as TemplateScope;
  return { scope, fields };
}

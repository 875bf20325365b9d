import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CertificateError } from '../certificate-error';
import { TEMPLATE_ROLES } from '../policies';
import {
  CertificateTemplates,
  type TemplateScope,
} from '../templates/certificate-templates.service';
import {
  NewTemplateDto,
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
    const { facilityId, courseId, ...fields } = body;
    if ((facilityId === undefined) === (courseId === undefined))
      throw new CertificateError('TEMPLATE_SCOPE_INVALID', 'Give either facilityId or courseId');
    const scope = (courseId !== undefined ? { courseId } : { facilityId }) as TemplateScope;
    return TemplateDto.from(await this.templates.create(principal, scope, fields));
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

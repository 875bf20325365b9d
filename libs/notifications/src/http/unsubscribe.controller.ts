import { AcceptsFormBody } from '@lifelong/common';
import { Public } from '@lifelong/identity';
import { Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnsubscribeService } from '../preferences/unsubscribe.service';
import { UnsubscribedDto, UnsubscribeQueryDto } from './notifications.dto';
import { unsubscribePage } from './unsubscribe-page';

const wantsHtml = (request: FastifyRequest): boolean =>
  (request.headers.accept ?? '').includes('text/html');

@ApiTags('notifications')
@Controller('api/v1/notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  /** The unsubscribe link's page: asks to confirm (opening a link changes nothing). */
  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'A page with one button that posts the one-click request' })
  @ApiBadRequestResponse({ description: 'UNSUBSCRIBE_TOKEN_INVALID' })
  async page(@Query() query: UnsubscribeQueryDto): Promise<string> {
    const { language } = await this.unsubscribes.check(query.token);
    return unsubscribePage(language, query.token, false);
  }

  /**
   * One-click unsubscribe (RFC 8058: mail programs post `List-Unsubscribe=One-Click`, form
   * encoded): every notification email off. Answers HTML to a browser, JSON otherwise.
   */
  @Post()
  @Public()
  @HttpCode(200)
  @AcceptsFormBody()
  @ApiOkResponse({ type: UnsubscribedDto })
  @ApiBadRequestResponse({ description: 'UNSUBSCRIBE_TOKEN_INVALID' })
  async unsubscribe(
    @Query() query: UnsubscribeQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribedDto | string> {
    const { language } = await this.unsubscribes.unsubscribe(query.token);
    if (!wantsHtml(request)) return { email: false };
    void reply.header('content-type', 'text/html; charset=utf-8');
    return unsubscribePage(language, query.token, true);
  }
}

import { AppConfig, forbidden } from '@lifelong/common';
import { CurrentUser, isPlatformAdmin, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board-access';

@ApiTags('operations')
@Controller('api/v1/admin/queues')
export class QueueBoardSessionController {
  constructor(private readonly config: AppConfig) {}

  /**
   * Lets a browser open Bull Board: it cannot send a Bearer header when navigating, so the
   * caller's access token is put in an httpOnly, SameSite=Strict cookie sent only to the board.
   */
  @Post('session')
  @HttpCode(204)
  @RequireRoles('admin')
  @ApiNoContentResponse({ description: `Sets the cookie that opens ${QUEUE_BOARD_PATH}` })
  @ApiForbiddenResponse({ description: 'Only an administrator without a scope' })
  openSession(
    @CurrentUser() principal: Principal,
    @Headers('authorization') authorization: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): void {
    if (!isPlatformAdmin(principal)) throw forbidden('Only administrators may see the queues');
    const token = authorization.replace(/^Bearer\s+/i, '');
    void reply.setCookie(QUEUE_BOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: QUEUE_BOARD_PATH,
      secure: this.config.http.publicUrl.startsWith('https:'),
      maxAge: this.config.auth.accessTokenTtlSeconds,
    });
  }
}

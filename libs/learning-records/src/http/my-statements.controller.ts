import { PageQuery } from '@lifelong/common';
import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Statements } from '../statements/statements.service';
import { MyStatementPageDto, MyStatementsDownloadDto } from './my-statements.dto';

/**
 * A learner's own xAPI statements: those whose actor is their account on this platform (the
 * platform's statements of their learning, and any a client stored naming that account).
 */
@ApiTags('learning-records')
@Controller('api/v1/me/xapi-statements')
export class MyStatementsController {
  constructor(private readonly statements: Statements) {}

  /** Newest first. */
  @Get()
  @Authenticated()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: MyStatementPageDto })
  page(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<MyStatementPageDto> {
    return this.statements.ofLearner(principal.userId, query);
  }

  /** All of them as one JSON file, oldest first. */
  @Get('download')
  @Authenticated()
  @Header('cache-control', 'no-store')
  @Header('content-disposition', 'attachment; filename="xapi-statements.json"')
  @ApiOkResponse({ type: MyStatementsDownloadDto, description: 'A JSON file (attachment)' })
  async download(@CurrentUser() principal: Principal): Promise<MyStatementsDownloadDto> {
    return { statements: await this.statements.allOfLearner(principal.userId) };
  }
}

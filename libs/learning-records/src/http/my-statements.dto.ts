import { ApiProperty } from '@nestjs/swagger';

const STATEMENT = {
  type: 'object',
  additionalProperties: true,
  description: 'An xAPI 2.0 statement as stored (id, actor, verb, object, result, context, …)',
} as const;

/** A page of the caller's own statements, newest first. */
export class MyStatementPageDto {
  @ApiProperty({ type: 'array', items: STATEMENT }) items!: Record<string, unknown>[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The caller's download: every statement about them, oldest first (an xAPI StatementResult). */
export class MyStatementsDownloadDto {
  @ApiProperty({ type: 'array', items: STATEMENT }) statements!: Record<string, unknown>[];
}

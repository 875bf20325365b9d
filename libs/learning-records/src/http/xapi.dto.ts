import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Query parameters of the Statement Resource. Only their presence and type are checked here:
// the xAPI rules (IRIs, UUIDs, Agents as JSON) are the service's, which answers 400 naming the
// parameter. Any parameter not listed is refused (400), as xAPI asks.

const Text = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsString(), MaxLength(8_192));

export class PutStatementQuery {
  @ApiProperty({ description: 'The id of the statement sent (a UUID)' })
  @IsString()
  @MaxLength(64)
  statementId!: string;
}

export class GetStatementsQuery {
  @Text('One statement by id (not voided)') statementId?: string;
  @Text('One voided statement by id') voidedStatementId?: string;
  @Text('An Agent or identified Group as JSON: the actor or object') agent?: string;
  @Text('A verb IRI') verb?: string;
  @Text('An activity IRI: the object') activity?: string;
  @Text('A registration (UUID)') registration?: string;
  @Text('true: match the activity anywhere (context, SubStatement)') related_activities?: string;
  @Text('true: match the agent anywhere (authority, instructor, team, context agents, …)')
  related_agents?: string;
  @Text('Stored after this time (ISO 8601)') since?: string;
  @Text('Stored at or before this time (ISO 8601)') until?: string;
  @Text('Most statements in the page (0: the most this store gives, 500)') limit?: string;
  @Text('exact (default), ids or canonical') format?: string;
  @Text('true: multipart/mixed, with the attachments’ contents') attachments?: string;
  @Text('true: oldest first') ascending?: string;
  @Text('The cursor of the previous page’s `more`, sent alone') more?: string;
}

export class AboutDto {
  @ApiProperty({ type: [String], example: ['2.0.0'] }) version!: string[];
  @ApiProperty({ type: Object }) extensions!: Record<string, unknown>;
}

export class StatementResultDto {
  @ApiProperty({ type: [Object] }) statements!: Record<string, unknown>[];
  @ApiProperty({ description: 'The next page (a relative URL), or "" on the last page' })
  more!: string;
}

export class ActivityQuery {
  @Text('The activity (IRI)') activityId?: string;
}

export class AgentQuery {
  @Text('An Agent as JSON') agent?: string;
}

export class StateQuery {
  @Text('The activity (IRI)') activityId?: string;
  @Text('An Agent or identified Group as JSON') agent?: string;
  @Text('A registration (UUID)') registration?: string;
  @Text('The document; without it GET lists ids and DELETE removes every state of the scope')
  stateId?: string;
  @Text('GET without stateId: ids of documents updated after this time') since?: string;
}

export class ActivityProfileQuery {
  @Text('The activity (IRI)') activityId?: string;
  @Text('The document; without it GET lists ids') profileId?: string;
  @Text('GET without profileId: ids of documents updated after this time') since?: string;
}

export class AgentProfileQuery {
  @Text('An Agent or identified Group as JSON') agent?: string;
  @Text('The document; without it GET lists ids') profileId?: string;
  @Text('GET without profileId: ids of documents updated after this time') since?: string;
}

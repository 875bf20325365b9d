import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { type LrsClient, LRS_SCOPES, type LrsScope, scopesOf } from '../clients/lrs-client';
import type { IssuedClient } from '../clients/lrs-clients.service';

export class IssueLrsClientBody {
  @ApiProperty({ description: 'Who the credentials are for (a content vendor, an app)' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: LRS_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LRS_SCOPES.length)
  @IsIn(LRS_SCOPES, { each: true })
  scopes!: LrsScope[];
}

export class LrsClientDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The Basic user name of the client' }) key!: string;
  @ApiProperty({ enum: LRS_SCOPES, isArray: true }) scopes!: LrsScope[];
  @ApiProperty({ nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;

  static from(client: LrsClient): LrsClientDto {
    return {
      id: client.id,
      name: client.name,
      key: client.key,
      scopes: scopesOf(client),
      createdBy: client.createdBy,
      createdAt: client.createdAt.toISOString(),
      revokedAt: client.revokedAt?.toISOString() ?? null,
    };
  }
}

export class IssuedLrsClientDto extends LrsClientDto {
  @ApiProperty({ description: 'The Basic password: shown this once, only its hash is kept' })
  secret!: string;

  static fromIssued(issued: IssuedClient): IssuedLrsClientDto {
    return { ...LrsClientDto.from(issued.client), secret: issued.secret };
  }
}

export class LrsClientPageDto {
  @ApiProperty({ type: [LrsClientDto] }) items!: LrsClientDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

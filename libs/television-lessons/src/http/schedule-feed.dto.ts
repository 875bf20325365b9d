import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class FeedUrlDto {
  @ApiProperty({ example: 'http://localhost:3000/api/v1/me/schedule.ics?token=…' }) url!: string;
}

export class FeedQueryDto {
  @ApiProperty() @IsString() @MaxLength(100) token!: string;
}

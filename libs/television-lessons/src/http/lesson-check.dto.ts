import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

export class CheckQuizDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A quiz lesson of the same course, or null',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  quizLessonId!: string | null;
}

export class CheckQuizResultDto {
  @ApiProperty() lessonId!: string;
  @ApiProperty({ type: String, nullable: true }) quizLessonId!: string | null;
}

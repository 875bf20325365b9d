import { PageQuery } from '@lifelong/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollments/enrollment.rules';
import {
  type CourseLearnerView,
  LEARNER_CERTIFICATE_STATUSES,
  type LearnerCertificateStatus,
} from '../learners/course-learners.service';

/** The filters of the learners list and its CSV. */
export class LearnerFilterQuery {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words of the name or email; diacritics, case and đ/d do not matter',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class LearnersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words of the name or email; diacritics, case and đ/d do not matter',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class LearnerCertificateDto {
  @ApiProperty() serial!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ enum: LEARNER_CERTIFICATE_STATUSES }) status!: LearnerCertificateStatus;
}

/** A learner of the course, as its staff see them. */
export class CourseLearnerDto {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: EnrollmentStatus;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Completed required lessons, percent' })
  progressPercent!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When they enrolled (or last joined the waitlist)',
  })
  enrolledAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Place in the waitlist, 1 being promoted next; null unless waitlisted',
  })
  waitlistPosition!: number | null;
  @ApiProperty({ type: LearnerCertificateDto, nullable: true })
  certificate!: LearnerCertificateDto | null;

  static from(view: CourseLearnerView): CourseLearnerDto {
    return { ...view, certificate: view.certificate && { ...view.certificate } };
  }
}

export class CourseLearnerPageDto {
  @ApiProperty({ type: [CourseLearnerDto] }) items!: CourseLearnerDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBase64,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../certificates/certificate-status';
import type { CertificateView } from '../reads/certificate-reads.service';
import { displaySerial } from '../serial/serial';
import type { CertificateTemplate } from '../templates/certificate-template.entity';
import { PLACEHOLDER_EXAMPLES, PLACEHOLDERS, type Placeholder } from '../templates/placeholders';

export class MyCertificateDto {
  @ApiProperty({ example: '7KQ4-M2XD-9FHT-B3' }) serial!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: CertificateStatus;
  @ApiProperty({ description: 'Whether anyone may fetch the Open Badges credential' })
  shared!: boolean;

  static from({ certificate, status }: CertificateView): MyCertificateDto {
    const { courseId, courseTitle, issuedAt, expiresAt } = certificate;
    return {
      serial: displaySerial(certificate.serial),
      courseId,
      courseTitle,
      issuedAt,
      expiresAt,
      status,
      shared: certificate.sharedAt !== null,
    };
  }
}

export class ShareCertificateDto {
  @ApiProperty({ description: 'true: anyone with the serial may fetch the credential' })
  @IsBoolean()
  shared!: boolean;
}

export class MyCertificatePageDto {
  @ApiProperty({ type: [MyCertificateDto] }) items!: MyCertificateDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class VerificationDto {
  @ApiProperty({ example: '7KQ4-M2XD-9FHT-B3' }) serial!: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status!: CertificateStatus;
  @ApiProperty() holderName!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() facilityName!: string;
  @ApiProperty({ type: Number, nullable: true }) hours!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason!: string | null;

  static from({ certificate, revocation, status }: CertificateView): VerificationDto {
    const { holderName, courseTitle, facilityName, hours, issuedAt, expiresAt } = certificate;
    return {
      serial: displaySerial(certificate.serial),
      status,
      holderName,
      courseTitle,
      facilityName,
      hours,
      issuedAt,
      expiresAt,
      revokedAt: revocation?.revokedAt ?? null,
      revocationReason: revocation?.reason ?? null,
    };
  }
}

export class RevokeCertificateDto {
  @ApiProperty({ minLength: 3, maxLength: 500, description: 'Why, for the audit and verifiers' })
  @IsString()
  @Length(3, 500)
  @Matches(/\S.*\S/s, { message: 'reason must say why' })
  reason!: string;
}

export class CredentialDto {
  @ApiProperty({
    description:
      'The OpenBadgeCredential (VC Data Model 2.0), as signed: the payload of `compactJwsString`',
  })
  credential!: Record<string, unknown>;

  @ApiProperty({
    description:
      'The VC-JWT (EdDSA, `kid` in its header): verify it with the key of that id in /.well-known/lifelong/issuer.json',
  })
  compactJwsString!: string;
}

export class PublishedKeyDto {
  @ApiProperty() kid!: string;
  @ApiProperty({ enum: ['OKP'] }) kty!: string;
  @ApiProperty({ enum: ['Ed25519'] }) crv!: string;
  @ApiProperty() x!: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg!: string;
  @ApiProperty({ enum: ['sig'] }) use!: string;
}

export class IssuerDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [String] }) type!: string[];
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [PublishedKeyDto], description: 'A JWK Set: the current key first' })
  keys!: PublishedKeyDto[];
}

const PLACEHOLDER_HELP = `Placeholders: ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ')}`;

export class TemplateFieldsDto {
  @ApiProperty({ maxLength: 200, description: PLACEHOLDER_HELP })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ maxLength: 2000, description: PLACEHOLDER_HELP })
  @IsString()
  @Length(1, 2000)
  body!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  signerName!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  signerTitle!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A PNG or JPEG logo of at most 256 KiB, base64; null removes it, absent keeps it',
  })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsBase64()
  @MaxLength(360_000)
  logoBase64?: string | null;
}

export class NewTemplateDto extends TemplateFieldsDto {
  @ApiPropertyOptional({ description: 'A facility-wide template (exclusive with courseId)' })
  @ValidateIf((object: NewTemplateDto) => object.courseId === undefined)
  @IsUUID()
  facilityId?: string;

  @ApiPropertyOptional({ description: "One course's template (exclusive with facilityId)" })
  @ValidateIf((object: NewTemplateDto) => object.facilityId === undefined)
  @IsUUID()
  courseId?: string;
}

/** One placeholder a template may use, and what a trial print fills in for it. */
export class PlaceholderDto {
  @ApiProperty({ enum: PLACEHOLDERS, description: 'Written `{{name}}` in a text' })
  name!: Placeholder;
  @ApiProperty({ description: 'What a trial print shows for it', example: 'Nguyễn Văn An' })
  example!: string;

  static all(): PlaceholderDto[] {
    return PLACEHOLDERS.map((name) => ({ name, example: PLACEHOLDER_EXAMPLES[name] }));
  }
}

export class TemplateListQuery {
  @ApiProperty()
  @IsUUID()
  facilityId!: string;
}

export class TemplateDto {
  @ApiProperty() id!: string;
  @ApiProperty() facilityId!: string;
  @ApiProperty({ type: String, nullable: true }) courseId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty() signerTitle!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['image/png', 'image/jpeg'] })
  logoType!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;

  static from(template: CertificateTemplate): TemplateDto {
    const { id, facilityId, courseId, title, body, signerName, signerTitle, logoType, updatedAt } =
      template;
    return { id, facilityId, courseId, title, body, signerName, signerTitle, logoType, updatedAt };
  }
}

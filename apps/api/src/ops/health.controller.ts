import { DomainError } from '@lifelong/common';
import { Public } from '@lifelong/identity';
import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Readiness } from './readiness.service';

export class LivenessResponse {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';
}

export class ReadinessChecks {
  @ApiProperty({ example: 'ok' })
  database!: string;

  @ApiProperty({ example: 'ok' })
  redis!: string;

  @ApiProperty({ example: 'ok', description: '"ok", or how many migrations are pending' })
  migrations!: string;
}

export class ReadinessResponse {
  @ApiProperty({ example: 'ready' })
  status!: 'ready';

  @ApiProperty({ type: ReadinessChecks })
  checks!: ReadinessChecks;
}

/** Thrown by /health/ready: maps to 503 with each check's status in `details.checks`. */
class NotReadyError extends DomainError<'NOT_READY'> {}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: LivenessResponse, description: 'The process runs' })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ description: 'Names what is not ready in details.checks' })
  async ready(): Promise<ReadinessResponse> {
    const { ready, checks } = await this.readiness.check();
    if (!ready) {
      const down = Object.entries(checks)
        .filter(([, status]) => status !== 'ok')
        .map(([name]) => name);
      throw new NotReadyError('NOT_READY', `Not ready: ${down.join(', ')}`, 'unavailable', {
        checks,
      });
    }
    return { status: 'ready', checks };
  }
}

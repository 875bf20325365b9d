import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { launchClient, type LrsClient } from '../clients/lrs-client';
import { LAUNCH_KEY_PREFIX } from '../launch/launch-sessions';
import { LaunchSessionsRef } from '../launch/launch-sessions-ref.service';
import { LrsClients } from '../clients/lrs-clients.service';
import { LearningRecordsError } from '../learning-records-error';
import { XAPI_VERSION } from '../statements/statements.service';

/** The versions a request may name in `X-Experience-API-Version`. */
const REQUEST_VERSION = /^2\.0(\.\d+)?$/;
/**
 * cmi5 is defined on xAPI 1.0.3, and its content (`@xapi/cmi5` among others) names that
 * version: a request with launch credentials may, whose statements 2.0 stores unchanged.
 */
const LAUNCH_VERSION = /^1\.0(\.\d+)?$/;

export type XapiRequest = FastifyRequest & { lrsClient?: LrsClient };

/** `key:secret` of a Basic `Authorization` header, or null when there is none or it is malformed. */
export function basicCredentials(
  header: string | undefined,
): { key: string; secret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]{1,1024})$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const unsupported = (): LearningRecordsError =>
  new LearningRecordsError('XAPI_VERSION_UNSUPPORTED', `This store speaks xAPI ${XAPI_VERSION}`, {
    supported: [XAPI_VERSION],
  });

/**
 * The xAPI resources' own check, attached with their auth decision: the request must name a
 * 2.0 version in `X-Experience-API-Version` (400 otherwise) and carry the
 * Basic credentials of a client that is not revoked (401 otherwise).
 */
@Injectable()
export class LrsClientGuard implements CanActivate {
  constructor(
    private readonly clients: LrsClients,
    private readonly launches: LaunchSessionsRef,
  ) {}

  private async launchClient(key: string, secret: string): Promise<LrsClient | null> {
    const grant = await this.launches.bound()?.authenticate(key, secret);
    return grant ? launchClient(grant) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<XapiRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const version = request.headers['x-experience-api-version'];
    if (version === undefined)
      throw new LearningRecordsError(
        'XAPI_VERSION_MISSING',
        'The X-Experience-API-Version header is required',
      );
    const named = typeof version === 'string' ? version.trim() : '';
    const launchVersion = LAUNCH_VERSION.test(named);
    if (!REQUEST_VERSION.test(named) && !launchVersion) throw unsupported();
    const credentials = basicCredentials(request.headers.authorization);
    if (!credentials) {
      if (launchVersion) throw unsupported();
      void reply.header('www-authenticate', 'Basic realm="xapi"');
      throw new LearningRecordsError(
        'XAPI_CREDENTIALS_MISSING',
        'Send the Basic credentials of an LRS client',
      );
    }
    const launch = credentials.key.startsWith(LAUNCH_KEY_PREFIX);
    // An issued client speaks 2.0 only (the conformance suite checks that 1.0.3 is refused).
    if (launchVersion && !launch) throw unsupported();
    const client = launch
      ? await this.launchClient(credentials.key, credentials.secret)
      : await this.clients.authenticate(credentials.key, credentials.secret);
    if (!client) {
      void reply.header('www-authenticate', 'Basic realm="xapi"');
      throw new LearningRecordsError(
        'XAPI_CREDENTIALS_INVALID',
        'These LRS client credentials are not valid',
      );
    }
    request.lrsClient = client;
    return true;
  }
}

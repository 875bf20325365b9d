import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { registerChild } from './child-registry';

/** Someone who can sign in at the test provider; `id` is their subject and login name. */
export interface ProviderAccount {
  id: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** How the provider's next ID tokens are spoiled (see the child's TAMPER). */
export type IdTokenTamper = 'wrong-nonce' | 'expired' | 'wrong-issuer' | 'alg-none' | 'foreign-key';

export interface OidcTestProviderOptions {
  clientId: string;
  clientSecret: string;
  /** The api's callback URL(s) registered for the client. */
  redirectUris: string[];
  /** The issuer's host name; `localhost` makes it another site than an api on 127.0.0.1. */
  issuerHost?: string;
}

type Reply = { requestId?: number; ok?: boolean; error?: string; type?: string; issuer?: string };

/**
 * A real OpenID Connect provider (oidc-provider) in a child process on a loopback port, for
 * tests: accounts to sign in as, key rotation, and spoiled ID tokens on demand.
 */
export class OidcTestProvider {
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcess,
    /** `http://<host>:<port>`, what OIDC_PROVIDERS names as the issuer. */
    readonly issuer: string,
  ) {}

  static async start(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
    const script = join(__dirname, 'child', 'oidc-provider-process.mjs');
    const child = fork(script, [], {
      env: {
        PATH: process.env.PATH ?? '',
        CLIENT_ID: options.clientId,
        CLIENT_SECRET: options.clientSecret,
        REDIRECT_URIS: options.redirectUris.join(','),
        ISSUER_HOST: options.issuerHost ?? '127.0.0.1',
      },
      // oidc-provider warns about Node 20 on stderr; the tests do not need its chatter.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    registerChild(child, script);
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      child.on('message', (message: Reply) => {
        if (message.type === 'ready' && message.issuer) resolve(message.issuer);
      });
      child.once('exit', (code) => reject(new Error(`oidc provider exited ${code}: ${errors}`)));
    });
    return new OidcTestProvider(child, issuer);
  }

  /** Makes (or changes) someone who can sign in here. */
  async addAccount(account: ProviderAccount): Promise<void> {
    await this.send({ type: 'account', ...account });
  }

  /** Signs with a brand-new key from now on and publishes only that one. */
  async rotateKeys(): Promise<void> {
    await this.send({ type: 'rotate-keys' });
  }

  /** Spoils every ID token from now on in this way; null: honest tokens again. */
  async tamper(mode: IdTokenTamper | null): Promise<void> {
    await this.send({ type: 'tamper', mode });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private send(message: Record<string, unknown>): Promise<Reply> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.requestId !== requestId) return;
        this.child.off('message', onMessage);
        if (reply.ok) resolve(reply);
        else reject(new Error(reply.error));
      };
      this.child.on('message', onMessage);
      this.child.send({ ...message, requestId });
    });
  }
}

import { testEnvironment } from '../../../../test/setup/test-env';
import { ConfigError, validateEnvironment } from './app-config';
import { buildConfig } from './config';

const provider = {
  id: 'vneid',
  issuer: 'https://sso.example.gov.vn',
  clientId: 'lifelong',
  clientSecret: 'a-client-secret-nobody-should-see',
  name: 'VNeID',
};

function problemsOf(raw: string): string[] {
  try {
    buildConfig(validateEnvironment({ ...testEnvironment(), OIDC_PROVIDERS: raw }));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.OIDC_PROVIDERS ?? [];
    throw error;
  }
}

const configured = (raw: string) =>
  buildConfig(validateEnvironment({ ...testEnvironment(), OIDC_PROVIDERS: raw })).auth
    .oidcProviders;

describe('OIDC_PROVIDERS', () => {
  it('is empty when unset or blank: no single sign-on', () => {
    expect(buildConfig(validateEnvironment(testEnvironment())).auth.oidcProviders).toEqual([]);
    expect(configured('')).toEqual([]);
  });

  it('reads several providers', () => {
    const agency = { ...provider, id: 'bo-noi-vu', issuer: 'http://127.0.0.1:4000', name: 'Bộ' };
    expect(configured(JSON.stringify([provider, agency]))).toEqual([provider, agency]);
  });

  it.each([
    ['not JSON', '{oops', /JSON array/],
    ['not an array', JSON.stringify(provider), /JSON array/],
    ['a bad id', JSON.stringify([{ ...provider, id: 'Has Spaces' }]), /provider 1: id must/],
    [
      'a plain-http issuer elsewhere',
      JSON.stringify([{ ...provider, issuer: 'http://sso.example.vn' }]),
      /https/,
    ],
    [
      'an issuer with a query',
      JSON.stringify([{ ...provider, issuer: 'https://sso.example.vn/?x=1' }]),
      /query/,
    ],
    [
      'no client secret',
      JSON.stringify([{ ...provider, clientSecret: '' }]),
      /clientSecret must not be empty/,
    ],
    ['no name', JSON.stringify([{ ...provider, name: ' ' }]), /name must not be empty/],
    ['an id used twice', JSON.stringify([provider, provider]), /vneid is used twice/],
  ])('refuses %s, naming the problem', (_case, raw, problem) => {
    expect(problemsOf(raw).join('\n')).toMatch(problem);
  });

  it('never repeats a secret in its messages', () => {
    const raw = JSON.stringify([{ ...provider, issuer: 'ftp://x' }]);
    expect(problemsOf(raw).join('\n')).not.toContain(provider.clientSecret);
  });
});

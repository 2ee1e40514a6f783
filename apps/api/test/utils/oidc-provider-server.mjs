// A real OpenID Connect provider (panva/oidc-provider, ESM-only) for integration and browser tests, run as a child
// process because jest runs CommonJS (see oidc-provider.ts, which starts it). Configuration comes as JSON in OIDC_TEST_CONFIG:
//   { "port": 0, "clients": [{ "client_id", "client_secret", "redirect_uris": [...] }] }
// Accounts: anyone may sign in at the provider's login page (devInteractions) with any password; the login name is
// the account: "someone@kommune.no" gives that e-mail claim, "someone@kommune.no#4711" also the employee number
// claim `employeeid` (like Entra ID's optional claim). Prints "READY <issuer>" when listening.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
const server = createServer();
await new Promise((resolve) => server.listen(config.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const signingKey = {
  ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  alg: 'RS256',
  kid: randomUUID(),
  use: 'sig',
};

const provider = new Provider(issuer, {
  claims: { email: ['email', 'email_verified'], employee: ['employeeid'], openid: ['sub'], profile: ['name'] },
  clients: (config.clients ?? []).map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...client,
  })),
  conformIdTokenClaims: false,
  cookies: { keys: [randomUUID()] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, accountId) {
    const [email, employeeNumber] = String(accountId).split('#');
    return {
      accountId,
      async claims() {
        return { email, email_verified: true, ...(employeeNumber ? { employeeid: employeeNumber } : {}), name: email, sub: accountId };
      },
    };
  },
  jwks: { keys: [signingKey] },
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile', 'employee'],
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider server_error: ${error.stack}\n`));
server.on('request', provider.callback());
process.stdout.write(`READY ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// TypeBox schemas of people in the JSON API: a user (never its password hash, TOTP secret or
// recovery codes), a personal token (never its secret), and sign-in answers.
import { Type } from 'typebox';
import { SIGN_IN_METHODS, USER_LANGUAGES, USER_ROLES } from '../store/index.js';

const nullableText = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

/** For actions named by their path (sign out, disable): a client may send no body; one sent is ignored. */
export const NO_BODY = Type.Unknown({ description: 'No body is needed; one sent is ignored.' });

export const USER_ROLE_SCHEMA = Type.Union(USER_ROLES.map((r) => Type.Literal(r)), { description: 'A person\'s role (a token role other than peer).' });
export const LANGUAGE_SCHEMA = Type.Union(USER_LANGUAGES.map((l) => Type.Literal(l)), { description: 'Preferred language of the console.' });

export const USER_SCHEMA = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String({ description: 'The organisation the person belongs to (access decisions are its).' }),
    role: USER_ROLE_SCHEMA,
    displayName: Type.String(),
    email: Type.String({ description: 'Lower case; unique on the node.' }),
    language: LANGUAGE_SCHEMA,
    createdAt: Type.String(),
    disabledAt: nullableText('When the user was disabled (users are never deleted).'),
    hasPassword: Type.Boolean({ description: 'Whether a local password is set.' }),
    totp: Type.Boolean({ description: 'Whether a TOTP second factor is enrolled and required.' }),
    recoveryCodesLeft: Type.Integer(),
    oidcIssuer: nullableText('The identity provider that vouches for the person, if any.'),
    oidcSubject: nullableText('The person\'s subject at that provider.'),
  },
  { description: 'A person of an organisation.' },
);

export const PERSONAL_TOKEN_SCHEMA = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    role: USER_ROLE_SCHEMA,
    label: nullableText('What the token is for.'),
    createdAt: Type.String(),
    expiresAt: Type.String({ description: 'Personal tokens always expire.' }),
    revokedAt: nullableText('When it was revoked.'),
  },
  { description: 'A personal API token, never with its secret.' },
);

export const SIGNED_IN_SCHEMA = Type.Object(
  {
    user: USER_SCHEMA,
    method: Type.Union(SIGN_IN_METHODS.map((m) => Type.Literal(m))),
    csrfToken: Type.String({ description: 'Send it as X-Setu-CSRF on every state-changing request made with the session cookie.' }),
    expiresAt: Type.String({ description: 'The absolute end of the session (it ends sooner when idle).' }),
  },
  { description: 'The session started; its secret is in the setu_session cookie (HttpOnly).' },
);

import * as oidc from 'openid-client';
import type { OidcSettings } from '../../../http/auth-settings.js';
import { AppError } from '../../../http/errors.js';
import type { PendingLogin } from './repo.js';

/** What Paved takes from a sign-in: the person's email and the provider's groups. */
export interface SignedInIdentity {
  email: string;
  groups: string[];
  subject: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The relying party, on openid-client (OpenID Certified): discovery, authorization code flow with PKCE (S256),
 * state and nonce checked, the ID token's signature, issuer, audience and expiry validated by the library.
 */
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly settings: OidcSettings,
    private readonly redirectUri: string,
  ) {}

  /** Discovered on first use and kept; a failed discovery is tried again on the next sign-in. */
  private config(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      // Plain http is accepted for a provider on this machine only (the configuration refuses it elsewhere).
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      this.configuration = oidc
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
          timeout: 10,
          ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .catch((error: unknown) => {
          this.configuration = null;
          throw new AppError(
            'UPSTREAM_FAILED',
            `the identity provider at ${this.settings.issuer} could not be reached or described itself wrongly (${
              error instanceof Error ? error.message : String(error)
            })`,
          );
        });
    }
    return this.configuration;
  }

  /** Where to send the browser, and the secrets to check its return against. */
  async start(returnTo: string): Promise<{ url: URL; login: PendingLogin }> {
    const config = await this.config();
    const login: PendingLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { url, login };
  }

  /** Exchanges the code and validates the ID token; the email and groups come from it, else from userinfo. */
  async finish(callbackUrl: URL, login: PendingLogin): Promise<SignedInIdentity> {
    const config = await this.config();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw refusal(error);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('UNAUTHENTICATED', 'the identity provider sent no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    const groupsClaim = this.settings.groupsClaim;
    // Many providers put email and groups in userinfo only, when an access token is issued with the ID token.
    if ((claims.email === undefined || claims[groupsClaim] === undefined) && tokens.access_token) {
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...claims };
      } catch (error) {
        if (claims.email === undefined) throw refusal(error);
      }
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email)
      throw new AppError(
        'UNAUTHENTICATED',
        `the identity provider sent no email for you; Paved needs the "email" scope and claim (scopes asked: ${this.settings.scopes})`,
      );
    if (claims.email_verified === false)
      throw new AppError('UNAUTHENTICATED', `the identity provider says your email ${email} is not verified`);
    const raw = claims[groupsClaim];
    const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
    return { email, groups, subject: idClaims.sub };
  }
}

/** The library's message, with the more precise one it wraps ("invalid response" because of what). */
function reasonOf(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 4; e = e.cause) messages.push(e.message);
  return messages.length > 0 ? messages.join(': ') : String(error);
}

/** The library's reasons, worded for the person who tried to sign in. */
function refusal(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = reasonOf(error);
  if (error instanceof oidc.AuthorizationResponseError)
    return new AppError(
      'UNAUTHENTICATED',
      `the identity provider refused the sign-in: ${error.error_description ?? error.error}`,
    );
  if (/"state"/.test(message))
    return new AppError(
      'VALIDATION_FAILED',
      `the sign-in's state does not match the one Paved sent: start again (${message})`,
      [{ field: 'state', reason: 'does not match the sign-in this browser started' }],
    );
  if (error instanceof oidc.ResponseBodyError)
    return new AppError(
      'UNAUTHENTICATED',
      `the identity provider refused the code: ${error.error_description ?? error.error}`,
    );
  return new AppError('UNAUTHENTICATED', `the sign-in could not be verified: ${message}`);
}

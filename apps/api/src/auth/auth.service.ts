import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@motcua/config';
import type { Actor } from '@motcua/domain';
import { DEMO_PASSWORD, DomainError, DUMMY_PASSWORD_HASH, ErrorCode, scopeOf, verifyPassword } from '@motcua/domain';
import { ActiveUser, UsersRepository } from '@motcua/persistence';
import { ISSUED_AT_SKEW_SECONDS, TokenClaims } from './token-claims';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; actor: Actor }> {
    // Refused before any account is read, so the refusal tells nothing about the username or whether the password matched.
    if (this.config.isProduction && password === DEMO_PASSWORD) {
      throw new DomainError(ErrorCode.DEMO_PASSWORD_REFUSED, 'Demo passwords are refused in production; ask an administrator for a new password');
    }
    const user = await this.users.findActiveByUsername(username);
    // Verify even for an unknown user, so timing doesn't tell which usernames exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !valid) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    return { accessToken: await this.jwt.signAsync(claims), actor: toActor(user) };
  }

  /**
   * The actor behind a bearer token: signed by this system (HS256, issuer and audience pinned), with an
   * expiry, not issued in the future, for a user id; the user is re-read so that a deactivated account or
   * a new password (a new token version) stops it at once.
   */
  async authenticate(token: string): Promise<Actor> {
    const invalid = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'The access token is invalid or expired');
    const claims = await this.jwt.verifyAsync<TokenClaims>(token).catch(() => {
      throw invalid();
    });
    // Wall-clock seconds, as jsonwebtoken checks `exp`: a token's life is real time, not the business clock tests freeze.
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.iat > now + ISSUED_AT_SKEW_SECONDS) throw invalid();
    if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub) || typeof claims.ver !== 'number') throw invalid();
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The account is no longer active');
    if (claims.ver !== user.tokenVersion) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The password was changed or the account deactivated since this token was issued; log in again');
    }
    return toActor(user);
  }
}

function toActor(user: ActiveUser): Actor {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    agencyId: user.agencyId,
    agencyCode: user.agencyCode,
    scope: scopeOf(user.role, user.unitPath),
  };
}

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@motcua/config';
import type { Actor } from '@motcua/domain';
import { DEMO_PASSWORD, DomainError, DUMMY_PASSWORD_HASH, ErrorCode, verifyPassword } from '@motcua/domain';
import { ActiveUser, UsersRepository } from '@motcua/persistence';

interface TokenClaims {
  sub: string;
  /** Issued at, in seconds (set by the signer). */
  iat?: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; actor: Actor }> {
    const user = await this.users.findActiveByUsername(username);
    // Verify even for an unknown user, so timing doesn't tell which usernames exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !valid) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    if (this.config.isProduction && password === DEMO_PASSWORD) {
      throw new DomainError(ErrorCode.DEMO_PASSWORD_REFUSED, 'Demo passwords are refused in production; ask an administrator for a new password');
    }
    const claims: TokenClaims = { sub: user.id };
    return { accessToken: await this.jwt.signAsync(claims), actor: toActor(user) };
  }

  /** The actor behind a bearer token; the user is re-read so a deactivated account stops at once. */
  async authenticate(token: string): Promise<Actor> {
    const claims = await this.jwt.verifyAsync<TokenClaims>(token).catch(() => {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The access token is invalid or expired');
    });
    const user = await this.users.findActiveById(claims.sub);
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The account is no longer active');
    if (user.tokensValidAfter && (claims.iat ?? 0) < Math.floor(user.tokensValidAfter.getTime() / 1000)) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The password was changed since this token was issued; log in again');
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
    scope: { unitPath: user.unitPath },
  };
}

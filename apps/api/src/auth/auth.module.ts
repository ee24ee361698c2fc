import { createSecretKey, randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@motcua/config';
import { PersistenceModule, SecretsRepository } from '@motcua/persistence';
import { RedisModule } from '@motcua/queue';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { TOKEN_AUDIENCE } from './token-claims';

@Module({
  imports: [
    PersistenceModule,
    RedisModule,
    JwtModule.registerAsync({
      imports: [PersistenceModule],
      inject: [AppConfig, SecretsRepository],
      useFactory: async (config: AppConfig, secrets: SecretsRepository) => {
        // The operator's secret, or one this system generated: never a constant from the repository.
        const secret = config.JWT_SECRET ?? (await secrets.getOrCreate('jwt', randomBytes(32).toString('base64url')));
        // One key object for the process: given the secret as a string, jsonwebtoken builds one per token.
        const key = createSecretKey(Buffer.from(secret));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256', ...TOKEN_AUDIENCE },
          verifyOptions: { algorithms: ['HS256'], ...TOKEN_AUDIENCE },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}

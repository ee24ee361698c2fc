import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginLimiter } from './login-limiter';
import { LoginResponseDto, toUserResponse, UserResponseDto } from './dto/user-response.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limiter: LoginLimiter,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log in; returns a bearer token and the user' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins from this client (for this account); see Retry-After' })
  async login(@Ip() client: string, @Body() dto: LoginDto): Promise<LoginResponseDto> {
    const { accessToken, actor } = await this.limiter.guard(client, dto.username, () => this.auth.login(dto.username, dto.password));
    return { accessToken, user: toUserResponse(actor) };
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The logged-in user and their scope' })
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentActor() actor: Actor): UserResponseDto {
    return toUserResponse(actor);
  }
}

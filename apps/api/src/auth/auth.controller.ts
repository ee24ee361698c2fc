import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, toUserResponse, UserResponseDto } from './dto/user-response.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log in; returns a bearer token and the user' })
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    const { accessToken, actor } = await this.auth.login(dto.username, dto.password);
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

import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { CreateUserDto, ListUsersQuery, SetPasswordDto, toUserDto, UpdateUserDto, UserDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Authenticated()
@Roles(Role.ADMIN, Role.SYSTEM_ADMIN)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: "Officers' accounts inside the caller's scope (ADMIN)" })
  @ApiOkResponse({ type: UserPageDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<UserPageDto> {
    const page = await this.users.list(actor, query);
    return { ...page, items: page.items.map(toUserDto) };
  }

  @Get(':username')
  @ApiOperation({ summary: 'One account (ADMIN)' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user in your scope' })
  async get(@CurrentActor() actor: Actor, @Param('username') username: string): Promise<UserDto> {
    return toUserDto(await this.users.get(actor, username));
  }

  @Post()
  @ApiOperation({ summary: 'Create an account at an agency in your scope (ADMIN)' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(actor, dto));
  }

  @Patch(':username')
  @ApiOperation({ summary: 'Change name, role, agency, e-mail, or deactivate (ADMIN)' })
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentActor() actor: Actor, @Param('username') username: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.update(actor, username, dto));
  }

  @Put(':username/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password (ADMIN)' })
  @ApiNoContentResponse()
  async setPassword(@CurrentActor() actor: Actor, @Param('username') username: string, @Body() dto: SetPasswordDto): Promise<void> {
    await this.users.setPassword(actor, username, dto.password);
  }
}

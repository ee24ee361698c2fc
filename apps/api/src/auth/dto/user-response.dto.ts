import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ example: '000.00.12.H56' }) agencyCode!: string;
  @ApiProperty({ nullable: true, type: String, description: "Unit path of the caller's scope ('56.568'); null = national" })
  scopeUnitPath!: string | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}

export function toUserResponse(actor: Actor): UserResponseDto {
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    role: actor.role,
    agencyId: actor.agencyId,
    agencyCode: actor.agencyCode,
    scopeUnitPath: actor.scope.unitPath,
  };
}

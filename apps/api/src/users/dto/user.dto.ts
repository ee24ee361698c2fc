import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Role } from '@motcua/domain';
import type { UserRecord } from '@motcua/persistence';
import { PageQuery } from '../../common/page';
import { AGENCY_CODE_MESSAGE, AGENCY_CODE_PATTERN } from '../../agencies/dto/agency.dto';

/** At least 10 characters with a letter and a digit. */
const PASSWORD_PATTERN = /^(?=.*\p{L})(?=.*\d).{10,200}$/u;

export class SetPasswordDto {
  @ApiProperty({ description: 'At least 10 characters, with a letter and a digit', example: 'Khanh-Hoa-2025' })
  @Matches(PASSWORD_PATTERN, { message: '$property must be 10 to 200 characters with a letter and a digit' })
  @IsString()
  password!: string;
}

export class CreateUserDto extends SetPasswordDto {
  @ApiProperty({ example: 'tiepnhan.vinhluong', description: 'Lower-case letters, digits, dots, dashes or underscores' })
  @Matches(/^[a-z0-9._-]{3,50}$/, { message: '$property must be 3 to 50 lower-case letters, digits, ".", "-" or "_"' })
  username!: string;

  @ApiProperty({ example: 'Lê Thị Mai' })
  @MinLength(2)
  @MaxLength(200)
  @IsString()
  fullName!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ example: '002.00.31.H56', description: 'The agency the user works for: their scope' })
  @Matches(AGENCY_CODE_PATTERN, { message: AGENCY_CODE_MESSAGE })
  agencyCode!: string;

  @ApiProperty({ required: false, nullable: true, type: String, example: 'mai.le@khanhhoa.gov.vn' })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}

/** Fields left out stay as they are; null is refused where the account must have a value. */
export class UpdateUserDto {
  @ApiProperty({ required: false, example: 'Lê Thị Mai' })
  @ValidateIf((_, value) => value !== undefined)
  @MinLength(2)
  @MaxLength(200)
  @IsString()
  fullName?: string;

  @ApiProperty({ required: false, enum: Role, enumName: 'Role' })
  @ValidateIf((_, value) => value !== undefined)
  @IsEnum(Role)
  role?: Role;

  @ApiProperty({ required: false, example: '002.00.31.H56' })
  @ValidateIf((_, value) => value !== undefined)
  @Matches(AGENCY_CODE_PATTERN, { message: AGENCY_CODE_MESSAGE })
  agencyCode?: string;

  @ApiProperty({ required: false, nullable: true, type: String, description: 'null removes the address' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiProperty({ required: false, description: 'false: the account can no longer log in, and its tokens stop working' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  active?: boolean;
}

export class ListUsersQuery extends PageQuery {
  @ApiProperty({ required: false, example: '002.00.31.H56' })
  @IsOptional()
  @Matches(AGENCY_CODE_PATTERN, { message: AGENCY_CODE_MESSAGE })
  agency?: string;

  @ApiProperty({ required: false, enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiProperty({ required: false, description: 'Part of the username or the full name' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class UserDto {
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() agencyCode!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() createdAt!: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export const toUserDto = (user: UserRecord): UserDto => ({
  username: user.username,
  fullName: user.fullName,
  role: user.role,
  email: user.email,
  active: user.active,
  agencyCode: user.agencyCode,
  agencyName: user.agencyName,
  createdAt: user.createdAt,
});

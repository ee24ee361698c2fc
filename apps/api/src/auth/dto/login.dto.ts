import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'tiepnhan.xa' })
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  username!: string;

  @ApiProperty({ example: 'MotCua@2025' })
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  password!: string;
}

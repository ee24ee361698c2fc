import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'tiepnhan.xa' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'MotCua@2025' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

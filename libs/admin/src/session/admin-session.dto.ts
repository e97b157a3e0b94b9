import { ApiProperty } from '@nestjs/swagger';

export class AdminSessionDto {
  @ApiProperty({ enum: ['session', 'token'], example: 'session', description: 'How this request was authenticated' }) via: 'session' | 'token';
  @ApiProperty({ nullable: true, example: '2024-03-01T20:30:00.000Z', description: 'When the session ends at the latest (it also ends after an hour unused)' }) expiresUtc: string | null;
  @ApiProperty({ nullable: true, example: 'mJx1c3Vh…', description: 'Send in X-CSRF-Token with every state-changing request made on this session' }) csrfToken: string | null;
}

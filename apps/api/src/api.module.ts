import { Controller, Get, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig } from '@hub/config';

@Controller('health')
class TmpHealth {
  @Get('live') live() { return { status: 'ok' }; }
}

@Module({ imports: [ConfigModule.forRoot({ isGlobal: true, load: [appConfig] })], controllers: [TmpHealth] })
export class ApiModule {}

import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessLogService } from './access-log.service';
import { AccessLogEntry } from './access-log-entry.entity';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([AccessLogEntry])], exports: [AccessLogService], providers: [AccessLogService] })
export class AccessLogModule {}

import { Global, Module } from '@nestjs/common';

import { AccessLogService } from './access-log.service';

@Global()
@Module({ exports: [AccessLogService], providers: [AccessLogService] })
export class AccessLogModule {}

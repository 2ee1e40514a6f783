import { Module } from '@nestjs/common';

import { AuditLogModule } from '../../audit-log/audit-log.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { UserDirectoryModule } from '../../users/user-directory.module';
import { LegacyReporterSealing } from './legacy-reporter-sealing';
import { ReporterIdentityController } from './reporter-identity.controller';
import { ReporterIdentityService } from './reporter-identity.service';
import { ReporterRevealService } from './reporter-reveal.service';

/**
 * The identity of reporters hidden from the handler: sealing and lookup (used by filing and by incidentAccess)
 * and the break-glass reveal. Import it wherever hidden reports are filed, read or must reach their reporter.
 */
@Module({
  controllers: [ReporterIdentityController],
  exports: [ReporterIdentityService],
  imports: [UserDirectoryModule, AuditLogModule, NotificationsModule],
  providers: [LegacyReporterSealing, ReporterIdentityService, ReporterRevealService],
})
export class ReporterIdentityModule {}

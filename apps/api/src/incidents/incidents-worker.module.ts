import { Module } from '@nestjs/common';

import { TenantSettingsService } from '../core/settings/tenant-settings.service';
import { EscalationsWorkerModule } from '../escalations/escalations-worker.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { IncidentDeadlineHandler } from './jobs/incident-deadline.handler';
import { IncidentFiledProcessor } from './jobs/incident-filed.processor';

/**
 * The worker side of avvik: follow-up of new cases and the avvik deadline handler. The deadline processor and the
 * e-mail delivery belong to EscalationsWorkerModule and NotificationsWorkerModule (imported, so avvik work runs
 * with this module alone).
 */
@Module({
  imports: [EscalationsWorkerModule, NotificationsModule, NotificationsWorkerModule, OrganisationModule],
  providers: [IncidentDeadlineHandler, IncidentFiledProcessor, TenantSettingsService],
})
export class IncidentsWorkerModule {}

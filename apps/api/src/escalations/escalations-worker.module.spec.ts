import { MODULE_METADATA } from '@nestjs/common/constants';

import { IncidentsWorkerModule } from '../incidents/incidents-worker.module';
import { MeasuresWorkerModule } from '../measures/measures-worker.module';
import { NotificationDeliveryProcessor } from '../notifications/jobs/notification-delivery.processor';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { DeadlineProcessor } from './deadline.processor';
import { EscalationsWorkerModule } from './escalations-worker.module';

const metadata = (module: object, key: string): unknown[] => (Reflect.getMetadata(key, module) as unknown[] | undefined) ?? [];

/** ADR 0014: worker modules own their processors, and every worker module with deadlines runs them on its own. */
describe('worker modules', () => {
  it('should register the deadline processor in the escalations worker module and the delivery processor in the notifications one', () => {
    expect(metadata(EscalationsWorkerModule, MODULE_METADATA.PROVIDERS)).toContain(DeadlineProcessor);
    expect(metadata(NotificationsWorkerModule, MODULE_METADATA.PROVIDERS)).toContain(NotificationDeliveryProcessor);
  });

  it.each([
    ['MeasuresWorkerModule', MeasuresWorkerModule],
    ['IncidentsWorkerModule', IncidentsWorkerModule],
  ])('should let %s run its deadlines and deliveries without any other worker module', (_name, module) => {
    const imports = metadata(module, MODULE_METADATA.IMPORTS);
    expect(imports).toContain(EscalationsWorkerModule);
    expect(imports).toContain(NotificationsWorkerModule);
    const providers = metadata(module, MODULE_METADATA.PROVIDERS);
    expect(providers).not.toContain(DeadlineProcessor);
    expect(providers).not.toContain(NotificationDeliveryProcessor);
  });
});

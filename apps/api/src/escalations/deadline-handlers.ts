import { Injectable } from '@nestjs/common';

import type { DeadlineHandler } from './deadline-job';

/** Subject type → handler. Feature modules register theirs in onModuleInit. */
@Injectable()
export class DeadlineHandlers {
  private readonly handlers = new Map<string, DeadlineHandler>();

  register(subjectType: string, handler: DeadlineHandler): void {
    this.handlers.set(subjectType, handler);
  }

  get(subjectType: string): DeadlineHandler {
    const handler = this.handlers.get(subjectType);
    if (!handler) throw new Error(`No deadline handler for ${subjectType}`);
    return handler;
  }
}

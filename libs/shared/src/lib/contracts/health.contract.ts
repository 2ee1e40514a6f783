export type ComponentState = 'up' | 'down';

export interface HealthResponse {
  /** `degraded`: everything answers, but a recurring job (e.g. the outbox sweep) is missing — still HTTP 200. */
  status: 'ok' | 'degraded' | 'error';
  components: {
    database: { state: ComponentState; latencyMs?: number; error?: string };
    redis: { state: ComponentState; latencyMs?: number; error?: string };
    queues: { state: ComponentState; workers?: number; waiting?: number; failed?: number; error?: string };
    /** The worker's recurring jobs; `missing` names those not registered in Redis. */
    schedules: { state: ComponentState; missing?: string[]; error?: string };
  };
}

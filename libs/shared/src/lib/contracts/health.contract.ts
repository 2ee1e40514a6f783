export type ComponentState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error';
  components: {
    database: { state: ComponentState; latencyMs?: number; error?: string };
    redis: { state: ComponentState; latencyMs?: number; error?: string };
    queues: { state: ComponentState; workers?: number; waiting?: number; failed?: number; error?: string };
  };
}

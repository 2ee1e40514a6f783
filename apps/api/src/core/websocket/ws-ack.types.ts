import type { ApiError } from '@helhet/shared';

/** What a socket command's acknowledgement carries on failure: the REST error body, unchanged. */
export interface WsErrorAck {
  ok: false;
  error: ApiError;
}

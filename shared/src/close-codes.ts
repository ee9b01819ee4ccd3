/**
 * WebSocket close codes used by the sync endpoint. The server closes with them and the client
 * reads them to decide whether reconnecting can help and what to tell the user.
 * 1xxx codes are the standard ones (RFC 6455); 44xx mirror the HTTP status they resemble so
 * logs read naturally.
 */
export const CloseCode = {
  /** Server shutting down or document unloaded under the client; reconnect later. */
  GoingAway: 1001,
  /** ws closes with this itself when a frame exceeds the configured maximum payload. */
  MessageTooBig: 1009,
  /** Unexpected server failure (e.g. the document could not be loaded or stored). */
  InternalError: 1011,
  /** The client did not read what was sent to it (send buffer over the limit). */
  TryAgainLater: 1013,
  /** A frame could not be decoded, or carried an invalid Yjs update or awareness entry. */
  BadMessage: 4400,
  /** No valid session (used by the access layer). */
  Unauthenticated: 4401,
  /** The user may not open this document (used by the access layer). */
  Forbidden: 4403,
  /** The document name is not valid or the document does not exist. */
  NotFound: 4404,
  /** An update larger than the configured limit. */
  UpdateTooLarge: 4413,
  /** The connection sent more messages than the rate limit allows. */
  RateLimited: 4429,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Codes after which retrying with the same credentials and the same client cannot succeed: the
 * client stops reconnecting and shows the reason instead of looping.
 */
export function isFinalCloseCode(code: number): boolean {
  return code === CloseCode.Unauthenticated || code === CloseCode.Forbidden || code === CloseCode.NotFound;
}

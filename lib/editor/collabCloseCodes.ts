/// Close codes of the collaboration socket: the one list shared by the server, the authorizer and
/// the editor. 4400–4499 mirror HTTP 4xx and are final (the stock y-websocket client does not
/// reconnect after them); the standard 1xxx codes are transient and the client reconnects.
export const collabCloseCodes = {
  /// A binary message that is not valid y-websocket protocol (garbage, truncated, unknown type).
  malformedMessage: 4400,
  /// No valid ticket or session cookie, an expired ticket, or a disabled account.
  notAuthenticated: 4401,
  /// Signed in but not allowed: not a member of the bill, a ticket for another draft, or a
  /// reviewer (read-only) who sent a change (reason "read-only").
  forbidden: 4403,
  /// The room names no draft.
  noSuchDraft: 4404,
  /// A well-formed update that would put into the draft what its schema has no place for (loose
  /// text or a paragraph at the top level, an unknown block, an eid that is not text…; reason
  /// "update does not fit the schema"). Nothing was stored or relayed. Mirrors HTTP 422.
  schemaViolation: 4422,
  /// The server is shutting down; the client reconnects to its successor.
  goingAway: 1001,
  /// A message over the size limit (sent by `ws` itself when `maxPayload` is exceeded).
  messageTooBig: 1009,
  /// The server could not store an update (e.g. the database is busy); nothing was relayed, the
  /// client reconnects and sends it again.
  internalError: 1011,
} as const;

/// One of the collaboration socket's close codes.
export type CollabCloseCode = (typeof collabCloseCodes)[keyof typeof collabCloseCodes];

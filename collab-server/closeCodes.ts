/// WebSocket close codes of the collaboration server, shared by server and clients.
export const closeCodes = {
  notAuthenticated: 4401,
  forbidden: 4403,
  noSuchDraft: 4404,
} as const;

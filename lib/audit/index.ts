// The audit log: an append-only hash chain of every change that matters, written in the same
// transaction as the change; its head, the heads of past days, listing and export.
export { recordAudit, type AuditEventInput } from './recordAudit';
export { appendAudit } from './appendAudit';
export { listAuditEvents, type AuditFilter, type AuditEventRow } from './listAuditEvents';
export { auditQuerySchema, readAuditQuery, type AuditQuery } from './auditQuery';
export { genesisHash, encodeAuditEntry, hashAuditEntry, type AuditEntryFields } from './auditHash';
export { canonicalJson } from './canonicalJson';
export { verifyAuditChain, type AuditChainReport, type AuditChainProblem } from './verifyAuditChain';
export { verifyAuditChainOn } from './verifyAuditChainOn';
export { verifyAuditRows, auditChainWalk, type AuditRow, type ExpectedAuditEntry } from './verifyAuditRows';
export { readAuditRows } from './readAuditRows';
export { auditHead, type AuditHead } from './auditHead';
export { listDailyHeads, type DailyHead } from './listDailyHeads';
export { exportAuditCsv } from './exportAuditCsv';

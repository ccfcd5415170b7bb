export { recordAudit } from './recordAudit';
export { listAuditEvents } from './listAuditEvents';

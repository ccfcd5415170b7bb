// E-mail: every message written to the outbox, and sent when SMTP is configured.
export { sendMail, type Mail } from './sendMail';
export { listOutbox } from './listOutbox';

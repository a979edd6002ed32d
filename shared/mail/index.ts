export { createMailer, type Mailer, type OutgoingMail } from './transport.ts';

import nodemailer, { type Transporter } from 'nodemailer';

/** One e-mail as the services write it; the sender is the configured `MAIL_FROM`. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; cid?: string; contentType?: string }[];
  /** A fixed Message-ID lets the receiving server drop a duplicate of a retried send. */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * The one way the services send e-mail: an SMTP transport from `SMTP_URL`
 * (`smtp://user:pass@host:port`, or `smtps://` for TLS from the first byte) with `MAIL_FROM` as
 * the sender. The issuer sends offers with it, the wallet password-reset and confirmation links.
 * The URL carries the SMTP password: it is never logged, and neither is a message's body.
 *
 * @example
 * const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
 * await mailer.send({ to: 'dana@example.kz', subject: 'Сәлем', text: '…' });
 */
export function createMailer(options: { smtpUrl: string; from: string; transport?: Transporter }): Mailer {
  const transport = options.transport ?? nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, ...mail });
    },
    close: () => transport.close(),
  };
}

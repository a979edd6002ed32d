import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './services.ts';

export interface TestMailbox {
  url: string;
  messages: ParsedMail[];
  /** Waits until `count` messages have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  /** While true, every message is refused with a temporary error (a server having a bad day). */
  refuse: boolean;
  stop(): Promise<void>;
}

/** A real SMTP server on a loopback port, keeping what arrives, parsed with mailparser. */
export async function startMailbox(): Promise<TestMailbox> {
  const port = await freePort();
  const box: TestMailbox = {
    url: `smtp://127.0.0.1:${port}`,
    messages: [],
    refuse: false,
    async waitFor(count, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (box.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} e-mails, ${box.messages.length} arrived`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return box.messages;
    },
    stop: () => new Promise((done) => server.close(() => done())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (box.refuse) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          box.messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()));
  return box;
}

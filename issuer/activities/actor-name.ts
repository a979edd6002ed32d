import type { Response } from 'express';
import { actorOf } from '../auth/index.ts';
import { describeActor } from '../audit.ts';

/** Who acted, as the audit trail names them. */
export function actorName(res: Response): string {
  const actor = actorOf(res);
  return actor ? describeActor(actor) : 'anonymous';
}

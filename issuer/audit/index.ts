export { audit, auditAll, type AuditEntry } from './append.ts';
export { describeActor, type AuditActor } from './actor.ts';
export { type AuditAction } from './actions.ts';
export { entryHash, GENESIS_HASH, type ChainedEntry } from './chain.ts';
export { verifyAuditChain, type AuditChainReport, type ChainBreak, type ChainBreakCode } from './verify.ts';

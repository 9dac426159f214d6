// The outbox: enqueue inside a transaction, deliver from a job. See outbox.ts for the contract.
export {
  enqueue, enqueueInBatch, messageIdOf, outboxHandlerFor, PermanentDeliveryError, registerOutboxHandler,
  type DeliveryEnv, type DeliveryReport, type EnqueueInput, type OutboxContext, type OutboxHandler, type OutboxLog,
  type OutboxMessage,
} from './outbox.ts';
export {
  consoleOutboxLog, deliverPending, outboxJobName, RECORD_EVERY_MS, registerOutboxJob, type DeliverOptions, type DeliverySummary,
} from './delivery.ts';
export { outboxBackoffMs, outboxStatuses, outboxStatusOf, type OutboxStatus } from './status.ts';
export {
  getOutboxRow, listOutboxRows, lockOutboxRow, resetOutboxRow, type OutboxListQuery, type OutboxRow,
} from './repository.ts';

import type { StationDatabase } from '../database.js';
import { BlankoLedgerRepository } from './blanko-ledger-repository.js';
import { PrintQueueRepository } from './print-queue-repository.js';
import { PrintResultOutboxRepository } from './print-result-outbox-repository.js';
import { PrinterProfileRepository } from './printer-profile-repository.js';
import { SuketRepository } from './suket-repository.js';

/** The print desk's repositories, grouped so the station store grows by one field. */
export interface PrintDeskStore {
  readonly queue: PrintQueueRepository;
  readonly blanko: BlankoLedgerRepository;
  readonly results: PrintResultOutboxRepository;
  readonly suket: SuketRepository;
  readonly printers: PrinterProfileRepository;
}

export function printDeskStore(db: StationDatabase): PrintDeskStore {
  return {
    queue: new PrintQueueRepository(db),
    blanko: new BlankoLedgerRepository(db),
    results: new PrintResultOutboxRepository(db),
    suket: new SuketRepository(db),
    printers: new PrinterProfileRepository(db),
  };
}

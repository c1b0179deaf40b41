/**
 * What the print desk hands a card printer, and what a printer says back.
 *
 * The desk composes one card face (the e-KTP front at 300 dpi, 1016 × 648 dots, landscape) as
 * three layers; each printer turns them into what it speaks: an escape-command printer encodes
 * Y/M/C, K and O panels, an OS-driver printer sends the colour image at CR80 media size.
 */

/** CR80 at 300 dpi: 85.6 mm × 54 mm. */
export const CARD_WIDTH_DOTS = 1016;
export const CARD_HEIGHT_DOTS = 648;
export const CARD_DPI = 300;
export const CARD_WIDTH_MM = 85.6;
export const CARD_HEIGHT_MM = 54;

export interface CardFace {
  readonly width: typeof CARD_WIDTH_DOTS;
  readonly height: typeof CARD_HEIGHT_DOTS;
  /** Colour layer, RGB, 3 bytes a dot, row-major from the top-left corner. White = no ink. */
  readonly rgb: Uint8Array;
  /** Black resin layer (sharp text, lines, the NIK): 1 byte a dot, 1 = print black, 0 = none. */
  readonly black: Uint8Array;
  /** Overlay (varnish) layer: 1 byte a dot, 1 = varnish; null = varnish the whole card. */
  readonly overlay: Uint8Array | null;
}

/** One card to print: the job id is the desk's, so a printer's report names the same job. */
export interface CardPrintJob {
  readonly jobId: string;
  readonly front: CardFace;
}

/** Why a printer stopped or refused: each maps to a message for the desk. */
export type PrinterFaultCode =
  | 'RIBBON_OUT'
  | 'RIBBON_LOW'
  | 'RIBBON_WRONG'
  | 'FEEDER_EMPTY'
  | 'COVER_OPEN'
  | 'CARD_JAM'
  | 'MECHANICAL'
  | 'OFFLINE'
  | 'TIMEOUT'
  | 'UNKNOWN_REPLY'
  | 'JOB_FAILED';

export interface PrinterFault {
  readonly code: PrinterFaultCode;
  /** What the printer (or the OS queue) said, verbatim, for the log and the technician. */
  readonly raw: string;
  /** True for a warning (RIBBON_LOW): printing may go on. */
  readonly warning: boolean;
}

export type CardPrintPhase = 'QUEUED' | 'SENDING' | 'PRINTING' | 'PRINTED' | 'FAILED';

export interface CardPrintProgress {
  readonly jobId: string;
  readonly phase: CardPrintPhase;
  /** Bytes sent of the job, when the printer reports them (escape-command printers do). */
  readonly bytesSent?: number;
  readonly bytesTotal?: number;
}

/** A card left the printer (PRINTED), or it did not, and why. */
export type CardPrintOutcome =
  | { readonly jobId: string; readonly printed: true; readonly warnings: readonly PrinterFault[] }
  | {
      readonly jobId: string;
      readonly printed: false;
      readonly fault: PrinterFault;
      /**
       * Whether a blank left the feeder for this job (spoiled, or stuck in the printer).
       * null: the printer stopped answering after it was told to print, so nobody knows yet;
       * the desk asks the operator to look in the printer before counting the blank.
       */
      readonly cardFed: boolean | null;
    };

export interface PrinterIdentity {
  readonly kind: 'evolis' | 'system';
  readonly model: string;
  readonly serial: string | null;
  readonly firmware: string | null;
}

export interface PrinterState {
  readonly identity: PrinterIdentity;
  readonly ready: boolean;
  readonly faults: readonly PrinterFault[];
  /** Ribbon panels (or prints) left, when the printer reports it. */
  readonly ribbonRemaining: number | null;
  /** Cards the printer has fed in its life, when it reports it. */
  readonly cardsPrinted: number | null;
}

/** A card printer the desk can drive; every implementation speaks to a real device or queue. */
export interface CardPrinter {
  readonly kind: PrinterIdentity['kind'];
  state(): Promise<PrinterState>;
  print(job: CardPrintJob, onProgress?: (progress: CardPrintProgress) => void): Promise<CardPrintOutcome>;
  close(): Promise<void>;
}

/**
 * The simulator's control words (from `--faults` and stdin of `ktp-station sim printer`):
 *   ribbon-out-at=N   the ribbon ends so that card N (counted from the simulator's start) finds it empty
 *   ribbon-replace    a fresh ribbon (200 prints)
 *   feeder-empty      no blanks in the feeder;  cards-load=N  puts N blanks in (up to 100)
 *   cover-open, cover-close
 *   jam, mechanical   the next card is fed and stops (standing until `clear`)
 *   garbage           the next reply is noise;   garbage-print  the reply to the next printed card is noise
 *   silence           answer nothing from now;  silence-print  print the next card, then answer nothing
 *   clear             lift jam, mechanical, garbage and silence
 */
import type { SimFault } from './printer-model.js';

const PLAIN = ['ribbon-replace', 'feeder-empty', 'cover-open', 'cover-close', 'jam', 'mechanical', 'garbage', 'garbage-print', 'silence', 'silence-print', 'clear'] as const;

export class SimCommandError extends Error {}

export function parseSimCommand(word: string): SimFault {
  const [name = '', value] = word.trim().split(/[=\s]+/, 2);
  const plain = PLAIN.find((p) => p === name);
  if (plain !== undefined && value === undefined) return { kind: plain };
  const count = Number(value);
  if (name === 'ribbon-out-at' && Number.isInteger(count) && count >= 1) return { kind: 'ribbon-out-at', card: count };
  if (name === 'cards-load' && Number.isInteger(count) && count >= 1) return { kind: 'cards-load', count };
  throw new SimCommandError(`unknown simulator command "${word.trim()}": use one of ribbon-out-at=N, cards-load=N, ${PLAIN.join(', ')}`);
}

/** A comma-separated list, as `--faults` takes it. */
export function parseSimCommands(spec: string): SimFault[] {
  return spec
    .split(',')
    .filter((w) => w.trim() !== '')
    .map(parseSimCommand);
}

/** An OS error on a device path, in the technician's words (what is wrong, what to do). */
import { TransportError } from '../transport.js';

export function transportErrorOf(error: unknown, path: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : '';
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || /ENOENT|No such file/i.test(text)) {
    return new TransportError('PORT_MISSING', path, `${path} does not exist: is the printer plugged in and switched on? Check the path in the station config.`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || /EACCES|Permission denied/i.test(text)) {
    return new TransportError('PERMISSION_DENIED', path, `no permission to open ${path}: add the station's user to the "lp" (USB) or "dialout" (serial) group and log in again.`, { cause: error });
  }
  if (code === 'EBUSY' || /EBUSY|Resource busy|Cannot lock/i.test(text)) {
    return new TransportError('PORT_BUSY', path, `${path} is in use by another program (a print spooler or another station): close it and try again.`, { cause: error });
  }
  if (code === 'ENODEV' || code === 'ENXIO' || code === 'EIO' || /ENODEV|ENXIO|EIO/.test(text)) {
    return new TransportError('DEVICE_GONE', path, `the device at ${path} went away: check the cable and the printer's power.`, { cause: error });
  }
  return new TransportError('IO_ERROR', path, `input/output error on ${path}: ${text}`, { cause: error });
}

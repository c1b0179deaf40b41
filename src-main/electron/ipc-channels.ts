/** The only IPC channels the preload may use: one for calls, one for events. */
export const CALL_CHANNEL = 'ktp-station:call';
export const EVENT_CHANNEL = 'ktp-station:event';

/**
 * The only IPC channels the preload uses. Calls and events do not travel over IPC: main hands
 * each window a MessagePort to the core (PORT) and the window talks to the core directly.
 */
/** Window → main: "give me a port to the core" (checked against the app's own URL). */
export const CONNECT_CHANNEL = 'ktp-station:connect';
/** Main → window: the port, in the transfer list. */
export const PORT_CHANNEL = 'ktp-station:port';
/** Main → window: the core's state (restarting, running…), for the banner. */
export const CORE_STATE_CHANNEL = 'ktp-station:core-state';

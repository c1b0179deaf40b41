import type { CallOutcome, StationTransport } from '../../src-main/contract/index.js';
import { isStationErrorPayload, stationUnreachable, unreadableReply } from './local-errors';

/** sessionStorage keys: per browser tab, gone when the tab closes. */
export const TOKEN_KEY = 'ktp.token';
export const SESSION_KEY = 'ktp.session';

const EVENTS_PROTOCOL = 'ktp-station.v1';
const RECONNECT_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;
const MAX_RECONNECT_DELAY_MS = 15_000;

/** Whether the event stream is up. Calls work without it; live status does not. */
export type LinkListener = (up: boolean) => void;

export interface WebTransport extends StationTransport {
  /** Called with true each time the event stream opens and false when it drops. */
  onLink(listener: LinkListener): () => void;
}

/**
 * Reads `#token=TOKEN` (optionally followed by `&/route`) from the address, keeps the token in
 * sessionStorage and takes it out of the address bar, keeping the route part of the fragment.
 * A new token means a new launch: any stored session id belongs to the old one.
 */
export function takeLaunchToken(): string | null {
  const fragment = window.location.hash.replace(/^#/, '');
  const parts = fragment === '' ? [] : fragment.split('&');
  const tokenPart = parts.find((part) => part.startsWith('token='));
  if (tokenPart !== undefined) {
    const token = decodeURIComponent(tokenPart.slice('token='.length));
    if (sessionStorage.getItem(TOKEN_KEY) !== token) sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.setItem(TOKEN_KEY, token);
    const rest = parts.filter((part) => part !== tokenPart).join('&');
    const keptHash = rest.startsWith('/') ? `#${rest}` : '';
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${keptHash}`);
  }
  const stored = sessionStorage.getItem(TOKEN_KEY);
  return stored === null || stored === '' ? null : stored;
}

/** Methods whose result is a new session the tab keeps (training roles, accounts, first run). */
const SIGN_IN_METHODS: ReadonlySet<string> = new Set(['session.startTraining', 'session.signIn', 'account.createFirstSupervisor']);

function sessionIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const { sessionId } = result as Record<string, unknown>;
  return typeof sessionId === 'string' && sessionId !== '' ? sessionId : null;
}

/**
 * The transport of the web host: `POST /api/<method>` with the launch token (and the session id
 * once signed in), events over the `/api/events` WebSocket, reconnecting with backoff.
 */
export function createWebTransport(): WebTransport {
  const token = takeLaunchToken();
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<LinkListener>();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let linkUp = false;
  let reconnectTimer: number | null = null;
  /** Set once the station refused the token: retrying the event stream cannot help then. */
  let tokenRefused = false;

  function rememberSession(method: string, outcome: CallOutcome<unknown>): void {
    if (outcome.ok) {
      if (SIGN_IN_METHODS.has(method)) {
        const sessionId = sessionIdOf(outcome.result);
        if (sessionId !== null) sessionStorage.setItem(SESSION_KEY, sessionId);
      } else if (method === 'session.current' && outcome.result === null) {
        sessionStorage.removeItem(SESSION_KEY);
      }
      return;
    }
    if (outcome.error.code === 'SESSION_REQUIRED') sessionStorage.removeItem(SESSION_KEY);
    if (outcome.error.code === 'TOKEN_MISSING' || outcome.error.code === 'TOKEN_INVALID') {
      tokenRefused = true;
      stopEvents();
    }
  }

  async function call(method: string, params: unknown): Promise<CallOutcome<unknown>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    const sessionId = sessionStorage.getItem(SESSION_KEY);
    if (sessionId !== null && sessionId !== '') headers['X-Station-Session'] = sessionId;
    // Signing out forgets the session id here whatever the reply: the desk must not stay signed in.
    if (method === 'session.end') sessionStorage.removeItem(SESSION_KEY);

    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(params ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error: unknown) {
      return { ok: false, error: stationUnreachable(method, error) };
    }

    let body: unknown;
    try {
      body = JSON.parse(await response.text()) as unknown;
    } catch {
      return { ok: false, error: unreadableReply(method, response.status) };
    }

    let outcome: CallOutcome<unknown>;
    if (response.ok) {
      outcome = { ok: true, result: body };
    } else {
      const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
      outcome = isStationErrorPayload(error) ? { ok: false, error } : { ok: false, error: unreadableReply(method, response.status) };
    }
    rememberSession(method, outcome);
    return outcome;
  }

  function notifyLink(up: boolean): void {
    for (const listener of linkListeners) listener(up);
  }

  function dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data) as unknown;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as Record<string, unknown>;
    if (typeof event !== 'string') return;
    for (const handler of handlers.get(event) ?? []) {
      try {
        handler(payload);
      } catch (error: unknown) {
        window.reportError(error);
      }
    }
  }

  function connectEvents(): void {
    if (token === null || tokenRefused || socket !== null) return;
    let opened: WebSocket;
    try {
      opened = new WebSocket(`ws://${window.location.host}/api/events`, [EVENTS_PROTOCOL, `token.${token}`]);
    } catch (error: unknown) {
      // A token that is not a valid subprotocol name cannot be the station's token.
      window.reportError(error);
      return;
    }
    socket = opened;
    opened.onopen = () => {
      attempt = 0;
      linkUp = true;
      notifyLink(true);
    };
    opened.onmessage = (message: MessageEvent) => dispatch(message.data);
    opened.onclose = () => {
      socket = null;
      if (linkUp) {
        linkUp = false;
        notifyLink(false);
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (tokenRefused || reconnectTimer !== null) return;
    const delay = RECONNECT_DELAYS_MS[attempt] ?? MAX_RECONNECT_DELAY_MS;
    attempt += 1;
    reconnectTimer = window.setTimeout(() => {
      reconnectTimer = null;
      connectEvents();
    }, delay);
  }

  function stopEvents(): void {
    if (reconnectTimer !== null) window.clearTimeout(reconnectTimer);
    reconnectTimer = null;
    if (socket !== null) {
      socket.onclose = null;
      socket.close();
      socket = null;
    }
  }

  return {
    call,
    on(event, handler) {
      let set = handlers.get(event);
      if (set === undefined) {
        set = new Set();
        handlers.set(event, set);
      }
      set.add(handler);
      connectEvents();
      return () => {
        set.delete(handler);
      };
    },
    onLink(listener) {
      linkListeners.add(listener);
      return () => {
        linkListeners.delete(listener);
      };
    },
  };
}

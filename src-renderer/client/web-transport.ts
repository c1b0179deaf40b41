import type { CallOutcome, StationErrorPayload, StationTransport } from '../../src-main/contract/index.js';

const TOKEN_KEY = 'ktp.token';
const SESSION_KEY = 'ktp.session';

/** Takes the launch token from `#token=…` once, keeps it for this tab, and clears the address bar. */
export function takeLaunchToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function unreachable(detail: string): StationErrorPayload {
  return {
    code: 'INTERNAL',
    message: {
      id: 'Station tidak dapat dihubungi. Pastikan station masih berjalan, lalu muat ulang halaman.',
      en: 'The station cannot be reached. Make sure it is still running, then reload the page.',
    },
    details: { detail },
  };
}

function isErrorBody(value: unknown): value is { error: StationErrorPayload } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** The web host's transport: POST /api/<method> with the launch token; events over a WebSocket. */
export function createWebTransport(token: string | null): StationTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retryMs = 1000;

  function connectEvents(): void {
    if (token === null || socket !== null) return;
    const ws = new WebSocket(`ws://${window.location.host}/api/events`, ['ktp-station.v1', `token.${token}`]);
    socket = ws;
    ws.onopen = () => {
      retryMs = 1000;
    };
    ws.onmessage = (message: MessageEvent<string>) => {
      const parsed = JSON.parse(message.data) as { event: string; payload: unknown };
      for (const handler of listeners.get(parsed.event) ?? []) handler(parsed.payload);
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      window.setTimeout(connectEvents, retryMs);
      retryMs = Math.min(retryMs * 2, 15_000);
    };
  }

  return {
    async call(method: string, params: unknown): Promise<CallOutcome<unknown>> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      const session = sessionStorage.getItem(SESSION_KEY);
      if (session !== null) headers['X-Station-Session'] = session;
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(params ?? {}) });
      } catch (error: unknown) {
        return { ok: false, error: unreachable(String(error)) };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, error: unreachable(`HTTP ${response.status} without JSON`) };
      }
      if (!response.ok) {
        const error = isErrorBody(body) ? body.error : unreachable(`HTTP ${response.status}`);
        if (error.code === 'SESSION_REQUIRED') sessionStorage.removeItem(SESSION_KEY);
        return { ok: false, error };
      }
      if (method === 'session.startTraining' && typeof body === 'object' && body !== null && 'sessionId' in body) {
        sessionStorage.setItem(SESSION_KEY, String((body as { sessionId: unknown }).sessionId));
      }
      if (method === 'session.end') sessionStorage.removeItem(SESSION_KEY);
      if (method === 'session.current' && body === null) sessionStorage.removeItem(SESSION_KEY);
      return { ok: true, result: body };
    },
    on(event: string, handler: (payload: unknown) => void): () => void {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(handler);
      connectEvents();
      return () => {
        set.delete(handler);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}

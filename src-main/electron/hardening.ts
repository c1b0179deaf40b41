// The security settings of the desktop shell, as plain functions over the few members of
// Electron's objects they touch, so that tests check them on plain Node (no Electron binary).
// main.ts applies them; nothing else opens windows.

/** webPreferences of every window: isolated, sandboxed, no Node, no remote content. */
export function windowPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** The app's own UI: file:// URLs inside the bundled renderer folder, nothing else. */
export function appUrlCheck(rendererRootUrl: string): (url: string) => boolean {
  const root = new URL(rendererRootUrl.endsWith('/') ? rendererRootUrl : `${rendererRootUrl}/`).href;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    // Normalised by URL, so ".." cannot climb out of the renderer folder.
    return parsed.protocol === 'file:' && parsed.host === '' && `file://${parsed.pathname}`.startsWith(root);
  };
}

/** What the renderer may load: its own files, and inline data/blob images. Never the network. */
export function requestAllowed(url: string, isAppUrl: (url: string) => boolean): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith('data:') || url.startsWith('blob:file://') || url.startsWith('devtools://');
}

export interface PermissionAsk {
  permission: string;
  /** The URL of the frame asking. */
  requestingUrl: string;
  /** For `media`: which devices. */
  mediaTypes?: ReadonlyArray<'video' | 'audio'> | undefined;
}

const DEVICE_PERMISSIONS = new Set(['hid', 'serial', 'usb']);

/** The camera (video only) and the station's devices, for the app's own UI; nothing else, for no one else. */
export function permissionAllowed(ask: PermissionAsk, isAppUrl: (url: string) => boolean): boolean {
  if (!isAppUrl(ask.requestingUrl)) return false;
  if (ask.permission === 'media') {
    const types = ask.mediaTypes ?? [];
    return types.length > 0 && types.every((t) => t === 'video');
  }
  return DEVICE_PERMISSIONS.has(ask.permission);
}

/** A device (HID, serial, USB) for the app's own origin. Navigation is blocked, so file:// is only ever the app. */
export function deviceAllowed(details: { deviceType: string; origin: string }): boolean {
  return DEVICE_PERMISSIONS.has(details.deviceType) && (details.origin === 'file://' || details.origin === 'file:///');
}

// --- the members of Electron's objects the wiring below uses -------------------------------

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string; mediaTypes?: Array<'video' | 'audio'> }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string; mediaType?: 'video' | 'audio' | 'unknown' }) => boolean): void;
  setDevicePermissionHandler(handler: (details: { deviceType: string; origin: string }) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url?: string }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type HardeningLog = (message: string, fields: Record<string, unknown>) => void;

/** Permissions, devices and requests of the app's session. */
export function hardenSession(session: SessionLike, isAppUrl: (url: string) => boolean, log: HardeningLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permissionAllowed({ permission, requestingUrl: details.requestingUrl ?? '', mediaTypes: details.mediaTypes }, isAppUrl);
    if (!allowed) log('permission refused', { permission, requestingUrl: details.requestingUrl ?? '' });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    permissionAllowed(
      { permission, requestingUrl: details.requestingUrl ?? '', mediaTypes: details.mediaType === 'video' ? ['video'] : details.mediaType === 'audio' ? ['audio'] : undefined },
      isAppUrl,
    ),
  );
  session.setDevicePermissionHandler((details) => deviceAllowed(details));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url, isAppUrl);
    if (!allowed) log('request to remote content blocked', { url: details.url });
    callback({ cancel: !allowed });
  });
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenContents(contents: ContentsLike, log: HardeningLog): void {
  const block = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    log(`${kind} blocked`, { url });
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    log('window.open blocked', { url: details.url });
    return { action: 'deny' };
  });
}

import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, connect as netConnect } from 'node:net';
import type { PeerCertificate } from 'node:tls';
import { checkServerIdentity, connect as tlsConnect } from 'node:tls';
import type { DiagCheck } from '../contract/methods/diag.js';
import { HealthReply, paths } from '../sync/central-api.js';
import { errorCode, errorMessage, fail, pass, skip, text, warn } from './check.js';

export type LookupFunction = (hostname: string) => Promise<string[]>;

export interface CentralCheckOptions {
  /** Central's base URL, or null when none is configured. */
  url: string | null;
  /** Per step. */
  timeoutMs?: number;
  /** dns.lookup (all addresses) by default. */
  lookup?: LookupFunction;
  now?: () => Date;
  /** A certificate expiring sooner than this warns. */
  certificateWarnDays?: number;
  /** Training mode: central is the emulator inside a running station, absent from a CLI run. */
  training?: boolean;
}

/** What the HTTP health step learned about central's clock, for the clock section. */
export interface CentralTime {
  /** Central's clock minus ours, corrected for half the round trip; null when unknown. */
  skewMs: number | null;
  source: 'health-body' | 'date-header' | null;
}

export interface CentralCheckResult {
  checks: DiagCheck[];
  time: CentralTime;
}

const titles = {
  dns: text('DNS: nama server pusat', 'DNS: central\'s name'),
  tcp: text('TCP: sambungan ke server pusat', 'TCP: connection to central'),
  tls: text('TLS: jabat tangan dan sertifikat', 'TLS: handshake and certificate'),
  http: text('HTTP: pemeriksaan kesehatan server pusat', 'HTTP: central\'s health check'),
};

const defaultLookup: LookupFunction = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`${what}: no answer in ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = netConnect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy(Object.assign(new Error(`no answer from ${host}:${port} in ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    socket.once('connect', () => {
      const latency = Math.round(performance.now() - started);
      socket.end();
      socket.destroy();
      resolve(latency);
    });
    socket.once('error', reject);
  });
}

interface TlsSeen {
  latencyMs: number;
  authorized: boolean;
  authorizationError: string | null;
  certificate: PeerCertificate;
  protocol: string | null;
}

function tlsHandshake(address: string, port: number, servername: string | undefined, timeoutMs: number): Promise<TlsSeen> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = tlsConnect({ host: address, port, ...(servername === undefined ? {} : { servername }), rejectUnauthorized: false });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy(Object.assign(new Error(`no TLS handshake from ${address}:${port} in ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    socket.once('secureConnect', () => {
      const seen: TlsSeen = {
        latencyMs: Math.round(performance.now() - started),
        authorized: socket.authorized,
        authorizationError: socket.authorized ? null : errorCodeOrText(socket.authorizationError),
        certificate: socket.getPeerCertificate(),
        protocol: socket.getProtocol(),
      };
      socket.end();
      socket.destroy();
      resolve(seen);
    });
    socket.once('error', reject);
  });
}

function errorCodeOrText(error: Error | string): string {
  if (typeof error === 'string') return error;
  const code = errorCode(error);
  return code === 'UNKNOWN' ? error.message : code;
}

interface HealthSeen {
  status: number;
  latencyMs: number;
  body: string;
  dateHeader: string | null;
  startedAt: number;
}

function httpGet(url: URL, timeoutMs: number, now: () => Date): Promise<HealthSeen> {
  return new Promise((resolve, reject) => {
    const startedAt = now().getTime();
    const started = performance.now();
    const request = (url.protocol === 'https:' ? https : http).get(url, { headers: { accept: 'application/json' }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 64 * 1024) chunks.push(chunk);
      });
      response.once('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          latencyMs: Math.round(performance.now() - started),
          body: Buffer.concat(chunks).toString('utf8'),
          dateHeader: response.headers.date ?? null,
          startedAt,
        }),
      );
      response.once('error', reject);
    });
    request.once('timeout', () => request.destroy(Object.assign(new Error(`central sent no reply in ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.once('error', reject);
  });
}

function tcpFailure(code: string, host: string, port: number) {
  if (code === 'ECONNREFUSED') {
    return {
      code: 'CONNECTION_REFUSED',
      cause: text(`Tidak ada yang mendengarkan di ${host}:${port}: server pusat mati atau portnya salah.`, `Nothing listens on ${host}:${port}: central is down or the port is wrong.`),
      fix: text('Periksa port di central.url pada konfigurasi; tanyakan ke pengelola server pusat apakah layanannya berjalan.', 'Check the port in central.url of the config; ask central\'s operators whether the service is up.'),
    };
  }
  if (code === 'ETIMEDOUT') {
    return {
      code: 'TIMEOUT',
      cause: text(`${host}:${port} tidak menjawab: paket dibuang di jalan (firewall, VPN putus, atau jaringan macet).`, `${host}:${port} does not answer: packets are dropped on the way (a firewall, a VPN that is down, or a congested link).`),
      fix: text('Periksa VPN/jalur privat ke pusat dan aturan firewall untuk port ini.', 'Check the VPN / private line to central and the firewall rules for this port.'),
    };
  }
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') {
    return {
      code: 'NETWORK_UNREACHABLE',
      cause: text(`Tidak ada rute ke ${host} (${code}): station tidak tersambung ke jaringan itu.`, `No route to ${host} (${code}): the station is not connected to that network.`),
      fix: text('Periksa kabel jaringan, Wi-Fi atau modem, dan VPN ke pusat.', 'Check the network cable, Wi-Fi or modem, and the VPN to central.'),
    };
  }
  return {
    code: 'CONNECTION_FAILED',
    cause: text(`Sambungan ke ${host}:${port} gagal (${code}).`, `The connection to ${host}:${port} failed (${code}).`),
    fix: text('Periksa jaringan station dan alamat central.url di konfigurasi.', 'Check the station\'s network and central.url in the config.'),
  };
}

function certificateFailure(reason: string, certificate: PeerCertificate, host: string) {
  const until = certificate.valid_to;
  const from = certificate.valid_from;
  if (reason === 'CERT_HAS_EXPIRED') {
    return {
      code: 'CERT_EXPIRED',
      cause: text(`Sertifikat server pusat kedaluwarsa pada ${until}.`, `Central's certificate expired on ${until}.`),
      fix: text('Minta pengelola server pusat memperbarui sertifikatnya. Jika tanggal itu masih di masa depan, jam station terlalu maju: setel jam station.', 'Ask central\'s operators to renew the certificate. If that date is still in the future, the station\'s clock is ahead: set the station clock.'),
    };
  }
  if (reason === 'CERT_NOT_YET_VALID') {
    return {
      code: 'CERT_NOT_YET_VALID',
      cause: text(`Sertifikat server pusat baru berlaku mulai ${from}.`, `Central's certificate is valid only from ${from}.`),
      fix: text('Jam station kemungkinan tertinggal: setel jam (aktifkan NTP: `timedatectl set-ntp true`).', 'The station\'s clock is probably behind: set it (turn NTP on: `timedatectl set-ntp true`).'),
    };
  }
  if (reason === 'DEPTH_ZERO_SELF_SIGNED_CERT' || reason === 'SELF_SIGNED_CERT_IN_CHAIN') {
    return {
      code: 'CERT_SELF_SIGNED',
      cause: text(`Server di ${host} memakai sertifikat yang ditandatangani sendiri, bukan dari CA tepercaya (${reason}).`, `The server at ${host} uses a self-signed certificate, not one from a trusted CA (${reason}).`),
      fix: text('Pastikan central.url menunjuk ke server pusat yang asli; bila pusat memakai CA sendiri, pasang sertifikat CA itu di station (NODE_EXTRA_CA_CERTS atau penyimpanan CA sistem).', 'Make sure central.url points at the real central; if central uses its own CA, install that CA certificate on the station (NODE_EXTRA_CA_CERTS or the system CA store).'),
    };
  }
  return {
    code: 'CERT_UNTRUSTED',
    cause: text(`Sertifikat server di ${host} tidak dapat dipercaya (${reason}).`, `The certificate of the server at ${host} cannot be trusted (${reason}).`),
    fix: text('Pasang sertifikat CA pusat di station; jika ada proxy yang menyadap TLS di jaringan ini, lewati proxy itu.', 'Install central\'s CA certificate on the station; if a proxy on this network intercepts TLS, bypass it.'),
  };
}

const DAY_MS = 86_400_000;

/** The link to central, step by step: DNS → TCP → TLS → HTTP health. A step after a failed one is skipped, saying why. */
export async function checkCentral(options: CentralCheckOptions): Promise<CentralCheckResult> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 5000;
  const noTime: CentralTime = { skewMs: null, source: null };
  if (options.url === null) {
    const cause = options.training === true
      ? text('Mode pelatihan: server pusat tiruan hanya berjalan di dalam station yang menyala.', 'Training mode: the central emulator runs only inside a running station.')
      : text('Tidak ada server pusat di konfigurasi.', 'No central server is configured.');
    const fix = options.training === true
      ? text('Jalankan diagnosis dari halaman Diagnostik station yang menyala.', 'Run the diagnosis from the Diagnostik page of the running station.')
      : text('Isi central.url di station.config.json.', 'Fill in central.url in station.config.json.');
    return {
      checks: (['dns', 'tcp', 'tls', 'http'] as const).map((step) =>
        skip({ id: `central.${step}`, section: 'central', subject: '—', title: titles[step], code: options.training === true ? 'TRAINING_EMULATOR' : 'CENTRAL_NOT_CONFIGURED', cause, fix }),
      ),
      time: noTime,
    };
  }
  const url = new URL(options.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const subject = `${url.protocol}//${url.host}`;
  const base = { section: 'central' as const, subject };
  const checks: DiagCheck[] = [];
  const skipRest = (steps: ReadonlyArray<keyof typeof titles>, failed: string) => {
    for (const step of steps) {
      checks.push(
        skip({ ...base, id: `central.${step}`, title: titles[step], code: 'EARLIER_STEP_FAILED', cause: text(`Tidak dijalankan karena langkah ${failed} gagal.`, `Not run because the ${failed} step failed.`) }),
      );
    }
  };

  // DNS
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
    checks.push(pass({ ...base, id: 'central.dns', title: titles.dns, observed: `${host} (IP address, no lookup)`, facts: { addresses: host } }));
  } else {
    const started = performance.now();
    try {
      addresses = await withTimeout((options.lookup ?? defaultLookup)(host), timeoutMs, `DNS ${host}`);
      if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: 'ENODATA' });
      checks.push(pass({ ...base, id: 'central.dns', title: titles.dns, observed: addresses.join(', '), latencyMs: Math.round(performance.now() - started), facts: { addresses: addresses.join(',') } }));
    } catch (error: unknown) {
      const code = errorCode(error);
      checks.push(
        fail({
          ...base,
          id: 'central.dns',
          title: titles.dns,
          code: 'DNS_FAILED',
          observed: code,
          cause: text(`Nama ${host} tidak dapat diterjemahkan ke alamat (${code}).`, `The name ${host} does not resolve to an address (${code}).`),
          fix: text('Periksa ejaan nama di central.url, server DNS station (/etc/resolv.conf), atau tambahkan alamatnya ke /etc/hosts bila pusat memberi IP tetap.', 'Check the spelling of the name in central.url and the station\'s DNS server (/etc/resolv.conf), or add it to /etc/hosts when central gave a fixed IP.'),
          facts: { errno: code, detail: errorMessage(error) },
        }),
      );
      skipRest(['tcp', 'tls', 'http'], 'DNS');
      return { checks, time: noTime };
    }
  }

  // TCP
  let address = addresses[0] ?? host;
  let tcpLatency: number | null = null;
  let tcpError: unknown = null;
  for (const candidate of addresses) {
    try {
      tcpLatency = await tcpConnect(candidate, port, timeoutMs);
      address = candidate;
      break;
    } catch (error: unknown) {
      tcpError = error;
    }
  }
  if (tcpLatency === null) {
    const code = errorCode(tcpError);
    checks.push(fail({ ...base, id: 'central.tcp', title: titles.tcp, observed: code, ...tcpFailure(code, address, port), facts: { address, port, errno: code } }));
    skipRest(['tls', 'http'], 'TCP');
    return { checks, time: noTime };
  }
  checks.push(pass({ ...base, id: 'central.tcp', title: titles.tcp, observed: `${address}:${port}`, latencyMs: tcpLatency, facts: { address, port } }));

  // TLS
  if (!secure && options.training === true) {
    checks.push(
      skip({
        ...base,
        id: 'central.tls',
        title: titles.tls,
        code: 'TRAINING_EMULATOR',
        cause: text('Mode pelatihan: server pusat tiruan di komputer ini, tanpa TLS.', 'Training mode: the central emulator runs on this computer, without TLS.'),
      }),
    );
  } else if (!secure) {
    checks.push(
      warn({
        ...base,
        id: 'central.tls',
        title: titles.tls,
        code: 'NOT_ENCRYPTED',
        cause: text('central.url memakai http:// — sambungan tidak dienkripsi (paket tetap tersegel).', 'central.url uses http:// — the link is not encrypted (packets stay sealed).'),
        fix: text('Pakai alamat https:// dari pengelola server pusat.', 'Use the https:// address central\'s operators give.'),
      }),
    );
  } else {
    let seen: TlsSeen;
    try {
      seen = await tlsHandshake(address, port, isIP(host) === 0 ? host : undefined, timeoutMs);
    } catch (error: unknown) {
      const code = errorCode(error);
      const message = errorMessage(error);
      const plain = /wrong version number|packet length too long|EPROTO/i.test(`${code} ${message}`);
      checks.push(
        fail({
          ...base,
          id: 'central.tls',
          title: titles.tls,
          code: code === 'ETIMEDOUT' ? 'TIMEOUT' : 'TLS_HANDSHAKE_FAILED',
          observed: code,
          cause: plain
            ? text(`Server di ${address}:${port} tidak berbicara TLS (${message}).`, `The server at ${address}:${port} does not speak TLS (${message}).`)
            : text(`Jabat tangan TLS dengan ${address}:${port} gagal (${message}).`, `The TLS handshake with ${address}:${port} failed (${message}).`),
          fix: plain
            ? text('Periksa central.url: mungkin seharusnya http://, atau portnya salah.', 'Check central.url: it may need http://, or the port is wrong.')
            : text('Periksa bahwa central.url menunjuk ke server pusat yang benar, dan tanyakan ke pengelolanya versi TLS yang didukung.', 'Check that central.url points at the right central, and ask its operators which TLS versions it supports.'),
          facts: { errno: code, detail: message },
        }),
      );
      skipRest(['http'], 'TLS');
      return { checks, time: noTime };
    }
    const cert = seen.certificate;
    const validTo = Date.parse(cert.valid_to);
    const facts = {
      subject: commonName(cert.subject),
      issuer: commonName(cert.issuer),
      validFrom: cert.valid_from,
      validTo: cert.valid_to,
      fingerprint256: cert.fingerprint256,
      protocol: seen.protocol,
    };
    const identityError = servernameError(host, cert);
    const reason = seen.authorized ? identityError : (seen.authorizationError ?? 'UNTRUSTED');
    if (reason !== null) {
      const hostname = reason === 'ERR_TLS_CERT_ALTNAME_INVALID';
      checks.push(
        fail({
          ...base,
          id: 'central.tls',
          title: titles.tls,
          observed: reason,
          latencyMs: seen.latencyMs,
          ...(hostname
            ? {
                code: 'CERT_HOSTNAME_MISMATCH',
                cause: text(`Sertifikat server bukan untuk ${host} (untuk ${commonName(cert.subject) ?? '?'}).`, `The server's certificate is not for ${host} (it is for ${commonName(cert.subject) ?? '?'}).`),
                fix: text('Pakai nama server pusat yang tertulis di sertifikatnya pada central.url.', 'Use the name on central\'s certificate in central.url.'),
              }
            : certificateFailure(reason, cert, host)),
          facts,
        }),
      );
      skipRest(['http'], 'TLS');
      return { checks, time: noTime };
    }
    const daysLeft = Math.floor((validTo - now().getTime()) / DAY_MS);
    const warnDays = options.certificateWarnDays ?? 14;
    checks.push(
      daysLeft < warnDays
        ? warn({
            ...base,
            id: 'central.tls',
            title: titles.tls,
            observed: `${seen.protocol ?? 'TLS'}, valid until ${cert.valid_to}`,
            latencyMs: seen.latencyMs,
            code: 'CERT_EXPIRES_SOON',
            cause: text(`Sertifikat server pusat habis dalam ${daysLeft} hari (${cert.valid_to}).`, `Central's certificate expires in ${daysLeft} days (${cert.valid_to}).`),
            fix: text('Beri tahu pengelola server pusat agar memperbaruinya sebelum tanggal itu.', 'Tell central\'s operators to renew it before that date.'),
            facts: { ...facts, daysLeft },
          })
        : pass({ ...base, id: 'central.tls', title: titles.tls, observed: `${seen.protocol ?? 'TLS'}, valid until ${cert.valid_to}`, latencyMs: seen.latencyMs, facts: { ...facts, daysLeft } }),
    );
  }

  // HTTP health
  const healthUrl = new URL(`${options.url.replace(/\/+$/, '')}${paths.health}`);
  let health: HealthSeen;
  try {
    health = await httpGet(healthUrl, timeoutMs, now);
  } catch (error: unknown) {
    const code = errorCode(error);
    checks.push(
      fail({
        ...base,
        id: 'central.http',
        title: titles.http,
        code: code === 'ETIMEDOUT' ? 'TIMEOUT' : 'HTTP_FAILED',
        observed: code,
        cause: text(`Permintaan ${healthUrl.pathname} tidak mendapat jawaban (${errorMessage(error)}).`, `The request for ${healthUrl.pathname} got no answer (${errorMessage(error)}).`),
        fix: text('Server pusat menerima sambungan tetapi tidak menjawab: tanyakan ke pengelolanya.', 'Central accepts connections but does not answer: ask its operators.'),
        facts: { url: healthUrl.href, errno: code },
      }),
    );
    return { checks, time: noTime };
  }
  const httpFacts = { url: healthUrl.href, status: health.status };
  if (health.status === 503) {
    checks.push(
      fail({
        ...base,
        id: 'central.http',
        title: titles.http,
        code: 'MAINTENANCE',
        observed: 'HTTP 503',
        latencyMs: health.latencyMs,
        cause: text('Server pusat sedang dalam pemeliharaan (HTTP 503).', 'Central is under maintenance (HTTP 503).'),
        fix: text('Tidak ada yang perlu diperbaiki di station: perekaman berjalan terus dan antrean terkirim setelah pusat kembali.', 'Nothing to fix on the station: recording goes on and the backlog is sent once central is back.'),
        facts: httpFacts,
      }),
    );
    return { checks, time: timeFrom(health, null) };
  }
  if (health.status < 200 || health.status >= 300) {
    checks.push(
      fail({
        ...base,
        id: 'central.http',
        title: titles.http,
        code: 'HTTP_ERROR',
        observed: `HTTP ${health.status}`,
        latencyMs: health.latencyMs,
        cause: text(`Server pusat menjawab HTTP ${health.status} pada ${healthUrl.pathname}.`, `Central answered HTTP ${health.status} on ${healthUrl.pathname}.`),
        fix: text('Periksa bahwa central.url adalah alamat dasar API pusat (tanpa /v1); bila benar, laporkan ke pengelola pusat.', 'Check that central.url is the base address of central\'s API (without /v1); if it is, report it to central\'s operators.'),
        facts: httpFacts,
      }),
    );
    return { checks, time: timeFrom(health, null) };
  }
  let reply: HealthReply | null = null;
  try {
    const parsed = HealthReply.safeParse(JSON.parse(health.body));
    reply = parsed.success ? parsed.data : null;
  } catch {
    reply = null;
  }
  if (reply === null) {
    checks.push(
      fail({
        ...base,
        id: 'central.http',
        title: titles.http,
        code: 'UNEXPECTED_REPLY',
        observed: `HTTP ${health.status}, ${health.body.length} bytes`,
        latencyMs: health.latencyMs,
        cause: text('Jawaban pemeriksaan kesehatan bukan jawaban API pusat v1: alamat itu bukan server pusat.', 'The health reply is not a central API v1 reply: that address is not central.'),
        fix: text('Betulkan central.url di konfigurasi (mungkin menunjuk ke portal atau proxy).', 'Correct central.url in the config (it may point at a portal or a proxy).'),
        facts: httpFacts,
      }),
    );
    return { checks, time: timeFrom(health, null) };
  }
  checks.push(pass({ ...base, id: 'central.http', title: titles.http, observed: `HTTP ${health.status}, API v${reply.apiVersion}`, latencyMs: health.latencyMs, facts: { ...httpFacts, centralTime: reply.time } }));
  return { checks, time: timeFrom(health, reply.time) };
}

function commonName(name: PeerCertificate['subject'] | undefined): string | null {
  const cn = name?.CN;
  if (cn === undefined) return null;
  return Array.isArray(cn) ? cn.join(', ') : cn;
}

function servernameError(host: string, cert: PeerCertificate): string | null {
  const error = checkServerIdentity(host, cert);
  return error === undefined ? null : errorCodeOrText(error);
}

function timeFrom(health: HealthSeen, bodyTime: string | null): CentralTime {
  const midpoint = health.startedAt + health.latencyMs / 2;
  if (bodyTime !== null) return { skewMs: Math.round(Date.parse(bodyTime) - midpoint), source: 'health-body' };
  if (health.dateHeader !== null) {
    const date = Date.parse(health.dateHeader);
    // The Date header has whole seconds: round the skew to the second.
    if (!Number.isNaN(date)) return { skewMs: Math.round((date - midpoint) / 1000) * 1000, source: 'date-header' };
  }
  return { skewMs: null, source: null };
}

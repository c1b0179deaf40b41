import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCode, methods } from '../../src-main/contract/index.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station.js';
import { startWebHost } from '../../src-main/web/server.js';
import type { WebHost } from '../../src-main/web/server.js';
import { assertBuilt, runCli } from '../helpers/cli.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { rawRequest } from '../helpers/http.js';
import { productionSetup, silentLogger, tempDir } from '../helpers/station.js';

/**
 * Attacks on a production station through its real web host on loopback: each must be refused
 * with its own code, change nothing, and land in the audit log.
 */
let home: { dir: string; remove: () => void };
let station: Station;
let hostA: WebHost;
let hostB: WebHost;
let clock = new Date('2026-12-01T08:00:00Z');
const SUPERVISOR = { username: 'kepala.seksi', displayName: 'Kepala Seksi', password: 'Sandi-Kuat-2026' };

interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: { id: string; en: string }; details?: Record<string, unknown> } };
}

async function call(
  method: string,
  params: unknown,
  options: { session?: string | null; host?: WebHost; token?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<Reply> {
  const host = options.host ?? hostA;
  const headers: Record<string, string> = { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, ...options.headers };
  const token = options.token === undefined ? host.token : options.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (options.session !== undefined && options.session !== null) headers['x-station-session'] = options.session;
  const response = await rawRequest({ port: host.port, path: `/api/${method}`, headers, body: options.rawBody ?? JSON.stringify(params) });
  return { status: response.status, body: response.json() as Reply['body'] };
}

function codeOf(reply: Reply): string {
  return reply.body.error?.code ?? 'OK';
}

function db(): Database.Database {
  return new Database(join(home.dir, 'station.db'), { readonly: true });
}

function auditSince(seq: number): Array<{ seq: number; actor: string; action: string; details: Record<string, unknown> }> {
  const handle = db();
  try {
    return (handle.prepare('SELECT seq, actor, action, details FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as Array<{
      seq: number;
      actor: string;
      action: string;
      details: string;
    }>).map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  } finally {
    handle.close();
  }
}

function lastSeq(): number {
  const handle = db();
  try {
    return (handle.prepare('SELECT coalesce(max(seq), 0) AS seq FROM audit_log').get() as { seq: number }).seq;
  } finally {
    handle.close();
  }
}

function count(table: string): number {
  const handle = db();
  try {
    return (handle.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    handle.close();
  }
}

async function signIn(username: string, password: string): Promise<string> {
  const reply = await call('session.signIn', { username, password });
  expect(codeOf(reply), JSON.stringify(reply.body)).toBe('OK');
  return reply.body['sessionId'] as string;
}

async function reauth(session: string, password: string, method: string): Promise<string> {
  const reply = await call('session.reauthenticate', { password, method }, { session });
  expect(codeOf(reply)).toBe('OK');
  return reply.body['reauthProof'] as string;
}

let supervisor: string;
const accountIds: Record<string, string> = {};

beforeAll(async () => {
  assertBuilt();
  home = tempDir('ktp-attacks-');
  station = createStation({
    setup: productionSetup(home.dir, 'http://127.0.0.1:9'),
    logger: silentLogger(),
    host: 'web',
    regions: await regionDirectory(),
    now: () => clock,
  });
  hostA = await startWebHost(station, { port: 0, bindAddress: '127.0.0.1', allowRemote: false, rendererDir: null });
  hostB = await startWebHost(station, { port: 0, bindAddress: '127.0.0.1', allowRemote: false, rendererDir: null });
});

afterAll(async () => {
  await hostA.close();
  await hostB.close();
  await station.close();
  home.remove();
});

describe('first run and supervisor accounts', () => {
  it('offers the first-run screen only while no account exists, and refuses a weak first password', async () => {
    expect((await call('account.setup', {})).body).toMatchObject({ mode: 'production', firstRun: true });
    const weak = await call('account.createFirstSupervisor', { ...SUPERVISOR, password: 'kepala123' });
    expect(codeOf(weak)).toBe('PASSWORD_REJECTED');
    expect(weak.body.error?.message.id).toContain('minimal 10 karakter');
    expect(count('account')).toBe(0);
    const first = await call('account.createFirstSupervisor', SUPERVISOR);
    expect(first.body).toMatchObject({ operator: { id: 'kepala.seksi', role: 'supervisor' }, training: false, locked: false });
    supervisor = first.body['sessionId'] as string;
    expect((await call('account.setup', {})).body).toMatchObject({ firstRun: false });
    expect(codeOf(await call('account.createFirstSupervisor', { ...SUPERVISOR, username: 'penyusup' }))).toBe('ACCOUNTS_EXIST');
    expect(count('account')).toBe(1);
  });

  it('stores a salted scrypt hash, never the password', () => {
    const handle = db();
    const row = handle.prepare('SELECT password_hash FROM account').get() as { password_hash: string };
    handle.close();
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row.password_hash).not.toContain(SUPERVISOR.password);
  });

  it('creates accounts only with a fresh re-authentication, used once', async () => {
    const params = { username: 'siti.operator', displayName: 'Siti Rahayu', role: 'operator', password: 'Sementara-001' };
    expect(codeOf(await call('account.create', params, { session: supervisor }))).toBe('REAUTH_REQUIRED');
    expect(codeOf(await call('account.create', { ...params, reauthProof: 'made-up' }, { session: supervisor }))).toBe('REAUTH_REQUIRED');
    const wrongPassword = await call('session.reauthenticate', { password: 'bukan-sandinya-1', method: 'account.create' }, { session: supervisor });
    expect(codeOf(wrongPassword)).toBe('SIGN_IN_FAILED');
    // A proof for another method does not open this one.
    const otherProof = await reauth(supervisor, SUPERVISOR.password, 'account.setDisabled');
    expect(codeOf(await call('account.create', { ...params, reauthProof: otherProof }, { session: supervisor }))).toBe('REAUTH_REQUIRED');
    expect(count('account')).toBe(1);
    const proof = await reauth(supervisor, SUPERVISOR.password, 'account.create');
    const created = await call('account.create', { ...params, reauthProof: proof }, { session: supervisor });
    expect(created.body).toMatchObject({ username: 'siti.operator', role: 'operator', mustChangePassword: true, disabled: false });
    accountIds['siti.operator'] = created.body['id'] as string;
    expect(codeOf(await call('account.create', { ...params, username: 'dua.kali', reauthProof: proof }, { session: supervisor }))).toBe(
      'REAUTH_REQUIRED',
    );
    for (const [username, role] of [['andi.teknisi', 'technician'], ['rina.operator', 'operator']] as const) {
      const next = await reauth(supervisor, SUPERVISOR.password, 'account.create');
      const reply = await call(
        'account.create',
        { username, displayName: username, role, password: 'Sementara-001', reauthProof: next },
        { session: supervisor },
      );
      expect(codeOf(reply)).toBe('OK');
      accountIds[username] = reply.body['id'] as string;
    }
    expect(count('account')).toBe(4);
    const actions = auditSince(0).map((e) => e.action);
    expect(actions.filter((a) => a === 'ACCOUNT_CREATED')).toHaveLength(4);
    expect(actions).toContain('REAUTHENTICATED');
  });

  it('makes a person change a supervisor-set password before any work', async () => {
    const session = await signIn('siti.operator', 'Sementara-001');
    expect(codeOf(await call('dashboard.summary', {}, { session }))).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await call('account.changePassword', { currentPassword: 'Sementara-001', newPassword: 'Sementara-001' }, { session });
    expect(codeOf(same)).toBe('PASSWORD_REJECTED');
    const changed = await call('account.changePassword', { currentPassword: 'Sementara-001', newPassword: 'Siti-Rekam-2026' }, { session });
    expect(changed.body).toMatchObject({ mustChangePassword: false });
    expect(codeOf(await call('dashboard.summary', {}, { session }))).toBe('OK');
    for (const username of ['andi.teknisi', 'rina.operator']) {
      const other = await signIn(username, 'Sementara-001');
      expect(codeOf(await call('account.changePassword', { currentPassword: 'Sementara-001', newPassword: `${username.slice(0, 4)}-Baru-2026` }, { session: other }))).toBe('OK');
    }
  });
});

describe('attacks on the web host', () => {
  it('no token: 401 TOKEN_MISSING, audited', async () => {
    const before = lastSeq();
    const reply = await call('account.list', {}, { token: null, session: supervisor });
    expect([reply.status, codeOf(reply)]).toEqual([401, 'TOKEN_MISSING']);
    expect(auditSince(before)).toEqual([expect.objectContaining({ action: 'REQUEST_REFUSED', details: expect.objectContaining({ code: 'TOKEN_MISSING' }) })]);
  });

  it('a token from another launch: TOKEN_INVALID; and a session started under another launch token is unknown here', async () => {
    const before = lastSeq();
    const foreignToken = await call('account.list', {}, { token: hostB.token, session: supervisor });
    expect([foreignToken.status, codeOf(foreignToken)]).toEqual([401, 'TOKEN_INVALID']);
    const signedInB = await call('session.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password }, { host: hostB });
    const sessionB = signedInB.body['sessionId'] as string;
    expect(codeOf(await call('account.list', {}, { host: hostB, session: sessionB }))).toBe('OK');
    const carried = await call('account.list', {}, { session: sessionB });
    expect([carried.status, codeOf(carried)]).toEqual([401, 'SESSION_REQUIRED']);
    const codes = auditSince(before).map((e) => e.details['code']);
    expect(codes).toEqual(expect.arrayContaining(['TOKEN_INVALID', 'SESSION_REQUIRED']));
  });

  it('a foreign Origin and a rebinding Host header: 403, audited', async () => {
    const before = lastSeq();
    const origin = await call('account.list', {}, { session: supervisor, headers: { origin: 'http://evil.example' } });
    expect([origin.status, codeOf(origin)]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    const rebound = await call('account.list', {}, { session: supervisor, headers: { host: `evil.example:${hostA.port}` } });
    expect([rebound.status, codeOf(rebound)]).toEqual([403, 'HOST_NOT_ALLOWED']);
    expect(auditSince(before).map((e) => e.details['code'])).toEqual(['ORIGIN_NOT_ALLOWED', 'HOST_NOT_ALLOWED']);
  });

  it('an operator calling a supervisor method: FORBIDDEN_ROLE, nothing changed, audited with who', async () => {
    const operator = await signIn('siti.operator', 'Siti-Rekam-2026');
    const before = lastSeq();
    const accounts = count('account');
    const create = await call(
      'account.create',
      { username: 'teman.siti', displayName: 'Teman', role: 'supervisor', password: 'Teman-Siti-2026' },
      { session: operator },
    );
    expect([create.status, codeOf(create)]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(codeOf(await call('audit.search', {}, { session: operator }))).toBe('FORBIDDEN_ROLE');
    expect(count('account')).toBe(accounts);
    expect(auditSince(before)).toEqual([
      expect.objectContaining({ actor: 'siti.operator', action: 'CALL_REFUSED', details: expect.objectContaining({ method: 'account.create', code: 'FORBIDDEN_ROLE' }) }),
      expect.objectContaining({ actor: 'siti.operator', action: 'CALL_REFUSED', details: expect.objectContaining({ method: 'audit.search', code: 'FORBIDDEN_ROLE' }) }),
    ]);
  });

  it('a technician reading biometrics or resident data: FORBIDDEN_ROLE, audited', async () => {
    const operator = await signIn('siti.operator', 'Siti-Rekam-2026');
    const draft = await call('enrollment.startDraft', { demographics: demographicsFixture() }, { session: operator });
    const id = draft.body['id'] as string;
    for (const params of captureParams(id)) expect(codeOf(await call('enrollment.addCapture', params, { session: operator }))).toBe('OK');
    expect(codeOf(await call('enrollment.commit', { id }, { session: operator }))).toBe('OK');
    const technician = await signIn('andi.teknisi', 'andi-Baru-2026');
    const before = lastSeq();
    const image = await call('enrollment.captureImage', { id, modality: 'FINGER', position: 'R1', attempt: 1 }, { session: technician });
    expect([image.status, codeOf(image)]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(codeOf(await call('enrollment.get', { id }, { session: technician }))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(await call('enrollment.search', { nik: '3501011205900001' }, { session: technician }))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(await call('audit.verify', {}, { session: technician }))).toBe('OK');
    expect(auditSince(before).filter((e) => e.action === 'CALL_REFUSED').map((e) => e.details['method'])).toEqual([
      'enrollment.captureImage',
      'enrollment.get',
      'enrollment.search',
    ]);
    // The operator's own view of the record is audited as a view.
    const viewed = lastSeq();
    expect(codeOf(await call('enrollment.get', { id }, { session: operator }))).toBe('OK');
    expect(auditSince(viewed)).toEqual([expect.objectContaining({ actor: 'siti.operator', action: 'RECORD_VIEWED' })]);
  });

  it('replay of a logged-out session: SESSION_REQUIRED, audited', async () => {
    const session = await signIn('rina.operator', 'rina-Baru-2026');
    expect(codeOf(await call('dashboard.summary', {}, { session }))).toBe('OK');
    expect((await call('session.end', {}, { session })).body).toEqual({ ended: true });
    const before = lastSeq();
    const replay = await call('dashboard.summary', {}, { session });
    expect([replay.status, codeOf(replay)]).toEqual([401, 'SESSION_REQUIRED']);
    expect(auditSince(before)).toEqual([expect.objectContaining({ action: 'CALL_REFUSED', details: expect.objectContaining({ code: 'SESSION_REQUIRED' }) })]);
    expect(auditSince(0).filter((e) => e.action === 'LOGOUT' && e.actor === 'rina.operator')).toHaveLength(1);
  });

  it('brute force: the fifth wrong password locks the account for 15 minutes, even the right one is refused, all audited', async () => {
    const before = lastSeq();
    const replies: Reply[] = [];
    for (let i = 0; i < 6; i++) replies.push(await call('session.signIn', { username: 'rina.operator', password: `tebakan-${i}-salah` }));
    expect(replies.map(codeOf)).toEqual(['SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect(replies[4]?.body.error?.message.id).toContain('Akun terkunci selama 15 menit');
    expect(replies[4]?.body.error?.message.en).toContain('locked for 15 minutes');
    const right = await call('session.signIn', { username: 'rina.operator', password: 'rina-Baru-2026' });
    expect([right.status, codeOf(right)]).toEqual([423, 'ACCOUNT_LOCKED']);
    const actions = auditSince(before).map((e) => e.action);
    expect(actions.filter((a) => a === 'LOGIN_FAILED')).toHaveLength(5);
    expect(actions.filter((a) => a === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect(actions.filter((a) => a === 'LOGIN_REFUSED')).toHaveLength(2);
    // Unknown names fail the same way and are audited too.
    expect(codeOf(await call('session.signIn', { username: 'tidak.ada', password: 'apa-saja-123' }))).toBe('SIGN_IN_FAILED');
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect(codeOf(await call('session.signIn', { username: 'rina.operator', password: 'rina-Baru-2026' }))).toBe('OK');
  });

  it('locks an idle desk and keeps the draft; the same person unlocks with the password', async () => {
    const operator = await signIn('siti.operator', 'Siti-Rekam-2026');
    const draft = await call('enrollment.startDraft', { demographics: demographicsFixture({ nik: '3501011305900002', tanggalLahir: '1990-05-13' }) }, { session: operator });
    const id = draft.body['id'] as string;
    clock = new Date(clock.getTime() + 16 * 60_000);
    const locked = await call('enrollment.get', { id }, { session: operator });
    expect([locked.status, codeOf(locked)]).toEqual([423, 'SESSION_LOCKED']);
    expect((await call('session.current', {}, { session: operator })).body).toMatchObject({ locked: true });
    expect(codeOf(await call('session.unlock', { password: 'salah-sekali-1' }, { session: operator }))).toBe('SIGN_IN_FAILED');
    expect((await call('session.unlock', { password: 'Siti-Rekam-2026' }, { session: operator })).body).toMatchObject({ locked: false });
    expect((await call('enrollment.get', { id }, { session: operator })).body).toMatchObject({ id, status: 'DRAFT' });
    // The supervisor's desk idled too.
    expect((await call('session.unlock', { password: SUPERVISOR.password }, { session: supervisor })).body).toMatchObject({ locked: false });
  });

  it('a disabled account cannot sign in and its sessions end at once', async () => {
    const session = await signIn('rina.operator', 'rina-Baru-2026');
    const proof = await reauth(supervisor, SUPERVISOR.password, 'account.setDisabled');
    const disabled = await call('account.setDisabled', { id: accountIds['rina.operator'], disabled: true, reauthProof: proof }, { session: supervisor });
    expect(disabled.body).toMatchObject({ disabled: true });
    expect(codeOf(await call('dashboard.summary', {}, { session }))).toBe('SESSION_REQUIRED');
    expect(codeOf(await call('session.signIn', { username: 'rina.operator', password: 'rina-Baru-2026' }))).toBe('ACCOUNT_DISABLED');
  });

  it('oversize and SQL-like text in every text parameter: typed refusals or harmless answers, nothing applied, refusals audited', async () => {
    const stringFields: Array<{ method: string; field: string }> = [];
    // Password checks are left out: wrong passwords there rightly count towards the lockout (the
    // brute-force test covers them), and enough of them would lock this test's own supervisor out.
    const PASSWORD_CHECKS = new Set(['session.signIn', 'session.unlock', 'session.reauthenticate', 'account.changePassword']);
    for (const [name, spec] of Object.entries(methods)) {
      if (PASSWORD_CHECKS.has(name)) continue;
      const schema = z.toJSONSchema(spec.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string; enum?: unknown[] }> };
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.type === 'string') stringFields.push({ method: name, field });
      }
    }
    expect(stringFields.length).toBeGreaterThan(20);
    const handle = db();
    const schemaBefore = handle.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    handle.close();
    const accountsBefore = count('account');
    const enrollmentsBefore = count('enrollment');
    const sqlLike = fc.constantFrom(
      "' OR '1'='1",
      "'; DROP TABLE account; --",
      '" OR 1=1 --',
      "x'); DELETE FROM audit_log; --",
      '%',
      '_%_',
      "kepala.seksi' --",
      '\u0000',
      '1; UPDATE account SET role=\'supervisor\'',
    );
    const oversize = fc.integer({ min: 300, max: 200_000 }).map((n) => 'A'.repeat(n));
    const text = fc.oneof(sqlLike, oversize, fc.tuple(sqlLike, fc.string({ maxLength: 40 })).map(([a, b]) => a + b));
    const seen = new Set<string>();
    const DISPATCH_REFUSALS = new Set(['UNKNOWN_METHOD', 'SESSION_REQUIRED', 'SESSION_LOCKED', 'FORBIDDEN_ROLE', 'PASSWORD_CHANGE_REQUIRED', 'REAUTH_REQUIRED', 'INVALID_PARAMS']);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...stringFields), text, async ({ method, field }, value) => {
        const before = lastSeq();
        const reply = await call(method, { [field]: value }, { session: supervisor });
        const code = codeOf(reply);
        seen.add(code);
        expect(code === 'OK' || ErrorCode.options.includes(code as ErrorCode)).toBe(true);
        expect(code).not.toBe('INTERNAL');
        // Refusals at the dispatcher (who may call what, with which params) are attack signals and
        // always audited; a handler's own answer about the data (NOT_FOUND, a closed list) is not.
        if (DISPATCH_REFUSALS.has(code)) {
          expect(auditSince(before).length, `${method}.${field} refused with ${code} but not audited`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 250, seed: 8 },
    );
    expect(seen).toContain('INVALID_PARAMS');
    const after = db();
    expect(after.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
    after.close();
    expect(count('account')).toBe(accountsBefore);
    expect(count('enrollment')).toBe(enrollmentsBefore);
    expect((await call('audit.verify', {}, { session: supervisor })).body).toMatchObject({ ok: true });
  });

  it('a body over the limit is refused (413 BODY_TOO_LARGE) and audited', async () => {
    const before = lastSeq();
    const reply = await call('session.signIn', null, { rawBody: JSON.stringify({ username: 'a', password: 'x'.repeat(9 * 1024 * 1024) }) });
    expect([reply.status, codeOf(reply)]).toEqual([413, 'BODY_TOO_LARGE']);
    expect(auditSince(before)).toEqual([expect.objectContaining({ action: 'REQUEST_REFUSED', details: expect.objectContaining({ code: 'BODY_TOO_LARGE' }) })]);
  });

  it('exports the filtered audit log as CSV, and the export is audited', async () => {
    const reply = await call('audit.exportCsv', { action: 'LOGIN_FAILED' }, { session: supervisor });
    expect(codeOf(reply)).toBe('OK');
    const lines = (reply.body['csv'] as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,role,action,subject,details,hash');
    expect(lines.length - 1).toBe(reply.body['rows']);
    expect(lines.slice(1).every((line) => line.includes(',LOGIN_FAILED,'))).toBe(true);
    const page = await call('audit.search', { actor: 'rina.operator', limit: 3 }, { session: supervisor });
    expect((page.body['items'] as unknown[]).length).toBe(3);
    expect(page.body['actions']).toEqual(expect.arrayContaining(['LOGIN', 'LOGIN_FAILED', 'ACCOUNT_LOCKED', 'CALL_REFUSED', 'AUDIT_EXPORTED']));
  });
});

describe('tamper evidence', () => {
  it('one audit row edited in the database file: audit verify names it', async () => {
    await hostA.close();
    await hostB.close();
    await station.close();
    const handle = new Database(join(home.dir, 'station.db'));
    const target = handle.prepare("SELECT seq FROM audit_log WHERE action = 'ACCOUNT_LOCKED'").get() as { seq: number };
    handle.exec('DROP TRIGGER audit_log_no_update');
    handle.prepare("UPDATE audit_log SET actor = 'orang.lain' WHERE seq = ?").run(target.seq);
    handle.close();
    const result = runCli(['audit', 'verify', '--json', '--data', home.dir]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, firstBroken: target.seq, reason: 'hash-mismatch' });
    // Reopen for afterAll's close.
    station = createStation({ setup: productionSetup(home.dir, 'http://127.0.0.1:9'), logger: silentLogger(), host: 'web', regions: await regionDirectory() });
    hostA = await startWebHost(station, { port: 0, bindAddress: '127.0.0.1', allowRemote: false, rendererDir: null });
    hostB = await startWebHost(station, { port: 0, bindAddress: '127.0.0.1', allowRemote: false, rendererDir: null });
  });
});

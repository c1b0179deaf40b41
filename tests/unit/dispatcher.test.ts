import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMethod } from '../../src-main/contract/method.js';
import { statefulConnection, statelessConnection } from '../../src-main/core/call-context.js';
import { createTableDispatcher } from '../../src-main/core/dispatcher.js';
import { SessionRegistry } from '../../src-main/core/sessions.js';
import { StationError } from '../../src-main/core/station-error.js';
import { capturingLogger, silentLogger, tempDir, trainingStation } from '../helpers/station.js';

const table = {
  'demo.echo': defineMethod({
    summary: 'echo',
    roles: ['operator', 'supervisor'],
    params: z.object({ text: z.string().max(10) }).strict(),
    result: z.object({ text: z.string() }),
  }),
  'demo.open': defineMethod({ summary: 'open', roles: 'anyone', params: z.object({}).strict(), result: z.number() }),
  'demo.broken': defineMethod({ summary: 'bad result', roles: 'anyone', params: z.object({}), result: z.number() }),
  'demo.throws': defineMethod({ summary: 'crash', roles: 'anyone', params: z.object({}), result: z.number() }),
  'demo.refuses': defineMethod({ summary: 'typed refusal', roles: 'anyone', params: z.object({}), result: z.number() }),
};

function setup() {
  const sessions = new SessionRegistry({ idleMs: 60_000 });
  const { logger, records } = capturingLogger();
  const calls: unknown[] = [];
  const dispatcher = createTableDispatcher(
    table,
    {
      'demo.echo': (params) => {
        calls.push(params);
        return params;
      },
      'demo.open': () => 42,
      'demo.broken': () => 'not a number',
      'demo.throws': () => {
        throw new Error('disk on fire');
      },
      'demo.refuses': () => {
        throw new StationError('TRAINING_ONLY', { details: { why: 'test' } });
      },
    },
    sessions,
    logger,
  );
  const signIn = (role: 'operator' | 'printer' | 'technician' | 'supervisor') =>
    sessions.start({ id: `u-${role}`, displayName: role, role }, true).sessionId;
  return { dispatcher, sessions, records, calls, signIn };
}

describe('dispatcher', () => {
  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const { dispatcher } = setup();
    const outcome = await dispatcher.dispatch('demo.nothing', {}, statelessConnection('web', null));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', details: { method: 'demo.nothing' } } });
  });

  it('does not treat prototype names as methods', async () => {
    const { dispatcher } = setup();
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const outcome = await dispatcher.dispatch(name, {}, statelessConnection('web', null));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('requires a session for role-restricted methods, before looking at params', async () => {
    const { dispatcher, calls } = setup();
    const outcome = await dispatcher.dispatch('demo.echo', { bogus: true }, statelessConnection('web', null));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(calls).toHaveLength(0);
  });

  it('refuses a role not in the method table with FORBIDDEN_ROLE', async () => {
    const { dispatcher, signIn, calls } = setup();
    const outcome = await dispatcher.dispatch('demo.echo', { text: 'hi' }, statelessConnection('web', signIn('printer')));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE', details: { role: 'printer', allowed: ['operator', 'supervisor'] } },
    });
    expect(calls).toHaveLength(0);
  });

  it('refuses params that fail the schema with INVALID_PARAMS naming the field', async () => {
    const { dispatcher, signIn, calls } = setup();
    const outcome = await dispatcher.dispatch(
      'demo.echo',
      { text: 'far too long for this' },
      statelessConnection('web', signIn('operator')),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('INVALID_PARAMS');
    expect(outcome.error.details?.['issues']).toEqual([expect.objectContaining({ path: 'text' })]);
    expect(calls).toHaveLength(0);
  });

  it('refuses unknown extra params (strict schemas)', async () => {
    const { dispatcher, signIn } = setup();
    const outcome = await dispatcher.dispatch(
      'demo.echo',
      { text: 'ok', role: 'supervisor' },
      statelessConnection('web', signIn('operator')),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
  });

  it('calls the handler with validated params for an allowed role', async () => {
    const { dispatcher, signIn, calls } = setup();
    const outcome = await dispatcher.dispatch('demo.echo', { text: 'halo' }, statelessConnection('web', signIn('supervisor')));
    expect(outcome).toEqual({ ok: true, result: { text: 'halo' } });
    expect(calls).toEqual([{ text: 'halo' }]);
  });

  it('turns a thrown Error into INTERNAL without leaking its message', async () => {
    const { dispatcher, records } = setup();
    const outcome = await dispatcher.dispatch('demo.throws', {}, statelessConnection('web', null));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(outcome)).not.toContain('disk on fire');
    const logged = records.find((r) => r['method'] === 'demo.throws');
    expect(logged).toMatchObject({ code: 'INTERNAL', role: 'guest', level: 50 });
    expect(JSON.stringify(logged)).toContain('disk on fire');
  });

  it('passes a handler StationError through with its own code and details', async () => {
    const { dispatcher } = setup();
    const outcome = await dispatcher.dispatch('demo.refuses', {}, statelessConnection('web', null));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'TRAINING_ONLY', details: { why: 'test' } } });
  });

  it('refuses a result that breaks the contract as INTERNAL', async () => {
    const { dispatcher } = setup();
    const outcome = await dispatcher.dispatch('demo.broken', {}, statelessConnection('web', null));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reason: 'result does not match the contract' } } });
  });

  it('logs every call with method, role, host, duration and code', async () => {
    const { dispatcher, records, signIn } = setup();
    await dispatcher.dispatch('demo.open', {}, statelessConnection('web', null));
    await dispatcher.dispatch('demo.echo', { text: 'x' }, statelessConnection('electron', signIn('operator')));
    const calls = records.filter((r) => typeof r['method'] === 'string');
    expect(calls).toEqual([
      expect.objectContaining({ method: 'demo.open', role: 'guest', host: 'web', code: 'OK', durationMs: expect.any(Number) }),
      expect.objectContaining({ method: 'demo.echo', role: 'operator', host: 'electron', code: 'OK' }),
    ]);
  });

  it('locks an idle session (SESSION_LOCKED), and treats one past its life or ended as no session', async () => {
    let now = new Date('2026-11-23T08:00:00Z');
    const sessions = new SessionRegistry({ idleMs: 1000, maxMs: 5000, now: () => now });
    const dispatcher = createTableDispatcher(table, { 'demo.echo': (p) => p }, sessions, silentLogger());
    const id = sessions.start({ id: 'u', displayName: 'u', role: 'operator' }, false).sessionId;
    expect((await dispatcher.dispatch('demo.echo', { text: 'a' }, statelessConnection('web', id))).ok).toBe(true);
    now = new Date(now.getTime() + 1001);
    expect(await dispatcher.dispatch('demo.echo', { text: 'a' }, statelessConnection('web', id))).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
    now = new Date(now.getTime() + 5000);
    expect(await dispatcher.dispatch('demo.echo', { text: 'a' }, statelessConnection('web', id))).toMatchObject({
      ok: false,
      error: { code: 'SESSION_REQUIRED' },
    });
    const other = sessions.start({ id: 'u', displayName: 'u', role: 'operator' }, false).sessionId;
    sessions.end(other);
    expect(await dispatcher.dispatch('demo.echo', { text: 'a' }, statelessConnection('web', other))).toMatchObject({
      ok: false,
      error: { code: 'SESSION_REQUIRED' },
    });
  });

  it('knows a session only under the binding (launch token) it started with', async () => {
    const sessions = new SessionRegistry({ idleMs: 60_000 });
    const dispatcher = createTableDispatcher(table, { 'demo.echo': (p) => p }, sessions, silentLogger());
    const id = sessions.start({ id: 'u', displayName: 'u', role: 'operator' }, { training: false, binding: 'launch-a' }).sessionId;
    expect((await dispatcher.dispatch('demo.echo', { text: 'a' }, statelessConnection('web', id, 'launch-a'))).ok).toBe(true);
    expect(await dispatcher.dispatch('demo.echo', { text: 'a' }, statelessConnection('web', id, 'launch-b'))).toMatchObject({
      ok: false,
      error: { code: 'SESSION_REQUIRED' },
    });
  });
});

describe('the station contract through the dispatcher', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => {
    for (const remove of dirs.splice(0)) remove();
  });

  it('signs a training operator in and out on a connection that keeps its session', async () => {
    const { dir, remove } = tempDir();
    dirs.push(remove);
    const station = await trainingStation(dir);
    const window = statefulConnection('electron');
    const started = await station.dispatcher.dispatch('session.startTraining', { role: 'technician' }, window);
    expect(started).toMatchObject({ ok: true, result: { operator: { role: 'technician' }, training: true } });
    expect(window.sessionId).not.toBeNull();
    expect(await station.dispatcher.dispatch('station.probeCentral', {}, window)).toMatchObject({
      ok: true,
      result: { state: 'LURING', reason: { code: 'CENTRAL_NOT_CONFIGURED' } },
    });
    expect(await station.dispatcher.dispatch('session.end', {}, window)).toEqual({ ok: true, result: { ended: true } });
    expect(window.sessionId).toBeNull();
    expect(await station.dispatcher.dispatch('station.probeCentral', {}, window)).toMatchObject({
      ok: false,
      error: { code: 'SESSION_REQUIRED' },
    });
    await station.close();
  });

  it('refuses an operator calling a technician method', async () => {
    const { dir, remove } = tempDir();
    dirs.push(remove);
    const station = await trainingStation(dir);
    const window = statefulConnection('electron');
    await station.dispatcher.dispatch('session.startTraining', { role: 'operator' }, window);
    expect(await station.dispatcher.dispatch('station.probeCentral', {}, window)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    await station.close();
  });
});

import { z } from 'zod';
import { events } from './events.js';
import { methods } from './index.js';

/** The contract as Markdown: one section per method and event, params and result as JSON Schema. */
export function describeContract(): string {
  const out: string[] = [];
  out.push('| method | roles | summary |', '| --- | --- | --- |');
  for (const [name, spec] of Object.entries(methods)) {
    const roles = spec.roles === 'anyone' ? 'anyone with the launch token' : spec.roles.join(', ');
    out.push(`| [\`${name}\`](#${name.replace(/\./g, '').toLowerCase()}) | ${roles} | ${spec.summary} |`);
  }
  out.push('');
  for (const [name, spec] of Object.entries(methods)) {
    out.push(`### ${name}`, '', spec.summary, '');
    out.push(`Roles: ${spec.roles === 'anyone' ? 'anyone with the launch token' : spec.roles.join(', ')}.`);
    if (spec.maxBodyBytes !== undefined) out.push(`Body limit: ${spec.maxBodyBytes} bytes.`);
    if (spec.reauth === true) out.push('Re-authentication: send `reauthProof` from `session.reauthenticate` (for this method) beside the params.');
    if (spec.audit !== undefined) out.push(`Audited as \`${spec.audit.action}\`.`);
    out.push('', 'Params:', '', '```json', schemaJson(spec.params, 'input'), '```', '', 'Result:', '', '```json', schemaJson(spec.result, 'output'), '```', '');
  }
  out.push('### Events', '');
  for (const [name, spec] of Object.entries(events)) {
    out.push(`#### ${name}`, '', spec.summary, '', '```json', schemaJson(spec.payload, 'output'), '```', '');
  }
  return out.join('\n');
}

function schemaJson(schema: z.ZodType, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema;
  return JSON.stringify(json, null, 2);
}

/**
 * docs/roles.md: the method table by role, generated from the same contract the dispatcher
 * enforces, so the page cannot drift from what the station does.
 */
export function describeRoles(): string {
  const roles = ['operator', 'printer', 'technician', 'supervisor'] as const;
  const out: string[] = [];
  out.push(`| method | ${roles.join(' | ')} | re-auth | audited |`, `| --- | ${roles.map(() => ':---:').join(' | ')} | :---: | --- |`);
  for (const [name, spec] of Object.entries(methods)) {
    const cells = roles.map((role) => (spec.roles === 'anyone' || spec.roles.includes(role) ? '✓' : ''));
    out.push(`| \`${name}\` | ${cells.join(' | ')} | ${spec.reauth === true ? '✓' : ''} | ${spec.audit?.action ?? ''} |`);
  }
  out.push('');
  const open = Object.entries(methods).filter(([, spec]) => spec.roles === 'anyone').map(([name]) => `\`${name}\``);
  out.push(`Open to any caller holding the launch token, signed in or not: ${open.join(', ')}.`, '');
  return out.join('\n');
}

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

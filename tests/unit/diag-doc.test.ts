import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagReport } from '../../src-main/contract/methods/diag.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/diag.md', () => {
  const text = readFileSync(join(ROOT, 'docs', 'diag.md'), 'utf8');

  it('shows an example report that the DiagReport schema accepts', () => {
    const block = /```json\n([\s\S]*?)```/.exec(text)?.[1];
    expect(block, 'a ```json block').toBeDefined();
    const parsed = DiagReport.safeParse(JSON.parse(block ?? ''));
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  });

  it('documents every field of a check', () => {
    for (const field of Object.keys(DiagReport.shape.checks.element.shape)) expect(text).toContain(`| \`${field}`);
  });
});

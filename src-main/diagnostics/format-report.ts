import type { DiagReport } from '../contract/methods/diag.js';

const MARK = { pass: 'OK  ', warn: 'WARN', fail: 'GAGAL', skip: 'LEWAT' } as const;

/** The report as the technician reads it at a terminal: one line per check, cause and fix under each that is not OK. */
export function formatReport(report: DiagReport, language: 'id' | 'en' = 'id'): string {
  const lines: string[] = [];
  const s = report.station;
  lines.push(`KTP Station ${s.version} — ${s.stationId} (${s.mode}) — ${report.generatedAt}`);
  lines.push(`  config: ${s.configPath ?? '(training)'}  data: ${s.dataDir}${s.runningPid === null ? '' : `  running station PID ${s.runningPid}`}`);
  let section = '';
  for (const check of report.checks) {
    if (check.section !== section) {
      section = check.section;
      lines.push('', `[${section}]`);
    }
    const title = language === 'en' ? check.title.en : check.title.id;
    const observed = check.observed === null ? '' : ` — ${check.observed}`;
    const latency = check.latencyMs === null ? '' : ` (${check.latencyMs} ms)`;
    const code = check.code === null ? '' : ` [${check.code}]`;
    lines.push(`  ${MARK[check.status].padEnd(5)} ${check.id}: ${title}${observed}${latency}${code}`);
    if (check.status !== 'pass') {
      if (check.subject !== '') lines.push(`        ${check.subject}`);
      if (check.cause !== null) lines.push(`        sebab / cause: ${check.cause.id}`, `                       ${check.cause.en}`);
      if (check.fix !== null) lines.push(`        atasi / fix:   ${check.fix.id}`, `                       ${check.fix.en}`);
    }
  }
  const c = report.counts;
  lines.push('', `${report.ok ? 'SEMUA LULUS / ALL PASS' : 'ADA YANG GAGAL / SOME CHECKS FAILED'}: ${c.pass} ok, ${c.warn} warn, ${c.fail} fail, ${c.skip} skipped`);
  return `${lines.join('\n')}\n`;
}

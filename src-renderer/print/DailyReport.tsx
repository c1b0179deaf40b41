import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult, Role } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n';
import type { Language } from '../i18n';
import { TEST_IDS } from '../testids';
import { downloadPdf } from './download';

type Report = MethodResult<'print.dailyReport'>;

const PRINTED_FILL = 'var(--mantine-color-blue-6)';
const SPOILED_FILL = 'var(--mantine-color-orange-6)';

const LOCALE: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

/** A report day (YYYY-MM-DD, the desk's local calendar) as a local Date. */
function dayOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function isoDay(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

function addDays(date: string, days: number): string {
  const at = dayOf(date);
  return isoDay(new Date(at.getFullYear(), at.getMonth(), at.getDate() + days));
}

function weekday(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { weekday: 'short' }).format(dayOf(date));
}

function longDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayOf(date));
}

/** Seven days, printed and spoiled side by side, drawn as SVG: no chart library for one small picture. */
function WeekChart({ week, label, language }: { week: Report['week']; label: string; language: Language }) {
  const width = 560;
  const height = 120;
  const top = 16;
  const max = Math.max(1, ...week.map((d) => Math.max(d.printed, d.spoiled)));
  const slot = width / Math.max(1, week.length);
  const bar = Math.min(28, (slot - 16) / 2);
  return (
    <svg viewBox={`0 0 ${width} ${top + height + 36}`} width="100%" role="img" aria-label={label} data-testid={TEST_IDS.dailyReportWeek}>
      <line x1={0} x2={width} y1={top + height} y2={top + height} stroke="var(--mantine-color-gray-4)" />
      {week.map((day, i) => {
        const x = i * slot + slot / 2;
        const bars = [
          { value: day.printed, fill: PRINTED_FILL, x: x - bar - 1 },
          { value: day.spoiled, fill: SPOILED_FILL, x: x + 1 },
        ];
        return (
          <g key={day.date} data-date={day.date} data-printed={day.printed} data-spoiled={day.spoiled}>
            <title>{`${day.date}: ${day.printed} / ${day.spoiled}`}</title>
            {bars.map((b) => {
              const h = Math.round((b.value / max) * height);
              return (
                <g key={b.fill}>
                  <rect x={b.x} y={top + height - h} width={bar} height={Math.max(h, 1)} rx={3} fill={b.fill} />
                  {b.value > 0 && (
                    <text x={b.x + bar / 2} y={top + height - h - 4} fontSize={11} textAnchor="middle" fill="var(--mantine-color-gray-8)">
                      {b.value}
                    </text>
                  )}
                </g>
              );
            })}
            <text x={x} y={top + height + 16} fontSize={12} textAnchor="middle" fill="var(--mantine-color-gray-8)">
              {weekday(day.date, language)}
            </text>
            <text x={x} y={top + height + 31} fontSize={11} textAnchor="middle" fill="var(--mantine-color-gray-6)">
              {day.date.slice(8)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Figure({ name, label, value, language }: { name: string; label: string; value: number; language: Language }) {
  return (
    <Paper withBorder p="sm" data-testid={TEST_IDS.dailyReportFigure} data-figure={name} data-value={value}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz={28} fw={800}>
        {formatNumber(value, language)}
      </Text>
    </Paper>
  );
}

function Swatch({ fill, label }: { fill: string; label: string }) {
  return (
    <Group gap={6}>
      <svg width={14} height={14} aria-hidden="true">
        <rect width={14} height={14} rx={3} fill={fill} />
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

interface DailyReportProps {
  client: StationClient;
  role: Role;
  /** A printer is configured: a supervisor may save its settings as the profile the report checks against. */
  printerConfigured: boolean;
  onError: (error: unknown, method: string) => void;
}

/**
 * Laporan harian of the print desk (`print.dailyReport`): cards printed, spoiled with reasons, Suket
 * issued, stock at opening and closing, the week as a chart, and per printer its cards per hour
 * against its rated speed with the station's alerts; "Unduh PDF" asks the station for the same
 * report as a PDF.
 */
export function DailyReport({ client, role, printerConfigured, onError }: DailyReportProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [date, setDate] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [profileSaved, setProfileSaved] = useState<string | null>(null);
  const shown = date ?? report?.date ?? null;
  const today = isoDay(new Date());

  const load = useCallback(
    () =>
      client.call('print.dailyReport', date === null ? {} : { date }).then(setReport, (error: unknown) => onError(error, 'print.dailyReport')),
    [client, date, onError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const download = async () => {
    setDownloading(true);
    try {
      const withPdf = await client.call('print.dailyReport', { ...(date === null ? {} : { date }), pdf: true });
      setReport(withPdf);
      if (withPdf.pdf !== null) downloadPdf(`laporan-cetak-${withPdf.date}.pdf`, withPdf.pdf);
    } catch (error: unknown) {
      onError(error, 'print.dailyReport');
    } finally {
      setDownloading(false);
    }
  };

  const saveProfile = async () => {
    setSaving(true);
    try {
      const saved = await client.call('print.saveProfile', {});
      setProfileSaved(saved.name);
      await load();
    } catch (error: unknown) {
      onError(error, 'print.saveProfile');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg" data-testid={TEST_IDS.dailyReport} data-date={report?.date}>
      <Group justify="space-between" gap="sm">
        <Group align="center" gap="sm">
          <Button size="md" variant="default" disabled={shown === null} onClick={() => shown !== null && setDate(addDays(shown, -1))} data-testid={TEST_IDS.dailyReportPrevious}>
            {t('printDesk.report.previous')}
          </Button>
          <Text fz="lg" fw={700} ta="center" data-testid={TEST_IDS.dailyReportDate}>
            {shown === null ? '—' : longDay(shown, language)}
          </Text>
          <Button size="md" variant="default" disabled={shown === null || shown >= today} onClick={() => shown !== null && setDate(addDays(shown, 1))} data-testid={TEST_IDS.dailyReportNext}>
            {t('printDesk.report.next')}
          </Button>
          <Button size="md" variant="subtle" disabled={date === null} onClick={() => setDate(null)}>
            {t('printDesk.report.today')}
          </Button>
        </Group>
        <Group gap="sm">
          <Button size="md" variant="default" onClick={() => void load()}>
            {t('printDesk.report.reload')}
          </Button>
          <Button size="md" onClick={() => void download()} loading={downloading} disabled={report === null} data-testid={TEST_IDS.dailyReportPdf}>
            {t('printDesk.report.pdf')}
          </Button>
        </Group>
      </Group>

      {report !== null && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
            <Figure name="printed" label={t('printDesk.report.printed')} value={report.printed} language={language} />
            <Figure name="spoiled" label={t('printDesk.report.spoiled')} value={report.spoiledTotal} language={language} />
            <Figure name="failedNoCard" label={t('printDesk.report.failedNoCard')} value={report.failedNoCard} language={language} />
            <Figure name="suket" label={t('printDesk.report.suket')} value={report.suketIssued} language={language} />
            <Figure name="stockOpening" label={t('printDesk.report.stockOpening')} value={report.stockOpening} language={language} />
            <Figure name="received" label={t('printDesk.report.received')} value={report.received} language={language} />
            <Figure name="stockClosing" label={t('printDesk.report.stockClosing')} value={report.stockClosing} language={language} />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('printDesk.report.spoiledReasons')}
              </Title>
              {report.spoiled.length === 0 ? (
                <Text c="dimmed">{t('printDesk.report.noSpoiled')}</Text>
              ) : (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('printDesk.report.reason')}</Table.Th>
                      <Table.Th ta="right">{t('printDesk.report.count')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.spoiled.map((s) => (
                      <Table.Tr key={s.reason} data-testid={TEST_IDS.dailyReportSpoiledReason} data-count={s.count}>
                        <Table.Td>{s.reason}</Table.Td>
                        <Table.Td ta="right">{formatNumber(s.count, language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t('printDesk.report.week')}
                </Title>
                <Group gap="md">
                  <Swatch fill={PRINTED_FILL} label={t('printDesk.report.printed')} />
                  <Swatch fill={SPOILED_FILL} label={t('printDesk.report.spoiled')} />
                </Group>
              </Group>
              <WeekChart week={report.week} label={t('printDesk.report.week')} language={language} />
            </Paper>
          </SimpleGrid>

          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {t('printDesk.report.printers')}
              </Title>
              {role === 'supervisor' && printerConfigured && (
                <Button size="md" variant="light" loading={saving} onClick={() => void saveProfile()} data-testid={TEST_IDS.dailyReportSaveProfile}>
                  {t('printDesk.report.saveProfile')}
                </Button>
              )}
            </Group>
            {profileSaved !== null && (
              <Text size="sm" c="green.8" mb="xs" data-testid={TEST_IDS.dailyReportProfileSaved}>
                {t('printDesk.report.profileSaved', { name: profileSaved })}
              </Text>
            )}
            {report.printers.length === 0 ? (
              <Text c="dimmed">{t('printDesk.report.noPrinters')}</Text>
            ) : (
              <Stack gap="md">
                {report.printers.map((p) => {
                  const percent = p.cardsPerHour === null ? null : Math.round((100 * p.cardsPerHour) / p.ratedCardsPerHour);
                  return (
                    <Stack key={p.name} gap={6} data-testid={TEST_IDS.dailyReportPrinter} data-printer={p.name} data-cards={p.cards} data-alerts={p.alerts.length}>
                      <Group justify="space-between">
                        <Text fw={700}>{p.name}</Text>
                        <Text>{t('printDesk.report.cards', { count: p.cards })}</Text>
                      </Group>
                      <Text size="sm">
                        {p.cardsPerHour === null
                          ? t('printDesk.report.noRate', { rated: p.ratedCardsPerHour })
                          : t('printDesk.report.rate', { rate: formatNumber(p.cardsPerHour, language), rated: p.ratedCardsPerHour, percent })}
                      </Text>
                      {percent !== null && (
                        <Progress value={Math.min(100, percent)} color={p.alerts.length > 0 ? 'orange' : 'green'} size="lg" aria-label={t('printDesk.report.rateLabel', { name: p.name })} />
                      )}
                      {p.alerts.length > 0 && (
                        <Alert color="orange" p="xs" title={t('printDesk.report.alertTitle')} data-testid={TEST_IDS.dailyReportAlert}>
                          {p.alerts.map((a) => (
                            <Text key={a} size="sm">
                              {a}
                            </Text>
                          ))}
                        </Alert>
                      )}
                    </Stack>
                  );
                })}
              </Stack>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}

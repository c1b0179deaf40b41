import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { TEST_IDS } from '../testids';

/** Fourteen bars, one a day, drawn as SVG: no chart library for one small picture. */
function DaysChart({ days, label }: { days: DashboardSummary['lastDays']; label: string }) {
  const width = 560;
  const height = 120;
  const max = Math.max(1, ...days.map((d) => d.recorded));
  const slot = width / Math.max(1, days.length);
  return (
    <svg viewBox={`0 0 ${width} ${height + 22}`} width="100%" role="img" aria-label={label} data-testid={TEST_IDS.dashboardChart}>
      {days.map((day, i) => {
        const h = Math.round((day.recorded / max) * height);
        return (
          <g key={day.date}>
            <title>{`${day.date}: ${day.recorded}`}</title>
            <rect x={i * slot + 4} y={height - h} width={slot - 8} height={Math.max(h, 1)} rx={3} fill="var(--mantine-color-blue-6)" />
            <text x={i * slot + slot / 2} y={height + 16} fontSize={11} textAnchor="middle" fill="var(--mantine-color-gray-7)">
              {day.date.slice(8)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The desk's day at a glance: recorded today against the target, records by status, 14 days. */
export function DeskDashboard({ client }: { client: StationClient }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<DashboardSummary | null>(null);

  useEffect(() => {
    let alive = true;
    client.call('dashboard.summary', {}).then(
      (next) => alive && setSummary(next),
      () => alive && setSummary(null),
    );
    return () => {
      alive = false;
    };
  }, [client]);

  if (summary === null) return null;
  const percent = Math.min(100, Math.round((summary.today.recorded / summary.today.target) * 100));
  return (
    <Paper withBorder p="lg" radius="md" data-testid={TEST_IDS.dashboard}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('recording.dashboard.title')}
          </Title>
          <Group align="baseline" gap="xs">
            <Text fz={40} fw={800} data-testid={TEST_IDS.dashboardToday}>
              {summary.today.recorded}
            </Text>
            <Text fz="lg" c="gray.7">
              {t('recording.dashboard.ofTarget', { target: summary.today.target })}
            </Text>
          </Group>
          <Progress value={percent} size="xl" radius="sm" aria-label={t('recording.dashboard.today')} />
          <Text fw={700} mt="sm">
            {t('recording.dashboard.byStatus')}
          </Text>
          <Group gap="xs">
            {summary.byStatus.length === 0 && <Text c="gray.7">{t('recording.dashboard.none')}</Text>}
            {summary.byStatus.map((row) => (
              <Badge key={row.status} size="lg" variant="light" color={row.status === 'DRAFT' ? 'gray' : 'blue'}>
                {row.status}: {row.count}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Stack gap="xs">
          <Text fw={700}>{t('recording.dashboard.lastDays')}</Text>
          <DaysChart days={summary.lastDays} label={t('recording.dashboard.lastDays')} />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

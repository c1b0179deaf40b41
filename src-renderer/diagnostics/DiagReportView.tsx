import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiagCheck, DiagReport, DiagSection } from '../../src-main/contract/index.js';
import { useLanguage } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { TEST_IDS } from '../testids';

const SECTIONS: readonly DiagSection[] = ['device', 'central', 'clock', 'database', 'backlog', 'disk', 'software'];
const COLORS = { pass: 'green.9', warn: 'orange.9', fail: 'red.9', skip: 'gray.7' } as const;

function CheckRow({ check }: { check: DiagCheck }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const pick = (text: { id: string; en: string }) => (language === 'en' ? text.en : text.id);
  return (
    <Table.Tr data-testid={`${TEST_IDS.diagCheck}-${check.id}`} data-status={check.status} data-code={check.code ?? ''}>
      <Table.Td>
        <Badge size="lg" radius="sm" color={COLORS[check.status]} variant={check.status === 'fail' ? 'filled' : 'light'}>
          {t(`diag.status.${check.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text fw={600}>{pick(check.title)}</Text>
        <Text fz="sm" c="gray.8">
          {check.subject}
        </Text>
        {check.cause === null ? null : (
          <Text mt={4}>
            <strong>{t('diag.cause')}:</strong> {pick(check.cause)}
          </Text>
        )}
        {check.fix === null ? null : (
          <Text mt={2}>
            <strong>{t('diag.fix')}:</strong> {pick(check.fix)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {check.observed ?? '—'}
        {check.latencyMs === null ? null : <Text fz="sm">{`${check.latencyMs} ms`}</Text>}
      </Table.Td>
      <Table.Td>{check.code === null ? null : <Code fz="sm">{check.code}</Code>}</Table.Td>
    </Table.Tr>
  );
}

/** The diagnosis by section: each check's state, what was seen, and for each one not OK its cause and fix. */
export function DiagReportView({ report }: { report: DiagReport }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Stack gap="md" data-testid={TEST_IDS.diagReport} data-ok={String(report.ok)}>
      <Group gap="md" data-testid={TEST_IDS.diagSummary}>
        <Badge size="xl" radius="sm" color={report.ok ? 'green.9' : 'red.9'}>
          {report.ok ? t('diag.allPass') : t('diag.someFail')}
        </Badge>
        <Text>{t('diag.counts', report.counts)}</Text>
        <Text c="gray.8">{formatDateTime(report.generatedAt, language)}</Text>
      </Group>
      {SECTIONS.map((section) => {
        const checks = report.checks.filter((c) => c.section === section);
        if (checks.length === 0) return null;
        return (
          <Paper key={section} withBorder p="md" radius="md" data-testid={`${TEST_IDS.diagSection}-${section}`}>
            <Title order={3} fz="lg" mb="xs">
              {t(`diag.section.${section}`)}
            </Title>
            <Table verticalSpacing="xs" horizontalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>{t('diag.col.status')}</Table.Th>
                  <Table.Th>{t('diag.col.check')}</Table.Th>
                  <Table.Th w={260}>{t('diag.col.observed')}</Table.Th>
                  <Table.Th w={170}>{t('diag.col.code')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {checks.map((check) => (
                  <CheckRow key={check.id} check={check} />
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}

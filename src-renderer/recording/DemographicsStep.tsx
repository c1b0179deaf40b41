import { Alert, Button, Group, List, NativeSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorPayload } from '../../src-main/contract/index.js';
import type { EnrollmentView } from '../../src-main/contract/methods/enrollment.js';
import type { StationClient } from '../client/station-client';
import { toErrorPayload } from '../client/station-client';
import { useLanguage } from '../i18n';
import { TEST_IDS, fieldErrorTestId, fieldTestId } from '../testids';
import { duplicateRecords, fieldIssues } from './details';
import type { DuplicateRecord, FieldIssue } from './details';
import {
  AGAMA,
  EMPTY_DEMOGRAPHICS,
  GOLONGAN_DARAH,
  JENIS_KELAMIN,
  KEWARGANEGARAAN,
  PEKERJAAN,
  STATUS_PERKAWINAN,
} from './options';
import type { DemographicsDraft, DemographicsField } from './options';

interface DemographicsStepProps {
  client: StationClient;
  /** The draft being edited, or null for a new resident. */
  view: EnrollmentView | null;
  /** The station accepted the data: the draft as it now stands (its stored step is FOTO). */
  onAccepted: (view: EnrollmentView) => void;
  onError: (error: StationErrorPayload | null) => void;
  onClose: () => void;
}

const inputId = (field: DemographicsField): string => `ktp-field-${field}`;

function fromView(view: EnrollmentView | null): DemographicsDraft {
  if (view === null) return EMPTY_DEMOGRAPHICS;
  const d = view.demographics;
  return { ...d, nik: view.nik };
}

/** Pads an RT/RW of 1–3 digits to the 3 digits the card prints (7 → 007). */
function padThree(value: string): string {
  const trimmed = value.trim();
  return /^\d{1,2}$/.test(trimmed) ? trimmed.padStart(3, '0') : value;
}

/**
 * Data Penduduk: every e-KTP field. The station checks the data (NIK structure, region, dates);
 * its issues show under their fields, in the current language. Enter anywhere submits.
 */
export function DemographicsStep({ client, view, onAccepted, onError, onClose }: DemographicsStepProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [values, setValues] = useState<DemographicsDraft>(() => fromView(view));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateRecord[] | null>(null);
  const [asUpdate, setAsUpdate] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: DemographicsField, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setIssues((previous) => previous.filter((issue) => issue.field !== field));
  };

  const errorOf = (field: DemographicsField): ReactNode => {
    const mine = issues.filter((issue) => issue.field === field);
    if (mine.length === 0) return null;
    return mine.map((issue) => issue.message[language]).join(' ');
  };

  const formIssues = issues.filter((issue) => issue.field === '_form');

  const submit = async (updateReason?: string) => {
    if (busy) return;
    setBusy(true);
    onError(null);
    const demographics = { ...values, rt: padThree(values.rt), rw: padThree(values.rw) };
    try {
      const next =
        view === null
          ? await client.call('enrollment.startDraft', updateReason === undefined ? { demographics } : { demographics, updateReason })
          : await client.call('enrollment.updateDraft', { id: view.id, demographics, wizardStep: 'FOTO' });
      setIssues([]);
      setDuplicates(null);
      onAccepted(next);
    } catch (thrown: unknown) {
      const payload = toErrorPayload(thrown, view === null ? 'enrollment.startDraft' : 'enrollment.updateDraft');
      if (payload.code === 'INVALID_DEMOGRAPHICS') {
        const found = fieldIssues(payload);
        setIssues(found);
        const first = found.find((issue) => issue.field !== '_form');
        if (first !== undefined && first.field !== '_form') document.getElementById(inputId(first.field))?.focus();
        if (found.length === 0) onError(payload);
      } else if (payload.code === 'DUPLICATE_NIK') {
        setDuplicates(duplicateRecords(payload));
        setAsUpdate(false);
      } else {
        onError(payload);
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void submit();
  };

  const confirmUpdate = () => {
    if (reason.trim().length < 5) {
      setReasonError(t('recording.duplicate.reasonTooShort'));
      document.getElementById('ktp-update-reason')?.focus();
      return;
    }
    setReasonError(null);
    void submit(reason.trim());
  };

  const text = (field: DemographicsField, extra: { description?: string; maxLength?: number; inputMode?: 'numeric'; type?: string } = {}) => (
    <TextInput
      id={inputId(field)}
      label={t(`recording.fields.${field}`)}
      size="md"
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      onBlur={field === 'rt' || field === 'rw' ? () => set(field, padThree(values[field])) : undefined}
      error={errorOf(field)}
      errorProps={{ 'data-testid': fieldErrorTestId(field) }}
      data-testid={fieldTestId(field)}
      autoComplete="off"
      spellCheck={false}
      {...extra}
    />
  );

  const select = (field: DemographicsField, options: readonly string[], labels?: Readonly<Record<string, string>>) => (
    <NativeSelect
      id={inputId(field)}
      label={t(`recording.fields.${field}`)}
      size="md"
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      data={[{ value: '', label: t('recording.form.choose') }, ...options.map((value) => ({ value, label: labels?.[value] ?? value }))]}
      error={errorOf(field)}
      errorProps={{ 'data-testid': fieldErrorTestId(field) }}
      data-testid={fieldTestId(field)}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="ktp-data-hint">
      <Stack gap="md">
        {formIssues.length > 0 && (
          <Alert color="red" variant="light" title={t('recording.form.formIssues')} data-testid={fieldErrorTestId('_form')} role="alert">
            <List>
              {formIssues.map((issue) => (
                <List.Item key={`${issue.code}:${issue.message.en}`}>{issue.message[language]}</List.Item>
              ))}
            </List>
          </Alert>
        )}

        {duplicates !== null && (
          <Alert color="orange" variant="light" title={t('recording.duplicate.title')} data-testid={TEST_IDS.duplicateAlert} role="alert">
            <Stack gap="sm">
              <Text>{t('recording.duplicate.body')}</Text>
              <List>
                {duplicates.map((record) => (
                  <List.Item key={record.id}>
                    <Text span ff="monospace" fw={700}>
                      {record.registrationNo}
                    </Text>{' '}
                    — {record.status}
                  </List.Item>
                ))}
              </List>
              {view === null && !asUpdate && (
                <Group>
                  <Button color="orange" onClick={() => setAsUpdate(true)} data-testid={TEST_IDS.duplicateUpdate}>
                    {t('recording.duplicate.update')}
                  </Button>
                </Group>
              )}
              {view === null && asUpdate && (
                <Group align="flex-end">
                  <TextInput
                    id="ktp-update-reason"
                    label={t('recording.duplicate.reason')}
                    description={t('recording.duplicate.reasonHint')}
                    size="md"
                    w={420}
                    value={reason}
                    onChange={(event) => setReason(event.currentTarget.value)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        confirmUpdate();
                      }
                    }}
                    error={reasonError}
                    maxLength={200}
                    data-autofocus
                    autoFocus
                    data-testid={TEST_IDS.duplicateReason}
                  />
                  <Button color="orange" onClick={confirmUpdate} loading={busy} data-testid={TEST_IDS.duplicateConfirm}>
                    {t('recording.duplicate.confirm')}
                  </Button>
                  <Button variant="default" onClick={() => setDuplicates(null)}>
                    {t('recording.duplicate.cancel')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput
            id={inputId('nik')}
            label={t('recording.fields.nik')}
            description={t('recording.form.nikHint')}
            size="md"
            value={values.nik}
            onChange={(event) => set('nik', event.currentTarget.value.replace(/\s/g, ''))}
            error={errorOf('nik')}
            errorProps={{ 'data-testid': fieldErrorTestId('nik') }}
            data-testid={fieldTestId('nik')}
            inputMode="numeric"
            maxLength={16}
            autoComplete="off"
            autoFocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em' } }}
          />
          {text('nama', { maxLength: 60 })}
          {text('tempatLahir', { maxLength: 40 })}
          {text('tanggalLahir', { type: 'date', description: t('recording.form.dateHint') })}
          {select('jenisKelamin', JENIS_KELAMIN)}
          {select('golonganDarah', GOLONGAN_DARAH, { '-': t('recording.form.unknownBlood') })}
          {text('alamat', { maxLength: 100 })}
          <Group grow align="flex-start">
            {text('rt', { maxLength: 3, inputMode: 'numeric', description: t('recording.form.rtHint') })}
            {text('rw', { maxLength: 3, inputMode: 'numeric', description: t('recording.form.rtHint') })}
          </Group>
          {text('kelurahanDesa', { maxLength: 40 })}
          {text('kecamatan', { maxLength: 40 })}
          {select('agama', AGAMA)}
          {select('statusPerkawinan', STATUS_PERKAWINAN)}
          <Select
            id={inputId('pekerjaan')}
            label={t('recording.fields.pekerjaan')}
            placeholder={t('recording.form.searchPekerjaan')}
            size="md"
            searchable
            data={PEKERJAAN}
            value={values.pekerjaan === '' ? null : values.pekerjaan}
            onChange={(value) => set('pekerjaan', value ?? '')}
            nothingFoundMessage={t('recording.form.nothingFound')}
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
            error={errorOf('pekerjaan')}
            errorProps={{ 'data-testid': fieldErrorTestId('pekerjaan') }}
            data-testid={fieldTestId('pekerjaan')}
          />
          {select('kewarganegaraan', KEWARGANEGARAAN)}
        </SimpleGrid>

        <Text id="ktp-data-hint" fz="sm" c="gray.7">
          {t('recording.form.enterHint')}
        </Text>
        <Group justify="space-between">
          <Button variant="default" onClick={onClose} data-testid={TEST_IDS.wizardClose}>
            {view === null ? t('recording.wizard.cancel') : t('recording.wizard.close')}
          </Button>
          <Button type="submit" size="lg" loading={busy} data-testid={TEST_IDS.wizardNext}>
            {t('recording.wizard.next')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

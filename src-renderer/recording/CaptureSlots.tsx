import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureSummary } from '../../src-main/contract/captures.js';
import { reviewSlotTestId } from '../testids';
import { ALL_SLOTS } from './options';
import type { Slot } from './options';
import { previewKey } from './previews';
import type { Previews } from './previews';

/** red below 40, orange below 60, green from 60: the desk's reading of a 0–100 quality score. */
export function qualityColor(quality: number): 'red' | 'orange' | 'green' {
  if (quality < 40) return 'red';
  if (quality < 60) return 'orange';
  return 'green';
}

export function QualityBadge({ quality, testId, size = 'lg' }: { quality: number; testId?: string; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={qualityColor(quality)} variant="filled" size={size} data-testid={testId} aria-label={`${t('recording.capture.quality')} ${quality}`}>
      {t('recording.capture.quality')} {quality}
    </Badge>
  );
}

/** The captures of one position, and the one the station keeps (image or exception). */
export function slotCaptures(captures: readonly CaptureSummary[], slot: Slot): { attempts: CaptureSummary[]; chosen: CaptureSummary | undefined } {
  const attempts = captures.filter((c) => c.modality === slot.modality && c.position === slot.position);
  return { attempts, chosen: attempts.find((c) => c.chosen) };
}

/** A thumbnail box of fixed height: the image, or nothing while it loads / when there is no preview. */
export function Thumb({ src, alt, height, testId }: { src: string | null | undefined; alt: string; height: number; testId?: string }) {
  return (
    <Box
      h={height}
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f1f3f5', borderRadius: 6, overflow: 'hidden' }}
    >
      {typeof src === 'string' && <img src={src} alt={alt} data-testid={testId} style={{ maxHeight: height, maxWidth: '100%', objectFit: 'contain' }} />}
    </Box>
  );
}

/**
 * The 14 required positions with thumbnail, quality or exception: the review step and the read-only
 * record detail. Fetches the chosen images' previews.
 */
export function CaptureSlotsGrid({ captures, previews }: { captures: readonly CaptureSummary[]; previews: Previews }) {
  const { t } = useTranslation();
  const { ensure } = previews;
  useEffect(() => {
    ensure(captures.filter((c) => c.chosen));
  }, [ensure, captures]);

  return (
    <SimpleGrid cols={{ base: 3, md: 5, lg: 7 }} spacing="sm">
      {ALL_SLOTS.map((slot) => {
        const { chosen } = slotCaptures(captures, slot);
        const label = t(`recording.positions.${slot.position}`);
        return (
          <Paper
            key={slot.position}
            withBorder
            p="xs"
            radius="md"
            data-testid={reviewSlotTestId(slot.position)}
            data-done={chosen !== undefined}
            style={chosen === undefined ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
          >
            <Stack gap={4}>
              <Text fz="sm" fw={700} lh={1.2} h="2.4em" style={{ overflow: 'hidden' }}>
                {label}
              </Text>
              <Thumb
                src={chosen === undefined ? undefined : previews.byKey[previewKey(chosen.position, chosen.attempt)]}
                alt={t('recording.capture.previewAlt', { position: label, attempt: chosen?.attempt ?? 0 })}
                height={72}
              />
              <Group gap={4}>
                {chosen === undefined && (
                  <Badge color="red" variant="light" size="md">
                    {t('recording.capture.notCaptured')}
                  </Badge>
                )}
                {chosen?.exceptionReason != null && (
                  <Badge color="grape" variant="filled" size="md">
                    {t(`recording.exceptions.${chosen.exceptionReason}`)}
                  </Badge>
                )}
                {chosen?.quality != null && <QualityBadge quality={chosen.quality} size="md" />}
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

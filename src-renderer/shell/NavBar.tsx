import { Kbd, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { testIds } from '../testids.js';
import type { PageKey } from './pages.js';

interface NavBarProps {
  pages: readonly PageKey[];
  current: PageKey;
  onSelect: (page: PageKey) => void;
}

/** The role's pages; Alt+1…Alt+N jump to them (shown beside each). */
export function NavBar({ pages, current, onSelect }: NavBarProps) {
  const { t } = useTranslation();
  return (
    <Stack component="nav" aria-label={t('nav.label')} gap={4} p="sm">
      {pages.map((page, index) => (
        <NavLink
          key={page}
          component="button"
          label={t(`nav.${page}`)}
          active={page === current}
          onClick={() => onSelect(page)}
          rightSection={<Kbd>Alt+{index + 1}</Kbd>}
          data-testid={testIds.nav(page)}
          aria-keyshortcuts={`Alt+${index + 1}`}
          aria-current={page === current ? 'page' : undefined}
          fz="lg"
          py="md"
        />
      ))}
    </Stack>
  );
}

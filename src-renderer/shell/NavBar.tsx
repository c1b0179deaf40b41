import { Kbd, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PageKey } from '../pages/page-keys';
import { navTestId } from '../testids';

interface NavBarProps {
  pages: readonly PageKey[];
  current: PageKey;
}

/** The role's pages as links (`#/page`), each reachable with Tab or with Alt+its position. */
export function NavBar({ pages, current }: NavBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="ktp-nav" aria-label={t('nav.label')}>
      {pages.map((page, index) => {
        const shortcut = `Alt+${index + 1}`;
        const active = page === current;
        return (
          <NavLink
            key={page}
            component="a"
            href={`#/${page}`}
            active={active}
            variant="filled"
            label={
              <Text fz="lg" fw={active ? 800 : 600} c="inherit">
                {t(`pages.${page}.title`)}
              </Text>
            }
            rightSection={<Kbd size="sm">{shortcut}</Kbd>}
            aria-current={active ? 'page' : undefined}
            aria-keyshortcuts={shortcut}
            data-testid={navTestId(page)}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
      })}
      <Text fz="sm" c="gray.7" mt="auto" pt="md">
        {t('nav.shortcuts')}
      </Text>
    </nav>
  );
}

import { Badge, Kbd, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PageKey } from '../pages/page-keys';
import { navBadgeTestId, navTestId } from '../testids';

interface NavBarProps {
  pages: readonly PageKey[];
  current: PageKey;
  /** A count to show on a page's link (records central sent back, on Perekaman); none when 0. */
  badges?: Partial<Record<PageKey, number>>;
}

/** The role's pages as links (`#/page`), each reachable with Tab or with Alt+its position. */
export function NavBar({ pages, current, badges = {} }: NavBarProps) {
  const { t } = useTranslation();
  return (
    <nav className="ktp-nav" aria-label={t('nav.label')}>
      {pages.map((page, index) => {
        const shortcut = `Alt+${index + 1}`;
        const active = page === current;
        const count = badges[page] ?? 0;
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
            description={
              count > 0 ? (
                <Badge component="span" color="red.9" size="md" radius="sm" mt={2} tt="none" data-testid={navBadgeTestId(page)} data-count={count}>
                  {t('nav.badge', { records: count })}
                </Badge>
              ) : undefined
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

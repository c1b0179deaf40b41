import { Badge, Button, Group, Modal, NativeSelect, Paper, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, Role } from '../../src-main/contract/index.js';
import type { StationClient } from '../client/station-client';
import { ROLE_ORDER } from '../pages/page-keys';
import { ACCOUNT_TEST_IDS } from '../testids';
import { useReauth } from './ReauthDialog';

type Editing = { kind: 'new' } | { kind: 'reset'; account: AccountView } | null;

/** Supervisor: the station's accounts; create, reset a password, disable or enable. Each change asks for the password again. */
export function AccountsPage({ client, onError }: { client: StationClient; onError: (thrown: unknown, method: string) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AccountView[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [password, setPassword] = useState('');
  const { confirm, dialog } = useReauth(client, onError);

  const reload = useCallback(() => {
    client.call('account.list', {}).then((list) => setItems(list.items), (thrown: unknown) => onError(thrown, 'account.list'));
  }, [client, onError]);
  useEffect(reload, [reload]);

  const open = (next: Editing) => {
    setUsername('');
    setDisplayName('');
    setRole('operator');
    setPassword('');
    setEditing(next);
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const current = editing;
    if (current === null) return;
    setEditing(null);
    if (current.kind === 'new') {
      confirm('account.create', async (reauthProof) => {
        await client.call('account.create', { username, displayName, role, password, reauthProof } as Parameters<typeof client.call<'account.create'>>[1]);
        reload();
      });
    } else {
      confirm('account.resetPassword', async (reauthProof) => {
        await client.call('account.resetPassword', { id: current.account.id, password, reauthProof } as Parameters<typeof client.call<'account.resetPassword'>>[1]);
        reload();
      });
    }
  };

  const toggle = (account: AccountView) => {
    confirm('account.setDisabled', async (reauthProof) => {
      await client.call('account.setDisabled', { id: account.id, disabled: !account.disabled, reauthProof } as Parameters<typeof client.call<'account.setDisabled'>>[1]);
      reload();
    });
  };

  return (
    <Stack gap="lg">
      <Group>
        <Button size="md" onClick={() => open({ kind: 'new' })} data-testid={ACCOUNT_TEST_IDS.accountsNew}>
          {t('accounts.new')}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Table striped highlightOnHover data-testid={ACCOUNT_TEST_IDS.accountsTable}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.username')}</Table.Th>
              <Table.Th>{t('accounts.displayName')}</Table.Th>
              <Table.Th>{t('accounts.role')}</Table.Th>
              <Table.Th>{t('accounts.state')}</Table.Th>
              <Table.Th>{t('accounts.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items ?? []).map((account) => (
              <Table.Tr key={account.id} data-testid={ACCOUNT_TEST_IDS.accountsRow}>
                <Table.Td>{account.username}</Table.Td>
                <Table.Td>{account.displayName}</Table.Td>
                <Table.Td>{t(`roles.${account.role}`)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {account.disabled && <Badge color="gray">{t('accounts.disabled')}</Badge>}
                    {account.lockedUntil !== null && new Date(account.lockedUntil) > new Date() && <Badge color="red">{t('accounts.locked')}</Badge>}
                    {account.mustChangePassword && <Badge color="yellow">{t('accounts.mustChange')}</Badge>}
                    {!account.disabled && <Badge color="green">{t('accounts.active')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => open({ kind: 'reset', account })} data-testid={ACCOUNT_TEST_IDS.accountsReset}>
                      {t('accounts.reset')}
                    </Button>
                    <Button size="xs" variant="light" color={account.disabled ? 'green' : 'red'} onClick={() => toggle(account)} data-testid={ACCOUNT_TEST_IDS.accountsDisable}>
                      {account.disabled ? t('accounts.enable') : t('accounts.disable')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {items !== null && items.length === 0 && <Text>{t('accounts.none')}</Text>}
      </Paper>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} centered title={editing?.kind === 'reset' ? t('accounts.resetTitle', { name: editing.account.username }) : t('accounts.new')}>
        <form onSubmit={submit}>
          <Stack gap="md">
            {editing?.kind === 'new' && (
              <>
                <TextInput label={t('accounts.username')} description={t('accounts.usernameRule')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-testid={ACCOUNT_TEST_IDS.username} required />
                <TextInput label={t('accounts.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} data-testid={ACCOUNT_TEST_IDS.displayName} required />
                <NativeSelect
                  label={t('accounts.role')}
                  value={role}
                  onChange={(e) => setRole(e.currentTarget.value as Role)}
                  data={ROLE_ORDER.map((value) => ({ value, label: t(`roles.${value}`) }))}
                />
              </>
            )}
            <PasswordInput label={t('accounts.firstPassword')} description={t('accounts.firstPasswordHelp')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid={ACCOUNT_TEST_IDS.password} required />
            <Button type="submit">{t('accounts.save')}</Button>
          </Stack>
        </form>
      </Modal>
      {dialog}
    </Stack>
  );
}

import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  return (
    <Stack gap="lg" maw={960} mx="auto">
      <Stack gap="xs">
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg">{t('home.intro')}</Text>
      </Stack>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate(q.trim() ? `/courses?q=${encodeURIComponent(q.trim())}` : '/courses');
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={t('home.searchLabel')}
            placeholder={t('home.searchPlaceholder')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('home.searchButton')}</Button>
        </Group>
      </form>
    </Stack>
  );
}

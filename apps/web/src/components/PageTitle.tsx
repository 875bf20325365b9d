import { Title } from '@mantine/core';
import { useEffect } from 'react';

/** The page's one h1, also the document title (what a screen reader announces on navigation). */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Lifelong`;
  }, [children]);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}

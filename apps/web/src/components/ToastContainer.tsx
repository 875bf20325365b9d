import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** Loaded with the first toast (see toasts.tsx). */
export default function ToastContainer() {
  return <Notifications position="top-center" />;
}

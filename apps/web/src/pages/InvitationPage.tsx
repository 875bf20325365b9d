import { SetPasswordPage } from '../accounts/SetPasswordPage';

/** `/invitation#token=…`: an invited person sets their first password and is signed in. */
export function Component() {
  return <SetPasswordPage purpose="invitation" />;
}

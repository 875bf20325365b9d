import { SetPasswordPage } from '../accounts/SetPasswordPage';

/** `/reset-password#token=…`: a new password from the emailed link; other sessions end. */
export function Component() {
  return <SetPasswordPage purpose="reset" />;
}

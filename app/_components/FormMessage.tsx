import type { FormState } from '@/app/_lib/formState';

/// The outcome line under a form: an error (announced to screen readers at once) or a notice.
export function FormMessage({ state }: { state: FormState }) {
  if (state.error)
    return (
      <p className="form-message form-message--error" role="alert">
        {state.error}
      </p>
    );
  if (state.notice)
    return (
      <p className="form-message form-message--notice" role="status">
        {state.notice}
      </p>
    );
  return null;
}

/// What a submitted HTML form offers (the standard `FormData` has this shape).
export interface FormFields {
  get(name: string): FormDataEntryValue | null;
}

/// One field of a form as text ('' when absent).
export function formField(form: FormFields, name: string): string {
  return String(form.get(name) ?? '');
}

/// An article as plain text without its label (see `articleText` in lib/legal-text).
export { articleText as articlePlainText } from '@/lib/legal-text';

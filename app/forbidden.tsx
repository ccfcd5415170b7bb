import { StatusPage } from '@/app/_components/StatusPage';

export default function Forbidden() {
  return <StatusPage code={403} title="forbidden.title" text="forbidden.text" testId="forbidden" />;
}

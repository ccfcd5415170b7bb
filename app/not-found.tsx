import { StatusPage } from '@/app/_components/StatusPage';

export default function NotFound() {
  return <StatusPage code={404} title="notFound.title" text="notFound.text" />;
}

import { Link } from '../app/router.tsx';

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="back-link">
      <Link href={href}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}

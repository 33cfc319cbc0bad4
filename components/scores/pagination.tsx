import Link from "next/link";

export function Pagination({ page, pages, query }: { page: number; pages: number; query: URLSearchParams }) {
  const href = (to: number) => {
    const next = new URLSearchParams(query);
    next.set("page", String(to));
    return `?${next}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="text-sky-700 hover:underline">← Previous</Link> : <span />}
      <span className="text-slate-600">Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} className="text-sky-700 hover:underline">Next →</Link> : <span />}
    </nav>
  );
}

import Link from "next/link";

/** Pages outside the dashboard that do not exist: the same plain message the dashboard gives. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist.</p>
      <Link className="mt-4 inline-block text-sky-700 underline" href="/">Back to the overview</Link>
    </main>
  );
}
